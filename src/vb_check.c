/*
 * vb_check.c
 *		Verdict, diff and flags of a quotation against a prepared source.
 *
 * The quotation is split at ellipses into segments, each aligned on its
 * own; words in square brackets are the editor's and are not looked for.
 *	- Every segment placed with no change, in source order, no ellipsis or
 *	  bracket: typographic, or exact if the characters agree too.
 *	- The same with ellipses or brackets: elided.
 *	- Covered by runs from two or more places of the source, joined with no
 *	  ellipsis: spliced.
 *	- Anchored in one place (a run of ANCHOR_RUN words with a content word
 *	  among them, or most words in order) but changed: altered.
 *	- Sharing the content words of a passage but not its wording:
 *	  paraphrased.  Otherwise: unsupported.
 */
#include "vb_check.h"

#include <stdlib.h>
#include <string.h>

#include "vb_align.h"
#include "vb_quotes.h"
#include "vb_runtime.h"
#include "vb_sort.h"
#include "vb_utf8.h"

#define ANCHOR_RUN 5
#define SPLICE_MIN_RUN 3
#define SPLICE_COVERAGE 0.85
#define SPLICE_GAP 8			/* source words skipped that still read as one passage */
#define PARAPHRASE_OVERLAP 0.5
#define SENTENCE_LIMIT 1000		/* bytes an excerpt may extend for context */

const char *
vb_verdict_name(VbVerdict verdict)
{
	static const char *const names[] = {
		"exact", "typographic", "elided", "altered", "spliced", "paraphrased",
		"unsupported"
	};

	return names[verdict];
}

typedef struct Segment
{
	int		   *words;			/* quote token indices of the words to find */
	int		   *slots;			/* their index slots in the source */
	int			count;
	bool	   *bracket_before; /* editorial words stand before words[k] */
	bool		bracket_after;
	VbAlignment alignment;
} Segment;

typedef struct StringBuilder
{
	char	   *data;
	size_t		length;
	size_t		capacity;
} StringBuilder;

static void
Append(StringBuilder *sb, const char *s, size_t n)
{
	if (sb->length + n + 1 > sb->capacity)
	{
		sb->capacity = (sb->length + n + 1) * 2;
		sb->data = vb_grow(sb->data, sb->capacity);
	}
	memcpy(sb->data + sb->length, s, n);
	sb->length += n;
	sb->data[sb->length] = '\0';
}

static void
AppendString(StringBuilder *sb, const char *s)
{
	Append(sb, s, strlen(s));
}

static void
AppendWord(StringBuilder *sb, const char *text, const VbToken *t)
{
	if (sb->length > 0)
		Append(sb, " ", 1);
	Append(sb, text + t->start, t->end - t->start);
}

/* Words whose change alters meaning, by flag. */
static const char *const negations[] = {
	"not", "no", "never", "without", "none", "nobody", "nothing", "neither",
	"nor", "cannot", "nowhere", "ne", "pas", "jamais", "nicht", "kein", NULL
};
static const char *const hedges[] = {
	"may", "might", "could", "will", "would", "should", "must", "can", "shall",
	"perhaps", "possibly", "probably", NULL
};
static const char *const number_words[] = {
	"zero", "two", "three", "four", "five", "six", "seven", "eight",
	"nine", "ten", "eleven", "twelve", "twenty", "thirty", "forty", "fifty",
	"hundred", "hundreds", "thousand", "thousands", "million", "millions",
	"billion", "billions", "trillion", "dozen", "dozens", "half", "first",
	"third", "twice", "percent", NULL
};
static const char *const stopwords[] = {
	"the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for",
	"with", "by", "from", "is", "are", "was", "were", "be", "been", "being",
	"it", "its", "it's", "this", "that", "these", "those", "he", "she",
	"they", "we", "you", "i", "his", "her", "their", "our", "your", "my",
	"as", "have", "has", "had", "do", "does", "did", "so", "than", "then",
	"there", "here", "what", "which", "who", "just", "now", "very", "much",
	"more", "most", "also", "into", "over", "about", "up", "out", "if",
	"when", "while", "all", "any", "some", "such", "only", "own", "same",
	"too", "them", "him", "me", "us", "one", "that's", "we're",
	"they're", "there's", NULL
};

