#!/usr/bin/python3
"""check-export.py SHNOR: the XLSX appendices of the demo's approved
programme and the lists of schools, read back by openpyxl (an independent
reader) and compared with the file itself, read with Python's sqlite3:
every passport field, every target and actual value, every road-map row,
the participating schools, the Dynamics sheet's charts; the appendix marks,
print titles, A4, the footer's page numbers; text that starts with "=" is
text; numbers are numbers and dates dates. A bad id or a folder that is
not there exits 1 and leaves no file."""
import datetime
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

import openpyxl

shnor = sys.argv[1]


def rows(sheet, first=6):
    """The table's body: the rows after the header (row 5)."""
    return [[c.value for c in r] for r in sheet.iter_rows(min_row=first)]


def as_number(text):
    return None if text in (None, "") else float(str(text).replace(",", ".").replace("\u00a0", ""))


with tempfile.TemporaryDirectory(prefix="shnor-выгрузка-") as tmp:
    demo = os.path.join(tmp, "Демо.shnor")
    out = os.path.join(tmp, "Приложения.xlsx")
    lists = os.path.join(tmp, "Перечни.xlsx")
    subprocess.run([shnor, "--demo", demo], check=True)
    db = sqlite3.connect(demo)
    pid = db.execute("SELECT id FROM programme WHERE status = 1").fetchone()[0]
    # a formula-looking text must stay text
    db.execute("UPDATE programme SET financing_summary = '=СУММ(A1:A9)' WHERE id = ?", (pid,))
    db.commit()
    passport = db.execute("SELECT title, customer, executor, goal, financing_summary, first_year, last_year,"
                          " order_number FROM programme WHERE id = ?", (pid,)).fetchone()
    db.close()

    subprocess.run([shnor, "--export-xlsx", out, "--programme", str(pid), demo], check=True)
    book = openpyxl.load_workbook(out)
    assert book.properties.title == passport[0], book.properties.title
    assert book.properties.creator, "no author"
    assert len(book.sheetnames) == 8, book.sheetnames
    for sheet in book.worksheets:
        mark = sheet["A1"].value
        assert passport[7] in mark, (sheet.title, mark)       # «… № 45-о»
        assert sheet.print_title_rows == "$5:$5", sheet.print_title_rows
        assert sheet.page_setup.paperSize in (9, "9"), sheet.page_setup.paperSize
        assert "&P" in (sheet.oddFooter.center.text or ""), sheet.oddFooter.center.text
        assert sheet["A5"].border.left.style == "thin", sheet.title
        assert len(sheet.title) <= 31 and not set(sheet.title) & set("[]:*?/\\")
    marks = [s["A1"].value for s in book.worksheets]
    for n, mark in enumerate(marks, start=1):
        assert (" %d" % n) in mark.split("\n")[0], mark

    # the passport: every field's text, the years as numbers, "=" as text
    texts = [r[1] for r in rows(book.worksheets[0])]
    for value in passport[:5]:
        assert value in texts, value
    assert passport[5] in texts and isinstance(passport[5], int)
    cell = [c for c in book.worksheets[0]["B"] if c.value == "=СУММ(A1:A9)"][0]
    assert cell.data_type == "s", cell.data_type

    # target indicators: every target and actual of the file
    db = sqlite3.connect(demo)
    expected = {}
    for name, year, target, actual in db.execute(
            "SELECT i.name, v.year, v.target, v.actual FROM programme_indicator_value v"
            " JOIN programme_indicator i ON i.id = v.indicator_id WHERE i.programme_id = ?", (pid,)):
        expected[(name, year)] = (target, actual)
    bound = {name for (name,) in db.execute(
        "SELECT name FROM programme_indicator WHERE programme_id = ? AND binding <> ''", (pid,))}
    # a row of a table by levels may have no title of its own
    measures = [t for (t,) in db.execute("SELECT title FROM measure WHERE programme_id = ? AND title <> ''",
                                         (pid,))]
    sections = [t for (t,) in db.execute("SELECT title FROM measure WHERE programme_id = ? AND parent_id IS NULL"
                                         " ORDER BY id", (pid,))]
    school_names = db.execute("SELECT count (*) FROM programme_school WHERE programme_id = ?", (pid,)).fetchone()[0]
    db.close()
    sheet = book.worksheets[1]
    heads = [c.value for c in sheet[5]]
    body = rows(sheet)
    checked = 0
    for (name, year), (target, actual) in expected.items():
        line = [r for r in body if r[1] == name][0]
        col = heads.index(next(h for h in heads if h and str(year) in str(h)))
        if target is not None:
            assert abs(line[col] - target) < 1e-9, (name, year, line[col], target)
            assert isinstance(line[col], (int, float))
            checked += 1
        if actual is not None and name not in bound:
            assert abs(line[col + 1] - actual) < 1e-9, (name, year)
            checked += 1
    assert checked >= 8, checked

    # the road map: every measure, once; sections merged across
    sheet = book.worksheets[4]
    titles = [r[1] for r in rows(sheet)]
    assert sorted(t for t in titles if t) == sorted(measures), (len(titles), len(measures))
    assert any(str(m).startswith("B6:") for m in sheet.merged_cells.ranges), sheet.merged_cells.ranges
    # participating schools and the dynamics' native charts
    assert len([r for r in rows(book.worksheets[5]) if r[1]]) == school_names
    assert len(book.worksheets[6]._charts) >= 1, "no chart"
    # a date is a date
    acts = rows(book.worksheets[7])
    assert isinstance(acts[0][2], datetime.datetime), acts[0]

    # the road map alone: the same rows, as appendix 1
    alone = os.path.join(tmp, "Дорожная карта.xlsx")
    subprocess.run([shnor, "--export-roadmap", alone, "--programme", str(pid), demo], check=True)
    single = openpyxl.load_workbook(alone)
    assert len(single.sheetnames) == 1, single.sheetnames
    assert [r[1] for r in rows(single.worksheets[0])] == titles
    assert " 1" in single.worksheets[0]["A1"].value.split("\n")[0]

    # the lists: a sheet per group, the schools of --classify in them
    subprocess.run([shnor, "--export-lists", lists, demo], check=True)
    classified = subprocess.run([shnor, "--classify", demo], check=True, capture_output=True,
                                text=True).stdout.splitlines()
    book = openpyxl.load_workbook(lists)
    assert len(book.sheetnames) == 5, book.sheetnames
    assert len([r for r in rows(book.worksheets[0]) if r[1]]) == len(classified)
    listed = sum(len([r for r in rows(s) if r[1]]) for s in book.worksheets[1:])
    memberships = sum(len([g for g in line.split("\t")[2].split(", ") if g]) for line in classified)
    assert listed == memberships, (listed, memberships)
    for s in book.worksheets:
        for r in rows(s):
            assert all(v is None or isinstance(v, (int, float)) for v in r[6:]), r

    # refused: an unknown programme, a folder that is not there
    for args in ([shnor, "--export-xlsx", os.path.join(tmp, "x.xlsx"), "--programme", "999", demo],
                 [shnor, "--export-lists", os.path.join(tmp, "нет", "x.xlsx"), demo]):
        done = subprocess.run(args, capture_output=True, text=True)
        assert done.returncode == 1 and done.stderr.strip(), (done.returncode, done.stderr)
        assert not os.path.exists(args[2]), args[2]
    done = subprocess.run([shnor, "--export-xlsx", out, demo], capture_output=True, text=True)
    assert done.returncode == 2, done.returncode

    # the order as PDF: its parts and the three appendices in order, every
    # measure of the road map, page numbers from page 2
    order = os.path.join(tmp, "Приказ.pdf")
    subprocess.run([shnor, "--export-order", order, "--programme", str(pid), demo], check=True)
    text = subprocess.run(["pdftotext", "-layout", order, "-"], check=True, capture_output=True,
                          text=True).stdout
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    info = subprocess.run(["pdfinfo", order], check=True, capture_output=True, text=True).stdout
    # cell by cell: a wrapped title stays together
    flat = " ".join(subprocess.run(["pdftotext", order, "-"], check=True, capture_output=True,
                                   text=True).stdout.split())
    assert "Pages:          %d" % len(pages) in info.replace("Pages:           ", "Pages:          "), info
    assert len(pages) >= 4, len(pages)
    for n, page in enumerate(pages[1:], start=2):
        assert page.strip().split("\n")[0].strip() == str(n), (n, page[:80])
    db = sqlite3.connect(demo)
    customer = db.execute("SELECT customer FROM programme WHERE id = ?", (pid,)).fetchone()[0]
    db.close()

    def at(*alternatives):
        found = [flat.find(a) for a in alternatives if flat.find(a) >= 0]
        assert found, alternatives
        return min(found)

    sequence = [at(passport[7]), at("ПРИКАЗЫВАЮ", "I ORDER"), at("1. "), at("Приложение № 1", "Appendix No. 1"),
                at(" ".join(customer.split())), at("Приложение № 2", "Appendix No. 2")]
    sequence += [at(" ".join(t.split())[:30]) for t in sections[:3]]
    sequence.append(at("Приложение № 3", "Appendix No. 3"))
    assert sequence == sorted(sequence), sequence
    # every measure's number, in the order of the tree, and its first words
    db = sqlite3.connect(demo)
    # (each measure table numbered on its own, the tables in their order)
    tree = {}
    tables = []
    for mid, parent, title, table in db.execute(
            "SELECT m.id, m.parent_id, m.title, m.table_id FROM measure m JOIN measure_table t ON t.id = m.table_id"
            " WHERE m.programme_id = ? ORDER BY t.position, t.id, m.position, m.id", (pid,)):
        tree.setdefault(parent if parent else ("table", table), []).append((mid, title))
        if table not in tables:
            tables.append(table)
    all_measures = db.execute("SELECT count (*) FROM measure WHERE programme_id = ?", (pid,)).fetchone()[0]
    db.close()
    numbered = []

    def walk(parent, prefix):
        for n, (mid, title) in enumerate(tree.get(parent, []), start=1):
            number = "%s.%d" % (prefix, n) if prefix else str(n)
            numbered.append((number, title))
            walk(mid, number)

    for table in tables:
        walk(("table", table), "")
    assert len(numbered) == all_measures
    road = flat[flat.find("Приложение № 2") if "Приложение № 2" in flat else flat.find("Appendix No. 2"):]
    position = 0
    for number, title in numbered:
        found = road.find(" %s " % number, position)
        assert found >= 0, (number, title)
        position = found + 1
        assert " ".join(title.split()[:2]) in road, title
    # refused: an unknown programme
    done = subprocess.run([shnor, "--export-order", os.path.join(tmp, "y.pdf"), "--programme", "999", demo],
                          capture_output=True, text=True)
    assert done.returncode == 1 and not os.path.exists(os.path.join(tmp, "y.pdf")), done.stderr

    # LibreOffice opens both and prints them: a page or more each
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice (soffice) is missing: bash build-aux/setup.sh installs it"
    for book_path in (out, lists):
        pdf_dir = os.path.join(tmp, "pdf")
        done = subprocess.run([soffice, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", pdf_dir,
                               book_path], capture_output=True, text=True, timeout=180,
                              env=dict(os.environ, HOME=os.path.join(tmp, "lo-home")))
        pdf = os.path.join(pdf_dir, os.path.splitext(os.path.basename(book_path))[0] + ".pdf")
        assert done.returncode == 0 and os.path.getsize(pdf) > 1000, (done.returncode, done.stdout, done.stderr)
        print(os.path.basename(book_path), "converted by LibreOffice")
print("export ok")
