/*
 * fuzz_attrib.c
 *		libFuzzer harness: attribution on its own (vb_attrib.h), with the
 *		quote finder and the pattern and name helpers it is built on.
 *
 * vb_attribute is reachable without vb_extract: it takes the spans of
 * vb_find_quotes and a VbQuoteContext per quote, which extraction computes
 * from the text.  Here the contexts (and, for vb_attribute_continuations,
 * the kinds) come from the first four input bytes instead, so combinations
 * that extraction rarely produces for a given text (an embedded quote that
 * ends its sentence, say) are tried too.  The rest of the input is the
 * text.  Kinds stay within what extraction can give: an attributed quote is
 * never a scare quote, and a quotation running over paragraphs is direct.
 *
 * Then every attribution pattern is tried on a window of the text chosen
 * by the same control bytes, and the captured names are cleaned and
 * registered, checking what vb_patterns.h and vb_names.h promise.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "vb_attrib.h"
#include "vb_names.h"
#include "vb_patterns.h"
#include "vb_quotes.h"
#include "vb_runtime.h"

#define CONTROL_BYTES 4

static uint32_t
NextRandom(uint32_t *state)
{
	/* xorshift32; the state is never zero */
	*state ^= *state << 13;
	*state ^= *state >> 17;
	*state ^= *state << 5;
	return *state;
}

/* What vb_quotes.h says of the spans. */
static void
CheckSpans(size_t len, const VbQuoteList *spans)
{
	int			i;

	FUZZ_ASSERT(spans->count >= 0 && spans->count <= spans->capacity,
				"%d spans, capacity %d", spans->count, spans->capacity);
	for (i = 0; i < spans->count; i++)
	{
		const VbQuoteSpan *q = &spans->items[i];

		FUZZ_ASSERT(q->open < q->start && q->start < q->end && q->end <= q->close &&
					q->close <= len,
					"span %d: open %zu, text [%zu, %zu), close %zu, in %zu bytes",
					i, q->open, q->start, q->end, q->close, len);
		FUZZ_ASSERT(i == 0 || spans->items[i - 1].open < q->open,
					"span %d opens at %zu, not after span %d (%zu)", i, q->open,
					i - 1, spans->items[i - 1].open);
		FUZZ_ASSERT(q->paragraph >= 1 &&
					(i == 0 || spans->items[i - 1].paragraph <= q->paragraph),
					"span %d is in paragraph %d", i, q->paragraph);
		FUZZ_ASSERT(q->depth >= 0 && q->depth < VB_MAX_QUOTE_DEPTH,
					"span %d has depth %d", i, q->depth);

		/* "an enclosing quote precedes the quotes nested in it" */
		FUZZ_ASSERT(q->parent >= -1 && q->parent < i,
					"span %d has parent %d", i, q->parent);
		if (q->parent >= 0)
		{
			const VbQuoteSpan *p = &spans->items[q->parent];

			FUZZ_ASSERT(p->start <= q->open && q->close <= p->end,
						"span %d [%zu, %zu) is not inside the text [%zu, %zu) of its parent %d",
						i, q->open, q->close, p->start, p->end, q->parent);
			FUZZ_ASSERT(q->depth == p->depth + 1,
						"span %d has depth %d, its parent %d depth %d", i,
						q->depth, q->parent, p->depth);
		}
		/* "depth: 0 for a quote inside no other" */
		FUZZ_ASSERT((q->depth == 0) == (q->parent < 0),
					"span %d [%zu, %zu) has depth %d and parent %d", i,
					q->start, q->end, q->depth, q->parent);

		FUZZ_ASSERT(q->chain_prev >= -1 && q->chain_prev < i,
					"span %d continues span %d", i, q->chain_prev);
		if (q->chain_prev >= 0)
		{
			const VbQuoteSpan *c = &spans->items[q->chain_prev];

			FUZZ_ASSERT(c->continues && c->paragraph < q->paragraph,
						"span %d continues span %d, which does not continue (paragraphs %d, %d)",
						i, q->chain_prev, c->paragraph, q->paragraph);
		}
	}
}

static void
CheckSlice(VbSlice s, size_t from, size_t to, const char *what, int i)
{
	FUZZ_ASSERT(s.start <= s.end && (s.start == s.end || (s.start >= from && s.end <= to)),
				"%s of %d is [%zu, %zu), outside [%zu, %zu)", what, i, s.start,
				s.end, from, to);
}

static void
CheckQuotes(size_t len, const VbQuoteList *spans, const VbQuote *quotes,
			bool with_kinds)
{
	int			i;

	for (i = 0; i < spans->count; i++)
	{
		const VbQuote *q = &quotes[i];

		FUZZ_ASSERT(q->method >= VB_METHOD_NONE && q->method <= VB_METHOD_COLON,
					"quote %d has method %d", i, (int) q->method);
		CheckSlice(q->mention, 0, len, "mention", i);
		CheckSlice(q->cue, 0, len, "cue", i);
		CheckSlice(q->outlet, 0, len, "outlet", i);
		FUZZ_ASSERT(q->speaker == NULL || q->method != VB_METHOD_NONE,
					"quote %d has speaker \"%s\" but no method", i, q->speaker);
		FUZZ_ASSERT(q->speaker == NULL || q->speaker[0] != '\0',
					"quote %d has an empty speaker", i);
		FUZZ_ASSERT(q->method != VB_METHOD_CONTINUATION || q->speaker != NULL,
					"quote %d continues a speaker but has none", i);
		FUZZ_ASSERT(q->method == VB_METHOD_NONE || q->method == VB_METHOD_CONTINUATION ||
					q->mention.end > q->mention.start,
					"quote %d is attributed (%s) with no mention", i,
					vb_method_name(q->method));
		if (with_kinds)
			FUZZ_ASSERT(q->kind != VB_KIND_SCARE || q->speaker == NULL,
						"scare quote %d has a speaker", i);
	}
}

