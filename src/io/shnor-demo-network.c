/* shnor-demo-network.c: the network of the demo municipality, written
 * through the same document API a user's edits take. Its practices carry
 * small files made here: a one-page PDF of the practice (PangoCairo, the
 * fonts embedded) and a PNG chart of a result that grew. */
#define G_LOG_DOMAIN "shnor-demo"

#include "config.h"
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "shnor-demo.h"
#include "shnor-demo-network.h"
#include "shnor-fonts.h"
#include "shnor-number.h"

/* ---- the files --------------------------------------------------------- */

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Shows @text from (@x, @y), wrapped at @width (centred in it when
 * @centre); returns where it ends below. */
static double
show (cairo_t    *cr,
      const char *text,
      const char *font,
      double      x,
      double      y,
      double      width,
      gboolean    centre)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *description = pango_font_description_from_string (font);
  int w, h;

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_alignment (layout, centre ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, &h);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (description);
  g_object_unref (layout);
  return y + (double) h / PANGO_SCALE;
}

/* One A4 page: the title, then the body's paragraphs. */
GBytes *
shnor_demo_pdf (const char *title,
                const char *body)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, 595.3, 841.9);
  cairo_t *cr = cairo_create (surface);
  double y;

  g_autofree char *face = shnor_fonts_resolve ("");   /* the face of the documents */
  g_autofree char *small = g_strdup_printf ("%s 10", face);
  g_autofree char *bold = g_strdup_printf ("%s Bold 16", face);
  g_autofree char *normal = g_strdup_printf ("%s 12", face);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_set_source_rgb (cr, 0, 0, 0);
  y = show (cr, "Муниципальный банк лучших практик", small, 85, 57, 453, FALSE);
  y = show (cr, title, bold, 85, y + 14, 453, FALSE);
  show (cr, body, normal, 85, y + 16, 453, FALSE);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}

/* A bar chart of @values (per cent) for the years up to 2025. */
GBytes *
shnor_demo_png (const char   *title,
                const double *values,
                guint         n_values)
{
  const int width = 480, height = 300;
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  double bar = (width - 80.0) / n_values;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  show (cr, title, "Sans Bold 12", 20, 12, width - 40, FALSE);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, 40, height - 40.5);
  cairo_line_to (cr, width - 20, height - 40.5);
  cairo_stroke (cr);
  for (guint i = 0; i < n_values; i++)
    {
      double h = (height - 110.0) * values[i] / 100.0, x = 40 + i * bar + bar * 0.2;
      g_autofree char *label = shnor_number_format_percent (values[i], 0);
      g_autofree char *year = g_strdup_printf ("%u", 2026 - n_values + i);

      cairo_set_source_rgb (cr, 0.0, 0.447, 0.698);
      cairo_rectangle (cr, x, height - 41 - h, bar * 0.6, h);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      show (cr, label, "Sans 11", x - bar * 0.2, height - 60 - h, bar, TRUE);
      show (cr, year, "Sans 11", x - bar * 0.2, height - 34, bar, TRUE);
    }
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}

/* ---- the data ------------------------------------------------------------ */

/* The demo's schools by their short names (see shnor-demo.c) */
#define GYM1 "Гимназия № 1"
#define SCH2 "СОШ № 2"
#define SCH3 "СОШ № 3"
#define OOSH5 "ООШ № 5"
#define LESNOY "СОШ п. Лесной"
#define RUDN "СОШ п. Рудничный"
#define MALIN "СОШ с. Малиновка"
#define KEDR "ООШ с. Кедровка"
#define POKR "СОШ с. Покровское"
#define TURA "ООШ с. Верхняя Тура"
#define KLUCHI "СОШ с. Ключи"

