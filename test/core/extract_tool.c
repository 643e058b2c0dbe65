/*
 * extract_tool.c
 *		Run the extraction core on a file and print one line per quotation,
 *		tab-separated: char_start, char_length, kind, speaker, mention, cue,
 *		method, outlet, paragraph, depth, quote.  For tests and debugging.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vb_extract.h"

static char *
ReadAll(FILE *f, size_t *len)
{
	size_t		cap = 1 << 16;
	char	   *buf = malloc(cap);

	*len = 0;
	for (;;)
	{
		size_t		n;

		if (*len == cap)
			buf = realloc(buf, cap *= 2);
		n = fread(buf + *len, 1, cap - *len, f);
		if (n == 0)
			break;
		*len += n;
	}
	return buf;
}

static void
PrintSlice(const char *text, VbSlice s)
{
	fwrite(text + s.start, 1, s.end - s.start, stdout);
}

int
main(int argc, char **argv)
{
	FILE	   *f = argc > 1 ? fopen(argv[1], "rb") : stdin;
	size_t		len;
	char	   *text;
	VbExtraction ex;
	const char *error;
	int			i;

	if (f == NULL)
	{
		perror(argv[1]);
		return 2;
	}
	text = ReadAll(f, &len);
	error = vb_extract(text, len, &ex);
	if (error)
	{
		fprintf(stderr, "%s\n", error);
		return 1;
	}
	for (i = 0; i < ex.count; i++)
	{
		VbQuote    *q = &ex.quotes[i];

		printf("%zu\t%zu\t%s\t%s\t", q->char_start + 1, q->char_length,
			   vb_kind_name(q->kind), q->speaker ? q->speaker : "");
		PrintSlice(text, q->mention);
		putchar('\t');
		PrintSlice(text, q->cue);
		printf("\t%s\t", vb_method_name(q->method));
		PrintSlice(text, q->outlet);
		printf("\t%d\t%d\t", q->paragraph, q->depth);
		fwrite(text + q->start, 1, q->end - q->start, stdout);
		putchar('\n');
	}
	vb_extraction_free(&ex);
	free(text);
	return 0;
}