/* Each pattern on text[from, to), and the names it captures. */
static void
FuzzPatterns(const char *text, size_t len, uint32_t *state)
{
	size_t		from = len > 0 ? NextRandom(state) % (len + 1) : 0;
	size_t		to = len > 0 ? from + NextRandom(state) % (len - from + 1) : 0;
	size_t		at = from < to ? from + NextRandom(state) % (to - from) : from;
	VbPersons	persons;
	int			p;

	vb_persons_init(&persons);
	for (p = 0; p < VB_PAT_COUNT; p++)
	{
		VbPatternMatch m;
		bool		found;

		memset(&m, 0, sizeof(m));
		if (p == VB_PAT_FULL_NAME || p == VB_PAT_WHO_CUE)
		{
			/* anchored: from <= at < to */
			if (from == to)
				continue;
			found = vb_pattern_match_at((VbPattern) p, text, from, to, at, &m);
			FUZZ_ASSERT(!found || m.whole.start == at,
						"pattern %d matched at %zu, asked at %zu", p, m.whole.start, at);
		}
		else
			found = vb_pattern_find((VbPattern) p, text, from, to, &m);
		if (!found)
			continue;
		CheckSlice(m.whole, from, to, "whole match of pattern", p);
		CheckSlice(m.who, from, to, "who of pattern", p);
		CheckSlice(m.cue, from, to, "cue of pattern", p);
		CheckSlice(m.prep, from, to, "prep of pattern", p);
		CheckSlice(m.outlet, from, to, "outlet of pattern", p);
		CheckSlice(m.sep, from, to, "sep of pattern", p);
		if (m.who.end > m.who.start && !vb_is_pronoun(text + m.who.start, m.who.end - m.who.start))
		{
			VbSlice		mention;
			VbSlice		bare;

			if (!vb_clean_name(text, m.who, &mention, &bare))
				continue;
			/* mention and bare narrow the capture, in that order */
			FUZZ_ASSERT(m.who.start <= mention.start && mention.start < mention.end &&
						mention.end <= m.who.end &&
						mention.start <= bare.start && bare.start < bare.end &&
						bare.end <= mention.end,
						"pattern %d: who [%zu, %zu), mention [%zu, %zu), bare [%zu, %zu)",
						p, m.who.start, m.who.end, mention.start, mention.end,
						bare.start, bare.end);
			{
				int			person = vb_persons_resolve(&persons, text, bare.start,
														text + bare.start,
														bare.end - bare.start);
				const VbPerson *pp;

				FUZZ_ASSERT(person >= 0 && person < persons.count,
							"vb_persons_resolve gave %d of %d", person, persons.count);
				pp = &persons.items[person];
				FUZZ_ASSERT(pp->full != NULL && pp->full_len > 0 &&
							pp->full[pp->full_len] == '\0' &&
							pp->surname_offset < pp->full_len,
							"person %d: length %zu, surname at %zu", person,
							pp->full_len, pp->surname_offset);
			}
		}
	}
	vb_persons_free(&persons);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint32_t	state = 0x9E3779B9;
	size_t		len;
	char	   *text;
	const char *error;
	VbQuoteList spans;
	VbQuoteContext *contexts;
	VbQuote    *quotes;
	int			i;

	if (size >= CONTROL_BYTES)
	{
		uint32_t	seed;

		memcpy(&seed, data, sizeof(seed));
		state ^= seed;
		if (state == 0)
			state = 1;
		data += CONTROL_BYTES;
		size -= CONTROL_BYTES;
	}
	len = size;
	text = malloc(len ? len : 1);
	if (len > 0)
		memcpy(text, data, len);
	error = vb_patterns_init();
	FUZZ_ASSERT(error == NULL, "vb_patterns_init failed: %s", error);

	vb_find_quotes(text, len, &spans);
	CheckSpans(len, &spans);

	contexts = malloc(sizeof(VbQuoteContext) * (spans.count + 1));
	quotes = calloc(spans.count + 1, sizeof(VbQuote));
	for (i = 0; i < spans.count; i++)
	{
		uint32_t	r = NextRandom(&state);

		contexts[i].embedded = r & 1;
		contexts[i].followed_by_lower = (r >> 1) & 1;
		contexts[i].ends_sentence = (r >> 2) & 1;
		contexts[i].words = (int) ((r >> 3) & 15);
		quotes[i].start = spans.items[i].start;
		quotes[i].end = spans.items[i].end;
		quotes[i].paragraph = spans.items[i].paragraph;
		quotes[i].depth = spans.items[i].depth;
		quotes[i].method = VB_METHOD_NONE;
	}
	vb_attribute(text, len, &spans, contexts, quotes);
	CheckQuotes(len, &spans, quotes, false);

	for (i = 0; i < spans.count; i++)
	{
		uint32_t	r = NextRandom(&state) % 3;

		if (spans.items[i].continues || spans.items[i].chain_prev >= 0)
			quotes[i].kind = VB_KIND_DIRECT;
		else if (quotes[i].method != VB_METHOD_NONE)
			quotes[i].kind = r == 0 ? VB_KIND_PARTIAL : VB_KIND_DIRECT;
		else
			quotes[i].kind = (VbKind) r;
	}
	vb_attribute_continuations(text, &spans, quotes);
	CheckQuotes(len, &spans, quotes, true);

	FuzzPatterns(text, len, &state);

	for (i = 0; i < spans.count; i++)
		vb_free(quotes[i].speaker);
	free(quotes);
	free(contexts);
	vb_quote_list_free(&spans);
	free(text);
	return 0;
}
