/*
 * vb_quotes.c
 *		Pairing quote marks into quotations.
 *
 * One left-to-right pass with a stack of open marks.  Whether a mark opens
 * or closes is decided from its neighbours, as CommonMark does for
 * emphasis: a mark followed by text and preceded by space or punctuation
 * is "left-flanking" and may open; one preceded by text and followed by
 * space or punctuation is "right-flanking" and may close.  Directional
 * marks (“ ” « » 「 」 ...) add what they mean in the usual styles: English
 * “…”, German „…“ and »…«, Polish „…”, Swedish ”…”, French «…», CJK 「…」.
 *
 * Invariants:
 *	- The pass is linear: every mark is pushed and popped at most once, and
 *	  look-ahead for possessive apostrophes is bounded.
 *	- A paragraph boundary empties the stack.  A quote left open there is
 *	  emitted as a piece that "continues" only if the next paragraph opens
 *	  with a mark of the same family (the convention for a quotation running
 *	  over several paragraphs); otherwise the opening mark was stray.
 *	- An apostrophe between word characters (didn’t, O'Brien) never touches
 *	  the stack, nor does an elision before a digit or a known clipped word.
 */
#include "vb_quotes.h"

#include <stdlib.h>
#include <string.h>

#include "vb_runtime.h"
#include "vb_utf8.h"

typedef enum MarkFamily
{
	MARK_NONE = 0,
	MARK_DOUBLE,
	MARK_SINGLE
} MarkFamily;

typedef struct OpenMark
{
	unsigned int mark;
	size_t		pos;			/* offset of the mark */
	size_t		inner;			/* offset just past it */
	int			paragraph;
	int			chain_prev;
} OpenMark;

/* How far to look for a later closing mark before calling an ’ possessive. */
#define POSSESSIVE_LOOKAHEAD 1024

static MarkFamily
MarkFamilyOf(unsigned int c)
{
	switch (c)
	{
		case '"':
		case 0x201C:			/* “ */
		case 0x201D:			/* ” */
		case 0x201E:			/* „ */
		case 0x201F:			/* ‟ */
		case 0x00AB:			/* « */
		case 0x00BB:			/* » */
		case 0x300C:			/* 「 */
		case 0x300D:			/* 」 */
		case 0x300E:			/* 『 */
		case 0x300F:			/* 』 */
		case 0xFF62:			/* ｢ */
		case 0xFF63:			/* ｣ */
		case 0xFF02:			/* ＂ */
			return MARK_DOUBLE;
		case '\'':
		case 0x2018:			/* ‘ */
		case 0x2019:			/* ’ */
		case 0x201A:			/* ‚ */
		case 0x201B:			/* ‛ */
		case 0x2039:			/* ‹ */
		case 0x203A:			/* › */
			return MARK_SINGLE;
		default:
			return MARK_NONE;
	}
}

bool
vb_is_quote_mark(unsigned int c)
{
	return MarkFamilyOf(c) != MARK_NONE;
}

/* Marks that may open a quotation (when left-flanking). */
static bool
CanOpen(unsigned int c)
{
	switch (c)
	{
		case '"':
		case '\'':
		case 0xFF02:
		case 0x201C:
		case 0x201D:			/* Swedish ”…” */
		case 0x201E:
		case 0x201F:
		case 0x00AB:
		case 0x00BB:			/* German »…« */
		case 0x300C:
		case 0x300E:
		case 0xFF62:
		case 0x2018:
		case 0x201A:
		case 0x201B:
		case 0x2039:
		case 0x203A:
			return true;
		default:
			return false;
	}
}

/*
 * Does mark close a quotation opened by opener?  Sloppy typesetting that
 * uses the opening form on both ends (“…“) is accepted only where the second
 * mark cannot be read as an opening one.
 */
static bool
Closes(unsigned int opener, unsigned int mark, bool left_flank)
{
	switch (opener)
	{
		case '"':
		case '\'':
		case 0xFF02:
			return mark == opener;
		case 0x201C:
			return mark == 0x201D || (mark == 0x201C && !left_flank);
		case 0x201F:
		case 0x201D:
			return mark == 0x201D;
		case 0x201E:
			return mark == 0x201C || mark == 0x201D;
		case 0x00AB:
			return mark == 0x00BB;
		case 0x00BB:
			return mark == 0x00AB;
		case 0x300C:
			return mark == 0x300D;
		case 0x300E:
			return mark == 0x300F;
		case 0xFF62:
			return mark == 0xFF63;
		case 0x2018:
		case 0x201B:
			return mark == 0x2019 || (mark == 0x2018 && !left_flank);
		case 0x201A:
			return mark == 0x2018 || mark == 0x2019;
		case 0x2039:
			return mark == 0x203A;
		case 0x203A:
			return mark == 0x2039;
		default:
			return false;
	}
}