static const struct { const char *name; ShnorOrganisationKind kind; const char *contact, *phone, *email; } organisations[] = {
  { "Северо-Озёрский государственный педагогический университет", SHNOR_ORGANISATION_UNIVERSITY,
    "Кафедра методики преподавания математики, доц. Ершов А. Н.", "+7 (3432) 35-12-70", "math@sozgpu.example" },
  { "Берёзовский педагогический колледж", SHNOR_ORGANISATION_COLLEGE, "Заместитель директора Лукина Г. В.",
    "+7 (34356) 2-40-18", "college@berezovsk-edu.example" },
  { "ППМС-центр «Доверие»", SHNOR_ORGANISATION_PPMS, "Педагог-психолог Сергеева Е. А.", "+7 (34356) 2-33-05",
    "doverie@berezovsk-edu.example" },
  { "Институт развития образования Северо-Озёрской области", SHNOR_ORGANISATION_INSTITUTE,
    "Центр непрерывного повышения профессионального мастерства", "+7 (3432) 36-00-41", "cnppm@iro-sozo.example" },
  { "Районный дом культуры г. Берёзовска", SHNOR_ORGANISATION_CULTURE, "Художественный руководитель Панова И. С.",
    "+7 (34356) 2-11-62", "rdk@berezovsk.example" },
};

/* partner: a school's short name, or "#N" for organisation N above */
static const struct {
  const char            *school, *partner;
  ShnorPartnerRole       role;
  const char            *subjects, *direction, *number, *date, *start, *end;
  ShnorPartnershipStatus status;
  gboolean               draft_programme;  /* bound to the draft programme of its school */
  const char            *note;
} partnerships[] = {
  { KEDR, GYM1, SHNOR_PARTNER_MENTOR, "Математика; Русский язык", "формирующее оценивание", "СП-1", "02.09.2025",
    "01.09.2025", "31.05.2027", SHNOR_PARTNERSHIP_ACTIVE, FALSE,
    "Взаимопосещение уроков раз в месяц, совместный методический день в каждой четверти." },
  { TURA, SCH3, SHNOR_PARTNER_MENTOR, "Математика", "индивидуальные образовательные маршруты", "СП-2", "05.09.2025",
    "05.09.2025", "31.05.2027", SHNOR_PARTNERSHIP_ACTIVE, TRUE,
    "Дистанционные консультации по видеосвязи: школа труднодоступна в распутицу." },
  { OOSH5, SCH3, SHNOR_PARTNER_CONSULTANT, "Физика; Химия", "проектная деятельность", "СП-3", "10.09.2025",
    "15.09.2025", "31.05.2026", SHNOR_PARTNERSHIP_ACTIVE, FALSE, "" },
  { MALIN, LESNOY, SHNOR_PARTNER_INTERNSHIP, "Управление школой", "командное наставничество", "", "",
    "01.02.2026", "31.12.2026", SHNOR_PARTNERSHIP_PLANNED, FALSE, "Стажировка управленческой команды: 3 человека." },
  { RUDN, GYM1, SHNOR_PARTNER_CONSULTANT, "Русский язык; Литература", "читательская грамотность", "СП-4",
    "12.09.2025", "15.09.2025", "31.05.2026", SHNOR_PARTNERSHIP_ACTIVE, FALSE, "" },
  { KEDR, "#2", SHNOR_PARTNER_OTHER, "", "психолого-педагогическое сопровождение", "14/25", "20.08.2025",
    "01.09.2025", "31.05.2026", SHNOR_PARTNERSHIP_ACTIVE, FALSE, "Выездные консультации педагога-психолога." },
  { TURA, "#1", SHNOR_PARTNER_OTHER, "", "целевое обучение, педагогическая практика студентов", "7-ЦО",
    "25.08.2025", "01.09.2025", "30.06.2028", SHNOR_PARTNERSHIP_ACTIVE, TRUE, "" },
  { RUDN, "#3", SHNOR_PARTNER_OTHER, "Математика; Русский язык", "адресное повышение квалификации", "ИРО-112",
    "01.10.2025", "01.10.2025", "31.12.2026", SHNOR_PARTNERSHIP_ACTIVE, FALSE, "" },
  { MALIN, "#4", SHNOR_PARTNER_OTHER, "", "воспитательная работа", "3", "01.09.2024", "01.09.2024", "31.05.2025",
    SHNOR_PARTNERSHIP_ENDED, FALSE, "" },
  { KLUCHI, POKR, SHNOR_PARTNER_CONSULTANT, "Математика", "подготовка к ГИА", "СП-5", "15.09.2025", "15.09.2025",
    "31.05.2026", SHNOR_PARTNERSHIP_ACTIVE, FALSE, "" },
};

