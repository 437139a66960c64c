#!/usr/bin/python3
"""check-network.py SHNOR: the bank of best practices of the demo as a
catalogue and as a folder, read back by independent readers — openpyxl
for the workbook, pdftotext for the attached PDFs — and compared with the
file itself, read with Python's sqlite3: every practice in the order
added, its school, authors, dates as dates, its status in words, its files
listed and linked to a folder that holds them byte for byte; the title,
print titles, A4 landscape, the footer's page numbers; text that starts
with "=" stays text. The network pairs as --list-partnerships prints
them. A folder that is not empty, or a name that is a Shnor file, is
refused and left as it was."""
import datetime
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import urllib.parse

import openpyxl

shnor = sys.argv[1]
# messages and labels are checked in English; the documents are Russian
# whatever the locale, so the exports run in the locale of the suite
ENGLISH = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="C")
STATUS = ["предложена", "рассмотрена", "включена в банк"]

with tempfile.TemporaryDirectory(prefix="shnor-банк-") as tmp:
    demo = os.path.join(tmp, "Демо.shnor")
    subprocess.run([shnor, "--demo", demo], check=True)
    db = sqlite3.connect(demo)
    # a formula-looking text must stay text
    db.execute("UPDATE practice SET authors = '=1+1', school_id = NULL WHERE id = 2")
    # as Shnor does, the search index too (a file whose index differs is refused)
    db.execute("UPDATE practice_fts SET authors = '=1+1' WHERE rowid = 2")
    db.commit()
    practices = db.execute(
        "SELECT p.id, p.title, CASE WHEN s.short_name <> '' THEN s.short_name ELSE s.full_name END, p.authors,"
        " p.subjects, p.added, p.status FROM practice p LEFT JOIN school s ON s.id = p.school_id ORDER BY p.id").fetchall()
    files = {pid: db.execute("SELECT f.name, d.data FROM practice_file f JOIN practice_file_data d ON d.id = f.id"
                             " WHERE f.practice_id = ? ORDER BY f.id", (pid,)).fetchall() for pid, *_ in practices}
    pairs = db.execute("SELECT count(*) FROM partnership").fetchone()[0]
    db.close()
    assert len(practices) == 12, len(practices)
    assert sum(len(f) for f in files.values()) >= 12

    # the catalogue alone
    out = os.path.join(tmp, "Каталог.xlsx")
    subprocess.run([shnor, "--export-bank", out, demo], check=True)
    book = openpyxl.load_workbook(out)
    assert book.properties.title == "Каталог муниципального банка лучших практик", book.properties.title
    sheet = book.active
    assert sheet["A1"].value == "Каталог муниципального банка лучших практик"
    assert "по состоянию на" in sheet["A2"].value, sheet["A2"].value
    assert sheet.print_title_rows == "$4:$4", sheet.print_title_rows
    assert sheet.page_setup.paperSize in (9, "9") and sheet.page_setup.orientation == "landscape"
    assert "&P" in (sheet.oddFooter.center.text or "")
    body = [[c.value for c in r] for r in sheet.iter_rows(min_row=5)]
    assert len(body) == len(practices), (len(body), len(practices))
    for n, (row, p) in enumerate(zip(body, practices), start=1):
        pid, title, school, authors, subjects, added, status = p
        assert row[0] == n, row[0]
        assert row[1] == title and row[2] == "\n".join(x for x in (school, authors) if x), row
        assert row[3].startswith(subjects), (row[3], subjects)
        assert row[7] == datetime.datetime.strptime(added, "%Y-%m-%d"), (row[7], added)
        assert row[8] == STATUS[status], row[8]
        for name, _ in files[pid]:
            assert name in (row[9] or ""), (name, row[9])
    assert sheet["C6"].data_type == "s" and sheet["C6"].value == "=1+1", sheet["C6"].value

    # the folder: the catalogue links every practice's files
    folder = os.path.join(tmp, "Банк лучших практик")
    subprocess.run([shnor, "--export-bank-folder", folder, demo], check=True)
    book = openpyxl.load_workbook(os.path.join(folder, "Каталог банка лучших практик.xlsx"))
    sheet = book.active
    for r, (pid, *_rest) in enumerate(practices, start=5):
        cell = sheet.cell(row=r, column=10)
        if not files[pid]:
            assert cell.hyperlink is None
            continue
        target = urllib.parse.unquote(cell.hyperlink.target).replace("\\", "/")
        linked = os.path.join(folder, target)
        assert os.path.isdir(linked), target
        for name, data in files[pid]:
            with open(os.path.join(linked, name), "rb") as f:
                assert f.read() == data, name
            if name.endswith(".pdf"):
                text = subprocess.run(["pdftotext", os.path.join(linked, name), "-"], check=True,
                                      capture_output=True, text=True).stdout
                assert "Муниципальный банк лучших практик" in text, text[:200]
                assert _rest[0].split(":")[0].split()[0] in text, (_rest[0], text[:300])

    # refused: a folder with something in it, a Shnor file as the catalogue
    before = sorted(os.listdir(folder))
    result = subprocess.run([shnor, "--export-bank-folder", folder, demo], capture_output=True, text=True, env=ENGLISH)
    assert result.returncode == 1 and "not an empty folder" in result.stderr, result.stderr
    assert sorted(os.listdir(folder)) == before
    copy = os.path.join(tmp, "Копия.shnor")
    shutil.copy(demo, copy)
    result = subprocess.run([shnor, "--export-bank", copy, demo], capture_output=True, text=True, env=ENGLISH)
    assert result.returncode == 1 and "never written over" in result.stderr, result.stderr
    with open(copy, "rb") as a, open(demo, "rb") as b:
        assert a.read() == b.read()
    assert not os.path.exists(folder + ".part")

    # the order of the programme the partnerships are bound to, and its
    # workbook: «Перечень сетевых пар школ», a row per partnership
    db = sqlite3.connect(demo)
    pid, bound = db.execute("SELECT programme_id, count(*) FROM partnership WHERE programme_id IS NOT NULL"
                            " GROUP BY programme_id").fetchone()
    partners = [r[0] for r in db.execute(
        "SELECT ifnull(s.full_name, o.name) FROM partnership p LEFT JOIN school s ON s.id = p.partner_school_id"
        " LEFT JOIN organisation o ON o.id = p.organisation_id WHERE p.programme_id = ?", (pid,))]
    db.close()
    order = os.path.join(tmp, "Приказ.pdf")
    book_path = os.path.join(tmp, "Приложения.xlsx")
    subprocess.run([shnor, "--export-order", order, "--programme", str(pid), demo], check=True, capture_output=True)
    subprocess.run([shnor, "--export-xlsx", book_path, "--programme", str(pid), demo], check=True, capture_output=True)
    sheet = openpyxl.load_workbook(book_path)["Сетевые пары"]
    assert "Приложение №" in sheet["A1"].value, sheet["A1"].value
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=5)]
    assert [r[0] for r in rows] == list(range(1, bound + 1)), rows
    assert sorted(r[2] for r in rows) == sorted(partners), (rows, partners)
    text = " ".join(subprocess.run(["pdftotext", order, "-"], check=True, capture_output=True,
                                   text=True).stdout.split())
    assert "Утвердить перечень сетевых пар школ (приложение №" in text, text[:600]
    assert "Перечень сетевых пар школ" in text.split("Утвердить перечень сетевых пар школ")[1]
    for partner in partners:
        assert " ".join(partner.split())[:20] in text, partner

    # the network pairs
    lines = subprocess.run([shnor, "--list-partnerships", demo], check=True, capture_output=True,
                           text=True, env=ENGLISH).stdout.splitlines()
    assert len(lines) == pairs, lines
    assert any(l.startswith("ООШ с. Кедровка\tГимназия № 1\tMentor school\tActive\t01.09.2025\t31.05.2027\t6")
               for l in lines), lines

    # a description longer than an Excel cell holds: cut with "…", never
    # an empty cell (libxlsxwriter leaves a cell of over 32,767 characters
    # empty, and the whole text was lost)
    db = sqlite3.connect(demo)
    long_text = "Длинное описание. " * 2500
    db.execute("UPDATE practice SET description = ? WHERE id = 3", (long_text,))
    db.execute("UPDATE practice_fts SET description = ? WHERE rowid = 3", (long_text,))
    db.commit()
    db.close()
    out = os.path.join(tmp, "Длинное описание.xlsx")
    subprocess.run([shnor, "--export-bank", out, demo], check=True, capture_output=True)
    sheet = openpyxl.load_workbook(out).active
    cells = [c.value for r in sheet.iter_rows() for c in r
             if isinstance(c.value, str) and c.value.startswith("Длинное описание.")]
    assert len(cells) == 1, len(cells)
    assert len(cells[0]) == 32767 and cells[0].endswith("…") and long_text.startswith(cells[0][:-1]), len(cells[0])

print("ok")