static bool
IsGuillemet(unsigned int c)
{
	return c == 0x00AB || c == 0x00BB || c == 0x2039 || c == 0x203A;
}

static bool
IsCornerBracket(unsigned int c)
{
	return (c >= 0x300C && c <= 0x300F) || c == 0xFF62 || c == 0xFF63;
}

static bool
IsInnerSpace(uint32_t c)
{
	return c == ' ' || c == 0xA0 || c == 0x202F || c == 0x2009;
}

/* The character after a guillemet and the (no-break) space inside it. */
static uint32_t
NextAfterInnerSpace(const char *text, size_t len, size_t pos)
{
	size_t		w;
	uint32_t	c;

	if (pos >= len)
		return 0;
	c = vb_utf8_decode(text, len, pos, &w);
	if (IsInnerSpace(c) && pos + w < len)
	{
		uint32_t	after = vb_utf8_decode(text, len, pos + w, &w);

		if (!vb_is_space(after))
			return after;
	}
	return c;
}

/* The character before a guillemet and the (no-break) space inside it. */
static uint32_t
PrevBeforeInnerSpace(const char *text, size_t pos, uint32_t prev)
{
	if (IsInnerSpace(prev) && pos > 0)
	{
		uint32_t	before = vb_utf8_before(text, vb_utf8_prev(text, pos));

		if (before != 0 && !vb_is_space(before))
			return before;
	}
	return prev;
}

static bool
IsApostropheLike(unsigned int c)
{
	return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x201B;
}

static bool
IsOpeningPunct(uint32_t c)
{
	return c == '(' || c == '[' || c == '{' || c == '<' || c == '/' ||
		c == ':' || c == ';' || c == ',' || vb_is_dash(c) ||
		vb_is_quote_mark(c) || c == 0x2026;
}

/* Words commonly clipped with a leading apostrophe: ’em, ’til, ’n’ ... */
static bool
IsClippedWord(const char *text, size_t len, size_t pos)
{
	static const char *const clipped[] = {
		"em", "til", "tis", "twas", "cause", "bout", "round", "n", "nuff",
		"cos", "ere", "allo", NULL
	};
	int			i;

	for (i = 0; clipped[i] != NULL; i++)
	{
		size_t		n = strlen(clipped[i]);
		size_t		width;

		if (pos + n > len || strncmp(text + pos, clipped[i], n) != 0)
			continue;
		if (pos + n == len ||
			!vb_is_word_char(vb_utf8_decode(text, len, pos + n, &width)))
			return true;
	}
	return false;
}

/*
 * A single closing mark after an s ("the players’ union") may be a
 * possessive.  It is one when the text goes on in lower case and the same
 * mark closes more plausibly later in the paragraph, after punctuation.
 */
static bool
LooksPossessive(const char *text, size_t len, size_t pos, size_t width,
				unsigned int mark, uint32_t prev)
{
	size_t		i = pos + width;
	size_t		limit = len - i > POSSESSIVE_LOOKAHEAD ? i + POSSESSIVE_LOOKAHEAD : len;
	size_t		w;
	uint32_t	c;

	if (prev != 's' && prev != 'S' && prev != 'z')
		return false;
	while (i < limit)
	{
		c = vb_utf8_decode(text, len, i, &w);
		if (!vb_is_space(c) || vb_is_linebreak(c))
			break;
		i += w;
	}
	if (i >= limit || !vb_is_lower(vb_utf8_decode(text, len, i, &w)))
		return false;
	while (i < limit)
	{
		c = vb_utf8_decode(text, len, i, &w);
		if (vb_is_linebreak(c))
			return false;
		if (c == mark && i > 0)
		{
			uint32_t	before = vb_utf8_before(text, i);

			if (before == ',' || before == '.' || before == '!' ||
				before == '?' || before == 0x2026)
				return true;
		}
		i += w;
	}
	return false;
}

/* Marks around nothing but marks and punctuation quote nothing. */
static bool
HasWordCharacter(const char *text, size_t start, size_t end)
{
	size_t		pos = start;

	while (pos < end)
	{
		size_t		w;

		if (vb_is_word_char(vb_utf8_decode(text, end, pos, &w)))
			return true;
		pos += w;
	}
	return false;
}

