/*
 * vb_window.c
 *		Preparing only the passages of a source that a quotation can match.
 *
 * A quotation checked once against a long article need not have the whole
 * article tokenized and indexed.  Its distinctive words (plain ASCII words
 * of four letters or more that are not function words) are searched in the
 * raw text, case-insensitively and at word boundaries, with memchr on
 * their rarest letter; only windows around the hits are prepared.
 *
 * The quote is cut into stretches of a few words, and at its ellipses, and
 * each stretch keeps its own anchors.  A passage that reproduces a
 * stretch holds all of its anchors; a window reaches the quote's length
 * (and a margin) on either side of a hit, so that passage lies inside it.
 * So a faithful verdict found in the windows is the one the whole source
 * gives, and vb_check_windowed keeps only those: a quotation that is not
 * faithful may be nearest to a passage without its anchors.  The core
 * tests and the fuzz_check harness compare the two on generated and
 * random sources: same verdict, span, diff and score.
 */
#include "vb_check.h"

#include <stdlib.h>
#include <string.h>

#include "vb_align.h"
#include "vb_runtime.h"
#include "vb_utf8.h"

/*
 * Below this size the whole source is prepared: the windows would cover
 * much of it, and a quotation that is not faithful needs it all anyway.
 */
#define WINDOWED_MIN_SOURCE 8192
#define MAX_ANCHORS 32
#define ANCHOR_STRETCH 8
#define ANCHORS_PER_STRETCH 2
#define MAX_HITS 512

static const char *const function_words[] = {
	"that", "this", "with", "from", "have", "were", "been", "they", "their",
	"there", "what", "when", "which", "will", "would", "could", "should",
	"about", "into", "than", "then", "them", "these", "those", "also",
	"just", "more", "most", "some", "such", "only", "over", "very", "much",
	"your", "said", "says", NULL
};

/* English letters from the most to the least frequent. */
static const char letter_order[] = "etaoinshrdlcumwfgypbvkjxqz";

typedef struct Anchor
{
	const char *word;			/* folded, lower-case ASCII */
	size_t		length;
	char		rare;			/* its least frequent letter */
	size_t		rare_offset;
	int			stretch;		/* which stretch of the quote it comes from */
	int			first_hit;		/* where its hits start in the list */
	int			hit_count;		/* -1: too many to be of use */
} Anchor;

static int
CompareSlices(const void *a, const void *b)
{
	const VbSlice *x = a;
	const VbSlice *y = b;

	return (x->start > y->start) - (x->start < y->start);
}

/*
 * Anchors come from every stretch of ANCHOR_STRETCH quote words, the two
 * longest eligible words of each, so that every part of the quote (each
 * passage of a splice) has its own.  An ellipsis ends a stretch: each
 * segment of an elision is found on its own, so it needs anchors of its
 * own.  Returns the number of anchors (-1: too many to pay) and sets the
 * number of stretches.
 */
static int
ChooseAnchors(const VbTokens *qt, Anchor *anchors, int *stretches)
{
	int			n = 0;
	int			stretch = 0;
	int			in_stretch_words = 0;
	int			i;

	for (i = 0; i < qt->count; i++)
	{
		const VbToken *t = &qt->items[i];
		const char *w = qt->pool + t->folded;
		size_t		len = t->folded_length;
		size_t		k;
		int			rarest = -1;
		bool		plain = len >= 4;
		int			in_stretch = 0;
		int			shortest = -1;
		int			j;

		if (t->kind == VB_TOKEN_ELLIPSIS && in_stretch_words > 0)
		{
			stretch++;
			in_stretch_words = 0;
		}
		if (t->kind != VB_TOKEN_WORD || (t->flags & VB_TOKEN_EDITORIAL))
			continue;
		if (in_stretch_words == ANCHOR_STRETCH)
		{
			stretch++;
			in_stretch_words = 0;
		}
		in_stretch_words++;
		for (k = 0; k < len && plain; k++)
			plain = w[k] >= 'a' && w[k] <= 'z';
		if (!plain || vb_word_in_list(w, len, function_words))
			continue;
		for (j = 0; j < n; j++)
		{
			if (anchors[j].length == len && memcmp(anchors[j].word, w, len) == 0)
				break;
			if (anchors[j].stretch == stretch)
			{
				in_stretch++;
				if (shortest < 0 || anchors[j].length < anchors[shortest].length)
					shortest = j;
			}
		}
		if (j < n)
			continue;			/* already an anchor */
		if (in_stretch == ANCHORS_PER_STRETCH)
		{
			if (anchors[shortest].length >= len)
				continue;
			j = shortest;		/* a longer word replaces the shortest */
		}
		else if (n == MAX_ANCHORS)
			return -1;			/* too long a quote to pay */
		else
			j = n++;
		anchors[j].word = w;
		anchors[j].length = len;
		anchors[j].stretch = stretch;
		for (k = 0; k < len; k++)
		{
			int			rank = (int) (strchr(letter_order, w[k]) - letter_order);

			if (rank > rarest)
			{
				rarest = rank;
				anchors[j].rare = w[k];
				anchors[j].rare_offset = k;
			}
		}
	}
	*stretches = stretch + (in_stretch_words > 0);
	return n;
}

static bool
WordBoundaryAt(const char *text, size_t len, size_t start, size_t end)
{
	size_t		w;

	return (start == 0 || !vb_is_word_char(vb_utf8_before(text, start))) &&
		(end >= len || !vb_is_word_char(vb_utf8_decode(text, len, end, &w)));
}

static bool
MatchesCaseless(const char *text, size_t at, const Anchor *a)
{
	size_t		k;

	for (k = 0; k < a->length; k++)
		if ((text[at + k] | 0x20) != a->word[k])
			return false;
	return true;
}