/* the events of partnership N (its index above) */
static const struct { guint partnership; const char *date; ShnorEventForm form; const char *topic; int people; } events[] = {
  { 0, "25.09.2025", SHNOR_EVENT_VISIT, "Знакомство с системой оценивания гимназии", 6 },
  { 0, "16.10.2025", SHNOR_EVENT_OPEN_LESSON, "Листы самооценки на уроке математики в 6 классе", 5 },
  { 0, "13.11.2025", SHNOR_EVENT_CONSULTATION, "Разбор контрольных работ: критерии оценивания", 4 },
  { 0, "11.12.2025", SHNOR_EVENT_OPEN_LESSON, "Урок русского языка с взаимооцениванием", 5 },
  { 0, "22.01.2026", SHNOR_EVENT_SEMINAR, "Формирующее оценивание: итоги полугодия", 12 },
  { 0, "19.02.2026", SHNOR_EVENT_VISIT, "Ответное посещение: уроки учителей школы-партнёра", 6 },
  { 1, "02.10.2025", SHNOR_EVENT_CONSULTATION, "Индивидуальные маршруты для 8 класса", 3 },
  { 1, "06.11.2025", SHNOR_EVENT_CONSULTATION, "Диагностика пробелов по математике", 3 },
  { 1, "04.12.2025", SHNOR_EVENT_OPEN_LESSON, "Дистанционный открытый урок по алгебре", 8 },
  { 1, "29.01.2026", SHNOR_EVENT_INTERNSHIP, "Стажировка учителя математики в СОШ № 3", 1 },
  { 2, "09.10.2025", SHNOR_EVENT_SEMINAR, "Проектная неделя: замысел и критерии", 7 },
  { 2, "20.11.2025", SHNOR_EVENT_VISIT, "Лабораторные работы по физике на базе СОШ № 3", 14 },
  { 2, "15.01.2026", SHNOR_EVENT_CONSULTATION, "Подготовка проектов к защите", 4 },
  { 4, "30.10.2025", SHNOR_EVENT_SEMINAR, "Смысловое чтение на всех предметах", 11 },
  { 4, "26.02.2026", SHNOR_EVENT_OPEN_LESSON, "Читательская конференция 6 класса", 9 },
  { 5, "18.09.2025", SHNOR_EVENT_CONSULTATION, "Адаптация пятиклассников", 5 },
  { 5, "20.11.2025", SHNOR_EVENT_CONSULTATION, "Работа с обучающимися группы риска", 6 },
  { 5, "12.02.2026", SHNOR_EVENT_SEMINAR, "Профилактика эмоционального выгорания педагогов", 10 },
  { 6, "10.11.2025", SHNOR_EVENT_OTHER, "Встреча со студентами-практикантами", 4 },
  { 7, "14.10.2025", SHNOR_EVENT_SEMINAR, "Анализ результатов ВПР", 8 },
  { 7, "03.03.2026", SHNOR_EVENT_INTERNSHIP, "Стажировка на базе региональной инновационной площадки", 2 },
  { 8, "20.12.2024", SHNOR_EVENT_OTHER, "Новогодний спектакль школьного театра", 40 },
  { 8, "15.04.2025", SHNOR_EVENT_OTHER, "Фестиваль «Весенняя капель»", 35 },
  { 9, "07.10.2025", SHNOR_EVENT_CONSULTATION, "Разбор заданий ОГЭ по математике", 3 },
};