static void
AppendQuote(VbQuoteList *out, const char *text, const OpenMark *om,
			size_t end, size_t close, bool continues)
{
	VbQuoteSpan *q;
	size_t		start = om->inner;

	/* trim white space inside the marks (« Bonjour ») */
	start = vb_skip(text, start, end, vb_is_space, true);
	end = vb_skip_back(text, end, start, vb_is_space, true);
	if (start >= end || !HasWordCharacter(text, start, end))
		return;

	if (out->count == out->capacity)
	{
		out->capacity = out->capacity ? out->capacity * 2 : 16;
		out->items = vb_grow(out->items, sizeof(VbQuoteSpan) * out->capacity);
	}
	q = &out->items[out->count++];
	q->open = om->pos;
	q->start = start;
	q->end = end;
	q->close = close;
	q->paragraph = om->paragraph;
	q->parent = -1;
	q->chain_prev = om->chain_prev;
	q->continues = continues;
}

/*
 * Text hard-wrapped at a fixed width (wire copy, e-mail) breaks lines inside
 * paragraphs; there a single line break is a space and only a blank line
 * ends a paragraph.  Web bodies put one paragraph on each line.  Wrapped
 * text has no long lines, most lines near the width, and most lines ending
 * mid-sentence; a body of one short paragraph per line ends its lines with
 * a full stop or a closing mark.
 */
static bool
IsHardWrapped(const char *text, size_t len)
{
	size_t		pos = 0;
	int			lines = 0;
	int			wrapped_width = 0;
	int			sentence_ends = 0;

	while (pos < len)
	{
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t		line_end = nl ? (size_t) (nl - text) : len;
		size_t		end = line_end;
		size_t		chars;

		while (end > pos && (text[end - 1] == ' ' || text[end - 1] == '\r' ||
							 text[end - 1] == '\t'))
			end--;
		chars = vb_utf8_count(text + pos, end - pos);
		if (chars > 0)
		{
			uint32_t	last = vb_utf8_before(text, end);

			if (chars > 120)
				return false;
			lines++;
			if (chars >= 50)
				wrapped_width++;
			if (last == '.' || last == '!' || last == '?' || last == ':' ||
				(vb_is_quote_mark(last) && last != '\''))
				sentence_ends++;
		}
		pos = line_end + 1;
	}
	return lines >= 4 && wrapped_width * 10 >= lines * 6 && sentence_ends * 2 < lines;
}

/* Order by opening position: enclosing quotes before nested ones. */
static int
CompareSpans(const void *a, const void *b)
{
	const VbQuoteSpan *x = a;
	const VbQuoteSpan *y = b;

	if (x->open != y->open)
		return x->open < y->open ? -1 : 1;
	return 0;
}

/*
 * Sorting moves pieces, so chain links (recorded as emission indexes) are
 * remapped, and parents are found with a stack of open spans.  Depth is
 * counted here, among the quotes emitted, not from the stack of marks: a
 * stray opening mark that never closed encloses nothing.
 */
static void
SortAndLink(VbQuoteList *out)
{
	int			n = out->count;
	int		   *new_index;
	int		   *enclosing;
	int			depth = 0;
	int			i;

	if (n == 0)
		return;
	/* stash emission order in parent to remap chain links after sorting */
	for (i = 0; i < n; i++)
		out->items[i].parent = i;
	qsort(out->items, n, sizeof(VbQuoteSpan), CompareSpans);
	new_index = vb_alloc(sizeof(int) * n);
	for (i = 0; i < n; i++)
		new_index[out->items[i].parent] = i;
	for (i = 0; i < n; i++)
		if (out->items[i].chain_prev >= 0)
			out->items[i].chain_prev = new_index[out->items[i].chain_prev];
	vb_free(new_index);

	enclosing = vb_alloc(sizeof(int) * n);
	for (i = 0; i < n; i++)
	{
		VbQuoteSpan *q = &out->items[i];

		while (depth > 0 && out->items[enclosing[depth - 1]].close <= q->open)
			depth--;
		q->parent = depth > 0 ? enclosing[depth - 1] : -1;
		q->depth = depth;
		enclosing[depth++] = i;
	}
	vb_free(enclosing);
}

