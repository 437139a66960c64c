/* bench-bank.c: the bank of best practices at a region's size.
 *
 * Makes two files: the demo municipality, and the same with a bank of
 * 5,000 practices (Russian texts of 60–400 words) of which 2,000 carry an
 * attached file of 100 KB (200 MB in all). Prints, in one run (compare
 * ratios, not seconds: the machine is shared):
 *  - opening each file (shnor_document_open + close), the median of 9
 *    paired runs, and the bytes read while opening (rchar of /proc): the
 *    attachments are not read, so the two stay alike (target: the same
 *    within noise);
 *  - the full-text search the bank's list runs (the query, the list model
 *    of its practices) for 25 queries of one to three words, each the
 *    median of 5 runs, and the slowest of them (target < 50 ms), with a
 *    subject filter too; then a query of one letter, which matches every
 *    practice, and the whole list the bank shows before any search;
 *  - reading one attachment back (100 KB).
 *
 * Usage: bench-bank [DIR]   (default: a new folder under /tmp; the files
 * are left there) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <glib/gstdio.h>

#include "shnor-demo.h"
#include "shnor-document-network.h"

#define N_PRACTICES   5000
#define N_FILES       2000
#define FILE_SIZE     (100 * 1024)
#define RUNS          9

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* The processor time of this process: on a machine others load, the
 * clock's time is theirs as much as ours. */
static double
cpu (void)
{
  return (double) clock () / CLOCKS_PER_SEC;
}

static void
check (GError *error)
{
  if (error != NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      exit (1);
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), (int (*) (const void *, const void *)) compare_doubles);
  return values[n / 2];
}

/* What this process has read so far (Linux); 0 elsewhere. */
static gint64
bytes_read (void)
{
  g_autofree char *io = NULL;
  const char *rchar;

  if (!g_file_get_contents ("/proc/self/io", &io, NULL, NULL) || (rchar = strstr (io, "rchar: ")) == NULL)
    return 0;
  return g_ascii_strtoll (rchar + 7, NULL, 10);
}

static const char * const words[] = {
  "формирующее", "оценивание", "урок", "математика", "читательская", "грамотность", "наставничество", "команда",
  "педагог", "обучающийся", "проект", "исследование", "лаборатория", "диагностика", "маршрут", "индивидуальный",
  "родители", "клуб", "семинар", "стажировка", "сетевое", "взаимодействие", "школа", "результаты", "динамика",
  "мотивация", "функциональная", "естественно-научная", "цифровой", "тренажёр", "олимпиада", "подготовка", "экзамен",
  "профориентация", "волонтёрство", "медиация", "воспитание", "инклюзия", "тьютор", "консультация", "рефлексия",
  "самооценка", "взаимооценка", "критерии", "портфолио", "геометрия", "алгебра", "физика", "химия", "биология",
  "история", "обществознание", "литература", "русский", "английский", "информатика", "программирование", "робототехника",
};
static const char * const subjects[] = {
  "Математика", "Русский язык", "Литература", "Физика", "Химия", "Биология", "История", "Информатика",
  "Английский язык", "Начальные классы",
};
static const char * const directions[] = {
  "формирующее оценивание", "читательская грамотность", "наставничество", "проектная деятельность",
  "подготовка к ГИА", "вовлечение родителей", "цифровые образовательные ресурсы", "индивидуализация обучения",
};

static const char * const syllables[] = {
  "ба", "ве", "го", "да", "же", "зи", "ка", "ле", "мо", "ну", "па", "ре", "со", "ти", "фу", "ха", "це", "ча",
  "ша", "щи", "ла", "ми", "но", "ро", "ту", "ви", "бе", "ды", "ко", "ля", "ны", "пе", "ры", "сы", "то", "вы",
};

/* A text of @n_words: one word in fifty from the vocabulary of the field,
 * the others made of syllables (some thousands of them), as the words of
 * real descriptions are mostly not the ones searched for. */
static char *
text_of (GRand *rand,
         int    n_words)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < n_words; i++)
    {
      if (i)
        g_string_append_c (text, ' ');
      if (g_rand_int_range (rand, 0, 50) == 0)
        g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      else
        for (int k = g_rand_int_range (rand, 2, 5); k > 0; k--)
          g_string_append (text, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);
    }
  g_string_append_c (text, '.');
  return g_string_free (text, FALSE);
}

