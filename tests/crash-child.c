/* crash-child.c: commits edits to FILE forever, printing the number of
 * each edit once it is committed (after a line "open" once the file is
 * open); test-crash kills it at random moments. */
#include <stdio.h>
#include <stdlib.h>

#include "shnor-document.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ShnorDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  long first;

  if (argc != 3)
    {
      fprintf (stderr, "usage: crash-child FILE FIRST\n");
      return 2;
    }
  first = atol (argv[2]);
  doc = shnor_document_open (argv[1], &error);
  if (doc == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  /* The parent's clock starts now: opening (with its checks) takes a
   * while under AddressSanitizer on a busy machine. */
  printf ("open\n");
  fflush (stdout);

  for (long n = first; ; n++)
    {
      g_autofree char *name = g_strdup_printf ("Школа %ld", n);
      g_autofree char *director = g_strdup_printf ("Директор %ld", n);
      gint64 id = shnor_document_add_school (doc, name, &error);

      if (id == 0 || !shnor_document_set_school_field (doc, id, "director", director, &error) ||
          !shnor_document_add_context_year (doc, id, 2025, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      /* Both edits of school n are committed: say so. */
      printf ("%ld\n", n);
      fflush (stdout);
    }
}
