/*
 * corpus_gen.h
 *		Deterministic synthetic news articles for benchmarks: paragraphs of
 *		plain sentences with quotations in every mark style and attribution
 *		pattern the extractor knows, at a realistic density.
 */
#ifndef CORPUS_GEN_H
#define CORPUS_GEN_H

#include <stddef.h>
#include <stdint.h>

typedef struct GeneratedCorpus
{
	char	   *text;			/* all articles, back to back */
	size_t	   *offsets;		/* article i is text[offsets[i], offsets[i+1]) */
	size_t		count;
	size_t		planted_quotes;
} GeneratedCorpus;

/* At least min_bytes of articles of 2 to 20 KB each. */
extern void generate_corpus(uint64_t seed, size_t min_bytes, GeneratedCorpus *out);
extern void free_corpus(GeneratedCorpus *corpus);

#endif