static void
FlagWord(const VbTokens *tokens, const char *text, int t, unsigned int *flags,
		 int *negation_balance, int sign)
{
	const VbToken *tok = &tokens->items[t];
	const char *w = tokens->pool + tok->folded;
	size_t		n = tok->folded_length;

	if (vb_word_in_list(w, n, negations) || (n > 3 && memcmp(w + n - 3, "n't", 3) == 0))
		*negation_balance += sign;
	if ((tok->flags & VB_TOKEN_NUMERIC) || vb_word_in_list(w, n, number_words))
		*flags |= VB_FLAG_NUMBER;
	if (vb_word_in_list(w, n, hedges))
		*flags |= VB_FLAG_HEDGE;
	if (tok->flags & VB_TOKEN_CAPITALISED)
	{
		/* a capital that only starts a sentence is not a name */
		size_t		p = vb_skip_back(text, tok->start, 0, vb_is_space, true);

		if (p > 0)
		{
			uint32_t	before = vb_utf8_before(text, p);

			if (before != '.' && before != '!' && before != '?' &&
				!vb_is_quote_mark(before) && before != 0x2026)
				*flags |= VB_FLAG_NAME;
		}
	}
}

/*
 * Render an alignment into the diff: unchanged words as written, each run
 * of changes as [-source words-]{+quote words+}.  Flags come from the
 * changed words on either side.
 */
static void
RenderAlignment(StringBuilder *sb, const VbSource *source, const char *quote,
				const VbTokens *qt, const Segment *seg, unsigned int *flags)
{
	const VbAlignment *al = &seg->alignment;
	int			i = 0;
	int			negation_balance = 0;

	while (i < al->count)
	{
		const VbOp *op = &al->ops[i];

		if (op->quote_word >= 0 && seg->bracket_before[op->quote_word])
		{
			/* the editor's words, as written, with their brackets */
			const VbToken *w = &qt->items[seg->words[op->quote_word]];
			int			t = seg->words[op->quote_word] - 1;

			while (t >= 0 && qt->items[t].kind != VB_TOKEN_BRACKET_OPEN)
				t--;
			if (t >= 0)
			{
				if (sb->length > 0)
					Append(sb, " ", 1);
				Append(sb, quote + qt->items[t].start, w->start - qt->items[t].start);
				while (sb->length > 0 && sb->data[sb->length - 1] == ' ')
					sb->data[--sb->length] = '\0';
			}
		}
		if (op->kind == VB_OP_EQUAL)
		{
			AppendWord(sb, quote, &qt->items[seg->words[op->quote_word]]);
			i++;
			continue;
		}
		else
		{
			int			j = i;
			bool		any_removed = false;
			bool		any_added = false;

			while (j < al->count && al->ops[j].kind != VB_OP_EQUAL)
			{
				if (al->ops[j].source_word >= 0)
					any_removed = true;
				if (al->ops[j].quote_word >= 0)
					any_added = true;
				j++;
			}
			if (any_removed)
			{
				int			k;
				bool		first = true;

				if (sb->length > 0)
					Append(sb, " ", 1);
				AppendString(sb, "[-");
				for (k = i; k < j; k++)
				{
					int			sw = al->ops[k].source_word;
					const VbToken *t;

					if (sw < 0)
						continue;
					t = &source->tokens.items[source->words[sw]];
					if (!first)
						Append(sb, " ", 1);
					Append(sb, source->text + t->start, t->end - t->start);
					FlagWord(&source->tokens, source->text, source->words[sw], flags,
							 &negation_balance, -1);
					first = false;
				}
				AppendString(sb, "-]");
			}
			if (any_added)
			{
				int			k;
				bool		first = true;

				if (sb->length > 0 && !any_removed)
					Append(sb, " ", 1);
				AppendString(sb, "{+");
				for (k = i; k < j; k++)
				{
					int			qw = al->ops[k].quote_word;
					const VbToken *t;

					if (qw < 0)
						continue;
					t = &qt->items[seg->words[qw]];
					if (!first)
						Append(sb, " ", 1);
					Append(sb, quote + t->start, t->end - t->start);
					FlagWord(qt, quote, seg->words[qw], flags, &negation_balance, 1);
					first = false;
				}
				AppendString(sb, "+}");
			}
			i = j;
		}
	}
	if (negation_balance != 0)
		*flags |= VB_FLAG_NEGATION;
}

