/*
 * check_tool.c
 *		Check quotations against a source with the text core: one line per
 *		quotation (read one per line from QUOTES), tab-separated: verdict,
 *		coverage, score, flags, excerpt, diff.  For tests and debugging.
 *
 *	  check_tool SOURCE QUOTES
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vb_check.h"

static char *
ReadFile(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf;
	long		size;

	if (f == NULL)
	{
		perror(path);
		exit(2);
	}
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc(size + 1);
	*len = fread(buf, 1, size, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

int
main(int argc, char **argv)
{
	size_t		source_len;
	size_t		quotes_len;
	char	   *source_text;
	char	   *quotes;
	char	   *line;
	char	   *save = NULL;
	VbSource	source;

	if (argc != 3)
	{
		fprintf(stderr, "usage: check_tool SOURCE QUOTES\n");
		return 2;
	}
	source_text = ReadFile(argv[1], &source_len);
	quotes = ReadFile(argv[2], &quotes_len);
	vb_source_prepare(source_text, source_len, &source);
	for (line = strtok_r(quotes, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
	{
		VbCheckResult r;

		vb_check(line, strlen(line), &source, &r);
		printf("%s\t%.2f\t%.2f\t%s%s%s%s\t%.*s\t%s\n", vb_verdict_name(r.verdict),
			   r.coverage, r.score,
			   (r.flags & VB_FLAG_NEGATION) ? "negation " : "",
			   (r.flags & VB_FLAG_NUMBER) ? "number " : "",
			   (r.flags & VB_FLAG_NAME) ? "name " : "",
			   (r.flags & VB_FLAG_HEDGE) ? "hedge " : "",
			   r.has_span ? (int) (r.span_end - r.span_start) : 0,
			   r.has_span ? source_text + r.span_start : "", r.diff);
		vb_check_result_free(&r);
	}
	vb_source_free(&source);
	free(source_text);
	free(quotes);
	return 0;
}
