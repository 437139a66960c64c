#!/usr/bin/python3
"""check-seed-003.py SHNOR SEED-003-FILE: the first section of seed 003's
road map, entered through the core by seed-003-file (a table by levels, a
different action for each level in every row), exported as the workbook
and as the order's PDF, and read back by openpyxl and pdftotext: each
action in the column of its level, the cells of a row side by side, the
section and subsection across the table, as seed 003 prints them. What is
expected is read from the file itself with Python's sqlite3."""
import html
import os
import re
import sqlite3
import subprocess
import sys
import tempfile

import openpyxl

shnor, make = sys.argv[1], sys.argv[2]


def flat(text):
    return " ".join(str(text).replace("\u00a0", " ").split())


def run(*args):
    done = subprocess.run(list(args), capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit("%s: %s" % (args, done.stderr))
    return done.stdout


with tempfile.TemporaryDirectory(prefix="shnor-семя-") as tmp:
    path = os.path.join(tmp, "Семя 003.shnor")
    pid = run(make, path).strip()
    db = sqlite3.connect(path)
    levels = [n for (n,) in db.execute("SELECT name FROM roadmap_level ORDER BY position, id")]
    table = db.execute("SELECT id FROM measure_table WHERE programme_id = ? AND columns = 'levels'",
                       (pid,)).fetchone()[0]
    rows = []
    for (mid,) in db.execute("SELECT m.id FROM measure m WHERE m.table_id = ? AND m.title = ''"
                             " ORDER BY m.position", (table,)):
        texts = dict(db.execute("SELECT l.name, a.text FROM measure_action a JOIN roadmap_level l"
                                " ON l.id = a.level_id WHERE a.measure_id = ?", (mid,)).fetchall())
        rows.append([texts.get(level, "") for level in levels])
    sections = [t for (t,) in db.execute("SELECT title FROM measure WHERE table_id = ? AND title <> ''"
                                         " ORDER BY parent_id IS NOT NULL, id", (table,))]
    db.close()
    assert len(rows) >= 5 and all(len([c for c in r if c]) >= 2 for r in rows), rows

    # the workbook: the header is the levels; a row a measure, each action
    # under its level; the section and subsection numbered across the table
    book = os.path.join(tmp, "Приложения.xlsx")
    run(shnor, "--export-xlsx", book, "--programme", pid, path)
    sheet = openpyxl.load_workbook(book)["Дорожная карта"]
    values = [[flat(v) if v is not None else "" for v in r] for r in sheet.iter_rows(values_only=True)]
    head = values.index(levels)
    body = values[head + 1:]
    assert [r[0] for r in body[:2]] == ["1. " + sections[0], "1.1. " + sections[1]], body[:2]
    assert all(r[1:] == ["", ""] for r in body[:2]), body[:2]
    merged = [str(m) for m in sheet.merged_cells.ranges]
    for n in (head + 2, head + 3):
        assert "A%d:C%d" % (n, n) in merged, (n, merged)
    assert body[2:] == [[flat(c) for c in r] for r in rows], body[2:]
    print("workbook: %d rows, each action in its level's column" % len(rows))

    # the PDF: the words of each cell in its level's column, in order; the
    # cells of a row side by side (their first words on one line)
    pdf = os.path.join(tmp, "Приказ.pdf")
    run(shnor, "--export-order", pdf, "--programme", pid, path)
    layout = run("pdftotext", "-bbox", pdf, "-")
    words = []
    for page, content in enumerate(re.findall(r"<page[^>]*>(.*?)</page>", layout, re.S)):
        for attrs, word in re.findall(r"<word ([^>]*)>(.*?)</word>", content, re.S):
            box = {k: float(v) for k, v in re.findall(r'(\w+)="([\d.]+)"', attrs)}
            words.append((page, box["yMin"], box["xMin"], box["xMax"], html.unescape(word)))

    def line_of(text):
        """Where a line of words starts: its page and top"""
        wanted = flat(text).split()
        for i in range(len(words) - len(wanted) + 1):
            if [w[4] for w in words[i:i + len(wanted)]] == wanted:
                return words[i]
        raise AssertionError("no line «%s» in the PDF" % text)

    # the heading is repeated on every page the table takes; headings are
    # centred: a column runs between the middles of its heading and its
    # neighbours'
    bounds = {}
    for page in sorted({w[0] for w in words}):
        centres = []
        for level in levels:
            first = flat(level).split()[0]
            line = [w for w in words if w[0] == page and w[4] == first]
            if not line:
                break
            # the heading's first line, centred in its column
            top = min(w[1] for w in line)
            heading = [w for w in words if w[0] == page and abs(w[1] - top) < 1 and w[4] in flat(level).split()]
            centres.append((min(w[2] for w in heading) + max(w[3] for w in heading)) / 2)
        if len(centres) != len(levels):
            continue
        edges = [2 * centres[0] - (centres[0] + centres[1]) / 2]
        edges += [(a + b) / 2 for a, b in zip(centres, centres[1:])]
        edges.append(2 * centres[-1] - edges[-1])
        bounds[page] = [(edges[i] - 3, edges[i + 1] + 3) for i in range(len(levels))]
    assert bounds, "no heading of the levels in the PDF"

    def column_text(level):
        inside = sorted(w for w in words if w[0] in bounds and bounds[w[0]][level][0] <= w[2]
                        and w[3] <= bounds[w[0]][level][1])
        return re.sub(r"(\w)- (\w)", r"\1-\2", " ".join(w[4] for w in inside))

    for level in range(len(levels)):
        text = column_text(level)
        at = 0
        for r in rows:
            if not r[level]:
                continue
            found = text.find(flat(r[level]), at)
            assert found >= 0, (levels[level], r[level], text[at:at + 200])
            at = found + 1
    previous = None
    for r in rows:
        starts = [line_of(" ".join(flat(c).split()[:2])) for c in r if c]
        assert len({w[0] for w in starts}) == 1 and max(w[1] for w in starts) - min(w[1] for w in starts) <= 2, \
            (r, starts)
        here = (starts[0][0], starts[0][1])
        assert previous is None or here > previous, (r, here, previous)
        previous = here
    # the section and subsection across the table, above its first row
    first = line_of(" ".join(flat(rows[0][0]).split()[:2]))
    for title in ("1. " + sections[0], "1.1. " + sections[1]):
        line = line_of(title)
        assert (line[0], line[1]) < (first[0], first[1]), (title, line, first)
        assert line[2] < bounds[line[0]][0][0] + 20, (title, line)
    print("PDF: %d rows, each cell in its level's column, the cells of a row side by side" % len(rows))