/* Is a segment placed word for word, changes only where brackets stand? */
static bool
IsClean(const Segment *seg)
{
	const VbAlignment *al = &seg->alignment;
	int			i;
	int			next_quote_word = 0;

	if (seg->count == 0)
		return true;
	if (al->equal != seg->count)
		return false;
	for (i = 0; i < al->count; i++)
	{
		if (al->ops[i].kind == VB_OP_EQUAL)
			next_quote_word = al->ops[i].quote_word + 1;
		else if (al->ops[i].kind == VB_OP_DELETE)
		{
			/* a source word left out: only where a bracket stands in */
			if (next_quote_word >= seg->count || !seg->bracket_before[next_quote_word])
				return false;
		}
		else
			return false;
	}
	return true;
}

/* Sentence boundaries around [start, end) in the source, for context. */
static void
ExtendToSentence(const char *text, size_t len, size_t *start, size_t *end)
{
	size_t		s = *start;
	size_t		e = *end;
	size_t		floor = s > SENTENCE_LIMIT ? s - SENTENCE_LIMIT : 0;
	size_t		ceiling = len - e > SENTENCE_LIMIT ? e + SENTENCE_LIMIT : len;

	while (s > floor)
	{
		uint32_t	c = vb_utf8_before(text, s);
		size_t		p = vb_utf8_prev(text, s);

		if (vb_is_linebreak(c))
			break;
		if ((c == ' ' || c == '\t') && p > 0)
		{
			uint32_t	b = vb_utf8_before(text, p);

			if (b == '.' || b == '!' || b == '?')
				break;
		}
		s = p;
	}
	while (e < ceiling)
	{
		size_t		w;
		uint32_t	c = vb_utf8_decode(text, len, e, &w);

		if (vb_is_linebreak(c))
			break;
		e += w;
		if ((c == '.' || c == '!' || c == '?') &&
			(e >= len || vb_is_space(vb_utf8_decode(text, len, e, &w))))
			break;
	}
	*start = s;
	*end = e;
}

/*
 * Exact: the quote, less its final punctuation, is the source text from
 * the first matched word on, character for character, runs of white
 * space equal.
 */
static bool
IsExact(const char *quote, size_t qlen, const VbTokens *qt, const VbSource *source,
		size_t source_start)
{
	size_t		q = 0;
	size_t		qend = qlen;
	size_t		s = source_start;
	size_t		w;

	/* from the first word, to the last character that is not final punctuation */
	if (qt->count == 0)
		return false;
	q = qt->items[0].start;
	qend = vb_skip_back(quote, qend, q, vb_is_space, true);
	if (qend > q)
	{
		uint32_t	last = vb_utf8_before(quote, qend);

		if (last == ',' || last == '.' || last == '!' || last == '?' ||
			last == ';' || last == ':')
			qend = vb_utf8_prev(quote, qend);
	}
	while (q < qend)
	{
		uint32_t	a;
		uint32_t	b;
		size_t		wq;

		if (s >= source->length)
			return false;
		/* the same printable ASCII character: the common case */
		if (quote[q] == source->text[s] && (unsigned char) quote[q] > ' ' &&
			(unsigned char) quote[q] < 0x80)
		{
			q++;
			s++;
			continue;
		}
		a = vb_utf8_decode(quote, qend, q, &wq);
		b = vb_utf8_decode(source->text, source->length, s, &w);
		if (vb_is_space(a) && vb_is_space(b))
		{
			q = vb_skip(quote, q, qend, vb_is_space, true);
			s = vb_skip(source->text, s, source->length, vb_is_space, true);
			continue;
		}
		if (a != b)
			return false;
		q += wq;
		s += w;
	}
	return true;
}

static bool
IsContentWord(const VbTokens *t, int i)
{
	const VbToken *tok = &t->items[i];

	return tok->folded_length >= 3 &&
		!vb_word_in_list(t->pool + tok->folded, tok->folded_length, stopwords);
}

/*
 * The longest run of words placed unchanged that holds a content word: a
 * run of function words alone ("that and is of and to") turns up in any
 * long text, so it anchors nothing.
 */