static const struct { const char *name, *position, *school, *subjects; } teachers[] = {
  { "Орлова Светлана Викторовна", "учитель математики", GYM1, "Математика" },
  { "Зайцева Людмила Петровна", "учитель русского языка и литературы", GYM1, "Русский язык; Литература" },
  { "Никитин Павел Андреевич", "учитель физики", SCH3, "Физика; Астрономия" },
  { "Воробьёва Татьяна Сергеевна", "учитель математики", SCH3, "Математика" },
  { "Комарова Елена Игоревна", "учитель математики", KEDR, "Математика" },
  { "Фёдоров Дмитрий Олегович", "учитель русского языка и литературы", KEDR, "Русский язык; Литература" },
  { "Соловьёва Анна Викторовна", "учитель начальных классов", TURA, "Начальные классы" },
  { "Лебедев Артём Сергеевич", "учитель математики и физики", TURA, "Математика; Физика" },
  { "Морозова Ирина Николаевна", "учитель физики и химии", OOSH5, "Физика; Химия" },
  { "Егорова Ксения Андреевна", "учитель русского языка", RUDN, "Русский язык" },
};

/* mentor, mentee: indexes into teachers */
static const struct { guint mentor, mentee; const char *start, *end, *goal; } mentoring[] = {
  { 0, 4, "01.09.2025", "31.05.2026", "Формирующее оценивание на уроках математики" },
  { 1, 5, "01.09.2025", "31.05.2026", "Подготовка к ОГЭ по русскому языку" },
  { 3, 7, "15.09.2025", "31.05.2027", "Индивидуальные маршруты для обучающихся с трудностями" },
  { 2, 8, "01.10.2025", "31.05.2026", "Лабораторный практикум и проектные работы" },
};

static const struct { guint teacher; const char *title, *provider, *hours, *date, *certificate; } courses[] = {
  { 4, "Формирующее оценивание в основной школе", "Институт развития образования Северо-Озёрской области", "36",
    "14.11.2025", "662418071234" },
  { 5, "Функциональная грамотность: читательская грамотность", "Институт развития образования Северо-Озёрской области",
    "72", "20.03.2025", "662417994410" },
  { 7, "Школа современного учителя математики", "ФГАОУ ДПО «Академия Минпросвещения России»", "100", "30.05.2025",
    "040000298177" },
  { 6, "Обучение детей с трудностями в обучении в начальной школе", "ППМС-центр «Доверие»", "24", "10.12.2025",
    "Д-25-117" },
  { 8, "Проектная деятельность на уроках физики и химии", "Северо-Озёрский государственный педагогический университет",
    "36", "25.10.2025", "ПК-2025-0412" },
  { 9, "Смысловое чтение: стратегии и приёмы", "Институт развития образования Северо-Озёрской области", "36",
    "05.02.2026", "662418102207" },
  { 0, "Наставничество в образовательной организации", "Институт развития образования Северо-Озёрской области", "24",
    "18.09.2025", "662418060015" },
  { 4, "Разбор заданий ОГЭ по математике повышенной сложности", "Северо-Озёрский государственный педагогический университет",
    "18", "12.03.2026", "ПК-2026-0077" },
  { 7, "Цифровые тренажёры на уроках математики и физики", "Институт развития образования Северо-Озёрской области",
    "24", "16.04.2026", "662419102233" },
};

typedef struct {
  const char          *title, *school, *authors, *subjects, *grades, *direction, *description, *results, *evidence,
                      *added;
  ShnorPracticeStatus  status;
  gboolean             pdf;
  const char          *chart;       /* a PNG of this title, or NULL */
  double               values[3];   /* 2023–2025, per cent */
} DemoPractice;

