#!/usr/bin/python3
"""check-export.py SHNOR: the documents of the demo's approved programme —
the workbook of its appendices, its road map alone, the order as PDF — and
the lists of identification, read back by independent readers (openpyxl,
pdftotext, pdffonts, LibreOffice) and compared with the file itself, read
with Python's sqlite3.

What it holds them to: the appendix plan is the same in the PDF and the
workbook (each appendix's number and tables, in order); every passport
field, target and measure is in both; the road map has the expected result
and no execution status; the lists appendix has the programme's schools
only; every text is in the official serif face (embedded in the PDF, named
in every cell); no row is taller than 409 pt; years and counts are
integers and no number format ends in a separator; the «Динамика» sheet
keeps to the programme's years and has no empty chart; no column is empty;
a text starting with "=" stays text; no word of a table's head is cut in
two where LibreOffice prints it; page numbers from page 2; the face and
the left margin of the settings are used; bad ids and folders are refused
with nothing left behind."""
import datetime
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

import openpyxl

shnor = sys.argv[1]
OFFICIAL = ["PT Astra Serif", "Times New Roman", "Liberation Serif"]


def installed(family):
    out = subprocess.run(["fc-list", ":family=%s" % family, "family"], capture_output=True, text=True).stdout
    return any(family.lower() in [n.strip().lower() for n in line.split(",")] for line in out.splitlines())


def flat(text):
    return " ".join(text.replace("\u00a0", " ").split())


def pdf_text(path, *options):
    return subprocess.run(["pdftotext", *options, path, "-"], check=True, capture_output=True, text=True).stdout


def pdf_blocks(path):
    """The PDF's text a block at a time (a paragraph, a table's cell), as
    pdftotext -bbox-layout finds them: a cell's words stay together."""
    import html
    layout = pdf_text(path, "-bbox-layout")
    return [html.unescape(" ".join(re.findall(r"<word[^>]*>(.*?)</word>", block)))
            for block in re.findall(r"<block[^>]*>(.*?)</block>", layout, re.S)]


def in_pdf(text, phrase):
    """@phrase is in the PDF's text: its words in order, each within a few
    words of the one before (a table's cell wraps, and pdftotext reads its
    lines between those of the cells beside it)."""
    words = flat(phrase).split()
    text_words = text.split()
    for start in [i for i, w in enumerate(text_words) if w == words[0]]:
        at = start
        for word in words[1:]:
            window = text_words[at + 1:at + 30]
            if word not in window:
                break
            at += 1 + window.index(word)
        else:
            return True
    return False


def pdf_fonts(path):
    out = subprocess.run(["pdffonts", path], check=True, capture_output=True, text=True).stdout
    fonts = []
    for line in out.splitlines()[2:]:
        name = line.split()[0]
        fonts.append((name.split("+")[-1], line.split()[-5]))    # the name without its subset tag, "emb"
    return out, fonts


def run(*args, check=True):
    done = subprocess.run([shnor, *args], capture_output=True, text=True)
    if check and done.returncode != 0:
        raise SystemExit("%s: %s" % (args, done.stderr))
    return done


def body(sheet):
    """The rows after the header row (the first row with a border)."""
    for row in sheet.iter_rows():
        if row[0].border.left.style == "thin":
            start = row[0].row + (1 if sheet.print_title_rows else 0)
            return [[c.value for c in r] for r in sheet.iter_rows(min_row=start)]
    return []


def titles(sheet):
    """The titles of a sheet: bold, centred, without borders."""
    out = []
    for row in sheet.iter_rows(min_row=2):
        cell = row[0]
        if cell.value and cell.font.b and cell.alignment.horizontal == "center" and cell.border.left.style is None:
            out.append(flat(str(cell.value)))
    return out


def mark_number(sheet):
    found = re.search(r"Приложение № (\d+)", sheet["A1"].value or "")
    return int(found.group(1)) if found else 0


