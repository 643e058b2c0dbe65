/*
 * corpus_gen.c
 *		Synthetic articles for the extraction benchmark.
 */
#include "corpus_gen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const words[] = {
	"the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "was", "on",
	"with", "as", "by", "at", "from", "this", "be", "are", "have", "not", "or",
	"water", "board", "city", "meters", "pipes", "audit", "council", "budget",
	"residents", "rates", "report", "public", "data", "plan", "reform", "years",
	"system", "utility", "costs", "repairs", "district", "contract", "billing",
	"records", "engineers", "summer", "winter", "pressure", "leak", "reservoir",
	"pump", "station", "quality", "testing", "results", "meeting", "vote",
	"proposal", "funding", "state", "federal", "grant", "million", "percent",
	"network", "sensors", "private", "operator", "customers", "complaints",
	"households", "neighborhood", "river", "harbor", "treatment", "plant",
	"officials", "critics", "supporters", "openly", "quickly", "rarely",
	"often", "already", "still", "never", "again", "later", "recently",
	"published", "promised", "delayed", "approved", "rejected", "reviewed",
	"measured", "replaced", "installed", "questioned", "examined", "ordered"
};

static const char *const first_names[] = {
	"Dana", "Marcus", "Amira", "Tom", "Marta", "Pieter", "Zoe", "Ines",
	"Kwame", "Lena", "Rafael", "Yuki", "Omar", "Grace", "Henrik", "Priya"
};

static const char *const surnames[] = {
	"Whitlock", "Oyelaran", "Kovac", "Reyes", "Lindqvist", "Berg", "Moreau",
	"Castillo", "Mensah", "Novak", "Silva", "Tanaka", "Haddad", "Okafor",
	"Jensen", "Raman"
};

static const char *const cues[] = {
	"said", "says", "wrote", "told reporters", "added", "noted", "explained",
	"argued", "warned", "insisted", "concluded", "has argued", "observed"
};

static const char *const open_marks[] = {"\"", "\xE2\x80\x9C", "\xE2\x80\x98", "\xC2\xAB\xC2\xA0"};
static const char *const close_marks[] = {"\"", "\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xA0\xC2\xBB"};

typedef struct Buffer
{
	char	   *data;
	size_t		len;
	size_t		cap;
} Buffer;

static uint64_t state;

static uint32_t
Next(void)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return (uint32_t) (state >> 16);
}

static void
Put(Buffer *b, const char *s)
{
	size_t		n = strlen(s);

	if (b->len + n + 1 > b->cap)
	{
		b->cap = (b->cap + n + 1) * 2;
		b->data = realloc(b->data, b->cap);
		if (b->data == NULL)
			abort();
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
}

/* Skewed towards the front of the list, as real word use is. */
static const char *
Word(void)
{
	size_t		n = sizeof(words) / sizeof(words[0]);
	size_t		i = Next() % n;
	size_t		j = Next() % n;

	return words[i < j ? i : j];
}

static void
Words(Buffer *b, int count, int capitalise)
{
	int			i;

	for (i = 0; i < count; i++)
	{
		const char *w = Word();

		if (i > 0)
			Put(b, " ");
		if (i == 0 && capitalise)
		{
			char		first[2] = {(char) (w[0] - 32), 0};

			Put(b, first);
			Put(b, w + 1);
		}
		else
			Put(b, w);
	}
}

static void
Quote(Buffer *b, int *quotes, const char *speaker_full, const char *speaker_last)
{
	int			style = Next() % 4;
	int			pattern = Next() % 6;
	const char *cue = cues[Next() % (sizeof(cues) / sizeof(cues[0]))];

	(*quotes)++;
	switch (pattern)
	{
		case 0:				/* "…," X said. */
		case 1:
			Put(b, open_marks[style]);
			Words(b, 6 + Next() % 20, 1);
			Put(b, ",");
			Put(b, close_marks[style]);
			Put(b, " ");
			Put(b, Next() % 2 ? speaker_last : speaker_full);
			Put(b, " ");
			Put(b, cue);
			Put(b, ".");
			break;
		case 2:				/* X said: "…" */
			Put(b, speaker_full);
			Put(b, " said: ");
			Put(b, open_marks[style]);
			Words(b, 6 + Next() % 20, 1);
			Put(b, ".");
			Put(b, close_marks[style]);
			break;
		case 3:				/* "…," she notes. "…" */
			Put(b, open_marks[style]);
			Words(b, 6 + Next() % 20, 1);
			Put(b, ",");
			Put(b, close_marks[style]);
			Put(b, " she ");
			Put(b, cue);
			Put(b, ". ");
			Put(b, open_marks[style]);
			Words(b, 4 + Next() % 12, 1);
			Put(b, ".");
			Put(b, close_marks[style]);
			(*quotes)++;
			break;
		case 4:				/* As X puts it, "…" */
			Put(b, "As ");
			Put(b, speaker_last);
			Put(b, " puts it, ");
			Put(b, open_marks[style]);
			Words(b, 5 + Next() % 10, 0);
			Put(b, ".");
			Put(b, close_marks[style]);
			break;
		default:			/* a scare quote inside a sentence */
			Words(b, 5, 1);
			Put(b, " the ");
			Put(b, open_marks[style]);
			Words(b, 1 + Next() % 2, 0);
			Put(b, close_marks[style]);
			Put(b, " ");
			Words(b, 6, 0);
			Put(b, ".");
			break;
	}
}

static void
Article(Buffer *b, int *quotes)
{
	size_t		target = 2048 + Next() % (18 * 1024);
	size_t		start = b->len;
	char		full[64];
	const char *last = surnames[Next() % 16];

	snprintf(full, sizeof(full), "%s %s", first_names[Next() % 16], last);
	Words(b, 6, 1);
	Put(b, "\n\n");
	while (b->len - start < target)
	{
		int			sentences = 2 + Next() % 5;
		int			s;

		for (s = 0; s < sentences; s++)
		{
			if (s > 0)
				Put(b, " ");
			if (Next() % 4 == 0)
				Quote(b, quotes, full, last);
			else
			{
				Words(b, 8 + Next() % 22, 1);
				Put(b, Next() % 6 == 0 ? ", " : ".");
				if (b->data[b->len - 1] == ' ')
				{
					Words(b, 4 + Next() % 8, 0);
					Put(b, ".");
				}
			}
		}
		Put(b, "\n\n");
	}
}

void
generate_corpus(uint64_t seed, size_t min_bytes, GeneratedCorpus *out)
{
	Buffer		b = {NULL, 0, 0};
	size_t		cap = 1024;
	int			quotes = 0;

	state = seed ? seed : 1;
	out->offsets = malloc(sizeof(size_t) * cap);
	out->count = 0;
	while (b.len < min_bytes)
	{
		if (out->count + 2 > cap)
			out->offsets = realloc(out->offsets, sizeof(size_t) * (cap *= 2));
		out->offsets[out->count++] = b.len;
		Article(&b, &quotes);
	}
	out->offsets[out->count] = b.len;
	out->text = b.data;
	out->planted_quotes = quotes;
}

void
free_corpus(GeneratedCorpus *corpus)
{
	free(corpus->text);
	free(corpus->offsets);
}