static const DemoPractice practices[] = {
  { "Формирующее оценивание на уроках математики: листы самооценки", GYM1, "Орлова С. В.", "Математика", "5–9",
    "формирующее оценивание",
    "Ученик перед контрольной работой отмечает в листе самооценки, какие умения темы освоил, а учитель по листам "
    "группирует класс для повторения. Листы на все темы 5–9 классов, инструкция для учителя.",
    "Доля отметок «2» по ВПР по математике в 6 классах снизилась с 14 до 6 %.",
    "Протоколы ВПР 2023–2025 годов; анализ на заседании ШМО.", "2025-03-14", SHNOR_PRACTICE_INCLUDED, TRUE,
    "Доля отметок «4» и «5» по математике, 6 класс", { 41, 48, 57 } },
  { "Читательские клубы для 5–7 классов", GYM1, "Зайцева Л. П.", "Литература; Русский язык", "5–7",
    "читательская грамотность",
    "Еженедельные встречи в малых группах: обсуждение прочитанного по ролям (ведущий, знаток слов, художник, "
    "связной). Программа клуба на год, карточки ролей, список книг.",
    "Выполнение заданий на смысловое чтение в ВПР выросло на 11 процентных пунктов.",
    "Результаты ВПР, анкеты обучающихся.", "2025-04-02", SHNOR_PRACTICE_INCLUDED, TRUE, NULL, { 0 } },
  { "Проектная неделя по физике в сетевой паре школ", SCH3, "Никитин П. А.", "Физика", "7–9",
    "проектная деятельность",
    "Раз в полугодие обучающиеся двух школ неделю работают над общими проектами; лабораторные работы проходят на "
    "оборудовании школы-консультанта.",
    "Все девятиклассники школы-партнёра защитили индивидуальные проекты.", "Протоколы защиты проектов.",
    "2025-05-20", SHNOR_PRACTICE_INCLUDED, TRUE, NULL, { 0 } },
  { "Индивидуальные образовательные маршруты для обучающихся с трудностями в обучении", SCH3, "Воробьёва Т. С.",
    "Математика", "5–9", "индивидуализация обучения",
    "По итогам входной диагностики для каждого ученика составляется маршрут: дефициты, задания, сроки, "
    "консультации. Маршрут пересматривается раз в четверть.",
    "Из 12 обучающихся группы риска 10 получили положительные отметки по итогам года.",
    "Журнал консультаций, итоговые отметки.", "2025-09-12", SHNOR_PRACTICE_REVIEWED, TRUE,
    "Обучающиеся группы риска с положительной отметкой", { 50, 67, 83 } },
  { "Командное наставничество в малокомплектной школе", LESNOY, "Козлова М. Ю.", "Управление", "1–11",
    "наставничество",
    "Молодого учителя сопровождает не один наставник, а команда из трёх педагогов: предметник, классный "
    "руководитель и заместитель директора. План на год и карта наблюдения урока.",
    "Все молодые педагоги за два года остались в школе.", "Кадровые приказы 2023–2025 годов.", "2025-06-05",
    SHNOR_PRACTICE_INCLUDED, TRUE, NULL, { 0 } },
  { "Тьюторское сопровождение выпускников 9 классов", POKR, "Новикова Т. А.", "Математика; Русский язык", "9",
    "подготовка к ГИА",
    "Каждый выпускник закреплён за тьютором из числа учителей; еженедельная встреча по плану подготовки, "
    "пробные экзамены раз в четверть.",
    "Все выпускники 2025 года преодолели минимальный порог ОГЭ по математике и русскому языку.",
    "Протоколы ОГЭ 2025 года.", "2025-08-28", SHNOR_PRACTICE_REVIEWED, TRUE, NULL, { 0 } },
  { "Разноуровневые домашние задания", SCH2, "Михайлова О. Р.", "Математика", "5–6",
    "дифференцированное обучение",
    "Домашнее задание трёх уровней: обязательный, продвинутый и творческий; ученик выбирает уровень сам и "
    "может его сменить.", "Доля невыполненных домашних заданий снизилась вдвое.", "", "2025-10-03",
    SHNOR_PRACTICE_PROPOSED, FALSE, "Доля выполненных домашних заданий", { 62, 74, 88 } },
  { "Школьная служба медиации и родительский клуб", KLUCHI, "Фомина С. П.", "Воспитательная работа", "1–11",
    "вовлечение родителей",
    "Родительский клуб собирается раз в месяц; служба медиации из обучающихся и педагогов разбирает конфликты "
    "до обращения к администрации.", "Число обращений в КДН снизилось с 5 до 1 в год.",
    "Справка КДН и ЗП администрации округа.", "2024-12-10", SHNOR_PRACTICE_INCLUDED, TRUE, NULL, { 0 } },
  { "Смысловое чтение на уроках истории", GYM1, "Белкина Н. А.", "История", "6–8", "читательская грамотность",
    "Работа с историческим источником по единому алгоритму: вопросы до чтения, во время чтения и после него.",
    "", "", "2026-01-20", SHNOR_PRACTICE_PROPOSED, TRUE, NULL, { 0 } },
  { "Цифровые тренажёры для отработки вычислительных навыков", POKR, "Гришин В. А.", "Математика", "5–6",
    "цифровые образовательные ресурсы",
    "Ежедневные пятиминутные тренировки на бесплатной платформе; учитель видит ошибки каждого ученика.",
    "Скорость и точность вычислений выросли по итогам трёх диагностик.", "Результаты диагностик.",
    "2025-11-18", SHNOR_PRACTICE_REVIEWED, FALSE, "Верно выполненные вычисления, диагностика", { 58, 66, 79 } },
  { "Открытые уроки в сетевой паре: протокол взаимопосещения", KEDR, "Комарова Е. И., Орлова С. В.", "Математика",
    "5–9", "формирующее оценивание",
    "Общая форма протокола посещения урока для школы-наставника и школы-партнёра: цель, приёмы оценивания, "
    "вопросы для разбора, договорённости.", "", "", "2026-02-25", SHNOR_PRACTICE_PROPOSED, TRUE, NULL, { 0 } },
  { "Летняя профильная смена «Юный исследователь»", LESNOY, "Денисова А. В.", "Биология; Химия", "7–8",
    "дополнительное образование",
    "Двухнедельная смена пришкольного лагеря с исследовательскими проектами на пришкольном участке и в лаборатории "
    "центра «Точка роста».", "Обучающиеся смены — призёры муниципальной научно-практической конференции.",
    "Дипломы конференции 2025 года.", "2025-09-01", SHNOR_PRACTICE_INCLUDED, TRUE,
    "Участники смены, выбравшие естественно-научные проекты", { 35, 52, 64 } },
};

