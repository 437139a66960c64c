#!/usr/bin/python3
"""check-forms.py SHNOR: the school forms round trip with real files from
other writers. Forms are written by `shnor --school-forms`, filled by
openpyxl as a school on Excel would (numbers, a date as a date, choices
from the lists), one of them then converted by LibreOffice headless as a
school on LibreOffice would return it; `shnor --accept-forms` takes them
and the file (read with Python's sqlite3) holds every value typed. The
forms themselves are checked: protected sheets, the cells a school fills
unlocked and under data validation, the hidden service sheet. Bad forms —
a text in a number cell, a status outside the list, a changed protected
cell, a changed service sheet, another municipality's form — are refused
with the exact sheet, row and column, and the file stays byte for byte
as it was."""
import datetime
import glob
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

import openpyxl

shnor = sys.argv[1]
YEAR = 2026
# the messages checked are the interface's English ones
ENV = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8", LANGUAGE="")


def run(*args, ok=True):
    done = subprocess.run([shnor, *args], env=ENV, capture_output=True, text=True)
    if ok and done.returncode != 0:
        sys.exit("%s: exit %d\n%s%s" % (args, done.returncode, done.stdout, done.stderr))
    return done


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def form_of(folder, code):
    found = glob.glob(os.path.join(folder, code + " *.xlsx"))
    assert len(found) == 1, (code, found)
    return found[0]


def row_of(sheet, key):
    for row in range(6, sheet.max_row + 1):
        if sheet.cell(row, 1).value == key:
            return row
    raise AssertionError("no row %s in %s" % (key, sheet.title))