static int
LongestContentRun(const VbTokens *qt, const Segment *seg)
{
	const VbAlignment *al = &seg->alignment;
	int			best = 0;
	int			run = 0;
	bool		content = false;
	int			i;

	for (i = 0; i < al->count; i++)
	{
		if (al->ops[i].kind != VB_OP_EQUAL)
		{
			run = 0;
			content = false;
			continue;
		}
		run++;
		content |= IsContentWord(qt, seg->words[al->ops[i].quote_word]);
		if (content && run > best)
			best = run;
	}
	return best;
}

/* The longest such run of any segment. */
static int
AnchorRun(const VbTokens *qt, const Segment *segments, int nsegments)
{
	int			best = 0;
	int			i;

	for (i = 0; i < nsegments; i++)
	{
		int			run = LongestContentRun(qt, &segments[i]);

		if (run > best)
			best = run;
	}
	return best;
}

/*
 * Light stemming for paraphrase overlap: the word less a plural or tense
 * ending ('s, ing, ed, es, s, ly, the first that fits), if three letters
 * stay.
 */
static size_t
StemLength(const char *w, size_t n)
{
	char		last = n > 0 ? w[n - 1] : '\0';
	char		before = n > 1 ? w[n - 2] : '\0';

	if (n >= 5 && before == '\'' && last == 's')
		return n - 2;
	if (n >= 6 && w[n - 3] == 'i' && before == 'n' && last == 'g')
		return n - 3;
	if (n >= 5 && before == 'e' && (last == 'd' || last == 's'))
		return n - 2;
	if (n >= 4 && last == 's')
		return n - 1;
	if (n >= 5 && before == 'l' && last == 'y')
		return n - 2;
	return n;
}

/*
 * The quote's words as paraphrase scoring sees them, worked out once per
 * check: whether each is a content word, and its stem.
 */
typedef struct QuoteStems
{
	bool	   *content;
	size_t	   *stem_length;
} QuoteStems;

static void
QuoteStemsInit(const VbTokens *qt, const int *qwords, int n, QuoteStems *stems)
{
	int			k;

	stems->content = vb_alloc(sizeof(bool) * (n + 1));
	stems->stem_length = vb_alloc(sizeof(size_t) * (n + 1));
	for (k = 0; k < n; k++)
	{
		const VbToken *t = &qt->items[qwords[k]];

		stems->content[k] = IsContentWord(qt, qwords[k]);
		stems->stem_length[k] = StemLength(qt->pool + t->folded, t->folded_length);
	}
}

static void
QuoteStemsFree(QuoteStems *stems)
{
	vb_free(stems->content);
	vb_free(stems->stem_length);
}

/*
 * Paraphrase: the share of the quote's content words (stemmed) found among
 * the source words in [from, to), and where the found ones lie.  Each
 * source word is stemmed once.
 */
static double
ContentOverlap(const VbTokens *qt, const int *qwords, int n, const QuoteStems *stems,
			   const VbSource *source, int from, int to, int *content_words,
			   int *first, int *last)
{
	int			found = 0;
	int			total = 0;
	size_t	   *source_stem = vb_alloc(sizeof(size_t) * (to - from + 1));
	int			k;
	int			i;

	for (i = from; i < to; i++)
	{
		const VbToken *b = &source->tokens.items[source->words[i]];

		source_stem[i - from] = StemLength(source->tokens.pool + b->folded, b->folded_length);
	}
	*first = *last = -1;
	for (k = 0; k < n; k++)
	{
		const char *a;
		size_t		la = stems->stem_length[k];

		if (!stems->content[k])
			continue;
		total++;
		a = qt->pool + qt->items[qwords[k]].folded;
		for (i = from; i < to; i++)
		{
			const VbToken *b = &source->tokens.items[source->words[i]];

			if (la == source_stem[i - from] && a[0] == source->tokens.pool[b->folded] &&
				memcmp(a, source->tokens.pool + b->folded, la) == 0)
			{
				found++;
				if (*first < 0 || i < *first)
					*first = i;
				if (i > *last)
					*last = i;
				break;
			}
		}
	}
	vb_free(source_stem);
	*content_words = total;
	return total > 0 ? (double) found / total : 0.0;
}