/* Append the hits of one anchor; false when there are too many to gain. */
static bool
FindAnchor(const char *text, size_t len, const Anchor *a, size_t *hits, int *nhits)
{
	const char *lower = text;
	const char *upper = text;
	const char *end = text + len;
	char		uc = (char) (a->rare - 32);

	for (;;)
	{
		const char *p;
		size_t		start;

		if (lower != NULL && lower < end)
			lower = memchr(lower, a->rare, end - lower);
		if (upper != NULL && upper < end)
			upper = memchr(upper, uc, end - upper);
		if ((lower == NULL || lower >= end) && (upper == NULL || upper >= end))
			return true;
		if (lower != NULL && lower < end && (upper == NULL || upper >= end || lower < upper))
			p = lower++;
		else
			p = upper++;
		if ((size_t) (p - text) < a->rare_offset)
			continue;
		start = (size_t) (p - text) - a->rare_offset;
		if (start + a->length > len || !MatchesCaseless(text, start, a) ||
			!WordBoundaryAt(text, len, start, start + a->length))
			continue;
		if (*nhits == MAX_HITS)
			return false;
		hits[(*nhits)++] = start;
	}
}

bool
vb_source_prepare_for_quote(const char *text, size_t len, const char *quote,
							size_t quote_len, VbSource *source)
{
	VbTokens	qt;
	Anchor		anchors[MAX_ANCHORS];
	size_t	   *hits;
	VbSlice    *ranges;
	int			nanchors;
	int			nhits = 0;
	int			nranges = 0;
	size_t		reach = quote_len + 64;
	size_t		covered = 0;
	bool		worth = true;
	int			stretches;
	int			i;

	if (len < WINDOWED_MIN_SOURCE)
		return false;
	vb_tokenize(quote, quote_len, &qt);
	nanchors = ChooseAnchors(&qt, anchors, &stretches);
	if (nanchors <= 0)
	{
		vb_tokens_free(&qt);
		return false;
	}
	/*
	 * Each anchor's hits, one search each, kept side by side; then, in
	 * every stretch of the quote, only the anchor found least often makes
	 * windows.  A passage that reproduces that stretch holds all of the
	 * stretch's anchors, and the rarer gives fewer windows.  A stretch with
	 * no anchor found (none eligible, none in the source, or all too
	 * common to help) means preparing everything: the quote cannot be
	 * faithful to passages the windows would hold, or they would miss
	 * some.
	 */
	{
		size_t	   *found = NULL;
		int			used = 0;
		int			stretch;

		for (i = 0; i < nanchors; i++)
		{
			int			count = 0;

			found = vb_grow(found, sizeof(size_t) * (used + MAX_HITS));
			anchors[i].first_hit = used;
			anchors[i].hit_count = FindAnchor(text, len, &anchors[i], found + used, &count) ? count : -1;
			if (count > 0 && anchors[i].hit_count > 0)
				used += count;
		}
		hits = vb_alloc(sizeof(size_t) * (used + 1));
		for (stretch = 0; stretch < stretches && worth; stretch++)
		{
			int			best = -1;

			for (i = 0; i < nanchors; i++)
				if (anchors[i].stretch == stretch && anchors[i].hit_count > 0 &&
					(best < 0 || anchors[i].hit_count < anchors[best].hit_count))
					best = i;
			if (best < 0)
				worth = false;
			else
			{
				memcpy(hits + nhits, found + anchors[best].first_hit,
					   sizeof(size_t) * anchors[best].hit_count);
				nhits += anchors[best].hit_count;
			}
		}
		vb_free(found);
	}
	vb_tokens_free(&qt);
	if (!worth)
	{
		vb_free(hits);
		return false;
	}

	/* windows around the hits, merged, snapped to white space */
	ranges = vb_alloc(sizeof(VbSlice) * (nhits + 1));
	for (i = 0; i < nhits; i++)
	{
		size_t		s = hits[i] > reach ? hits[i] - reach : 0;
		size_t		e = len - hits[i] > reach ? hits[i] + reach : len;

		s = vb_skip_back(text, s, 0, vb_is_space, false);
		while (e < len && (text[e] & 0xC0) == 0x80)
			e++;
		while (e < len && text[e] != ' ' && text[e] != '\n')
			e++;
		ranges[i].start = s;
		ranges[i].end = e;
	}
	qsort(ranges, nhits, sizeof(VbSlice), CompareSlices);
	for (i = 0; i < nhits; i++)
	{
		if (nranges > 0 && ranges[i].start <= ranges[nranges - 1].end)
		{
			if (ranges[i].end > ranges[nranges - 1].end)
				ranges[nranges - 1].end = ranges[i].end;
		}
		else
			ranges[nranges++] = ranges[i];
	}
	for (i = 0; i < nranges; i++)
		covered += ranges[i].end - ranges[i].start;
	vb_free(hits);
	if (covered > len / 2)
	{
		vb_free(ranges);
		return false;
	}
	vb_source_prepare_ranges(text, len, ranges, nranges, source);
	vb_free(ranges);
	return true;
}

bool
vb_check_windowed(const char *text, size_t len, const char *quote,
				  size_t quote_len, VbCheckResult *result)
{
	VbSource	windowed;

	if (!vb_source_prepare_for_quote(text, len, quote, quote_len, &windowed))
		return false;
	vb_check(quote, quote_len, &windowed, result);
	vb_source_free(&windowed);
	if (result->verdict <= VB_VERDICT_ELIDED)
		return true;
	vb_check_result_free(result);
	return false;
}
