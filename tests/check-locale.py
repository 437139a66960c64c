#!/usr/bin/python3
"""check-locale.py SHNOR: the documents are Russian whatever the locale.
The demo is made and its documents exported (--export-xlsx,
--export-roadmap, --export-lists, --export-order) under LC_ALL=C.UTF-8,
ru_RU.UTF-8 and, where it is installed, en_US.UTF-8 (an English Windows
is common in offices): every cell's value and number format, and the PDF's
text, must be the same in all of them, Russian, with dates and numbers
written the Russian way."""
import os
import re
import subprocess
import sys
import tempfile

import openpyxl

shnor = sys.argv[1]
available = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.lower().split()
locales = ["C.UTF-8", "ru_RU.UTF-8"]
if "en_us.utf8" in available or "en_us.utf-8" in available:
    locales.append("en_US.UTF-8")
for wanted in ("c.utf8", "ru_ru.utf8"):
    assert wanted in available, "the locale %s is missing: bash build-aux/setup.sh makes it" % wanted


def run(locale, *args):
    env = dict(os.environ, LC_ALL=locale, LANG=locale, LANGUAGE="")
    done = subprocess.run([shnor, *args], capture_output=True, text=True, env=env)
    assert done.returncode == 0, (locale, args, done.stderr)
    return done


def cells(path):
    book = openpyxl.load_workbook(path)
    return [(sheet.title, cell.coordinate, cell.value, cell.number_format)
            for sheet in book.worksheets for row in sheet.iter_rows() for cell in row if cell.value is not None]


def text(path):
    return subprocess.run(["pdftotext", "-layout", path, "-"], check=True, capture_output=True, text=True).stdout


results = {}
with tempfile.TemporaryDirectory(prefix="shnor-локаль-") as tmp:
    for locale in locales:
        folder = os.path.join(tmp, locale)
        os.mkdir(folder)
        demo = os.path.join(folder, "Демо.shnor")
        run(locale, "--demo", demo)
        files = {name: os.path.join(folder, name) for name in ("p.xlsx", "r.xlsx", "l.xlsx", "o.pdf", "d.pdf")}
        run(locale, "--export-xlsx", files["p.xlsx"], "--programme", "1", demo)
        run(locale, "--export-roadmap", files["r.xlsx"], "--programme", "1", demo)
        run(locale, "--export-lists", files["l.xlsx"], demo)
        run(locale, "--export-order", files["o.pdf"], "--programme", "1", demo)
        run(locale, "--export-order", files["d.pdf"], "--programme", "2", demo)
        results[locale] = {name: cells(path) if name.endswith(".xlsx") else text(path) for name, path in files.items()}
        results[locale]["programmes"] = run(locale, "--list-programmes", demo).stdout.split("\n")
        # the titles the templates wrote into the file
        results[locale]["programmes"] = [line.split("\t")[-1] for line in results[locale]["programmes"] if line]

reference = results["C.UTF-8"]
for locale in locales[1:]:
    for name, value in reference.items():
        if value != results[locale][name]:
            if isinstance(value, list):
                diff = [(a, b) for a, b in zip(value, results[locale][name]) if a != b][:3]
            else:
                diff = [(a, b) for a, b in zip(value.splitlines(), results[locale][name].splitlines()) if a != b][:3]
            raise SystemExit("%s differs between C.UTF-8 and %s: %s" % (name, locale, diff))

# and it is Russian, written the Russian way
order = reference["o.pdf"]
for part in ("ПРИКАЗ", "ПРИКАЗЫВАЮ:", "Приложение № 1", "Паспорт программы", "Дорожная карта реализации",
             "15.01.2025", "2025–2027 годы"):
    assert part in order, part
assert re.search(r"\d,\d", order), "no decimal comma"
english = re.findall(r"\b(ORDER|Appendix|Passport|Programme|programme|Measure|Indicator|Target|draft|Stage|"
                     r"School|Risk)\b", order + reference["d.pdf"])
assert not english, english
for name in ("p.xlsx", "r.xlsx", "l.xlsx"):
    words = [v for _, _, v, _ in reference[name] if isinstance(v, str) and re.search(r"\b[A-Za-z]{5,}\b", v)
             and "@" not in v and "example" not in v]
    assert not words, (name, words[:5])
assert all(re.match(r"^(Муниципальная программа|Программа перехода)", title) for title in reference["programmes"]), \
    reference["programmes"]
print("documents are the same under", ", ".join(locales))