/*
 * The passage sharing most of the quote's content words.  Occurrences of
 * the quote's rarer content words, sorted by position, are swept with a
 * window a little wider than the quote, counting the distinct quote words
 * inside; only the best few windows are then scored with stemming.  The
 * cost is the number of occurrences, not the length of the article.
 */
#define PARAPHRASE_MAX_CANDIDATES 1024
#define PARAPHRASE_WINDOWS_SCORED 3

/*
 * An occurrence of a quote word in the source, as a key that sorts by
 * source position, then by quote word.
 */
#define OCCURRENCE(position, quote_word) (((uint64_t) (uint32_t) (position) << 32) | (uint32_t) (quote_word))
#define OCCURRENCE_POSITION(key) ((int) ((key) >> 32))
#define OCCURRENCE_WORD(key) ((int) (uint32_t) (key))

static double
BestContentWindow(const VbTokens *qt, const int *qwords, const int *slots, int n,
				  const VbSource *source, int *content, int *first, int *last)
{
	int			radius = n + n / 2 + 2;
	uint64_t   *occ = vb_alloc(sizeof(uint64_t) * PARAPHRASE_MAX_CANDIDATES);
	int		   *inside = vb_alloc0(sizeof(int) * (n + 1));
	int			nocc = 0;
	int			centers[PARAPHRASE_WINDOWS_SCORED];
	int			counts[PARAPHRASE_WINDOWS_SCORED];
	int			ncenters = 0;
	int			distinct = 0;
	int			lo = 0;
	double		best = 0.0;
	QuoteStems	stems;
	int			k;
	int			i;

	*content = 0;
	*first = *last = -1;
	QuoteStemsInit(qt, qwords, n, &stems);
	for (k = 0; k < n && nocc < PARAPHRASE_MAX_CANDIDATES; k++)
	{
		int			o;

		if (slots[k] < 0 || !stems.content[k] ||
			source->slots[slots[k]].count > 64)
			continue;
		for (o = source->slots[slots[k]].first; o >= 0 && nocc < PARAPHRASE_MAX_CANDIDATES;
			 o = source->next[o])
		{
			occ[nocc++] = OCCURRENCE(o, k);
		}
	}
	vb_sort_u64(occ, nocc);

	/* sweep: distinct quote words within 2 * radius, best windows kept */
	for (i = 0; i < nocc; i++)
	{
		if (inside[OCCURRENCE_WORD(occ[i])]++ == 0)
			distinct++;
		while (OCCURRENCE_POSITION(occ[i]) - OCCURRENCE_POSITION(occ[lo]) > 2 * radius)
		{
			if (--inside[OCCURRENCE_WORD(occ[lo])] == 0)
				distinct--;
			lo++;
		}
		if (distinct >= 2)
		{
			int			center = (OCCURRENCE_POSITION(occ[lo]) + OCCURRENCE_POSITION(occ[i])) / 2;
			int			weakest = 0;
			int			j;

			for (j = 0; j < ncenters; j++)
				if (abs(centers[j] - center) <= radius / 2)
					break;
			if (j < ncenters)
			{
				if (distinct > counts[j])
				{
					counts[j] = distinct;
					centers[j] = center;
				}
				continue;
			}
			if (ncenters < PARAPHRASE_WINDOWS_SCORED)
			{
				centers[ncenters] = center;
				counts[ncenters++] = distinct;
				continue;
			}
			for (j = 1; j < ncenters; j++)
				if (counts[j] < counts[weakest])
					weakest = j;
			if (distinct > counts[weakest])
			{
				centers[weakest] = center;
				counts[weakest] = distinct;
			}
		}
	}

	for (i = 0; i < ncenters; i++)
	{
		int			from = centers[i] - radius < 0 ? 0 : centers[i] - radius;
		int			to = centers[i] + radius > source->word_count ? source->word_count : centers[i] + radius;
		int			c;
		int			f;
		int			l;
		double		overlap = ContentOverlap(qt, qwords, n, &stems, source, from, to,
											 &c, &f, &l);

		if (overlap > best || (overlap == best && overlap > 0 && f < *first))
		{
			best = overlap;
			*content = c;
			*first = f;
			*last = l;
		}
	}
	QuoteStemsFree(&stems);
	vb_free(occ);
	vb_free(inside);
	return best;
}

