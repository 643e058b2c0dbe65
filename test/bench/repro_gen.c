/*
 * repro_gen.c
 *		Deterministic synthetic news corpus with planted reproductions of a
 *		set of quotations, the ground truth of the reproductions() benchmark
 *		(test/bench/repro_bench.sh).
 *
 *	  repro_gen [--seed N] [--articles N] [--queries N] [--words PATH] --out DIR
 *
 * Writes three files in PostgreSQL's COPY text format into DIR:
 *	  articles.tsv	id, key, outlet, published_at (YYYY-MM-DD or \N), body
 *	  queries.tsv	query_id, quote
 *	  truth.tsv		query_id, article_id, planted
 * planted is one of origin (the article the quotation first appears in,
 * verbatim; an exact reproduction), exact, typographic, elided, altered
 * (reproductions that reproductions(quote) must return at its default
 * worst = 'altered'), paraphrase_decoy or nearmiss_decoy (articles it must
 * not return).  Article ids are 1..N in file order.
 *
 * The text is random but shaped like English news prose, so that the
 * numbers a benchmark gets on it carry over: a real word list drawn with
 * a Zipf law, function words at about the rate of English, sentences of
 * about twenty words in paragraphs of one to five, articles of 2 to 20 KB
 * with a mean of about 5 KB.  The same seed gives the same bytes on every
 * machine: the generator uses its own PRNG and no locale.
 *
 * Plain C99 and libc (plus mkdir from POSIX); build with
 *	  cc -O2 -Wall -Wextra -o repro_gen repro_gen.c -lm
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define MAX_TOKENS 64			/* a sentence's tokens, with room for edits */
#define MAX_PLANTS_PER_QUERY 64 /* origin, 50 copies, 2 + 3 decoys at most */
#define TOKEN_BYTES 24			/* the longest token: 12 letters and more */
#define MIN_ARTICLE_BYTES 2000
#define MAX_ARTICLE_BYTES 20000

/*
 * PRNG: xoshiro256** seeded through splitmix64.  Independent streams
 * for the vocabulary, the queries, their placing and the text, so that
 * the queries and their plants are the same at every corpus size (the
 * benchmark compares sizes on the same queries) and the text does not
 * depend on how many queries were asked for.
 */
typedef struct Rng
{
	uint64_t	s[4];
} Rng;

