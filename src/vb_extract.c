/*
 * vb_extract.c
 *		Extraction: quotations, their kind, and who said them.
 *
 * The kind of a quotation follows from its place in the sentence and from
 * its attribution:
 *	- scare: no speaker, at most SCARE_MAX_WORDS words, and the writer's
 *	  sentence runs through it (its “baddie” list);
 *	- partial: inside the writer's sentence otherwise (called the plan “a
 *	  leak dressed up as a reform”);
 *	- direct: everything that stands as the speaker's own sentence.
 */
#include "vb_extract.h"

#include <string.h>

#include "vb_attrib.h"
#include "vb_quotes.h"
#include "vb_runtime.h"
#include "vb_utf8.h"

#define SCARE_MAX_WORDS 4

const char *
vb_kind_name(VbKind kind)
{
	switch (kind)
	{
		case VB_KIND_DIRECT:
			return "direct";
		case VB_KIND_PARTIAL:
			return "partial";
		case VB_KIND_SCARE:
			return "scare";
	}
	return "direct";
}

const char *
vb_method_name(VbMethod method)
{
	switch (method)
	{
		case VB_METHOD_NONE:
			return "none";
		case VB_METHOD_NAMED:
			return "named";
		case VB_METHOD_PRONOUN:
			return "pronoun";
		case VB_METHOD_CONTINUATION:
			return "continuation";
		case VB_METHOD_ACCORDING_TO:
			return "according_to";
		case VB_METHOD_COLON:
			return "colon";
	}
	return "none";
}

static int
CountWords(const char *text, size_t start, size_t end)
{
	int			words = 0;
	bool		in_word = false;
	size_t		pos = start;

	while (pos < end)
	{
		size_t		w;
		uint32_t	c = vb_utf8_decode(text, end, pos, &w);
		bool		word_char = vb_is_word_char(c) ||
			(in_word && (c == '\'' || c == 0x2019 || c == '-'));

		/* scripts written without spaces: each character counts */
		if (vb_is_unspaced_script(c))
		{
			words++;
			word_char = false;
		}
		else if (word_char && !in_word)
			words++;
		in_word = word_char;
		pos += w;
	}
	return words;
}

/*
 * Embedded: the character before the opening mark continues the writer's
 * sentence (a word, or an opening parenthesis).  After a colon, a comma, a
 * dash or a full stop, or at the start of a paragraph, the quotation
 * stands on its own.
 */
static VbQuoteContext
ContextOf(const char *text, size_t len, const VbQuoteSpan *q)
{
	VbQuoteContext ctx;
	size_t		pos = vb_skip_back(text, q->open, 0, vb_is_horizontal_space, true);
	uint32_t	before = vb_utf8_before(text, pos);	/* 0 at the start */
	uint32_t	last;
	size_t		w;

	/* French elision also runs into the quote: l’« open data » */
	ctx.embedded = before != 0 && !vb_is_linebreak(before) &&
		(vb_is_word_char(before) || before == '(' || before == '[' ||
		 before == '\'' || before == 0x2019);

	pos = q->close;
	while (pos < len)
	{
		uint32_t	c = vb_utf8_decode(text, len, pos, &w);

		if (!vb_is_space(c) || vb_is_linebreak(c))
			break;
		pos += w;
	}
	ctx.followed_by_lower = pos > q->close && pos < len &&
		vb_is_lower(vb_utf8_decode(text, len, pos, &w));

	last = vb_utf8_before(text, q->end);
	ctx.ends_sentence = last == '.' && q->end >= 2 && text[q->end - 2] != '.';
	ctx.words = CountWords(text, q->start, q->end);
	return ctx;
}

static VbKind
KindOf(const VbQuoteContext *ctx, const VbQuote *q)
{
	bool		attributed = q->method != VB_METHOD_NONE;

	if (!attributed && ctx->words <= SCARE_MAX_WORDS &&
		(ctx->embedded || ctx->followed_by_lower))
		return VB_KIND_SCARE;
	if (ctx->embedded)
		return VB_KIND_PARTIAL;
	return VB_KIND_DIRECT;
}

/*
 * Character offsets, in one forward pass over the starts (which are
 * sorted) plus each quote's own length.
 */
static void
ComputeCharacterOffsets(const char *text, VbExtraction *out)
{
	size_t		byte_pos = 0;
	size_t		char_pos = 0;
	int			i;

	for (i = 0; i < out->count; i++)
	{
		VbQuote    *q = &out->quotes[i];

		char_pos += vb_utf8_count(text + byte_pos, q->start - byte_pos);
		byte_pos = q->start;
		q->char_start = char_pos;
		q->char_length = vb_utf8_count(text + q->start, q->end - q->start);
	}
}

const char *
vb_extract(const char *text, size_t len, VbExtraction *out)
{
	const char *error = vb_patterns_init();
	VbQuoteList spans;
	VbQuoteContext *contexts;
	int			i;

	out->quotes = NULL;
	out->count = 0;
	if (error != NULL)
		return error;

	vb_find_quotes(text, len, &spans);
	if (spans.count == 0)
	{
		vb_quote_list_free(&spans);
		return NULL;
	}
	out->quotes = vb_alloc0(sizeof(VbQuote) * spans.count);
	out->count = spans.count;
	contexts = vb_alloc(sizeof(VbQuoteContext) * spans.count);
	for (i = 0; i < spans.count; i++)
	{
		VbQuote    *q = &out->quotes[i];

		q->start = spans.items[i].start;
		q->end = spans.items[i].end;
		q->paragraph = spans.items[i].paragraph;
		q->depth = spans.items[i].depth;
		q->method = VB_METHOD_NONE;
		contexts[i] = ContextOf(text, len, &spans.items[i]);
	}

	vb_attribute(text, len, &spans, contexts, out->quotes);
	for (i = 0; i < spans.count; i++)
	{
		out->quotes[i].kind = KindOf(&contexts[i], &out->quotes[i]);
		/* a quotation re-opened over paragraphs is speech, not a term */
		if (spans.items[i].continues || spans.items[i].chain_prev >= 0)
			out->quotes[i].kind = VB_KIND_DIRECT;
	}
	vb_attribute_continuations(text, &spans, out->quotes);

	ComputeCharacterOffsets(text, out);
	vb_free(contexts);
	vb_quote_list_free(&spans);
	return NULL;
}

void
vb_extraction_free(VbExtraction *extraction)
{
	int			i;

	for (i = 0; i < extraction->count; i++)
		vb_free(extraction->quotes[i].speaker);
	vb_free(extraction->quotes);
	extraction->quotes = NULL;
	extraction->count = 0;
}
