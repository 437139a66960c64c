#!/usr/bin/python3
"""check-template.py SHNOR: the import template, read by openpyxl (an
independent XLSX reader), has the recognised headers and an example row,
and Shnor imports its own template into the demo."""
import os
import subprocess
import sys
import tempfile

import openpyxl

shnor = sys.argv[1]
with tempfile.TemporaryDirectory(prefix="shnor-шаблон-") as tmp:
    path = os.path.join(tmp, "Шаблон результатов.xlsx")
    subprocess.run([shnor, "--import-template", path], check=True)
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    headers = [c.value for c in sheet[1]]
    assert headers == ["Код", "Школа", "Год", "Вид", "Предмет", "Класс", "Участники",
                       "Средний балл", "Ниже порога", "Высокие"], headers
    example = [c.value for c in sheet[2]]
    assert example[0] == "0301" and example[3] == "ЕГЭ", example
    assert sheet.freeze_panes == "A2", sheet.freeze_panes

    demo = os.path.join(tmp, "Демо.shnor")
    subprocess.run([shnor, "--demo", demo], check=True)
    out = subprocess.run([shnor, "--import-results", path, demo], check=True,
                         capture_output=True, text=True).stdout
    print(out.strip())
print("template ok")