static void
fill_bank (ShnorDocument *doc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (19);
  g_autofree guint8 *data = g_malloc (FILE_SIZE);

  for (gsize i = 0; i < FILE_SIZE; i++)
    data[i] = (guint8) g_rand_int_range (rand, 0, 256);
  memcpy (data, "%PDF-1.4\n", 9);
  shnor_document_begin_edit (doc, "bench", &error);
  for (int p = 0; p < N_PRACTICES && error == NULL; p++)
    {
      g_autofree char *title = text_of (rand, g_rand_int_range (rand, 4, 10));
      g_autofree char *description = text_of (rand, g_rand_int_range (rand, 60, 400));
      g_autofree char *results = text_of (rand, g_rand_int_range (rand, 10, 40));
      g_autofree char *authors = g_strdup_printf ("Учитель %d, учитель %d", p, p + 1);
      g_autofree char *subject = g_strdup_printf ("%s; %s", subjects[p % G_N_ELEMENTS (subjects)],
                                                  subjects[(p / 3) % G_N_ELEMENTS (subjects)]);
      gint64 id = shnor_document_add_practice (doc, title, 0, &error);

      if (id == 0)
        break;
      shnor_document_set_practice_field (doc, id, "description", description, &error);
      shnor_document_set_practice_field (doc, id, "results", results, &error);
      shnor_document_set_practice_field (doc, id, "authors", authors, &error);
      shnor_document_set_practice_field (doc, id, "subjects", subject, &error);
      shnor_document_set_practice_field (doc, id, "direction", directions[p % G_N_ELEMENTS (directions)], &error);
      /* N_FILES of the practices, spread over the bank */
      if ((gint64) p * N_FILES / N_PRACTICES != (gint64) (p + 1) * N_FILES / N_PRACTICES)
        {
          g_autoptr(GBytes) bytes = NULL;
          g_autofree char *name = g_strdup_printf ("Материалы %d.pdf", p);

          /* each file its own: a different first kilobyte */
          data[100] = (guint8) p;
          data[101] = (guint8) (p >> 8);
          bytes = g_bytes_new (data, FILE_SIZE);
          shnor_document_attach_bytes (doc, id, name, bytes, &error);
        }
    }
  check (error);
  shnor_document_end_edit (doc, &error);
  check (error);
}

static double
open_once (const char *path,
           gint64     *read,
           double     *cpu_time)
{
  g_autoptr(GError) error = NULL;
  gint64 before = bytes_read ();
  double start = now (), start_cpu = cpu ();
  ShnorDocument *doc = shnor_document_open (path, &error);
  double took;

  check (error);
  shnor_document_close (doc);
  took = now () - start;
  *cpu_time = cpu () - start_cpu;
  g_object_unref (doc);
  *read = bytes_read () - before;
  return took;
}

