/*
 * fuzz_common.c
 *		Invariant checks shared by the libFuzzer harnesses.
 */
#include "fuzz_common.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vb_align.h"
#include "vb_utf8.h"

void
FuzzFail(const char *fmt,...)
{
	va_list		args;

	fprintf(stderr, "invariant broken: ");
	va_start(args, fmt);
	vfprintf(stderr, fmt, args);
	va_end(args);
	fputc('\n', stderr);
	fflush(stderr);
	abort();
}

bool
FuzzValidUtf8(const char *s, size_t len)
{
	size_t		pos = 0;

	/* vb_utf8_decode is strict: only U+FFFD written as such may be U+FFFD */
	while (pos < len)
	{
		size_t		w;
		uint32_t	c = vb_utf8_decode(s, len, pos, &w);

		if (c == VB_REPLACEMENT_CHAR &&
			!(w == 3 && memcmp(s + pos, "\xEF\xBF\xBD", 3) == 0))
			return false;
		pos += w;
	}
	return true;
}

static bool
HasDigit(const char *text, size_t start, size_t end)
{
	size_t		pos = start;

	while (pos < end)
	{
		size_t		w;

		if (vb_is_digit(vb_utf8_decode(text, end, pos, &w)))
			return true;
		pos += w;
	}
	return false;
}

void
FuzzCheckTokens(const char *text, size_t len, const VbTokens *t, bool whole,
				const char *what)
{
	size_t		previous_end = 0;
	size_t		pool_next = 0;
	bool		in_brackets = false;
	int			i;

	FUZZ_ASSERT(t->count >= 0 && t->count <= t->capacity,
				"%s: %d tokens, capacity %d", what, t->count, t->capacity);
	FUZZ_ASSERT(t->pool_length <= t->pool_capacity,
				"%s: pool length %zu past its capacity %zu", what,
				t->pool_length, t->pool_capacity);
	for (i = 0; i < t->count; i++)
	{
		const VbToken *tok = &t->items[i];

		FUZZ_ASSERT(tok->start < tok->end && tok->end <= len,
					"%s: token %d is [%zu, %zu) in a text of %zu bytes", what,
					i, tok->start, tok->end, len);
		FUZZ_ASSERT(tok->start >= previous_end,
					"%s: token %d starts at %zu, before the previous one ends (%zu)",
					what, i, tok->start, previous_end);
		FUZZ_ASSERT(tok->kind <= VB_TOKEN_BRACKET_CLOSE,
					"%s: token %d has kind %d", what, i, tok->kind);
		FUZZ_ASSERT((tok->flags & ~(VB_TOKEN_CAPITALISED | VB_TOKEN_EDITORIAL |
									VB_TOKEN_NUMERIC)) == 0,
					"%s: token %d has unknown flags 0x%x", what, i, tok->flags);
		/* the pool holds the folded forms back to back, in token order */
		FUZZ_ASSERT(tok->folded == pool_next,
					"%s: token %d's folded form starts at %u, not at %zu", what,
					i, tok->folded, pool_next);
		FUZZ_ASSERT((size_t) tok->folded + tok->folded_length <= t->pool_length,
					"%s: token %d's folded form [%u, +%u) is past the pool (%zu)",
					what, i, tok->folded, tok->folded_length, t->pool_length);
		if (tok->kind == VB_TOKEN_WORD)
		{
			size_t		w;

			FUZZ_ASSERT(tok->hash != 0, "%s: word %d has hash 0", what, i);
			FUZZ_ASSERT(FuzzValidUtf8(t->pool + tok->folded, tok->folded_length),
						"%s: word %d's folded form is not valid UTF-8", what, i);
			FUZZ_ASSERT(!(tok->flags & VB_TOKEN_CAPITALISED) ||
						vb_is_upper(vb_utf8_decode(text, len, tok->start, &w)),
						"%s: word %d is flagged capitalised but does not start upper case",
						what, i);
			FUZZ_ASSERT(!(tok->flags & VB_TOKEN_NUMERIC) ||
						HasDigit(text, tok->start, tok->end),
						"%s: word %d is flagged numeric but has no digit", what, i);
			/* vb_fingerprint.c follows brackets across pieces by this rule */
			FUZZ_ASSERT(!whole || ((tok->flags & VB_TOKEN_EDITORIAL) != 0) == in_brackets,
						"%s: word %d is%s flagged editorial after %s bracket", what, i,
						in_brackets ? " not" : "", in_brackets ? "an opening" : "no opening");
		}
		else
		{
			FUZZ_ASSERT(tok->hash == 0 && tok->folded_length == 0 && tok->flags == 0,
						"%s: non-word token %d has hash %u, folded length %u, flags 0x%x",
						what, i, tok->hash, tok->folded_length, tok->flags);
			if (tok->kind == VB_TOKEN_BRACKET_OPEN || tok->kind == VB_TOKEN_BRACKET_CLOSE)
				FUZZ_ASSERT(tok->end == tok->start + 1 &&
							text[tok->start] == (tok->kind == VB_TOKEN_BRACKET_OPEN ? '[' : ']'),
							"%s: bracket token %d is not one bracket", what, i);
			else
				FUZZ_ASSERT(text[tok->start] == '.' || text[tok->start] == '[' ||
							(tok->end - tok->start >= 3 &&
							 memcmp(text + tok->start, "\xE2\x80\xA6", 3) == 0),
							"%s: ellipsis token %d does not start with a dot, a bracket or U+2026",
							what, i);
		}
		if (tok->kind == VB_TOKEN_BRACKET_OPEN || tok->kind == VB_TOKEN_BRACKET_CLOSE)
			in_brackets = tok->kind == VB_TOKEN_BRACKET_OPEN;
		previous_end = tok->end;
		pool_next = (size_t) tok->folded + tok->folded_length;
	}
	FUZZ_ASSERT(pool_next == t->pool_length,
				"%s: the pool holds %zu bytes, the tokens' folded forms %zu",
				what, t->pool_length, pool_next);
}