static gint64
school_id (GHashTable *schools,
           const char *short_name)
{
  return (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (schools, short_name));
}

static GHashTable *
schools_by_name (ShnorDocument *doc)
{
  GHashTable *schools = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *list = shnor_document_get_schools (doc);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ShnorSchool) s = g_list_model_get_item (list, i);

      g_hash_table_insert (schools, g_strdup (shnor_school_get_display_name (s)),
                           GSIZE_TO_POINTER ((gsize) shnor_school_get_id (s)));
    }
  return schools;
}

static gint64
draft_programme (ShnorDocument *doc)
{
  g_autoptr(GListModel) programmes = shnor_document_get_programmes (doc, FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (programmes); i++)
    {
      g_autoptr(ShnorProgramme) p = g_list_model_get_item (programmes, i);

      if (shnor_programme_get_status (p) == SHNOR_PROGRAMME_DRAFT)
        return shnor_programme_get_id (p);
    }
  return 0;
}

static gboolean
add_partnerships (ShnorDocument  *doc,
                  GHashTable     *schools,
                  GError        **error)
{
  gint64 orgs[G_N_ELEMENTS (organisations)], ids[G_N_ELEMENTS (partnerships)];
  gint64 draft = draft_programme (doc);

  for (guint i = 0; i < G_N_ELEMENTS (organisations); i++)
    if ((orgs[i] = shnor_document_add_organisation (doc, organisations[i].name, organisations[i].kind, error)) == 0 ||
        !shnor_document_set_organisation_field (doc, orgs[i], "contact", organisations[i].contact, error) ||
        !shnor_document_set_organisation_field (doc, orgs[i], "phone", organisations[i].phone, error) ||
        !shnor_document_set_organisation_field (doc, orgs[i], "email", organisations[i].email, error))
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (partnerships); i++)
    {
      const char *partner = partnerships[i].partner;
      g_autofree char *status = g_strdup_printf ("%d", partnerships[i].status);
      const char *texts[][2] = {
        { "subjects", partnerships[i].subjects }, { "direction", partnerships[i].direction },
        { "agreement_number", partnerships[i].number }, { "agreement_date", partnerships[i].date },
        { "start_date", partnerships[i].start }, { "end_date", partnerships[i].end }, { "status", status },
        { "note", partnerships[i].note },
      };

      ids[i] = shnor_document_add_partnership (doc, school_id (schools, partnerships[i].school),
                                               partner[0] == '#' ? 0 : school_id (schools, partner),
                                               partner[0] == '#' ? orgs[atoi (partner + 1)] : 0,
                                               partnerships[i].role, error);
      if (ids[i] == 0)
        return FALSE;
      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        if (texts[t][1][0] != '\0' && !shnor_document_set_partnership_field (doc, ids[i], texts[t][0], texts[t][1], error))
          return FALSE;
      if (partnerships[i].draft_programme && draft != 0 &&
          !shnor_document_set_partnership_programme (doc, ids[i], draft, error))
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      gint64 id = shnor_document_add_joint_event (doc, ids[events[i].partnership], events[i].date, events[i].form,
                                                  error);
      g_autofree char *people = g_strdup_printf ("%d", events[i].people);

      if (id == 0 || !shnor_document_set_joint_event_field (doc, id, "topic", events[i].topic, error) ||
          !shnor_document_set_joint_event_field (doc, id, "participants", people, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_staff (ShnorDocument  *doc,
           GHashTable     *schools,
           GError        **error)
{
  g_autoptr(GArray) people = shnor_document_get_staff (doc, 0);
  gint64 ids[G_N_ELEMENTS (teachers)];

  /* a director in the demo's people list works at the school named in
   * their organisation */
  for (guint i = 0; i < people->len; i++)
    {
      const ShnorStaffMember *p = &g_array_index (people, ShnorStaffMember, i);
      GHashTableIter iter;
      gpointer name, id;

      g_hash_table_iter_init (&iter, schools);
      while (g_hash_table_iter_next (&iter, &name, &id))
        if (strstr (p->organisation, name) != NULL &&
            !shnor_document_set_person_school (doc, p->id, (gint64) GPOINTER_TO_SIZE (id), error))
          return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (teachers); i++)
    if ((ids[i] = shnor_document_add_person (doc, teachers[i].name, teachers[i].position, teachers[i].school, error)) == 0 ||
        !shnor_document_set_person_school (doc, ids[i], school_id (schools, teachers[i].school), error) ||
        !shnor_document_set_staff_field (doc, ids[i], "subjects", teachers[i].subjects, error))
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (mentoring); i++)
    {
      gint64 id = shnor_document_add_mentoring (doc, ids[mentoring[i].mentor], ids[mentoring[i].mentee], error);

      if (id == 0 || !shnor_document_set_mentoring_field (doc, id, "start_date", mentoring[i].start, error) ||
          !shnor_document_set_mentoring_field (doc, id, "end_date", mentoring[i].end, error) ||
          !shnor_document_set_mentoring_field (doc, id, "goal", mentoring[i].goal, error))
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (courses); i++)
    {
      gint64 id = shnor_document_add_course (doc, ids[courses[i].teacher], courses[i].title, error);

      if (id == 0 || !shnor_document_set_course_field (doc, id, "provider", courses[i].provider, error) ||
          !shnor_document_set_course_field (doc, id, "hours", courses[i].hours, error) ||
          !shnor_document_set_course_field (doc, id, "date", courses[i].date, error) ||
          !shnor_document_set_course_field (doc, id, "certificate", courses[i].certificate, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
attach_files (ShnorDocument       *doc,
              gint64               id,
              const DemoPractice  *p,
              GError             **error)
{
  if (p->pdf)
    {
      g_autofree char *body = g_strdup_printf ("%s\n\nАвторы: %s\nПредметы: %s; классы: %s\n\nРезультаты: %s%s%s",
                                               p->description, p->authors, p->subjects, p->grades,
                                               p->results[0] ? p->results : "практика внедряется, результаты "
                                                                            "будут подведены в конце учебного года.",
                                               p->evidence[0] ? "\n\nПодтверждение результатов: " : "", p->evidence);
      g_autoptr(GBytes) pdf = shnor_demo_pdf (p->title, body);
      if (shnor_document_attach_bytes (doc, id, "Описание практики.pdf", pdf, error) == 0)
        return FALSE;
    }
  if (p->chart != NULL)
    {
      g_autoptr(GBytes) png = shnor_demo_png (p->chart, p->values, G_N_ELEMENTS (p->values));
      g_autofree char *name = g_strdup_printf ("%s.png", p->chart);

      if (shnor_document_attach_bytes (doc, id, name, png, error) == 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_practices (ShnorDocument  *doc,
               GHashTable     *schools,
               GError        **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (practices); i++)
    {
      const DemoPractice *p = &practices[i];
      g_autofree char *status = g_strdup_printf ("%d", p->status);
      const char *texts[][2] = {
        { "authors", p->authors }, { "subjects", p->subjects }, { "grades", p->grades },
        { "direction", p->direction }, { "description", p->description }, { "results", p->results },
        { "evidence", p->evidence }, { "added", p->added }, { "status", status },
      };
      gint64 id = shnor_document_add_practice (doc, p->title, school_id (schools, p->school), error);

      if (id == 0)
        return FALSE;
      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        if (!shnor_document_set_practice_field (doc, id, texts[t][0], texts[t][1], error))
          return FALSE;
      if (!attach_files (doc, id, p, error))
        return FALSE;
    }
  return TRUE;
}

/* The draft programme counts the mentoring pairs of its school's teachers
 * and the share of them trained, as the monitoring view shows them. */
static const struct {
  const char *texts[7];
  const char *binding;
  const char *targets[3];   /* the first years of the programme, then the last again */
} indicators[] = {
  { { "Количество наставнических пар педагогов школы", "ед.", "0", "0", "2025", "Сведения о наставничестве", NULL },
    "network\tmentoring", { "1", "2", "2" } },
  { { "Доля педагогов школы, прошедших курсы повышения квалификации за год", "%", "0", "0", "2025",
      "Сведения о повышении квалификации", NULL },
    "network\ttrained", { "20", "35", "50" } },
};

static gboolean
add_indicators (ShnorDocument  *doc,
                GError        **error)
{
  gint64 draft = draft_programme (doc);
  g_autoptr(ShnorProgramme) programme = draft ? shnor_document_dup_programme (doc, draft) : NULL;

  if (programme == NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (indicators); i++)
    {
      gint64 id = shnor_document_add_part_row (doc, draft, SHNOR_PART_INDICATOR, indicators[i].texts, error);

      if (id == 0 || !shnor_document_set_indicator_binding (doc, id, indicators[i].binding, error))
        return FALSE;
      for (int year = shnor_programme_get_first_year (programme), n = 0;
           year <= shnor_programme_get_last_year (programme); year++, n++)
        if (!shnor_document_set_indicator_plan (doc, id, year, FALSE, indicators[i].targets[MIN (n, 2)], error))
          return FALSE;
    }
  return TRUE;
}

/* Adds the network to the demo municipality of shnor_demo_fill(). */
gboolean
shnor_demo_network_fill (ShnorDocument  *doc,
                         GError        **error)
{
  g_autoptr(GHashTable) schools = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (doc), FALSE);
  schools = schools_by_name (doc);
  if (!shnor_document_begin_edit (doc, _("Demo municipality"), error))
    return FALSE;
  if (!add_partnerships (doc, schools, error) || !add_staff (doc, schools, error) ||
      !add_practices (doc, schools, error) || !add_indicators (doc, error))
    {
      shnor_document_cancel_edit (doc);
      return FALSE;
    }
  return shnor_document_end_edit (doc, error);
}

/* What `shnor --demo FILE` and the demo of the welcome page write: the
 * demo municipality with its network, in a new file (never over an
 * existing one). The network is a second edit: it finds the schools in
 * the registry the first one committed. */
gboolean
shnor_demo_network_write (const char  *path,
                          GError     **error)
{
  g_autoptr(ShnorDocument) doc = shnor_document_create (path, error);

  if (doc == NULL)
    return FALSE;
  if (shnor_demo_fill (doc, error) && shnor_demo_network_fill (doc, error))
    return TRUE;
  shnor_document_close (doc);
  g_unlink (path);
  return FALSE;
}