/* Returns the clock's time; @cpu_time the processor's. */
static double
search_once (ShnorDocument *doc,
             const char    *query,
             const char    *subject,
             guint         *found,
             double        *cpu_time)
{
  double start = now (), start_cpu = cpu ();
  g_autoptr(GListModel) list = shnor_document_search_practices (doc, query, subject, NULL, -1);
  double took = now () - start;

  *cpu_time = cpu () - start_cpu;
  *found = g_list_model_get_n_items (list);
  return took;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = argc > 1 ? g_strdup (argv[1]) : g_dir_make_tmp ("shnor-bank-XXXXXX", NULL);
  g_autofree char *plain = g_build_filename (dir, "без банка.shnor", NULL);
  g_autofree char *bank = g_build_filename (dir, "с банком.shnor", NULL);
  g_autoptr(GError) error = NULL;
  static const char * const queries[] = {
    "оценив", "математика", "наставн", "читательская грамотность", "урок", "проект исследов", "родит клуб",
    "физика химия", "тьютор", "диагност маршрут", "цифров тренаж", "олимп", "сетевое взаимодействие",
    "самооценка взаимооценка", "медиация", "инклюзия", "портфолио", "алгебра геометрия", "робот", "учитель 4999",
    "школа результаты динамика", "ег", "программирование информатика", "ба", "к",
  };
  double open_plain[RUNS], open_bank[RUNS], cpu_plain[RUNS], cpu_bank[RUNS], slowest = 0, slowest_filtered = 0;
  double times[5];
  gint64 read_plain = 0, read_bank = 0;
  guint found = 0;

  g_mkdir_with_parents (dir, 0755);
  g_unlink (plain);
  g_unlink (bank);
  printf ("files in %s\n", dir);
  if (!shnor_demo_write (plain, &error) || !shnor_demo_write (bank, &error))
    check (error);
  {
    double start = now ();
    ShnorDocument *doc = shnor_document_open (bank, &error);

    check (error);
    fill_bank (doc);
    printf ("bank of %d practices, %d files of %d KB written in %.1f s\n", N_PRACTICES, N_FILES, FILE_SIZE / 1024,
            now () - start);
    g_object_unref (doc);
  }
  {
    GStatBuf a, b;

    g_stat (plain, &a);
    g_stat (bank, &b);
    printf ("file sizes: %.1f MB without the bank, %.1f MB with it\n", a.st_size / 1048576.0, b.st_size / 1048576.0);
  }

  /* paired, alternating, after a warm-up of each */
  open_once (plain, &read_plain, &cpu_plain[0]);
  open_once (bank, &read_bank, &cpu_bank[0]);
  for (int r = 0; r < RUNS; r++)
    {
      open_plain[r] = open_once (plain, &read_plain, &cpu_plain[r]);
      open_bank[r] = open_once (bank, &read_bank, &cpu_bank[r]);
    }
  {
    double a = median (open_plain, RUNS), b = median (open_bank, RUNS);
    double ca = median (cpu_plain, RUNS), cb = median (cpu_bank, RUNS);

    printf ("open: %.1f ms without the bank, %.1f ms with it (ratio %.2f); processor time %.1f and %.1f ms;"
            " read while opening: %" G_GINT64_FORMAT " KB and %" G_GINT64_FORMAT " KB\n", a * 1000, b * 1000, b / a,
            ca * 1000, cb * 1000, read_plain / 1024, read_bank / 1024);
  }

  {
    ShnorDocument *doc = shnor_document_open (bank, &error);
    g_autoptr(GListModel) all = NULL;
    g_autoptr(GBytes) bytes = NULL;
    double start, cpu_times[5], slowest_cpu = 0;

    check (error);
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        /* the last two match (nearly) every practice */
        gboolean everything = q + 2 >= G_N_ELEMENTS (queries);
        double m, f, c;

        for (int r = 0; r < 5; r++)
          times[r] = search_once (doc, queries[q], NULL, &found, &cpu_times[r]);
        m = median (times, 5);
        c = median (cpu_times, 5);
        for (int r = 0; r < 5; r++)
          times[r] = search_once (doc, queries[q], "Математика", &found, &cpu_times[r]);
        f = median (times, 5);
        if (!everything)
          {
            slowest = MAX (slowest, m);
            slowest_filtered = MAX (slowest_filtered, f);
            slowest_cpu = MAX (slowest_cpu, c);
          }
        search_once (doc, queries[q], NULL, &found, &cpu_times[0]);
        printf ("search «%s»: %u practices, %.1f ms, processor %.1f ms (with the subject filter %.1f ms)%s\n",
                queries[q], found, m * 1000, c * 1000, f * 1000, everything ? " — matches everything" : "");
      }
    printf ("slowest search of words: %.1f ms (processor %.1f ms), with the subject filter %.1f ms (target < 50 ms)\n",
            slowest * 1000, slowest_cpu * 1000, slowest_filtered * 1000);
    for (int r = 0; r < 5; r++)
      {
        double start_cpu = cpu ();

        start = now ();
        g_clear_object (&all);
        all = shnor_document_search_practices (doc, NULL, NULL, NULL, -1);
        times[r] = now () - start;
        cpu_times[r] = cpu () - start_cpu;
      }
    printf ("the whole list (%u practices): %.1f ms, processor %.1f ms\n", g_list_model_get_n_items (all),
            median (times, 5) * 1000, median (cpu_times, 5) * 1000);
    start = now ();
    bytes = shnor_document_read_attachment (doc, 777, &error);
    check (error);
    printf ("one attachment read back (%zu KB): %.2f ms\n", g_bytes_get_size (bytes) / 1024, (now () - start) * 1000);
    g_object_unref (doc);
  }
  return 0;
}