bool
FuzzSameTokens(const VbTokens *a, const VbTokens *b)
{
	int			i;

	if (a->count != b->count || a->pool_length != b->pool_length)
		return false;
	if (a->pool_length > 0 && memcmp(a->pool, b->pool, a->pool_length) != 0)
		return false;
	for (i = 0; i < a->count; i++)
	{
		const VbToken *x = &a->items[i];
		const VbToken *y = &b->items[i];

		if (x->start != y->start || x->end != y->end || x->hash != y->hash ||
			x->folded != y->folded || x->folded_length != y->folded_length ||
			x->kind != y->kind || x->flags != y->flags)
			return false;
	}
	return true;
}

void
FuzzCheckSource(const VbSource *source, bool whole, const char *what)
{
	const VbTokens *t = &source->tokens;
	int			nwords = 0;
	int			total = 0;
	uint32_t	s;
	int			i;

	FuzzCheckTokens(source->text, source->length, t, whole, what);
	for (i = 0; i < t->count; i++)
	{
		if (t->items[i].kind != VB_TOKEN_WORD)
			continue;
		FUZZ_ASSERT(nwords < source->word_count && source->words[nwords] == i,
					"%s: words[%d] is not token %d, the next word", what, nwords, i);
		nwords++;
	}
	FUZZ_ASSERT(nwords == source->word_count,
				"%s: %d word tokens, word_count %d", what, nwords, source->word_count);
	if (source->word_count == 0)
		return;

	/* every word sits in the slot of its folded form; chains go forward */
	for (i = 0; i < source->word_count; i++)
	{
		int			slot = source->word_slot[i];
		const VbIndexSlot *sl;

		FUZZ_ASSERT(slot >= 0 && slot < source->slot_count,
					"%s: word %d has slot %d of %d", what, i, slot, source->slot_count);
		sl = &source->slots[slot];
		FUZZ_ASSERT(sl->first >= 0 && sl->first <= i && i <= sl->last,
					"%s: word %d outside its slot's [first %d, last %d]", what,
					i, sl->first, sl->last);
		FUZZ_ASSERT(sl->hash == t->items[source->words[i]].hash &&
					vb_same_word(t, source->words[sl->first], t, source->words[i]),
					"%s: word %d is not the word of its slot", what, i);
		FUZZ_ASSERT(source->next[i] == -1 ||
					(source->next[i] > i && source->next[i] < source->word_count &&
					 source->word_slot[source->next[i]] == slot),
					"%s: word %d's next occurrence is %d", what, i, source->next[i]);
		FUZZ_ASSERT((source->next[i] == -1) == (i == sl->last),
					"%s: word %d ends its chain but its slot's last is %d", what,
					i, sl->last);
	}
	for (s = 0; s < (uint32_t) source->slot_count; s++)
	{
		total += source->slots[s].count;
		/* the table finds every slot */
		FUZZ_ASSERT(vb_source_lookup(source, t, source->words[source->slots[s].first]) == (int) s,
					"%s: the table does not find slot %u", what, s);
	}
	FUZZ_ASSERT(total == source->word_count,
				"%s: the slots count %d words of %d", what, total, source->word_count);
}
