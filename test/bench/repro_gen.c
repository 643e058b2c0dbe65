/*
 * repro_gen.c
 *		A synthetic news corpus with reproductions of a set of quotations
 *		planted at known rates and with known verdicts, for the
 *		reproductions() benchmark.  Deterministic for a seed.
 *
 *	  repro_gen [--seed N] [--articles N] [--queries N] [--words FILE] --out DIR
 *
 * Writes, in PostgreSQL's COPY text format:
 *	  DIR/articles.tsv	id, key, outlet, published_at (or \N), body
 *	  DIR/queries.tsv	query_id, quote
 *	  DIR/truth.tsv		query_id, article_id, planted
 * where planted is origin, exact, typographic, elided or altered (the
 * verdict check_quote(quote, body) must give; origin is exact) or a decoy
 * that must not be reported up to altered: paraphrase (the quotation's
 * content words reordered among other function words) or fragment (four
 * words of it in another sentence).
 *
 * Text: words of a real word list drawn with a Zipf law (s = 1), mixed
 * with function words at about the rate of English prose; sentences of
 * 5 to 45 words (mean about 20) in paragraphs of 1 to 5; articles of 2 to
 * 20 KB, skewed so that the mean is about 5 KB.  A quarter of the
 * quotations carry an ellipsis; for those, a passage holding the full
 * sentence is an elided reproduction.
 */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_WORDS 45
#define MAX_QUOTE_WORDS 40

static uint64_t rng;