static uint64_t
SplitMix64(uint64_t *x)
{
	uint64_t	z = (*x += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static void
RngSeed(Rng *r, uint64_t seed, uint64_t stream)
{
	uint64_t	x = seed ^ (stream * 0xD1B54A32D192ED03ULL);
	int			i;

	for (i = 0; i < 4; i++)
		r->s[i] = SplitMix64(&x);
}

static inline uint64_t
Rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static inline uint64_t
RngNext(Rng *r)
{
	uint64_t	result = Rotl(r->s[1] * 5, 7) * 9;
	uint64_t	t = r->s[1] << 17;

	r->s[2] ^= r->s[0];
	r->s[3] ^= r->s[1];
	r->s[1] ^= r->s[2];
	r->s[0] ^= r->s[3];
	r->s[2] ^= t;
	r->s[3] = Rotl(r->s[3], 45);
	return result;
}

/* In [0, 1), with the 53 bits a double holds. */
static inline double
RngUniform(Rng *r)
{
	return (RngNext(r) >> 11) * (1.0 / 9007199254740992.0);
}

/* In [0, n); the bias for n far below 2^53 is negligible here. */
static inline int
RngBelow(Rng *r, int n)
{
	return (int) (RngUniform(r) * n);
}

static inline int
RngRange(Rng *r, int lo, int hi)
{
	return lo + RngBelow(r, hi - lo + 1);
}

/*
 * Walker's alias method: a draw from a fixed discrete distribution in
 * constant time.  A binary search over 60,000 cumulative weights would
 * cost the generator most of its time at 80 million words.
 */
typedef struct Alias
{
	int			n;
	double	   *prob;
	int		   *alias;
} Alias;

static void *
Allocate(size_t bytes)
{
	void	   *p = malloc(bytes ? bytes : 1);

	if (p == NULL)
	{
		fprintf(stderr, "repro_gen: out of memory\n");
		exit(1);
	}
	return p;
}

static void
AliasBuild(Alias *a, const double *weight, int n)
{
	double		total = 0;
	double	   *scaled = Allocate(sizeof(double) * n);
	int		   *small = Allocate(sizeof(int) * n);
	int		   *large = Allocate(sizeof(int) * n);
	int			ns = 0;
	int			nl = 0;
	int			i;

	a->n = n;
	a->prob = Allocate(sizeof(double) * n);
	a->alias = Allocate(sizeof(int) * n);
	for (i = 0; i < n; i++)
		total += weight[i];
	for (i = 0; i < n; i++)
	{
		scaled[i] = weight[i] * n / total;
		if (scaled[i] < 1.0)
			small[ns++] = i;
		else
			large[nl++] = i;
	}
	while (ns > 0 && nl > 0)
	{
		int			s = small[--ns];
		int			l = large[nl - 1];

		a->prob[s] = scaled[s];
		a->alias[s] = l;
		scaled[l] -= 1.0 - scaled[s];
		if (scaled[l] < 1.0)
		{
			nl--;
			small[ns++] = l;
		}
	}
	/* what is left is 1 up to rounding */
	while (nl > 0)
	{
		a->prob[large[--nl]] = 1.0;
		a->alias[large[nl]] = large[nl];
	}
	while (ns > 0)
	{
		a->prob[small[--ns]] = 1.0;
		a->alias[small[ns]] = small[ns];
	}
	free(scaled);
	free(small);
	free(large);
}

static inline int
AliasDraw(const Alias *a, Rng *r)
{
	double		u = RngUniform(r) * a->n;
	int			i = (int) u;

	return (u - i) < a->prob[i] ? i : a->alias[i];
}

/*
 * English function words, most frequent first (their own Zipf law orders
 * them).  The contractions carry an ASCII apostrophe that is printed in
 * the text's apostrophe style, so that a typographic reproduction has
 * something to change besides the quote marks.
 */
static const char *const function_words[] = {
	"the", "of", "and", "to", "a", "in", "that", "is", "for", "it", "was",
	"on", "with", "as", "he", "by", "at", "be", "this", "have", "from",
	"not", "but", "they", "are", "or", "his", "she", "we", "an", "will",
	"their", "has", "would", "been", "there", "which", "more", "her", "were",
	"about", "when", "can", "if", "who", "into", "its", "after", "than",
	"could", "so", "no", "what", "all", "some", "over", "them", "also",
	"only", "just", "our", "out", "up", "other", "any", "because", "then",
	"those", "these", "before", "while", "should", "may", "might", "most",
	"much", "such", "very", "where", "how", "why", "under", "between",
	"through", "during", "against", "without", "it's", "don't", "isn't",
	"can't", "we're", "they're", "won't", "doesn't", "that's", "wasn't"
};
#define NFUNCTION ((int) (sizeof(function_words) / sizeof(function_words[0])))

/* Fictional outlets. */
static const char *const outlets[] = {
	"Harbor Ledger", "Coastal Courier", "Metro Wire", "Port Halden Weekly",
	"Harbor Radio", "Tidewater Notes", "Northgate Courant", "Valley Sentinel",
	"Riverside Post", "Bayline News", "Summit Herald", "Quarry Gazette",
	"Lakeshore Tribune", "Evening Lantern", "Granite City Press",
	"Market Bulletin", "Ferry Street Journal", "The Meridian",
	"Cape Observer", "Old Mill Record", "Eastfield Review",
	"Westgate Chronicle", "Weekly Compass", "Pine Hollow Voice",
	"Signal Tower", "Dockside Report", "Civic Lens", "Redbrick Times",
	"Open Almanac", "Saltmarsh Daily", "County Crier", "Northshore Dispatch",
	"The Lighthouse", "Hillcrest Messenger", "Morning Tide",
	"Canal Street Herald", "Orchard Voice", "Transit Wire",
	"Bridgeport Standard", "Ledger Line", "Harborview Digest", "Town Crier",
	"Foundry Bulletin", "Southern Current", "Upland Examiner",
	"Arcade Press", "Marina Monitor", "Granary Post", "Ironworks Daily",
	"Windmill Gazette"
};
#define NOUTLETS ((int) (sizeof(outlets) / sizeof(outlets[0])))

static const char *const lead_ins[] = {
	"In an interview this week,", "Speaking to reporters,",
	"At a briefing on the plan,", "Asked about the figures,",
	"In a statement,", "Later that evening,"
};
#define NLEADINS ((int) (sizeof(lead_ins) / sizeof(lead_ins[0])))

/* The vocabulary: words ranked by a seeded shuffle, drawn by rank. */
static char **vocabulary;
static int	nvocabulary;
static Alias content_law;
static Alias function_law;

static bool
PlainWord(const char *w, size_t n)
{
	size_t		i;

	if (n < 3 || n > 12)
		return false;
	for (i = 0; i < n; i++)
		if (w[i] < 'a' || w[i] > 'z')
			return false;
	return true;
}

static void
AddWord(const char *w, int *capacity)
{
	if (nvocabulary == *capacity)
	{
		*capacity *= 2;
		vocabulary = realloc(vocabulary, sizeof(char *) * *capacity);
		if (vocabulary == NULL)
		{
			fprintf(stderr, "repro_gen: out of memory\n");
			exit(1);
		}
	}
	vocabulary[nvocabulary] = Allocate(strlen(w) + 1);
	strcpy(vocabulary[nvocabulary++], w);
}

/*
 * The word list's lower-case alphabetic words of 3 to 12 letters.  A list
 * of proper names and derived forms ("Aaron", "aardvark's") contributes
 * only its plain words.  Without a usable list, pseudo-words of two to
 * four syllables stand in: the benchmark still runs, on a less realistic
 * spread of shingles.
 */
static void
LoadVocabulary(const char *path, Rng *r)
{
	static const char *const syllables[] = {
		"ba", "ke", "lo", "mi", "nu", "ra", "se", "ti", "vo", "zu", "dan",
		"mer", "tol", "pri", "gas", "wen", "cor", "lis", "hut", "fey", "an",
		"el", "or", "un", "is", "bro", "cla", "dre", "sto", "ven"
	};
	FILE	   *f = fopen(path, "r");
	char		line[256];
	int			capacity = 4096;
	int			i;

	vocabulary = Allocate(sizeof(char *) * capacity);
	if (f != NULL)
	{
		while (fgets(line, sizeof(line), f))
		{
			size_t		n = strcspn(line, "\r\n");

			line[n] = '\0';
			if (PlainWord(line, n))
				AddWord(line, &capacity);
		}
		fclose(f);
	}
	if (nvocabulary < 1000)
	{
		fprintf(stderr, "repro_gen: %s %s: using pseudo-words built from syllables\n",
				path, f == NULL ? "cannot be read" : "has too few plain words");
		for (i = 0; i < nvocabulary; i++)
			free(vocabulary[i]);
		nvocabulary = 0;
		while (nvocabulary < 30000)
		{
			char		w[16] = "";
			int			k;
			int			n = RngRange(r, 2, 4);

			for (k = 0; k < n; k++)
				strcat(w, syllables[RngBelow(r, (int) (sizeof(syllables) / sizeof(syllables[0])))]);
			/* duplicates only make a word more frequent: harmless */
			AddWord(w, &capacity);
		}
	}

	/* Fisher-Yates: the rank of a word is its place after the shuffle */
	for (i = nvocabulary - 1; i > 0; i--)
	{
		int			j = RngBelow(r, i + 1);
		char	   *t = vocabulary[i];

		vocabulary[i] = vocabulary[j];
		vocabulary[j] = t;
	}
}

/*
 * Zipf laws with s = 1.  For content words the rank is offset by ten
 * (Zipf-Mandelbrot): the top ranks of English belong to function words,
 * drawn on their own, and without the offset one content word would be
 * eight per cent of all content words.
 */
static void
BuildLaws(void)
{
	double	   *w = Allocate(sizeof(double) * nvocabulary);
	int			i;

	for (i = 0; i < nvocabulary; i++)
		w[i] = 1.0 / (i + 10.0);
	AliasBuild(&content_law, w, nvocabulary);
	for (i = 0; i < NFUNCTION; i++)
		w[i] = 1.0 / (i + 1.0);
	AliasBuild(&function_law, w, NFUNCTION);
	free(w);
}

/* A token: a word, its kind, and the punctuation after it. */
typedef enum TokenKind
{
	TK_FUNCTION, TK_CONTENT, TK_NAME, TK_NUMBER
} TokenKind;

typedef enum After
{
	AFTER_SPACE, AFTER_COMMA, AFTER_DASH
} After;

typedef struct Token
{
	char		text[TOKEN_BYTES];
	unsigned char kind;			/* TokenKind */
	unsigned char after;		/* After */
} Token;

typedef struct Sentence
{
	Token		tok[MAX_TOKENS];
	int			n;
	bool		question;
} Sentence;

static void
SetToken(Token *t, const char *text, TokenKind kind)
{
	size_t		n = strlen(text);

	if (n >= TOKEN_BYTES)
		n = TOKEN_BYTES - 1;
	memcpy(t->text, text, n);
	t->text[n] = '\0';
	t->kind = kind;
	t->after = AFTER_SPACE;
}

static void
ContentToken(Token *t, Rng *r)
{
	SetToken(t, vocabulary[AliasDraw(&content_law, r)], TK_CONTENT);
}

static void
FunctionToken(Token *t, Rng *r)
{
	SetToken(t, function_words[AliasDraw(&function_law, r)], TK_FUNCTION);
}

/*
 * A name: a word of the list, capitalised.  Names come from the top ten
 * thousand ranks so that the same people recur across articles, as they
 * do in news.
 */
static void
NameToken(Token *t, Rng *r)
{
	int			limit = nvocabulary < 10000 ? nvocabulary : 10000;

	SetToken(t, vocabulary[RngBelow(r, limit)], TK_NAME);
	t->text[0] -= 'a' - 'A';
}

static void
NumberToken(Token *t, Rng *r)
{
	char		buf[16];
	double		u = RngUniform(r);

	if (u < 0.4)
		snprintf(buf, sizeof(buf), "%d", RngRange(r, 1990, 2026));
	else if (u < 0.8)
		snprintf(buf, sizeof(buf), "%d", RngRange(r, 2, 99));
	else
		snprintf(buf, sizeof(buf), "%d,%03d", RngRange(r, 1, 999), RngBelow(r, 1000));
	SetToken(t, buf, TK_NUMBER);
}

/* One token of running text at the rates of news prose. */
static void
RandomToken(Token *t, Rng *r)
{
	double		u = RngUniform(r);

	if (u < 0.45)
		FunctionToken(t, r);
	else if (u < 0.475)
		NameToken(t, r);
	else if (u < 0.49)
		NumberToken(t, r);
	else
		ContentToken(t, r);
}

/*
 * Sentence length: 5 plus a gamma(3, 5) variable, a mean of 20 words and
 * the long right tail of real prose; capped at max_words.  A sentence
 * starts with a word, not a numeral, so that changing the case of its
 * first letter is always possible.
 */
static void
MakeSentence(Sentence *s, Rng *r, int min_words, int max_words)
{
	int			n;
	int			i;

	do
	{
		double		g = -5.0 * log((1.0 - RngUniform(r)) * (1.0 - RngUniform(r)) *
								   (1.0 - RngUniform(r)));

		n = 5 + (int) g;
	} while (n < min_words || n > max_words);

	s->n = n;
	s->question = RngUniform(r) < 0.05;
	for (i = 0; i < n; i++)
	{
		RandomToken(&s->tok[i], r);
		if (i == 0)
			while (s->tok[0].kind == TK_NUMBER)
				RandomToken(&s->tok[0], r);
		/* "the the" is a typing error, not prose */
		else
			while (s->tok[i].kind == TK_FUNCTION &&
				   strcmp(s->tok[i].text, s->tok[i - 1].text) == 0)
				FunctionToken(&s->tok[i], r);
		/* commas and dashes inside the sentence, never at its edges */
		if (i >= 2 && i < n - 3)
		{
			double		u = RngUniform(r);

			if (u < 0.06)
				s->tok[i].after = AFTER_COMMA;
			else if (u < 0.065)
				s->tok[i].after = AFTER_DASH;
		}
	}
}

/* A growable byte buffer. */
typedef struct Buffer
{
	char	   *data;
	size_t		len;
	size_t		cap;
} Buffer;

static void
Append(Buffer *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap)
	{
		b->cap = (b->len + n + 1) * 2;
		b->data = realloc(b->data, b->cap);
		if (b->data == NULL)
		{
			fprintf(stderr, "repro_gen: out of memory\n");
			exit(1);
		}
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static void
AppendStr(Buffer *b, const char *s)
{
	Append(b, s, strlen(s));
}

/*
 * Typography: how apostrophes, dashes and quote marks are printed.  An
 * article has one style for its own prose; a quotation has the style of
 * its origin, which exact copies keep and typographic ones change.
 */
typedef struct Style
{
	bool		curly_apostrophe;
	int			dash;			/* 0: em dash, 1: en dash, 2: "--" */
	bool		curly_quotes;
} Style;

static const char *const dashes[] = {" \xE2\x80\x94 ", " \xE2\x80\x93 ", " -- "};

static void
RandomStyle(Style *st, Rng *r)
{
	st->curly_apostrophe = RngUniform(r) < 0.6;
	st->dash = RngBelow(r, 3);
	st->curly_quotes = RngUniform(r) < 0.7;
}

/*
 * Words [from, to) as prose.  case_first: 1 capitalises the first letter,
 * -1 lower-cases it, 0 leaves it.  The punctuation after the last word
 * is left out: it is the caller's, or an ellipsis follows.
 */
static void
AppendTokens(Buffer *b, const Token *tok, int from, int to, const Style *st,
			 int case_first)
{
	int			i;

	for (i = from; i < to; i++)
	{
		const char *p = tok[i].text;

		if (i > from)
		{
			if (tok[i - 1].after == AFTER_COMMA)
				AppendStr(b, ", ");
			else if (tok[i - 1].after == AFTER_DASH)
				AppendStr(b, dashes[st->dash]);
			else
				AppendStr(b, " ");
		}
		if (i == from && case_first != 0)
		{
			char		c = *p;

			if (case_first > 0 && c >= 'a' && c <= 'z')
				c -= 'a' - 'A';
			else if (case_first < 0 && c >= 'A' && c <= 'Z')
				c += 'a' - 'A';
			Append(b, &c, 1);
			p++;
		}
		for (; *p; p++)
		{
			if (*p == '\'' && st->curly_apostrophe)
				AppendStr(b, "\xE2\x80\x99");
			else
				Append(b, p, 1);
		}
	}
}

static void
AppendSentence(Buffer *b, const Sentence *s, const Style *st)
{
	AppendTokens(b, s->tok, 0, s->n, st, 1);
	AppendStr(b, s->question ? "?" : ".");
}

static void
OpenQuote(Buffer *b, const Style *st)
{
	AppendStr(b, st->curly_quotes ? "\xE2\x80\x9C" : "\"");
}

static void
CloseQuote(Buffer *b, const Style *st)
{
	AppendStr(b, st->curly_quotes ? "\xE2\x80\x9D" : "\"");
}

/* What is planted, and the names truth.tsv gives it. */
typedef enum PlantKind
{
	P_ORIGIN, P_EXACT, P_TYPOGRAPHIC, P_ELIDED, P_ALTERED,
	P_PARAPHRASE, P_NEARMISS, NKINDS
} PlantKind;

static const char *const plant_names[NKINDS] = {
	"origin", "exact", "typographic", "elided", "altered",
	"paraphrase_decoy", "nearmiss_decoy"
};

typedef struct Query
{
	Sentence	s;
	Style		style;
	char		speaker[2 * TOKEN_BYTES];
} Query;

typedef struct Plant
{
	int			article;		/* 0-based */
	int			query;			/* 0-based */
	int			kind;			/* PlantKind */
	uint64_t	seed;			/* its own stream: see EmitPlant */
	double		where;			/* share of the article it follows */
} Plant;

/*
 * The quotation as queried: its words in its origin's style, first letter
 * capitalised, its end punctuation.
 */
static void
QueryText(Buffer *b, const Query *q)
{
	AppendTokens(b, q->s.tok, 0, q->s.n, &q->style, 1);
	AppendStr(b, q->s.question ? "?" : ".");
}

/*
 * A quotation in an article: tokens as given, with an attribution in one
 * of the forms the extractor knows.  The final full stop becomes a comma
 * before "said X", as journalism has it; a question mark stays.
 */
static void
AppendAttributedQuote(Buffer *b, const Token *tok, int n, bool question,
					  const Style *st, int case_first, const char *speaker,
					  Rng *r)
{
	int			form = RngBelow(r, 3);

	if (form == 2)
	{
		AppendStr(b, speaker);
		AppendStr(b, question ? " asked: " : " said: ");
		OpenQuote(b, st);
		AppendTokens(b, tok, 0, n, st, case_first);
		AppendStr(b, question ? "?" : ".");
		CloseQuote(b, st);
		return;
	}
	OpenQuote(b, st);
	AppendTokens(b, tok, 0, n, st, case_first);
	AppendStr(b, question ? "?" : ",");
	CloseQuote(b, st);
	if (form == 0)
	{
		AppendStr(b, question ? " asked " : " said ");
		AppendStr(b, speaker);
	}
	else
	{
		AppendStr(b, " ");
		AppendStr(b, speaker);
		AppendStr(b, question ? " asked" : " said");
	}
	AppendStr(b, ".");
}

static bool
SameWord(const Token *a, const Token *b)
{
	const char *x = a->text;
	const char *y = b->text;

	/* case-blind, as the extension's normalisation is */
	for (; *x && *y; x++, y++)
	{
		char		cx = (*x >= 'A' && *x <= 'Z') ? *x + 32 : *x;
		char		cy = (*y >= 'A' && *y <= 'Z') ? *y + 32 : *y;

		if (cx != cy)
			return false;
	}
	return *x == *y;
}

/*
 * Altered: one or two content words substituted, or one word dropped or
 * added, all outside a protected run of at least six words, and never
 * the first or the last word (a change at an edge reads as a shorter or
 * longer excerpt rather than an alteration).  At least 70% of the words
 * stay unchanged; with 12 words or more and at most two changes that
 * always holds.
 */
static void
MakeAltered(const Sentence *orig, Sentence *out, Rng *r)
{
	int			n = orig->n;
	int			keep = RngBelow(r, n - 5);	/* run [keep, keep + 6) */
	double		u = RngUniform(r);
	int			i;

	*out = *orig;
	if (u < 0.6)
	{
		int			changes = RngRange(r, 1, 2);
		int			tries = 0;

		while (changes > 0 && tries++ < 1000)
		{
			int			at = RngRange(r, 1, n - 2);
			Token		t;

			if ((at >= keep && at < keep + 6) || out->tok[at].kind != TK_CONTENT ||
				!SameWord(&out->tok[at], &orig->tok[at]))
				continue;
			do
				ContentToken(&t, r);
			while (SameWord(&t, &orig->tok[at]) || SameWord(&t, &orig->tok[at - 1]) ||
				   SameWord(&t, &orig->tok[at + 1]));
			t.after = orig->tok[at].after;
			out->tok[at] = t;
			changes--;
		}
		/* a quotation of function words only: substitute any word */
		if (changes > 0)
		{
			int			at = keep + 6 < n - 1 ? keep + 6 : keep - 1;
			Token		t;

			do
				ContentToken(&t, r);
			while (SameWord(&t, &orig->tok[at]));
			t.after = orig->tok[at].after;
			out->tok[at] = t;
		}
	}
	else
	{
		/* a position outside the run, not an edge */
		int			at;

		do
			at = RngRange(r, 1, n - 2);
		while (at >= keep && at <= keep + 6);
		if (u < 0.8)
		{
			/* drop word at; a comma after it moves to its predecessor */
			if (out->tok[at].after != AFTER_SPACE)
				out->tok[at - 1].after = out->tok[at].after;
			for (i = at; i < n - 1; i++)
				out->tok[i] = out->tok[i + 1];
			out->n = n - 1;
		}
		else
		{
			/* add a word before at */
			Token		t;

			do
				RandomToken(&t, r);
			while (t.kind == TK_NUMBER || SameWord(&t, &orig->tok[at]) ||
				   SameWord(&t, &orig->tok[at - 1]));
			for (i = n; i > at; i--)
				out->tok[i] = out->tok[i - 1];
			out->tok[at] = t;
			out->n = n + 1;
		}
	}
}

/*
 * Elided: one or two inner stretches of words replaced by "..." or "…",
 * every remaining segment at least six words long (the fingerprint's
 * promise is for runs of six).  The caller knows the quotation is long
 * enough: 13 words for one cut, 20 for two.
 */
static void
AppendElided(Buffer *b, const Query *q, const Style *st, Rng *r)
{
	const Sentence *s = &q->s;
	int			n = s->n;
	int			cuts = (n >= 20 && RngUniform(r) < 0.4) ? 2 : 1;
	int			cut[2];
	int			seg[3];
	int			spare;
	int			pos;
	int			k;
	const char *mark = RngUniform(r) < 0.5 ? " \xE2\x80\xA6 " : " ... ";

	/* cuts of 1 to 6 words, shortened until six words fit either side */
	spare = n - 6 * (cuts + 1);
	for (k = 0; k < cuts; k++)
	{
		cut[k] = RngRange(r, 1, 6);
		spare -= cut[k];
	}
	while (spare < 0)
	{
		k = cut[0] >= cut[cuts - 1] ? 0 : cuts - 1;
		cut[k]--;
		spare++;
	}
	/* the words left over lengthen the segments at random */
	for (k = 0; k <= cuts; k++)
		seg[k] = 6;
	for (; spare > 0; spare--)
		seg[RngBelow(r, cuts + 1)]++;

	OpenQuote(b, st);
	pos = 0;
	for (k = 0; k <= cuts; k++)
	{
		AppendTokens(b, s->tok, pos, pos + seg[k], st, pos == 0 ? 1 : 0);
		pos += seg[k];
		if (k < cuts)
		{
			AppendStr(b, mark);
			pos += cut[k];
		}
	}
	AppendStr(b, s->question ? "?" : ",");
	CloseQuote(b, st);
	AppendStr(b, " said ");
	AppendStr(b, q->speaker);
	AppendStr(b, ".");
}

static bool
SharesShingle(const Token *a, int na, const Token *b, int nb)
{
	int			i;
	int			j;

	for (i = 0; i + 2 < na; i++)
		for (j = 0; j + 2 < nb; j++)
			if (SameWord(&a[i], &b[j]) && SameWord(&a[i + 1], &b[j + 1]) &&
				SameWord(&a[i + 2], &b[j + 2]))
				return true;
	return false;
}

/*
 * Paraphrase decoy: the quotation's content words (names and numbers too)
 * in another order, with other function words between them, attributed
 * to the same speaker.  No three consecutive words of it are three
 * consecutive words of the quotation, so it shares no shingle with it:
 * the same content in other words is not a reproduction.
 */
static void
AppendParaphrase(Buffer *b, const Query *q, const Style *st, Rng *r)
{
	const Sentence *s = &q->s;
	Sentence	p;
	Token		content[MAX_TOKENS];
	int			ncontent = 0;
	int			nfunction = 0;
	int			tries;
	int			i;

	for (i = 0; i < s->n; i++)
	{
		if (s->tok[i].kind == TK_FUNCTION)
			nfunction++;
		else
		{
			content[ncontent] = s->tok[i];
			content[ncontent++].after = AFTER_SPACE;
		}
	}
	for (tries = 0; tries < 200; tries++)
	{
		int			c = 0;
		int			f = 0;

		for (i = ncontent - 1; i > 0; i--)
		{
			int			j = RngBelow(r, i + 1);
			Token		t = content[i];

			content[i] = content[j];
			content[j] = t;
		}
		p.n = 0;
		while (c < ncontent || f < nfunction)
		{
			bool		take_function = f < nfunction &&
				(c == ncontent || RngBelow(r, ncontent - c + nfunction - f) < nfunction - f);
			Token	   *t = &p.tok[p.n++];

			if (take_function)
			{
				/* another function word than the quotation has here */
				do
					FunctionToken(t, r);
				while (SameWord(t, &s->tok[p.n - 1]));
				f++;
			}
			else
				*t = content[c++];
		}
		if (!SharesShingle(p.tok, p.n, s->tok, s->n))
			break;
	}
	if (RngUniform(r) < 0.5)
	{
		OpenQuote(b, st);
		AppendTokens(b, p.tok, 0, p.n, st, 1);
		AppendStr(b, ",");
		CloseQuote(b, st);
		AppendStr(b, " ");
		AppendStr(b, q->speaker);
		AppendStr(b, " said.");
	}
	else
	{
		AppendStr(b, "According to ");
		AppendStr(b, q->speaker);
		AppendStr(b, ", ");
		AppendTokens(b, p.tok, 0, p.n, st, -1);
		AppendStr(b, ".");
	}
}

/*
 * Near-miss decoy: two or three fragments of three or four consecutive
 * words of the quotation, together at most 40% of its words (six at
 * least), each in a sentence of other words, in paragraphs of their own
 * with ordinary text between them, and not in the quotation's order.  The
 * words next to a fragment differ from the quotation's, so no run of five
 * or more words is shared.  Such an article shares words and shingles
 * with the quotation but holds no passage that reproduces it.
 */
static void
AppendNearMiss(Buffer *b, const Query *q, const Style *st, Rng *r)
{
	const Sentence *s = &q->s;
	int			nfrag = RngRange(r, 2, 3);
	int			len[3];
	int			start[3];
	int			order[3] = {0, 1, 2};
	int			budget = 2 * s->n / 5 > 6 ? 2 * s->n / 5 : 6;
	int			total = 0;
	int			pos = 0;
	int			k;

	for (k = 0; k < nfrag; k++)
	{
		len[k] = RngRange(r, 3, 4);
		total += len[k];
	}
	while (total > budget)
	{
		for (k = 0; k < nfrag && len[k] == 3; k++)
			;
		if (k < nfrag)
			len[k]--;
		else
			nfrag--;			/* three fragments of three is too much */
		total = 0;
		for (k = 0; k < nfrag; k++)
			total += len[k];
	}
	/* where: in the quotation's order, a gap of a word at least between */
	for (k = 0; k < nfrag; k++)
	{
		int			later = 0;	/* words the fragments after this one need */
		int			j;

		for (j = k + 1; j < nfrag; j++)
			later += len[j] + 1;
		start[k] = pos + RngBelow(r, s->n - pos - len[k] - later + 1);
		pos = start[k] + len[k] + 1;
	}
	/* printed in another order: reversed, or the last one first */
	if (RngUniform(r) < 0.5 || nfrag == 2)
		for (k = 0; k < nfrag; k++)
			order[k] = nfrag - 1 - k;
	else
	{
		order[0] = 2;
		order[1] = 0;
		order[2] = 1;
	}

	for (k = 0; k < nfrag; k++)
	{
		int			f = order[k];
		int			n = len[f];
		int			from = start[f];
		Sentence	host;
		int			at;
		int			i;

		if (k > 0)
		{
			/* a paragraph of other text between two fragments */
			int			sentences = RngRange(r, 1, 3);

			AppendStr(b, "\n\n");
			for (i = 0; i < sentences; i++)
			{
				MakeSentence(&host, r, 8, 30);
				if (i > 0)
					AppendStr(b, " ");
				AppendSentence(b, &host, st);
			}
			AppendStr(b, "\n\n");
		}
		MakeSentence(&host, r, 10, 30);
		/* n words in at position at, not first, not last */
		at = RngRange(r, 1, host.n - 1);
		for (i = host.n - 1; i >= at; i--)
			host.tok[i + n] = host.tok[i];
		for (i = 0; i < n; i++)
		{
			host.tok[at + i] = s->tok[from + i];
			host.tok[at + i].after = AFTER_SPACE;
		}
		host.tok[at - 1].after = AFTER_SPACE;
		host.n += n;
		/* neighbours that would lengthen the shared run are replaced */
		if (from > 0)
			while (SameWord(&host.tok[at - 1], &s->tok[from - 1]))
				ContentToken(&host.tok[at - 1], r);
		if (from + n < s->n)
			while (SameWord(&host.tok[at + n], &s->tok[from + n]))
				ContentToken(&host.tok[at + n], r);
		AppendSentence(b, &host, st);
	}
}

/*
 * The paragraph a plant puts into an article: a sentence of context, the
 * passage, another sentence.  Each plant draws from its own stream, so
 * that what the article around it holds does not change it.
 */
static void
EmitPlant(Buffer *b, const Plant *p, const Query *queries)
{
	const Query *q = &queries[p->query];
	Rng			r;
	Sentence	s;
	Style		st = q->style;

	RngSeed(&r, p->seed, 7);
	MakeSentence(&s, &r, 8, 30);
	AppendSentence(b, &s, &st);
	AppendStr(b, " ");
	/* a lead-in before a quotation (the decoys open with their own words) */
	if (p->kind <= P_ALTERED && RngUniform(&r) < 0.3)
	{
		AppendStr(b, lead_ins[RngBelow(&r, NLEADINS)]);
		AppendStr(b, " ");
	}
	switch (p->kind)
	{
		case P_ORIGIN:
		case P_EXACT:
			AppendAttributedQuote(b, q->s.tok, q->s.n, q->s.question, &st, 1,
								  q->speaker, &r);
			break;
		case P_TYPOGRAPHIC:
			{
				/*
				 * Only typography changes: the quote marks always, then a
				 * nonempty choice of first-letter case, apostrophes and
				 * dashes among those the quotation has.
				 */
				bool		has_apostrophe = false;
				bool		has_dash = false;
				bool		changed = false;
				int			case_first = 1;
				int			i;

				for (i = 0; i < q->s.n; i++)
				{
					has_apostrophe |= strchr(q->s.tok[i].text, '\'') != NULL;
					has_dash |= i < q->s.n - 1 && q->s.tok[i].after == AFTER_DASH;
				}
				st.curly_quotes = !st.curly_quotes;
				while (!changed)
				{
					if (has_apostrophe && RngUniform(&r) < 0.7)
					{
						st.curly_apostrophe = !st.curly_apostrophe;
						changed = true;
					}
					if (has_dash && RngUniform(&r) < 0.7)
					{
						st.dash = (st.dash + RngRange(&r, 1, 2)) % 3;
						changed = true;
					}
					if (RngUniform(&r) < 0.5)
					{
						case_first = -1;
						changed = true;
					}
				}
				AppendAttributedQuote(b, q->s.tok, q->s.n, q->s.question, &st,
									  case_first, q->speaker, &r);
			}
			break;
		case P_ELIDED:
			AppendElided(b, q, &st, &r);
			break;
		case P_ALTERED:
			{
				Sentence	a;

				MakeAltered(&q->s, &a, &r);
				AppendAttributedQuote(b, a.tok, a.n, a.question, &st, 1,
									  q->speaker, &r);
			}
			break;
		case P_PARAPHRASE:
			AppendParaphrase(b, q, &st, &r);
			break;
		case P_NEARMISS:
			AppendNearMiss(b, q, &st, &r);
			break;
	}
	AppendStr(b, " ");
	MakeSentence(&s, &r, 8, 30);
	AppendSentence(b, &s, &st);
}

/* COPY text format: backslash, tab, newline and carriage return escaped. */
static void
WriteEscaped(FILE *f, const char *s, size_t n)
{
	const char *start = s;
	const char *end = s + n;

	for (; s < end; s++)
	{
		const char *esc;

		switch (*s)
		{
			case '\\':
				esc = "\\\\";
				break;
			case '\t':
				esc = "\\t";
				break;
			case '\n':
				esc = "\\n";
				break;
			case '\r':
				esc = "\\r";
				break;
			default:
				continue;
		}
		fwrite(start, 1, s - start, f);
		fputs(esc, f);
		start = s + 1;
	}
	fwrite(start, 1, end - start, f);
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
		fprintf(stderr, "repro_gen: cannot write %s: %s\n", path, strerror(errno));
		exit(1);
	}
	/* large writes: 500 MB go out in 1 MB pieces */
	setvbuf(f, NULL, _IOFBF, 1 << 20);
	return f;
}

static void
CloseOut(FILE *f, const char *name)
{
	if (ferror(f) || fclose(f) != 0)
	{
		fprintf(stderr, "repro_gen: error writing %s\n", name);
		exit(1);
	}
}

/* Days since 2021-01-01 to a civil date (proleptic Gregorian). */
static void
FormatDate(char *buf, size_t size, int days)
{
	/* Howard Hinnant's civil_from_days; 2021-01-01 is day 18628 of 1970 */
	long		z = (long) days + 18628 + 719468;
	long		era = z / 146097;
	long		doe = z - era * 146097;
	long		yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long		doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long		mp = (5 * doy + 2) / 153;
	int			d = (int) (doy - (153 * mp + 2) / 5 + 1);
	int			m = (int) (mp < 10 ? mp + 3 : mp - 9);
	int			y = (int) (yoe + era * 400 + (m <= 2));

	snprintf(buf, size, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
}

static int
ComparePlantsByArticle(const void *a, const void *b)
{
	const Plant *x = a;
	const Plant *y = b;

	if (x->article != y->article)
		return x->article < y->article ? -1 : 1;
	if (x->where != y->where)
		return x->where < y->where ? -1 : 1;
	return (x->query > y->query) - (x->query < y->query);
}

static int
ComparePlantsByQuery(const void *a, const void *b)
{
	const Plant *x = a;
	const Plant *y = b;

	if (x->query != y->query)
		return x->query < y->query ? -1 : 1;
	return (x->article > y->article) - (x->article < y->article);
}

static long
ParseNumber(const char *opt, const char *value, long min, long max)
{
	char	   *end;
	long		v;

	errno = 0;
	v = strtol(value, &end, 10);
	if (errno != 0 || end == value || *end != '\0' || v < min || v > max)
	{
		fprintf(stderr, "repro_gen: %s wants a whole number from %ld to %ld, not \"%s\"\n",
				opt, min, max, value);
		exit(2);
	}
	return v;
}

static void
Usage(FILE *f)
{
	fprintf(f,
			"usage: repro_gen [--seed N] [--articles N] [--queries N] [--words PATH] --out DIR\n"
			"  --seed N      PRNG seed (1); the same seed gives the same bytes\n"
			"  --articles N  articles to write (10000), at least 100\n"
			"  --queries N   quotations with planted reproductions (200)\n"
			"  --words PATH  word list, one word a line (/usr/share/dict/words)\n"
			"  --out DIR     where articles.tsv, queries.tsv and truth.tsv go\n");
}

int
main(int argc, char **argv)
{
	uint64_t	seed = 1;
	int			narticles = 10000;
	int			nqueries = 200;
	const char *words = "/usr/share/dict/words";
	const char *out = NULL;
	Rng			vocab_rng;
	Rng			plan_rng;
	Rng			place_rng;
	Rng			text_rng;
	Query	   *queries;
	Plant	   *plants;
	int			nplants = 0;
	int			plant_cap = 4096;
	int			counts[NKINDS] = {0};
	int		   *taken;			/* articles holding a plant of the query */
	int			next = 0;
	unsigned long long total_bytes = 0;
	FILE	   *f;
	FILE	   *fa;
	Buffer		body = {0};
	Buffer		text = {0};
	clock_t		started = clock();
	int			i;

	for (i = 1; i < argc; i++)
	{
		const char *opt = argv[i];

		if (strcmp(opt, "--help") == 0 || strcmp(opt, "-h") == 0)
		{
			Usage(stdout);
			return 0;
		}
		if (i + 1 >= argc)
		{
			Usage(stderr);
			return 2;
		}
		if (strcmp(opt, "--seed") == 0)
			seed = (uint64_t) ParseNumber(opt, argv[++i], 0, 2147483647L);
		else if (strcmp(opt, "--articles") == 0)
			narticles = (int) ParseNumber(opt, argv[++i], 100, 100000000L);
		else if (strcmp(opt, "--queries") == 0)
			nqueries = (int) ParseNumber(opt, argv[++i], 1, 1000000L);
		else if (strcmp(opt, "--words") == 0)
			words = argv[++i];
		else if (strcmp(opt, "--out") == 0)
			out = argv[++i];
		else
		{
			fprintf(stderr, "repro_gen: unknown option \"%s\"\n", opt);
			Usage(stderr);
			return 2;
		}
	}
	if (out == NULL)
	{
		Usage(stderr);
		return 2;
	}
	if (mkdir(out, 0777) != 0 && errno != EEXIST)
	{
		fprintf(stderr, "repro_gen: cannot create %s: %s\n", out, strerror(errno));
		return 1;
	}

	RngSeed(&vocab_rng, seed, 1);
	RngSeed(&plan_rng, seed, 2);
	RngSeed(&text_rng, seed, 3);
	RngSeed(&place_rng, seed, 4);
	LoadVocabulary(words, &vocab_rng);
	BuildLaws();

	/*
	 * The quotations, and where each is planted.  Most quotations are
	 * reproduced a few times and a few widely: 60% 0 to 5 times, 30% 6 to
	 * 15, 10% 20 to 50.
	 */
	queries = Allocate(sizeof(Query) * nqueries);
	plants = Allocate(sizeof(Plant) * plant_cap);
	taken = Allocate(sizeof(int) * MAX_PLANTS_PER_QUERY);
	f = OpenOut(out, "queries.tsv");
	for (i = 0; i < nqueries; i++)
	{
		Query	   *q = &queries[i];
		double		u = RngUniform(&plan_rng);
		int			copies = u < 0.6 ? RngRange(&plan_rng, 0, 5) :
			u < 0.9 ? RngRange(&plan_rng, 6, 15) : RngRange(&plan_rng, 20, 50);
		int			paraphrases = RngRange(&plan_rng, 0, 2);
		int			nearmisses = RngRange(&plan_rng, 0, 3);
		int			total = 1 + copies + paraphrases + nearmisses;
		int			k;
		Token		first;
		Token		last;

		MakeSentence(&q->s, &plan_rng, 12, 40);
		RandomStyle(&q->style, &plan_rng);
		NameToken(&first, &plan_rng);
		NameToken(&last, &plan_rng);
		snprintf(q->speaker, sizeof(q->speaker), "%s %s", first.text, last.text);

		text.len = 0;
		QueryText(&text, q);
		fprintf(f, "%d\t", i + 1);
		WriteEscaped(f, text.data, text.len);
		fputc('\n', f);

		for (k = 0; k < total; k++)
		{
			Plant	   *p;
			int			kind;
			int			j;
			int			a;

			if (k == 0)
				kind = P_ORIGIN;
			else if (k <= copies)
			{
				double		v = RngUniform(&plan_rng);

				kind = v < 0.3 ? P_EXACT : v < 0.55 ? P_TYPOGRAPHIC :
					v < 0.75 ? P_ELIDED : P_ALTERED;
				/* too short to keep six words either side of a cut */
				if (kind == P_ELIDED && q->s.n < 13)
					kind = P_EXACT;
			}
			else if (k <= copies + paraphrases)
				kind = P_PARAPHRASE;
			else
				kind = P_NEARMISS;

			/*
			 * Another article than the query's other plants.  Placing
			 * draws from a stream of its own, so that the queries and
			 * what is planted for them are the same at every corpus size.
			 */
			do
			{
				a = RngBelow(&place_rng, narticles);
				for (j = 0; j < k && taken[j] != a; j++)
					;
			} while (j < k);
			taken[k] = a;

			if (nplants == plant_cap)
			{
				plant_cap *= 2;
				plants = realloc(plants, sizeof(Plant) * plant_cap);
				if (plants == NULL)
				{
					fprintf(stderr, "repro_gen: out of memory\n");
					return 1;
				}
			}
			p = &plants[nplants++];
			p->article = a;
			p->query = i;
			p->kind = kind;
			p->seed = RngNext(&plan_rng);
			p->where = RngUniform(&place_rng);
			counts[kind]++;
		}
	}
	CloseOut(f, "queries.tsv");

	/*
	 * The articles, streamed: only one body is in memory at a time.  A
	 * plant goes in after the paragraph that passes its share of the
	 * article's length, so plants land anywhere but before the first.
	 */
	qsort(plants, nplants, sizeof(Plant), ComparePlantsByArticle);
	fa = OpenOut(out, "articles.tsv");
	for (i = 0; i < narticles; i++)
	{
		Style		st;
		double		u = RngUniform(&text_rng);

		/*
		 * Target size 2 KB * 10^(u^2.4): from 2 to 20 KB, most articles
		 * short, a mean of about 5 KB with the plants and the sentence
		 * that overruns the target.
		 */
		size_t		target = (size_t) (MIN_ARTICLE_BYTES *
									   pow(10.0, pow(u, 2.4)) - 60);
		int			outlet = RngBelow(&text_rng, NOUTLETS);
		bool		dated = RngUniform(&text_rng) >= 0.05;
		int			day = RngBelow(&text_rng, 5 * 365 + 1);
		char		date[32];

		RandomStyle(&st, &text_rng);
		body.len = 0;
		while (body.len < target)
		{
			int			sentences = RngRange(&text_rng, 1, 5);
			int			k;

			if (body.len > 0)
				AppendStr(&body, "\n\n");
			for (k = 0; k < sentences && body.len < target; k++)
			{
				Sentence	s;

				if (k > 0)
					AppendStr(&body, " ");
				MakeSentence(&s, &text_rng, 5, 45);
				AppendSentence(&body, &s, &st);
			}
			while (next < nplants && plants[next].article == i &&
				   plants[next].where * target <= body.len)
			{
				AppendStr(&body, "\n\n");
				EmitPlant(&body, &plants[next++], queries);
			}
		}
		/* plants whose place the text did not reach */
		while (next < nplants && plants[next].article == i)
		{
			AppendStr(&body, "\n\n");
			EmitPlant(&body, &plants[next++], queries);
		}

		fprintf(fa, "%d\trepro-%d-%d\t%s\t", i + 1, (int) seed, i + 1, outlets[outlet]);
		if (dated)
		{
			FormatDate(date, sizeof(date), day);
			fputs(date, fa);
		}
		else
			fputs("\\N", fa);
		fputc('\t', fa);
		WriteEscaped(fa, body.data, body.len);
		fputc('\n', fa);
		total_bytes += body.len;
	}
	CloseOut(fa, "articles.tsv");

	/* the ground truth, by query then article */
	qsort(plants, nplants, sizeof(Plant), ComparePlantsByQuery);
	f = OpenOut(out, "truth.tsv");
	for (i = 0; i < nplants; i++)
		fprintf(f, "%d\t%d\t%s\n", plants[i].query + 1, plants[i].article + 1,
				plant_names[plants[i].kind]);
	CloseOut(f, "truth.tsv");

	fprintf(stderr, "repro_gen: seed %llu, %d articles, %.1f MB of text (mean %.0f bytes), "
			"%d queries, vocabulary %d words, %.1f s\n",
			(unsigned long long) seed, narticles, total_bytes / 1e6,
			(double) total_bytes / narticles, nqueries, nvocabulary,
			(double) (clock() - started) / CLOCKS_PER_SEC);
	fprintf(stderr, "repro_gen: planted");
	for (i = 0; i < NKINDS; i++)
		fprintf(stderr, " %s %d", plant_names[i], counts[i]);
	fputc('\n', stderr);
	free(body.data);
	free(text.data);
	free(plants);
	free(taken);
	free(queries);
	return 0;
}
