/*
 * bench_extract.c
 *		Throughput of the extraction core on a generated corpus.
 *
 * The machine is shared and noisy, so every figure is paired with a
 * baseline measured in the same process on the same bytes: a pass that
 * counts characters (what any scanner must at least do) and memchr for
 * the double quote (the floor of a byte search).  Runs alternate between
 * the two and the median of each is reported.
 *
 * Usage: bench_extract [megabytes (default 110)] [rounds (default 5)]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "corpus_gen.h"
#include "vb_extract.h"
#include "vb_utf8.h"

static double
Now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
CompareDouble(const void *a, const void *b)
{
	double		x = *(const double *) a;
	double		y = *(const double *) b;

	return (x > y) - (x < y);
}

static double
Median(double *v, int n)
{
	qsort(v, n, sizeof(double), CompareDouble);
	return v[n / 2];
}

int
main(int argc, char **argv)
{
	size_t		megabytes = argc > 1 ? strtoul(argv[1], NULL, 10) : 110;
	int			rounds = argc > 2 ? atoi(argv[2]) : 5;
	GeneratedCorpus corpus;
	double	   *extract_times;
	double	   *count_times;
	double	   *memchr_times;
	size_t		total;
	size_t		quotes_found = 0;
	size_t		attributed = 0;
	size_t		sink = 0;
	int			r;
	size_t		i;

	if (rounds < 1)
		rounds = 1;
	generate_corpus(20261123, megabytes * 1000 * 1000, &corpus);
	total = corpus.offsets[corpus.count];
	extract_times = calloc(rounds, sizeof(double));
	count_times = calloc(rounds, sizeof(double));
	memchr_times = calloc(rounds, sizeof(double));

	for (r = 0; r < rounds; r++)
	{
		double		t0 = Now();

		quotes_found = attributed = 0;
		for (i = 0; i < corpus.count; i++)
		{
			VbExtraction ex;
			int			q;

			if (vb_extract(corpus.text + corpus.offsets[i],
						   corpus.offsets[i + 1] - corpus.offsets[i], &ex) != NULL)
				return 1;
			quotes_found += ex.count;
			for (q = 0; q < ex.count; q++)
				attributed += ex.quotes[q].speaker != NULL;
			vb_extraction_free(&ex);
		}
		extract_times[r] = Now() - t0;

		t0 = Now();
		for (i = 0; i < corpus.count; i++)
			sink += vb_utf8_count(corpus.text + corpus.offsets[i],
								  corpus.offsets[i + 1] - corpus.offsets[i]);
		count_times[r] = Now() - t0;

		t0 = Now();
		for (i = 0; i < corpus.count; i++)
		{
			const char *p = corpus.text + corpus.offsets[i];
			const char *end = corpus.text + corpus.offsets[i + 1];

			while ((p = memchr(p, '"', end - p)) != NULL)
			{
				sink++;
				p++;
			}
		}
		memchr_times[r] = Now() - t0;
	}

	{
		double		mb = total / 1e6;
		double		extract = Median(extract_times, rounds);
		double		count = Median(count_times, rounds);
		double		scan = Median(memchr_times, rounds);

		printf("corpus: %zu articles, %.1f MB, %zu quotations planted\n",
			   corpus.count, mb, corpus.planted_quotes);
		printf("found: %zu quotations, %zu with a speaker\n", quotes_found, attributed);
		printf("median of %d rounds, one core:\n", rounds);
		printf("  %-34s %9.1f MB/s\n", "extraction (vb_extract)", mb / extract);
		printf("  %-34s %9.1f MB/s  (extraction takes %.1fx its time)\n",
			   "baseline: count characters", mb / count, extract / count);
		printf("  %-34s %9.1f MB/s  (extraction takes %.1fx its time)\n",
			   "baseline: memchr for '\"'", mb / scan, extract / scan);
		printf("target: 50 MB/s -> %s\n", mb / extract >= 50 ? "met" : "NOT met");
		if (sink == 42)
			putchar('\n');
	}
	free_corpus(&corpus);
	free(extract_times);
	free(count_times);
	free(memchr_times);
	return 0;
}