static uint64_t
Next(void)
{
	uint64_t	z = (rng += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static double
Uniform(void)
{
	return (Next() >> 11) * (1.0 / 9007199254740992.0);
}

static int
Below(int n)
{
	return (int) (Uniform() * n);
}

static const char *const function_words[] = {
	"the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "as",
	"was", "with", "be", "by", "on", "not", "he", "she", "this", "are", "or",
	"his", "from", "at", "which", "but", "have", "an", "they", "you", "were",
	"their", "one", "all", "we", "can", "her", "has", "there", "been", "if",
	"more", "when", "will", "would", "who", "so", "no", "about", "than",
	"after", "its", "into", "could", "our", "over", "also", "may", "what"
};
#define NFUNCTION ((int) (sizeof(function_words) / sizeof(function_words[0])))

static const char *const outlets[] = {
	"The Harbor Ledger", "Coastline Daily", "Metro Wire", "Port Halden Weekly",
	"Harbor Radio", "Tidewater Notes", "The Northgate Courier", "Valley Sentinel",
	"The Riverside Post", "Bayline News", "Summit Herald", "The Quarry Gazette",
	"Lakeshore Tribune", "The Evening Lantern", "Granite City Press",
	"The Market Bulletin", "Ferry Street Journal", "The Meridian", "Cape Observer",
	"The Old Mill Record", "Eastfield Review", "Westgate Chronicle",
	"The Weekly Compass", "Pine Hollow Voice", "The Signal Tower",
	"Dockside Report", "The Civic Lens", "Redbrick Times", "The Open Ledger",
	"Saltmarsh Daily", "The County Crier", "Northshore Dispatch",
	"The Lighthouse", "Hillcrest Messenger", "The Morning Tide",
	"Canal Street Herald", "The Plain Dealer of Port Halden", "Orchard Voice",
	"The Transit Wire", "Bridgeport Standard", "The Ledger Line",
	"Harborview Digest", "The Town Crier", "Foundry Bulletin",
	"The Southern Current", "Upland Examiner", "The Arcade Press",
	"Marina Monitor", "The Granary Post", "Ironworks Daily"
};
#define NOUTLETS ((int) (sizeof(outlets) / sizeof(outlets[0])))

typedef struct Vocabulary
{
	char	  **words;
	int			count;
	double	   *cumulative;		/* Zipf weights, running sum */
} Vocabulary;

static Vocabulary vocab;

static int
CompareRandom(const void *a, const void *b)
{
	uint64_t	x = *(const uint64_t *) a;
	uint64_t	y = *(const uint64_t *) b;

	return (x > y) - (x < y);
}

/* Lower-case alphabetic words of 3 to 12 letters, shuffled by the seed. */
static void
LoadVocabulary(const char *path)
{
	FILE	   *f = fopen(path, "r");
	char		line[256];
	int			capacity = 1024;
	uint64_t   *keys;
	char	  **shuffled;
	int			i;

	vocab.words = malloc(sizeof(char *) * capacity);
	if (f != NULL)
	{
		while (fgets(line, sizeof(line), f))
		{
			size_t		n = strcspn(line, "\r\n");
			size_t		k;
			bool		plain = n >= 3 && n <= 12;

			for (k = 0; k < n && plain; k++)
				plain = line[k] >= 'a' && line[k] <= 'z';
			if (!plain)
				continue;
			line[n] = '\0';
			if (vocab.count == capacity)
				vocab.words = realloc(vocab.words, sizeof(char *) * (capacity *= 2));
			vocab.words[vocab.count++] = strdup(line);
		}
		fclose(f);
	}
	if (vocab.count < 1000)
	{
		static const char *const syllables[] = {
			"ba", "ke", "lo", "mi", "nu", "ra", "se", "ti", "vo", "zu",
			"dan", "mer", "tol", "pri", "gas", "wen", "cor", "lis", "hut", "fey"
		};

		fprintf(stderr, "repro_gen: no usable word list at %s: pseudo-words instead\n", path);
		for (i = vocab.count; vocab.count < 20000; i++)
		{
			char		w[32] = "";
			int			n = 2 + Below(3);
			int			k;

			for (k = 0; k < n; k++)
				strcat(w, syllables[Below(20)]);
			if (vocab.count == capacity)
				vocab.words = realloc(vocab.words, sizeof(char *) * (capacity *= 2));
			vocab.words[vocab.count++] = strdup(w);
		}
	}
	/* shuffle: sort by random keys carrying the index */
	keys = malloc(sizeof(uint64_t) * vocab.count);
	for (i = 0; i < vocab.count; i++)
		keys[i] = (Next() & ~0xFFFFFULL) | (uint64_t) i;
	qsort(keys, vocab.count, sizeof(uint64_t), CompareRandom);
	shuffled = malloc(sizeof(char *) * vocab.count);
	for (i = 0; i < vocab.count; i++)
		shuffled[i] = vocab.words[keys[i] & 0xFFFFF];
	free(vocab.words);
	free(keys);
	vocab.words = shuffled;
	vocab.cumulative = malloc(sizeof(double) * vocab.count);
	for (i = 0; i < vocab.count; i++)
		vocab.cumulative[i] = (i ? vocab.cumulative[i - 1] : 0) + 1.0 / (i + 1);
}

static const char *
ContentWord(void)
{
	double		r = Uniform() * vocab.cumulative[vocab.count - 1];
	int			lo = 0;
	int			hi = vocab.count - 1;

	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (vocab.cumulative[mid] < r)
			lo = mid + 1;
		else
			hi = mid;
	}
	return vocab.words[lo];
}

/* A sentence as words; the caller capitalises and punctuates. */
typedef struct Sentence
{
	char		words[MAX_WORDS][24];
	int			count;
	bool		comma[MAX_WORDS];
} Sentence;

static void
MakeSentence(Sentence *s, int min_words, int max_words)
{
	int			n = (int) (20 + 8 * (Uniform() + Uniform() + Uniform() - 1.5) * 2);
	int			i;

	if (n < min_words)
		n = min_words;
	if (n > max_words)
		n = max_words;
	s->count = n;
	for (i = 0; i < n; i++)
	{
		double		r = Uniform();

		if (r < 0.45)
			snprintf(s->words[i], sizeof(s->words[i]), "%s", function_words[Below(NFUNCTION)]);
		else if (r < 0.47)
			snprintf(s->words[i], sizeof(s->words[i]), "%d", 2 + Below(998));
		else
			snprintf(s->words[i], sizeof(s->words[i]), "%s", ContentWord());
		s->comma[i] = i > 2 && i < n - 3 && Uniform() < 0.07;
	}
}

/* Growable output buffer for one article. */
typedef struct Buffer
{
	char	   *data;
	size_t		length;
	size_t		capacity;
} Buffer;

static void
Append(Buffer *b, const char *s, size_t n)
{
	if (b->length + n + 1 > b->capacity)
	{
		b->capacity = (b->length + n + 1) * 2;
		b->data = realloc(b->data, b->capacity);
	}
	memcpy(b->data + b->length, s, n);
	b->length += n;
	b->data[b->length] = '\0';
}

static void
AppendString(Buffer *b, const char *s)
{
	Append(b, s, strlen(s));
}

/* Words from..to of a sentence, as prose, the first capitalised if asked. */
static void
AppendWords(Buffer *b, const Sentence *s, int from, int to, bool capital)
{
	int			i;

	for (i = from; i < to; i++)
	{
		size_t		start = b->length;

		if (i > from)
			AppendString(b, " ");
		start = b->length;
		AppendString(b, s->words[i]);
		if (i == from && capital && b->data[start] >= 'a' && b->data[start] <= 'z')
			b->data[start] -= 32;
		if (s->comma[i] && i + 1 < to)
			AppendString(b, ",");
	}
}

static void
AppendSentence(Buffer *b, const Sentence *s)
{
	AppendWords(b, s, 0, s->count, true);
	AppendString(b, Uniform() < 0.05 ? "?" : ".");
}

/* A quotation and what is planted for it. */
typedef struct Query
{
	Sentence	sentence;
	int			cut_from;		/* words [cut_from, cut_to) are elided in */
	int			cut_to;			/* the query text; 0, 0 if none */
	char		speaker[64];
} Query;

typedef struct Plant
{
	int			query;
	int			kind;
} Plant;

enum
{
	PLANT_ORIGIN, PLANT_EXACT, PLANT_TYPOGRAPHIC, PLANT_ELIDED, PLANT_ALTERED,
	PLANT_PARAPHRASE, PLANT_FRAGMENT
};
static const char *const plant_names[] = {
	"origin", "exact", "typographic", "elided", "altered", "paraphrase", "fragment"
};

static void
QueryText(Buffer *b, const Query *q)
{
	if (q->cut_to > 0)
	{
		AppendWords(b, &q->sentence, 0, q->cut_from, true);
		AppendString(b, " … ");
		AppendWords(b, &q->sentence, q->cut_to, q->sentence.count, false);
	}
	else
		AppendWords(b, &q->sentence, 0, q->sentence.count, true);
	AppendString(b, ".");
}

/*
 * The passage an article carries for a plant.  For an elided query every
 * faithful copy of the full sentence is an elided reproduction.
 */
static void
AppendPlant(Buffer *b, const Query *q, int kind)
{
	Sentence	s = q->sentence;
	int			i;

	switch (kind)
	{
		case PLANT_ORIGIN:
		case PLANT_EXACT:
		case PLANT_ELIDED:
			AppendString(b, "\xE2\x80\x9C");
			AppendWords(b, &s, 0, s.count, true);
			AppendString(b, ",\xE2\x80\x9D said ");
			AppendString(b, q->speaker);
			AppendString(b, ".");
			break;
		case PLANT_TYPOGRAPHIC:
			/* straight marks, a lower-case start, one word in capitals */
			{
				int			loud = 1 + Below(s.count - 1);
				char	   *w = s.words[loud];

				for (; *w; w++)
					if (*w >= 'a' && *w <= 'z')
						*w -= 32;
			}
			AppendString(b, q->speaker);
			AppendString(b, " said \"");
			AppendWords(b, &s, 0, s.count, false);
			AppendString(b, "\".");
			break;
		case PLANT_ALTERED:
			/*
			 * One or two words replaced, outside a run of six kept whole
			 * (the promise the index makes is for such a run) and away
			 * from the elided stretch.
			 */
			{
				int			kept = Below(s.count - 5);
				int			changes = 1 + Below(2);
				int			tries;

				for (tries = 0; changes > 0 && tries < 100; tries++)
				{
					int			at = Below(s.count);

					if ((at >= kept && at < kept + 6) ||
						(q->cut_to > 0 && at >= q->cut_from - 1 && at <= q->cut_to) ||
						strcmp(s.words[at], q->sentence.words[at]) != 0)
						continue;
					snprintf(s.words[at], sizeof(s.words[at]), "%s", ContentWord());
					if (strcmp(s.words[at], q->sentence.words[at]) == 0)
						snprintf(s.words[at], sizeof(s.words[at]), "%s", "otherwise");
					changes--;
				}
			}
			AppendString(b, "\xE2\x80\x9C");
			AppendWords(b, &s, 0, s.count, true);
			AppendString(b, ",\xE2\x80\x9D ");
			AppendString(b, q->speaker);
			AppendString(b, " told reporters.");
			break;
		case PLANT_PARAPHRASE:
			/* the content words, shuffled, among other function words */
			{
				Sentence	p;

				p.count = 0;
				for (i = s.count - 1; i >= 0; i--)
				{
					bool		function = false;
					int			k;

					for (k = 0; k < NFUNCTION && !function; k++)
						function = strcmp(s.words[i], function_words[k]) == 0;
					if (!function)
						memcpy(p.words[p.count], s.words[i], sizeof(p.words[0]));
					else
						snprintf(p.words[p.count], sizeof(p.words[0]), "%s",
								 function_words[Below(NFUNCTION)]);
					p.comma[p.count] = false;
					p.count++;
				}
				for (i = 0; i + 1 < p.count; i += 2)
				{
					char		tmp[24];

					memcpy(tmp, p.words[i], sizeof(tmp));
					memcpy(p.words[i], p.words[i + 1], sizeof(tmp));
					memcpy(p.words[i + 1], tmp, sizeof(tmp));
				}
				AppendString(b, "In other words, ");
				AppendWords(b, &p, 0, p.count, false);
				AppendString(b, ", according to ");
				AppendString(b, q->speaker);
				AppendString(b, ".");
			}
			break;
		case PLANT_FRAGMENT:
			{
				Sentence	other;
				int			at = Below(s.count - 4);

				MakeSentence(&other, 10, 20);
				AppendWords(b, &other, 0, 5, true);
				AppendString(b, " ");
				AppendWords(b, &s, at, at + 4, false);
				AppendString(b, " ");
				AppendWords(b, &other, 5, other.count, false);
				AppendString(b, ".");
			}
			break;
	}
}

static void
WriteEscaped(FILE *f, const char *s, size_t n)
{
	size_t		i;

	for (i = 0; i < n; i++)
	{
		switch (s[i])
		{
			case '\\':
				fputs("\\\\", f);
				break;
			case '\t':
				fputs("\\t", f);
				break;
			case '\n':
				fputs("\\n", f);
				break;
			case '\r':
				fputs("\\r", f);
				break;
			default:
				fputc(s[i], f);
		}
	}
}

static FILE *
OpenOut(const char *dir, const char *name)
{
	char		path[4096];
	FILE	   *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	if (f == NULL)
	{
		perror(path);
		exit(2);
	}
	return f;
}

static int
ComparePlants(const void *a, const void *b)
{
	const int  *x = a;
	const int  *y = b;

	return (x[0] > y[0]) - (x[0] < y[0]);
}

int
main(int argc, char **argv)
{
	uint64_t	seed = 1;
	int			narticles = 10000;
	int			nqueries = 200;
	const char *words = "/usr/share/dict/words";
	const char *out = NULL;
	Query	   *queries;
	int		   *plants;			/* triples: article, query, kind */
	int			nplants = 0;
	int			capacity = 1024;
	int			counts[7] = {0};
	int			next_plant = 0;
	size_t		total_bytes = 0;
	FILE	   *fa;
	FILE	   *fq;
	FILE	   *ft;
	Buffer		body = {0};
	int			i;

	for (i = 1; i + 1 < argc; i += 2)
	{
		if (strcmp(argv[i], "--seed") == 0)
			seed = strtoull(argv[i + 1], NULL, 10);
		else if (strcmp(argv[i], "--articles") == 0)
			narticles = atoi(argv[i + 1]);
		else if (strcmp(argv[i], "--queries") == 0)
			nqueries = atoi(argv[i + 1]);
		else if (strcmp(argv[i], "--words") == 0)
			words = argv[i + 1];
		else if (strcmp(argv[i], "--out") == 0)
			out = argv[i + 1];
		else
			break;
	}
	if (out == NULL || i < argc || narticles < 10 || nqueries < 1)
	{
		fprintf(stderr, "usage: repro_gen [--seed N] [--articles N>=10] [--queries N] [--words FILE] --out DIR\n");
		return 2;
	}
	rng = seed;
	LoadVocabulary(words);

	/*
	 * The quotations and where each is planted: its origin, then
	 * reproductions in other articles, most quotations rarely reproduced
	 * and a few widely.
	 */
	queries = calloc(nqueries, sizeof(Query));
	plants = malloc(sizeof(int) * 3 * capacity);
	fq = OpenOut(out, "queries.tsv");
	for (i = 0; i < nqueries; i++)
	{
		Query	   *q = &queries[i];
		double		r = Uniform();
		int			copies = r < 0.6 ? Below(6) : r < 0.9 ? 5 + Below(16) : 20 + Below(31);
		int			decoys = Below(4);
		int			k;
		Buffer		text = {0};

		MakeSentence(&q->sentence, 12, MAX_QUOTE_WORDS);
		snprintf(q->speaker, sizeof(q->speaker), "%s %s", ContentWord(), ContentWord());
		q->speaker[0] -= 32;
		q->speaker[strcspn(q->speaker, " ") + 1] -= 32;
		if (Uniform() < 0.25 && q->sentence.count >= 16)
		{
			q->cut_from = 6 + Below(q->sentence.count - 14);
			q->cut_to = q->cut_from + 2 + Below(3);
		}
		QueryText(&text, q);
		fprintf(fq, "%d\t", i + 1);
		WriteEscaped(fq, text.data, text.length);
		fputc('\n', fq);
		free(text.data);

		for (k = 0; k < 1 + copies + decoys; k++)
		{
			int			kind;

			if (k == 0)
				kind = PLANT_ORIGIN;
			else if (k <= copies)
			{
				double		u = Uniform();

				kind = u < 0.4 ? PLANT_EXACT : u < 0.7 ? PLANT_TYPOGRAPHIC : PLANT_ALTERED;
				if (q->cut_to > 0 && kind != PLANT_ALTERED)
					kind = PLANT_ELIDED;
			}
			else
				kind = Uniform() < 0.5 ? PLANT_PARAPHRASE : PLANT_FRAGMENT;
			if (nplants == capacity)
				plants = realloc(plants, sizeof(int) * 3 * (capacity *= 2));
			plants[3 * nplants] = Below(narticles);
			plants[3 * nplants + 1] = i;
			plants[3 * nplants + 2] = kind;
			nplants++;
		}
	}
	fclose(fq);
	/* an article receives at most one plant per query: drop repeats */
	qsort(plants, nplants, sizeof(int) * 3, ComparePlants);

	fa = OpenOut(out, "articles.tsv");
	ft = OpenOut(out, "truth.tsv");
	for (i = 0; i < narticles; i++)
	{
		double		u = Uniform();
		size_t		target = (size_t) (2000 * pow(10.0, u * u));
		int			first_plant = next_plant;
		int			day = Below(5 * 365);
		int			paragraphs = 0;

		body.length = 0;
		while (next_plant < nplants && plants[3 * next_plant] == i)
			next_plant++;
		while (body.length < target)
		{
			int			sentences = 1 + Below(5);
			int			k;

			if (paragraphs++ > 0)
				AppendString(&body, "\n\n");
			for (k = 0; k < sentences; k++)
			{
				Sentence	s;

				if (k > 0)
					AppendString(&body, " ");
				MakeSentence(&s, 5, MAX_WORDS);
				AppendSentence(&body, &s);
			}
			/* plants go in after the first paragraph, spread out */
			if (first_plant < next_plant && Uniform() < 0.5)
			{
				int			p = first_plant++;
				int			q = plants[3 * p + 1];
				int			kind = plants[3 * p + 2];
				int			earlier;
				bool		repeat = false;

				for (earlier = p - 1; earlier >= 0 && plants[3 * earlier] == i; earlier--)
					repeat |= plants[3 * earlier + 1] == q;
				if (!repeat)
				{
					AppendString(&body, "\n\n");
					AppendPlant(&body, &queries[q], kind);
					fprintf(ft, "%d\t%d\t%s\n", q + 1, i + 1, plant_names[kind]);
					counts[kind]++;
				}
			}
		}
		/* plants the text ran out before */
		for (; first_plant < next_plant; first_plant++)
		{
			int			p = first_plant;
			int			q = plants[3 * p + 1];
			int			kind = plants[3 * p + 2];
			int			earlier;
			bool		repeat = false;

			for (earlier = p - 1; earlier >= 0 && plants[3 * earlier] == i; earlier--)
				repeat |= plants[3 * earlier + 1] == q;
			if (repeat)
				continue;
			AppendString(&body, "\n\n");
			AppendPlant(&body, &queries[q], kind);
			fprintf(ft, "%d\t%d\t%s\n", q + 1, i + 1, plant_names[kind]);
			counts[kind]++;
		}
		fprintf(fa, "%d\tgen-%d\t%s\t", i + 1, i + 1, outlets[Below(NOUTLETS)]);
		if (Uniform() < 0.05)
			fputs("\\N", fa);
		else
			fprintf(fa, "%04d-%02d-%02d", 2021 + day / 365, 1 + (day % 365) / 31 % 12,
					1 + day % 28);
		fputc('\t', fa);
		WriteEscaped(fa, body.data, body.length);
		fputc('\n', fa);
		total_bytes += body.length;
	}
	fclose(fa);
	fclose(ft);
	fprintf(stderr, "repro_gen: %d articles, %.1f MB, %d queries; planted", narticles,
			total_bytes / 1e6, nqueries);
	for (i = 0; i < 7; i++)
		fprintf(stderr, " %s %d", plant_names[i], counts[i]);
	fputc('\n', stderr);
	free(body.data);
	free(plants);
	free(queries);
	return 0;
}