void
vb_find_quotes(const char *text, size_t len, VbQuoteList *out)
{
	OpenMark	stack[VB_MAX_QUOTE_DEPTH];
	int			top = 0;
	int			paragraph = 1;
	int			pending_chain = -1;
	bool		hard_wrapped = IsHardWrapped(text, len);
	size_t		pos = 0;
	size_t		para_text_end = 0;	/* end of the last non-space character */
	unsigned long iterations = 0;
	uint32_t	prev = 0;

	out->items = NULL;
	out->count = 0;
	out->capacity = 0;

	while (pos < len)
	{
		size_t		width;
		uint32_t	c;
		MarkFamily	family;
		unsigned char byte = (unsigned char) text[pos];

		if ((++iterations & (VB_INTERRUPT_STRIDE - 1)) == 0)
			vb_check_interrupts();

		/* most bytes are ASCII that is neither a mark nor a line break */
		if (byte < 0x80 && byte != '"' && byte != '\'' && byte >= 0x20)
		{
			if (byte != ' ')
				para_text_end = pos + 1;
			prev = byte;
			pos++;
			continue;
		}
		c = vb_utf8_decode(text, len, pos, &width);

		if (vb_is_linebreak(c))
		{
			/* take the whole run of white space containing line breaks */
			size_t		run_end = pos;
			int			breaks = 0;
			uint32_t	last = 0;
			uint32_t	next = 0;

			while (run_end < len)
			{
				size_t		w;
				uint32_t	d = vb_utf8_decode(text, len, run_end, &w);

				if (!vb_is_space(d))
				{
					next = d;
					break;
				}
				if (vb_is_linebreak(d) && !(d == '\n' && last == '\r'))
					breaks++;
				last = d;
				run_end += w;
			}
			if (!(hard_wrapped && breaks < 2) && run_end < len)
			{
				paragraph++;
				if (top > 0)
				{
					if (MarkFamilyOf(next) == MarkFamilyOf(stack[0].mark) &&
						CanOpen(next))
					{
						int			index = out->count;

						AppendQuote(out, text, &stack[0], para_text_end,
									para_text_end, true);
						pending_chain = out->count > index ? index : -1;
					}
					top = 0;
				}
			}
			else if (run_end >= len)
				top = 0;
			prev = ' ';
			pos = run_end;
			continue;
		}

		family = MarkFamilyOf(c);
		if (family != MARK_NONE)
		{
			size_t		next_pos = pos + width;
			size_t		w;
			uint32_t	next = next_pos < len ?
				vb_utf8_decode(text, len, next_pos, &w) : 0;
			bool		left;
			bool		right;
			bool		handled = false;

			if (IsGuillemet(c))
			{
				/* French typography puts a space inside: « mot » */
				if (c == 0x00AB || c == 0x2039)
					next = NextAfterInnerSpace(text, len, next_pos);
				else
					prev = PrevBeforeInnerSpace(text, pos, prev);
			}
			left = next != 0 && !vb_is_space(next) &&
				(prev == 0 || vb_is_space(prev) || IsOpeningPunct(prev));
			right = prev != 0 && !vb_is_space(prev) &&
				(next == 0 || vb_is_space(next) || !vb_is_word_char(next));
			if (IsCornerBracket(c))
			{
				/* CJK brackets say which end they are; no spaces around */
				left = c == 0x300C || c == 0x300E || c == 0xFF62;
				right = !left;
			}

			if (IsApostropheLike(c) &&
				((vb_is_word_char(prev) && vb_is_word_char(next)) ||
				 (left && !right && (vb_is_digit(next) ||
									 IsClippedWord(text, len, next_pos)))))
			{
				/* didn’t, O’Brien, ’90s, rock ’n’ roll */
				handled = true;
			}
			else if (top > 0 && (right || !left))
			{
				int			depth;
				int			found = -1;

				/*
				 * A double mark may close an outer quotation, abandoning
				 * stray marks opened inside it; a single mark closes only
				 * the innermost one.
				 */
				for (depth = top - 1; depth >= 0; depth--)
				{
					if (Closes(stack[depth].mark, c, left))
					{
						found = depth;
						break;
					}
					if (family == MARK_SINGLE)
						break;
				}
				if (found >= 0 && c != '"' && IsApostropheLike(c) &&
					LooksPossessive(text, len, pos, width, c, prev))
				{
					handled = true;
				}
				else if (found >= 0)
				{
					AppendQuote(out, text, &stack[found], pos,
								pos + width, false);
					top = found;
					handled = true;
				}
			}
			if (!handled && left && CanOpen(c) && top < VB_MAX_QUOTE_DEPTH &&
				!(right && (c == 0x201D || c == 0x00BB || c == 0x203A)))
			{
				stack[top].mark = c;
				stack[top].pos = pos;
				stack[top].inner = pos + width;
				stack[top].paragraph = paragraph;
				stack[top].chain_prev = pending_chain;
				top++;
			}
			pending_chain = -1;
		}
		if (!vb_is_space(c))
			para_text_end = pos + width;
		prev = c;
		pos += width;
	}
	SortAndLink(out);
}

void
vb_quote_list_free(VbQuoteList *list)
{
	vb_free(list->items);
	list->items = NULL;
	list->count = list->capacity = 0;
}