with tempfile.TemporaryDirectory(prefix="shnor-выгрузка-") as tmp:
    demo = os.path.join(tmp, "Демо.shnor")
    out = os.path.join(tmp, "Приложения.xlsx")
    lists = os.path.join(tmp, "Перечни.xlsx")
    order = os.path.join(tmp, "Приказ.pdf")
    run("--demo", demo)
    db = sqlite3.connect(demo)
    pid = db.execute("SELECT id FROM programme WHERE status = 1").fetchone()[0]
    # a formula-looking text must stay text
    db.execute("UPDATE programme SET financing_summary = '=СУММ(A1:A9)' WHERE id = ?", (pid,))
    db.commit()
    columns = [r[1] for r in db.execute("PRAGMA table_info(programme)")]
    programme = dict(zip(columns, db.execute("SELECT * FROM programme WHERE id = ?", (pid,)).fetchone()))
    # the road map proper: the programme's first measure table (the others
    # are sections of the same appendix on sheets of their own)
    measures = db.execute("SELECT m.title, m.expected FROM measure m WHERE m.table_id = (SELECT id FROM measure_table"
                          " WHERE programme_id = ? ORDER BY position, id LIMIT 1) ORDER BY m.position, m.id",
                          (pid,)).fetchall()
    tables = [t for (t,) in db.execute("SELECT title FROM measure_table WHERE programme_id = ? ORDER BY position, id",
                                       (pid,))]
    levels = [n for (n,) in db.execute("SELECT name FROM roadmap_level ORDER BY position, id")]
    actions = db.execute("SELECT m.id, l.name, a.text FROM measure_action a JOIN measure m ON m.id = a.measure_id"
                         " JOIN roadmap_level l ON l.id = a.level_id JOIN measure_table t ON t.id = m.table_id"
                         " WHERE m.programme_id = ? AND t.position > 0", (pid,)).fetchall()
    n_schools = db.execute("SELECT count (*) FROM programme_school WHERE programme_id = ?", (pid,)).fetchone()[0]
    targets = db.execute("SELECT i.name, v.year, v.target FROM programme_indicator_value v JOIN programme_indicator i"
                         " ON i.id = v.indicator_id WHERE i.programme_id = ? AND v.target IS NOT NULL",
                         (pid,)).fetchall()
    db.close()
    face = next(f for f in OFFICIAL if installed(f))

    run("--export-xlsx", out, "--programme", str(pid), demo)
    book = openpyxl.load_workbook(out)
    assert book.properties.title == programme["title"], book.properties.title
    assert book.properties.creator, "no author"
    names = book.sheetnames
    for wanted in ("Паспорт", "Анализ", "Целевые показатели", "Риски", "Этапы", "Финансирование", "Нормативная база",
                   "Динамика", "Дорожная карта", "Мероприятия по уровням", "Школы-участники"):
        assert wanted in names, (wanted, names)
    allowed_formats = {"General", "0", "0.0", "0.00", "0.000", "0.0000", "#,##0.0", "dd.mm.yyyy"}
    for sheet in book.worksheets:
        mark = sheet["A1"].value
        assert mark.startswith("Приложение № "), (sheet.title, mark)
        assert "к приказу Управления образования администрации Берёзовского муниципального округа" in flat(mark), mark
        assert mark.endswith("от 15.01.2025 № 45-о"), mark
        assert sheet.page_setup.paperSize in (9, "9"), sheet.page_setup.paperSize
        assert "&P" in (sheet.oddFooter.center.text or ""), sheet.oddFooter.center.text
        assert len(sheet.title) <= 31 and not set(sheet.title) & set("[]:*?/\\")
        for number, dimension in sheet.row_dimensions.items():
            assert (dimension.height or 0) <= 409, (sheet.title, number, dimension.height)
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                assert cell.font.name == face, (sheet.title, cell.coordinate, cell.font.name, face)
                assert cell.number_format in allowed_formats, (sheet.title, cell.coordinate, cell.number_format)
                if isinstance(cell.value, str):
                    assert not re.search(r"\b(Appendix|Passport|Programme|Indicator|Measure|Target|draft)\b",
                                         cell.value), cell.value
        # no column of a table is empty
        rows = body(sheet)
        if rows and sheet.title != "Анализ":
            width = max(len([v for v in r if v is not None]) for r in rows)
            for c in range(width):
                assert any(r[c] not in (None, "") for r in rows if len(r) > c), (sheet.title, c)
    assert book["Дорожная карта"].page_setup.orientation == "landscape"
    assert book["Паспорт"].page_setup.orientation == "portrait"

    # the passport: every field of the programme, the period, the targets
    passport = "\n".join(str(v) for r in book["Паспорт"].iter_rows(values_only=True) for v in r if v)
    for column in ("title", "basis", "customer", "developers", "executor", "co_executors", "goal", "contacts"):
        for paragraph in (programme[column] or "").split("\n"):
            assert flat(paragraph) in flat(passport), (column, paragraph)
    # the period as the programme words it, in place of its years
    period = [r[1] for r in book["Паспорт"].iter_rows(values_only=True) if r[0] == "Сроки реализации программы"]
    assert period == [programme["period_text"]] and programme["period_text"], period
    assert "Общий объём финансирования" in passport and "тыс. руб." in passport
    cell = [c for c in book["Паспорт"]["B"] if c.value and "=СУММ(A1:A9)" in str(c.value)][0]
    assert cell.data_type == "s", cell.data_type
    # the analysis, paragraph by paragraph
    analysis = [flat(str(v)) for r in book["Анализ"].iter_rows(min_row=2, values_only=True) for v in r if v]
    for paragraph in programme["analysis"].split("\n"):
        assert flat(paragraph) in analysis, paragraph

    # target indicators: every target of the file in its year's column; the
    # numbers of the list and the years are integers
    sheet = book["Целевые показатели"]
    rows = body(sheet)
    heads = [c.value for c in sheet[int(sheet.print_title_rows.split(":")[0].strip("$"))]]
    for name, year, target in targets:
        line = [r for r in rows if r[1] == name][0]
        value = line[heads.index("Целевое значение на %d г." % year)]
        assert isinstance(value, (int, float)) and abs(value - target) < 1e-9, (name, year, value, target)
    for r in rows:
        assert isinstance(r[0], int), r
    # a bound as written, for the end of the programme
    final = heads.index("Целевое значение на конец реализации программы")
    assert "не более 6" in [r[final] for r in rows], [r[final] for r in rows]
    years = [r[heads.index("Базовый год")] for r in rows]
    assert all(isinstance(y, int) for y in years), years

    # the road map: every measure once, with its expected result; sections
    # merged; no execution status in an approval
    sheet = book["Дорожная карта"]
    rows = body(sheet)
    cells = [str(v) for r in rows for v in r if v]
    for title, expected in measures:
        assert cells.count(title) == 1, title
        assert not expected or expected in cells, expected
    heads = [c.value for c in sheet[int(sheet.print_title_rows.split(":")[0].strip("$"))]]
    assert "Ожидаемый результат" in heads and "Статус" not in heads, heads
    assert not set(cells) & {"выполнено", "запланировано", "в работе", "done", "planned"}
    assert any(re.match(r"B(\d+):G\1$", str(m)) for m in sheet.merged_cells.ranges), sheet.merged_cells.ranges
    assert any(r[0] == "4.7" for r in rows)
    # the participating schools, and the dynamics within the programme's years
    assert len([r for r in body(book["Школы-участники"]) if r[0]]) == n_schools
    assert "высокие" not in " ".join(str(v) for r in body(book["Школы-участники"]) for v in r if v)
    sheet = book["Динамика"]
    years = {int(m.group(1)) for r in sheet.iter_rows(values_only=True) for v in r if isinstance(v, str)
             for m in [re.fullmatch(r"(\d{4}) г\.", v)] if m}
    assert years and all(programme["first_year"] <= y <= programme["last_year"] for y in years), years
    assert len(sheet._charts) >= 1, "no chart"
    # the section's heading first, on the page of the first table: a page
    # break before each further table only
    assert titles(sheet)[0] == "Динамика результатов общеобразовательных организаций — участников программы", \
        titles(sheet)
    assert len(sheet.row_breaks.brk) == len(sheet._charts) - 1, (len(sheet.row_breaks.brk), len(sheet._charts))
    # «ОГЭ, математика, 9 класс»: the subject is not capitalised mid-title
    dynamics_titles = [v for r in sheet.iter_rows(values_only=True) for v in r
                       if isinstance(v, str) and re.search(r", \d+ класс", v)]
    assert dynamics_titles and not any(re.search(r", [А-ЯЁ][а-яё]+[^,]*, \d+ класс", v) for v in dynamics_titles), \
        dynamics_titles
    for chart in sheet._charts:
        assert chart.series, "an empty chart"
    acts = body(book["Нормативная база"])
    assert isinstance(acts[0][2], datetime.datetime), acts[0]

    # the table by levels: a column per level headed by its name, each
    # action in its level's column; its title and introduction above it
    sheet = book["Мероприятия по уровням"]
    heads = [c.value for c in sheet[int(sheet.print_title_rows.split(":")[0].strip("$"))]]
    assert heads == levels, heads
    assert tables[1] in titles(sheet), titles(sheet)
    by_levels = body(sheet)
    for mid, level, text in actions:
        assert any(r[heads.index(level)] == text for r in by_levels), (level, text)
    assert mark_number(sheet) == 2
    # a risk's responsible person; a risk not assessed leaves nothing
    risks = body(book["Риски"])
    assert any("Белова М. О." in str(v) for r in risks for v in r), risks

    # the road map alone: the same rows, with the number the order gives it
    alone = os.path.join(tmp, "Дорожная карта.xlsx")
    run("--export-roadmap", alone, "--programme", str(pid), demo)
    single = openpyxl.load_workbook(alone)
    assert single.sheetnames == ["Дорожная карта", "Мероприятия по уровням"], single.sheetnames
    assert body(single.worksheets[0]) == body(book["Дорожная карта"])
    assert body(single.worksheets[1]) == body(book["Мероприятия по уровням"])
    assert mark_number(single.worksheets[0]) == mark_number(book["Дорожная карта"]) == 2

    # the order as PDF: the official face embedded, page numbers from page
    # 2, the order's parts, and the same appendix plan as the workbook
    run("--export-order", order, "--programme", str(pid), demo)
    listing, fonts = pdf_fonts(order)
    print(listing)
    assert fonts and all(name.startswith(face.replace(" ", "")) and emb == "yes" for name, emb in fonts), fonts
    pages = pdf_text(order).split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    assert len(pages) >= 6, len(pages)
    for n, page in enumerate(pages[1:], start=2):
        assert page.strip().split("\n")[0].strip() == str(n), (n, page[:80])
    # a line may break after a hyphen: «школой-» «партнёром»
    text = re.sub(r"(\w)- (\w)", r"\1-\2", flat(" ¶ ".join(pdf_blocks(order))))
    first = flat(pages[0])
    for part in ("Управление образования администрации Берёзовского муниципального округа", "ПРИКАЗ", "15.01.2025",
                 "№ 45-о", "г. Берёзовск", "Об утверждении муниципальной программы поддержки школ",
                 "в соответствии с Федеральным законом от 29.12.2012 № 273-ФЗ", "ПРИКАЗЫВАЮ:",
                 "1. Утвердить муниципальную программу", "(приложение № 1)",
                 "возложить на заместителя начальника управления образования Гусеву Н. П.",
                 "Начальник управления образования", "И. В. Соколова"):
        assert part in first, part
    assert "ПРОЕКТ" not in first
    # appendix by appendix, its tables in the workbook's order
    plan = {}
    for sheet in book.worksheets:
        plan.setdefault(mark_number(sheet), []).extend(titles(sheet))
    assert sorted(plan) == [1, 2, 3], sorted(plan)
    position = 0
    for number in sorted(plan):
        found = text.find("Приложение № %d к приказу Управления образования" % number, position)
        assert found >= position, number
        position = found
        for title in plan[number]:
            found = text.find(title, position)
            assert found >= 0, (number, title)
            position = found
        after = text.find("Приложение № %d " % (number + 1), position)
        assert after < 0 or after > position, (number, after, position)
    for title, expected in measures:
        assert in_pdf(text, title), title
        assert not expected or in_pdf(text, expected), expected
    for mid, level, action in actions:
        assert in_pdf(text, action), action
    # the passport's every field is in the PDF too
    for column in ("title", "basis", "customer", "developers", "executor", "co_executors", "goal", "contacts"):
        for paragraph in (programme[column] or "").split("\n"):
            assert in_pdf(text, paragraph), (column, paragraph)

    # the face and the margin of the settings
    other = os.path.join(tmp, "Другой шрифт.shnor")
    shutil.copy(demo, other)
    db = sqlite3.connect(other)
    db.execute("INSERT INTO settings (key, value) VALUES ('document_font', 'PT Serif'), ('margin_left', '30')")
    db.commit()
    db.close()
    if installed("PT Serif"):
        pt_pdf = os.path.join(tmp, "PT.pdf")
        pt_book = os.path.join(tmp, "PT.xlsx")
        run("--export-order", pt_pdf, "--programme", str(pid), other)
        run("--export-xlsx", pt_book, "--programme", str(pid), other)
        _, fonts = pdf_fonts(pt_pdf)
        assert all(name.startswith("PTSerif") and emb == "yes" for name, emb in fonts), fonts
        assert openpyxl.load_workbook(pt_book)["Паспорт"]["A1"].font.name == "PT Serif"

        def left_of(path, word):
            bbox = pdf_text(path, "-bbox", "-f", "1", "-l", "1")
            return float(re.search(r'xMin="([\d.]+)"[^>]*>%s<' % word, bbox).group(1))

        assert abs(left_of(order, "ПРИКАЗЫВАЮ:") - 20 * 72 / 25.4) < 1.5, left_of(order, "ПРИКАЗЫВАЮ:")
        assert abs(left_of(pt_pdf, "ПРИКАЗЫВАЮ:") - 30 * 72 / 25.4) < 1.5, left_of(pt_pdf, "ПРИКАЗЫВАЮ:")

    # the lists of identification: every school, then a list per group with
    # the reasons; a draft while the criteria set has no order
    run("--export-lists", lists, demo)
    classified = run("--classify", demo).stdout.splitlines()
    lists_book = openpyxl.load_workbook(lists)
    assert lists_book.sheetnames == ["Все школы", "Высокие результаты", "ШНОР", "Снижение", "ШНСУ",
                                     "ШНОР и ШНСУ"], \
        lists_book.sheetnames
    assert lists_book.worksheets[0]["A1"].value.startswith("ПРОЕКТ\nПриложение № 1")
    assert len([r for r in body(lists_book.worksheets[0]) if r[0]]) == len(classified)
    listed = sum(len([r for r in body(s) if isinstance(r[0], int)]) for s in lists_book.worksheets[1:])
    memberships = sum(len([g for g in line.split("\t")[2].split(", ") if g]) for line in classified)
    assert listed == memberships, (listed, memberships)
    for r in body(lists_book.worksheets[0]):
        assert all(v is None or isinstance(v, (int, float)) for v in r[6:]), r
    for s in lists_book.worksheets[1:]:
        for r in body(s):
            if isinstance(r[0], int):
                assert re.search(r"в последн|из \d+ последних|за \d+ последн", r[-1] or ""), r

    # refused: an unknown programme, a folder that is not there, no file
    for args in (["--export-xlsx", os.path.join(tmp, "x.xlsx"), "--programme", "999", demo],
                 ["--export-order", os.path.join(tmp, "y.pdf"), "--programme", "999", demo],
                 ["--export-lists", os.path.join(tmp, "нет", "x.xlsx"), demo],
                 ["--export-order", os.path.join(tmp, "нет", "y.pdf"), "--programme", "1", demo]):
        done = run(*args, check=False)
        assert done.returncode == 1 and done.stderr.strip(), (done.returncode, done.stderr)
        assert not os.path.exists(args[1]), args[1]
        # why, in the interface's words: not Cairo's own English, nor
        # libxlsxwriter's own line, nor the temporary name of the file
        assert "output stream" not in done.stderr, done.stderr
        assert "[ERROR]" not in done.stderr and ".part" not in done.stderr, done.stderr
    done = run("--demo", os.path.join(tmp, "нет", "Демо.shnor"), check=False)
    assert done.returncode == 1 and "нет" in done.stderr and ".part" not in done.stderr, done.stderr
    assert run("--export-xlsx", out, demo, check=False).returncode == 2
    # a draft is written, with what it lacks on stderr
    draft = os.path.join(tmp, "Проект.pdf")
    done = run("--export-order", draft, "--programme", "2", demo, check=False)
    assert done.returncode == 0 and os.path.getsize(draft) > 1000, done.stderr
    assert len(done.stderr.strip().splitlines()) >= 3, done.stderr
    assert "ПРОЕКТ" in pdf_text(draft).split("\f")[0]

    # LibreOffice opens both workbooks and prints them
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
        # no word of a table's head is cut in two where LibreOffice prints it
        # («Стандартизиров|анный»): every one is whole in the PDF's text
        printed = flat(pdf_text(pdf))
        heads = set()
        for sheet in openpyxl.load_workbook(book_path).worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.font is not None and cell.font.b and isinstance(cell.value, str) and cell.row > 3:
                        heads.update(w.strip(",.:;()«»\"%") for w in re.split(r"[\s-]+", cell.value))
        cut = sorted(w for w in heads if len(w) >= 8 and w not in printed)
        assert not cut, (os.path.basename(book_path), cut)
        # nothing printed past the right margin (10 mm) of its page: a sheet
        # of paragraphs wider than the page was cut at its edge
        boxes = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True, check=True).stdout
        for number, page in enumerate(boxes.split("<page ")[1:], start=1):
            width = float(re.search(r'width="([\d.]+)"', page).group(1))
            past = [(w, float(x)) for x, w in re.findall(r'xMax="([\d.]+)"[^>]*>([^<]*)<', page)
                    if float(x) > width - 20]
            assert not past, (os.path.basename(book_path), "page", number, width, past[:5])
print("export ok")