with tempfile.TemporaryDirectory(prefix="shnor-формы-") as tmp:
    demo = os.path.join(tmp, "Демо.shnor")
    other = os.path.join(tmp, "Другой.shnor")
    forms = os.path.join(tmp, "Формы")
    back = os.path.join(tmp, "Вернулись")
    bad = os.path.join(tmp, "С ошибками")
    for folder in (forms, back, bad):
        os.mkdir(folder)
    run("--demo", demo)
    run("--demo", other)
    db = sqlite3.connect(demo)
    # the school programme of 0311, approved, so that its indicators are asked
    school_programme = db.execute("SELECT id FROM programme WHERE level = 1").fetchone()[0]
    db.execute("UPDATE programme SET status = 1, order_number = '12', order_date = '2026-01-20' WHERE id = ?",
               (school_programme,))
    db.commit()
    db.close()

    written = run("--school-forms", forms, "--year", str(YEAR), demo).stdout.split("\n")
    written = [w for w in written if w]
    assert len(written) == 12, written
    run("--school-forms", os.path.join(tmp, "Другой"), "--year", str(YEAR), other, ok=False)
    os.mkdir(os.path.join(tmp, "Другой"))
    run("--school-forms", os.path.join(tmp, "Другой"), "--year", str(YEAR), other)

    # ---- the form as written -------------------------------------------
    path = form_of(forms, "0311")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Контекст", "Риски", "Дорожная карта", "Показатели", "Служебный"], book.sheetnames
    assert book["Служебный"].sheet_state == "hidden"
    for sheet in book.worksheets:
        assert sheet.protection.sheet, sheet.title
        assert sheet.protection.password is None, sheet.title
    context = book["Контекст"]
    assert context.column_dimensions["A"].hidden
    assert "2026" in context["B3"].value and "жёлт" in context["B3"].value, context["B3"].value
    assert context["B6"].protection.locked and not context["C6"].protection.locked
    rules = {str(v.sqref): v for v in context.data_validations.dataValidation}
    assert rules["C6"].type == "whole" and float(rules["C6"].formula1) == 0, rules["C6"].formula1
    assert rules["C8"].type == "decimal" and float(rules["C8"].formula2) == 100
    roadmap = book["Дорожная карта"]
    rules = {str(v.sqref): v for v in roadmap.data_validations.dataValidation}
    assert rules["F6"].type == "list" and "выполнено" in rules["F6"].formula1, rules["F6"].formula1
    assert rules["G6"].type == "date"
    assert roadmap["F5"].value == "Статус"
    indicators = book["Показатели"]
    assert indicators.max_row >= 6, "no indicators in the form"

    # ---- a school on Excel: filled by openpyxl -------------------------
    context["C" + str(row_of(context, "context:pupils"))] = 60
    context["C" + str(row_of(context, "context:teachers"))] = 11
    context["C" + str(row_of(context, "context:share_low_income"))] = 12.5
    context["C" + str(row_of(context, "context:distance_km"))] = None      # no data
    risks = book["Риски"]
    risks["C6"] = "высокий"
    risks["D6"] = "Нет учителя физики с сентября"
    measure_row = 6
    measure_key = roadmap.cell(measure_row, 1).value
    roadmap.cell(measure_row, 6).value = "выполнено"
    roadmap.cell(measure_row, 7).value = datetime.datetime(YEAR, 10, 15)
    roadmap.cell(measure_row, 8).value = "Приказ № 17 от 15.10.2026"
    indicator_key = indicators["A6"].value
    indicators["F6"] = 55.5
    book.save(path)
    shutil.copy(path, back)

    # ---- a school on LibreOffice: filled, then saved by LibreOffice ---
    path = form_of(forms, "0306")
    book = openpyxl.load_workbook(path)
    book["Контекст"]["C6"] = 321
    book["Риски"]["C7"] = "средний"
    roadmap = book["Дорожная карта"]
    # a measure other than the one 0311 reported: a measure several schools
    # share has one status (two forms disagreeing on it are checked below)
    lo_row = next(r for r in range(6, roadmap.max_row + 1)
                  if roadmap.cell(r, 1).value and roadmap.cell(r, 1).value != measure_key)
    lo_measure_key = roadmap.cell(lo_row, 1).value
    roadmap.cell(lo_row, 6).value = "отменено"
    roadmap.cell(lo_row, 8).value = "Перенесено в план 2027 года"
    filled = os.path.join(tmp, "0306 заполнено.xlsx")
    book.save(filled)
    converted = os.path.join(tmp, "lo")
    subprocess.run(["soffice", "--headless", "--norestore", "-env:UserInstallation=file://" + tmp + "/lo-profile",
                    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", converted, filled],
                   check=True, capture_output=True, timeout=240)
    shutil.copy(os.path.join(converted, "0306 заполнено.xlsx"), os.path.join(back, "0306 от школы.xlsx"))
    # and one returned as it was sent
    shutil.copy(form_of(forms, "0301"), back)

    before = digest(demo)
    done = run("--accept-forms", back, demo)
    print(done.stdout)
    assert "3 forms accepted" in done.stdout, done.stdout
    assert digest(demo) != before

    db = sqlite3.connect(demo)
    school = dict(db.execute("SELECT code, id FROM school"))
    pupils, teachers, low_income, distance = db.execute(
        "SELECT pupils, teachers, share_low_income, distance_km FROM school_context WHERE school_id = ? AND year = ?",
        (school["0311"], YEAR)).fetchone()
    assert (pupils, teachers, low_income, distance) == (60, 11, 12.5, None), (pupils, teachers, low_income, distance)
    level, note = db.execute("SELECT r.level, r.note FROM risk_level r JOIN risk_factor f ON f.id = r.factor_id"
                             " WHERE r.school_id = ? AND r.year = ? ORDER BY f.position LIMIT 1",
                             (school["0311"], YEAR)).fetchone()
    assert (level, note) == (3, "Нет учителя физики с сентября"), (level, note)
    status, done_date, evidence = db.execute("SELECT status, done_date, evidence FROM measure WHERE id = ?",
                                             (int(measure_key.split(":")[1]),)).fetchone()
    assert (status, done_date, evidence) == (2, "2026-10-15", "Приказ № 17 от 15.10.2026"), (status, done_date,
                                                                                              evidence)
    actual = db.execute("SELECT actual FROM programme_indicator_value WHERE indicator_id = ? AND year = ?",
                        (int(indicator_key.split(":")[1]), YEAR)).fetchone()[0]
    assert actual == 55.5, actual
    # the LibreOffice one
    assert db.execute("SELECT pupils FROM school_context WHERE school_id = ? AND year = ?",
                      (school["0306"], YEAR)).fetchone()[0] == 321
    assert db.execute("SELECT r.level FROM risk_level r JOIN risk_factor f ON f.id = r.factor_id"
                      " WHERE r.school_id = ? AND r.year = ? AND f.position = 1",
                      (school["0306"], YEAR)).fetchone()[0] == 2
    assert db.execute("SELECT status, evidence FROM measure WHERE id = ?",
                      (int(lo_measure_key.split(":")[1]),)).fetchone() == (3, "Перенесено в план 2027 года")
    accepted = db.execute("SELECT count(*) FROM form_acceptance").fetchone()[0]
    assert accepted == 3, accepted
    db.close()

    # the same forms again: recognised and skipped, nothing written
    before = digest(demo)
    done = run("--accept-forms", back, demo)
    assert "0 forms accepted, 3 skipped" in done.stdout, done.stdout
    assert digest(demo) == before

    # ---- bad forms ------------------------------------------------------
    def spoil(code, sheet, cell, value, name):
        book = openpyxl.load_workbook(form_of(forms, code))
        book[sheet][cell] = value
        target = os.path.join(bad, name)
        book.save(target)
        return target

    spoil("0302", "Контекст", "C6", "много", "0302 текст в числе.xlsx")
    spoil("0307", "Дорожная карта", "F6", "готово", "0307 статус.xlsx")
    spoil("0308", "Контекст", "B7", "Учителей", "0308 защищённая ячейка.xlsx")
    spoil("0309", "Контекст", "C8", 140, "0309 больше 100.xlsx")
    spoil("0310", "Служебный", "B5", "1", "0310 служебный лист.xlsx")
    # a formula openpyxl writes without its computed value: not an empty cell
    spoil("0304", "Контекст", "C6", "=1+1", "0304 формула.xlsx")
    shutil.copy(form_of(os.path.join(tmp, "Другой"), "0312"), os.path.join(bad, "0312 чужая.xlsx"))
    # a sheet renamed (this crashed the reader when it freed the sheets)
    book = openpyxl.load_workbook(form_of(forms, "0311"))
    book["Риски"].title = "Risks"
    book.save(os.path.join(bad, "0311 лист переименован.xlsx"))
    # two schools sharing a measure, each giving it another status
    shared = os.path.join(tmp, "Общее мероприятие")
    os.mkdir(shared)
    issued = openpyxl.load_workbook(form_of(forms, "0307"))["Дорожная карта"]
    issued = issued.cell(row_of(issued, lo_measure_key), 6).value
    statuses = [s for s in ("запланировано", "выполняется", "выполнено") if s != issued]
    for code, status in zip(("0307", "0308"), statuses):
        book = openpyxl.load_workbook(form_of(forms, code))
        sheet = book["Дорожная карта"]
        row = row_of(sheet, lo_measure_key)
        sheet.cell(row, 6).value = status
        book.save(os.path.join(shared, code + ".xlsx"))

    before = digest(demo)
    done = run("--accept-forms", bad, demo, ok=False)
    print(done.stdout)
    print(done.stderr)
    assert done.returncode == 1, done.returncode
    assert "0 forms accepted" in done.stdout, done.stdout
    expected = [
        "0302 текст в числе.xlsx: sheet “Контекст”, row 6, column C: “Pupils”: “много” is not a whole number",
        "0307 статус.xlsx: sheet “Дорожная карта”, row 6, column F: “Статус”: “готово” is not one of: "
        "запланировано, выполняется, выполнено, отменено",
        "0308 защищённая ячейка.xlsx: sheet “Контекст”, row 7, column B: This cell is protected and was changed",
        "0309 больше 100.xlsx: sheet “Контекст”, row 8, column C: “Pupils from low-income families, %” must be "
        "from 0 to 100",
    ]
    for line in expected:
        assert line in done.stderr, (line, done.stderr)
    assert "0310 служебный лист.xlsx\t" in done.stdout and "service sheet was changed" in done.stdout, done.stdout
    assert "0312 чужая.xlsx\t" in done.stdout and "another municipality" in done.stdout, done.stdout
    assert "0311 лист переименован.xlsx: the whole form: The workbook has no sheet “Риски”." in done.stderr, done.stderr
    assert done.stderr.count("0311 лист переименован.xlsx:") == 1, done.stderr
    assert "0304 формула.xlsx" in done.stderr and "C6 holds a formula without its computed value" in done.stderr, \
        done.stderr
    assert digest(demo) == before, "a refused form changed the file"

    done = run("--accept-forms", shared, demo, ok=False)
    assert done.returncode == 1 and "0 forms accepted" in done.stdout, done.stdout
    assert done.stderr.count("The measure is shared with another school") == 2, done.stderr
    assert digest(demo) == before, "a form held back changed the file"

print("school forms: round trip with openpyxl and LibreOffice, refusals at their cells")