/* Does a sentence end between source word i and the later word j? */
static bool
SentenceBetween(const VbSource *source, int i, int j)
{
	size_t		a = source->tokens.items[source->words[i]].end;
	size_t		b = source->tokens.items[source->words[j]].start;

	for (; a < b; a++)
		if (source->text[a] == '.' || source->text[a] == '!' || source->text[a] == '?')
			return true;
	return false;
}

/* Does a sentence end in the source words skipped between from and to? */
static bool
CrossesSentence(const VbSource *source, int from, int to)
{
	if (from <= 0 || to <= from || to > source->word_count)
		return false;
	return SentenceBetween(source, from - 1, to);
}

/*
 * Cover a segment greedily with the longest exact runs found anywhere in
 * the source; count the words covered by runs of SPLICE_MIN_RUN or more and
 * whether consecutive runs come from places that are not adjacent.
 */
static void
CoverRuns(const VbSource *source, const char *quote, const VbTokens *qt,
		  const Segment *seg,
		  int *covered, int *runs, bool *distant, int *longest_start,
		  int *longest_length, StringBuilder *render)
{
	int			k = 0;
	int			previous_end = -1;
	int			unmatched = 0;	/* quote words since the last run */
	bool		open_insert = false;

	*covered = 0;
	*runs = 0;
	*distant = false;
	*longest_length = 0;
	*longest_start = -1;
	while (k < seg->count)
	{
		int			at;
		int			len = vb_longest_run_at(source, seg->slots, seg->count, k, &at);

		if (len >= SPLICE_MIN_RUN)
		{
			int			r;
			int			skipped = at - previous_end;

			if (open_insert)
			{
				AppendString(render, "+}");
				open_insert = false;
			}

			/*
			 * Source words skipped between two runs are a splice unless the
			 * quote puts about as many words of its own there (a
			 * substitution) or skips only a few inside one sentence.
			 */
			if (previous_end >= 0 &&
				(at < previous_end || skipped - unmatched > SPLICE_GAP ||
				 (skipped > unmatched && CrossesSentence(source, previous_end, at))))
			{
				*distant = true;
				AppendString(render, render->length > 0 ? " [splice]" : "[splice]");
			}
			for (r = 0; r < len; r++)
				AppendWord(render, quote, &qt->items[seg->words[k + r]]);
			unmatched = 0;
			previous_end = at + len;
			*covered += len;
			(*runs)++;
			if (len > *longest_length)
			{
				*longest_length = len;
				*longest_start = at;
			}
			k += len;
		}
		else
		{
			const VbToken *t = &qt->items[seg->words[k]];

			if (!open_insert)
			{
				AppendString(render, render->length > 0 ? " {+" : "{+");
				open_insert = true;
			}
			else
				Append(render, " ", 1);
			Append(render, quote + t->start, t->end - t->start);
			unmatched++;
			k++;
		}
	}
	if (open_insert)
		AppendString(render, "+}");
}

void
vb_check(const char *quote, size_t len, const VbSource *source,
		 VbCheckResult *result)
{
	VbTokens	qt;
	Segment    *segments;
	int			nsegments = 0;
	int			i;
	int			total_words = 0;
	int			total_equal = 0;
	int			longest_run = 0;
	bool		has_ellipsis = false;
	bool		has_brackets = false;
	bool		all_clean = true;
	bool		in_order = true;
	int			previous_last = -1;
	StringBuilder diff = {NULL, 0, 0};
	StringBuilder splice_diff = {NULL, 0, 0};
	int		   *segment_words;
	bool	   *segment_brackets;
	int			first_source = -1;
	int			last_source = -1;

	memset(result, 0, sizeof(*result));
	vb_tokenize(quote, len, &qt);

	/*
	 * Split into segments at ellipses; note where brackets stand.  The
	 * segments' words follow each other in one array, so memory is linear
	 * in the quote however many ellipses it has.
	 */
	{
		int			ellipses = 0;

		for (i = 0; i < qt.count; i++)
			ellipses += qt.items[i].kind == VB_TOKEN_ELLIPSIS;
		segments = vb_alloc0(sizeof(Segment) * (ellipses + 2));
	}
	segment_words = vb_alloc(sizeof(int) * (qt.count + 1));
	segment_brackets = vb_alloc0(sizeof(bool) * (qt.count + 1));
	segments[0].words = segment_words;
	segments[0].bracket_before = segment_brackets;
	nsegments = 1;
	{
		bool		pending_bracket = false;

		for (i = 0; i < qt.count; i++)
		{
			Segment    *seg = &segments[nsegments - 1];
			const VbToken *t = &qt.items[i];

			if (t->kind == VB_TOKEN_ELLIPSIS)
			{
				has_ellipsis = true;
				seg->bracket_after = pending_bracket;
				pending_bracket = false;
				if (seg->count > 0)
				{
					Segment    *next = &segments[nsegments++];

					next->words = seg->words + seg->count;
					next->bracket_before = seg->bracket_before + seg->count;
				}
				continue;
			}
			if (t->kind == VB_TOKEN_BRACKET_OPEN || (t->flags & VB_TOKEN_EDITORIAL))
			{
				has_brackets = true;
				pending_bracket = true;
				continue;
			}
			if (t->kind != VB_TOKEN_WORD)
				continue;
			seg->bracket_before[seg->count] = pending_bracket;
			pending_bracket = false;
			seg->words[seg->count++] = i;
			total_words++;
		}
		segments[nsegments - 1].bracket_after = pending_bracket;
	}

	for (i = 0; i < nsegments; i++)
	{
		Segment    *seg = &segments[i];
		VbAlignment *al = &seg->alignment;

		if (seg->count == 0)
		{
			memset(al, 0, sizeof(*al));
			al->first_source = al->last_source = -1;
			continue;
		}
		seg->slots = vb_alloc(sizeof(int) * (seg->count + 1));
		vb_quote_slots(source, &qt, seg->words, seg->count, seg->slots);
		vb_align(source, seg->slots, seg->count, previous_last + 1, al);
		total_equal += al->equal;
		if (al->longest_run > longest_run)
			longest_run = al->longest_run;
		if (!IsClean(seg))
			all_clean = false;
		if (al->first_source >= 0)
		{
			if (al->first_source <= previous_last)
				in_order = false;
			previous_last = al->last_source;
			if (first_source < 0 || al->first_source < first_source)
				first_source = al->first_source;
			if (al->last_source > last_source)
				last_source = al->last_source;
		}
		else
			in_order = false;
	}

	result->coverage = total_words > 0 ? (double) total_equal / total_words : 0.0;
	result->score = result->coverage;

	if (total_words == 0 || source->word_count == 0)
		result->verdict = VB_VERDICT_UNSUPPORTED;
	else if (all_clean && in_order)
	{
		if (has_ellipsis || has_brackets)
			result->verdict = VB_VERDICT_ELIDED;
		else if (IsExact(quote, len, &qt, source,
						 source->tokens.items[source->words[first_source]].start))
			result->verdict = VB_VERDICT_EXACT;
		else
			result->verdict = VB_VERDICT_TYPOGRAPHIC;
	}
	else
	{
		int			covered = 0;
		int			runs = 0;
		bool		distant = false;
		int			run_start = -1;
		int			run_length = 0;

		for (i = 0; i < nsegments; i++)
		{
			int			c;
			int			r;
			bool		d;
			int			ls;
			int			ll;

			if (i > 0)
				AppendString(&splice_diff, splice_diff.length > 0 ? " \xE2\x80\xA6" : "\xE2\x80\xA6");
			CoverRuns(source, quote, &qt, &segments[i], &c, &r, &d, &ls, &ll,
					  &splice_diff);
			covered += c;
			runs += r;
			distant |= d;
			if (ll > run_length)
			{
				run_length = ll;
				run_start = ls;
			}
		}
		if (runs >= 2 && distant && covered >= SPLICE_COVERAGE * total_words)
		{
			result->verdict = VB_VERDICT_SPLICED;
			result->coverage = (double) covered / total_words;
			/* the excerpt is the longest passage drawn on */
			first_source = run_start;
			last_source = run_start + run_length - 1;
		}
		else if (AnchorRun(&qt, segments, nsegments) >= ANCHOR_RUN ||
				 (longest_run >= 3 && result->coverage >= 0.6) ||
				 (total_words <= 4 && longest_run >= 2 && result->coverage >= 0.5))
			result->verdict = VB_VERDICT_ALTERED;
		else
		{
			int			content = 0;
			double		overlap;
			int		   *all = vb_alloc(sizeof(int) * (total_words + 1));
			int		   *all_slots = vb_alloc(sizeof(int) * (total_words + 1));
			int			m = 0;
			int			s;
			int			f;
			int			l;

			for (s = 0; s < nsegments; s++)
			{
				if (segments[s].count == 0)
					continue;
				memcpy(all + m, segments[s].words, sizeof(int) * segments[s].count);
				memcpy(all_slots + m, segments[s].slots, sizeof(int) * segments[s].count);
				m += segments[s].count;
			}
			overlap = BestContentWindow(&qt, all, all_slots, m, source, &content, &f, &l);
			vb_free(all);
			vb_free(all_slots);
			if (overlap >= PARAPHRASE_OVERLAP && content >= 2)
			{
				first_source = f;
				last_source = l;
			}
			result->verdict = (overlap >= PARAPHRASE_OVERLAP && content >= 2) ?
				VB_VERDICT_PARAPHRASED : VB_VERDICT_UNSUPPORTED;
			result->score = overlap * 0.5;
		}
	}

	/*
	 * The diff, segment by segment; a splice shows the runs it joins
	 * instead, with [splice] where one passage ends and another begins.
	 */
	if (result->verdict == VB_VERDICT_SPLICED)
	{
		diff = splice_diff;
		splice_diff.data = NULL;
	}
	else
		for (i = 0; i < nsegments; i++)
		{
			if (i > 0)
				AppendString(&diff, diff.length > 0 ? " \xE2\x80\xA6" : "\xE2\x80\xA6");
			if (segments[i].count > 0)
				RenderAlignment(&diff, source, quote, &qt, &segments[i], &result->flags);
		}
	vb_free(splice_diff.data);
	/* flags name what an alteration changed; other verdicts have none */
	if (result->verdict != VB_VERDICT_ALTERED)
		result->flags = 0;
	result->diff = diff.data ? diff.data : vb_strndup("", 0);

	/*
	 * Words in brackets at either end stand in for source words the
	 * alignment did not take: "[The meters] send" quotes "They send".  The
	 * span takes in as many source words as the brackets hold, within the
	 * sentence.
	 */
	if (result->verdict == VB_VERDICT_ELIDED && first_source >= 0)
	{
		int			leading = 0;
		int			trailing = 0;

		for (i = 0; i < qt.count; i++)
		{
			const VbToken *t = &qt.items[i];

			if (t->kind == VB_TOKEN_ELLIPSIS ||
				(t->kind == VB_TOKEN_WORD && !(t->flags & VB_TOKEN_EDITORIAL)))
				break;
			leading += t->kind == VB_TOKEN_WORD;
		}
		for (i = qt.count - 1; i >= 0; i--)
		{
			const VbToken *t = &qt.items[i];

			if (t->kind == VB_TOKEN_ELLIPSIS ||
				(t->kind == VB_TOKEN_WORD && !(t->flags & VB_TOKEN_EDITORIAL)))
				break;
			trailing += t->kind == VB_TOKEN_WORD;
		}
		while (leading-- > 0 && first_source > 0 &&
			   !SentenceBetween(source, first_source - 1, first_source))
			first_source--;
		while (trailing-- > 0 && last_source + 1 < source->word_count &&
			   !SentenceBetween(source, last_source, last_source + 1))
			last_source++;
	}

	if (result->verdict != VB_VERDICT_UNSUPPORTED && first_source >= 0 && last_source >= first_source)
	{
		size_t		start = source->tokens.items[source->words[first_source]].start;
		size_t		end = source->tokens.items[source->words[last_source]].end;

		if (result->verdict > VB_VERDICT_ELIDED)
			ExtendToSentence(source->text, source->length, &start, &end);
		result->has_span = true;
		result->span_start = start;
		result->span_end = end;
	}

	for (i = 0; i < nsegments; i++)
	{
		vb_alignment_free(&segments[i].alignment);
		vb_free(segments[i].slots);
	}
	vb_free(segments);
	vb_free(segment_words);
	vb_free(segment_brackets);
	vb_tokens_free(&qt);
}

void
vb_check_result_free(VbCheckResult *result)
{
	vb_free(result->diff);
	result->diff = NULL;
}
