/*
 * vb_normalize.c
 *		Words of a text in normalised form.
 *
 * Invariants:
 *	- Tokens are in text order and do not overlap; start < end <= len.
 *	- A word's folded form is the concatenation of the folded forms of its
 *	  letters, with combining marks in canonical order, so two spellings
 *	  that NFKC and case folding make equal fold to the same bytes.
 *	- The scan is linear and checks for interrupts.
 */
#include "vb_normalize.h"

#include "vb_runtime.h"
#include "vb_unicode_tables.h"
#include "vb_utf8.h"

#define PRESIZE_LIMIT (4 * 1024 * 1024)

/* Hangul syllables decompose by arithmetic, not by table. */
#define HANGUL_BASE 0xAC00
#define HANGUL_COUNT 11172
#define HANGUL_L_BASE 0x1100
#define HANGUL_V_BASE 0x1161
#define HANGUL_T_BASE 0x11A7
#define HANGUL_V_COUNT 21
#define HANGUL_T_COUNT 28

int
vb_fold_codepoint(uint32_t c, uint32_t *out)
{
	int			lo = 0;
	int			hi = (int) (sizeof(vb_fold_table) / sizeof(vb_fold_table[0])) - 1;

	if (c >= HANGUL_BASE && c < HANGUL_BASE + HANGUL_COUNT)
	{
		uint32_t	s = c - HANGUL_BASE;
		uint32_t	t = s % HANGUL_T_COUNT;

		out[0] = HANGUL_L_BASE + s / (HANGUL_V_COUNT * HANGUL_T_COUNT);
		out[1] = HANGUL_V_BASE + (s % (HANGUL_V_COUNT * HANGUL_T_COUNT)) / HANGUL_T_COUNT;
		if (t == 0)
			return 2;
		out[2] = HANGUL_T_BASE + t;
		return 3;
	}
	if (c < 0x80)
	{
		out[0] = (c >= 'A' && c <= 'Z') ? c + 32 : c;
		return 1;
	}
	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;

		if (vb_fold_table[mid].codepoint < c)
			lo = mid + 1;
		else if (vb_fold_table[mid].codepoint > c)
			hi = mid - 1;
		else
		{
			int			i;

			for (i = 0; i < vb_fold_table[mid].length; i++)
				out[i] = vb_fold_pool[vb_fold_table[mid].offset + i];
			return vb_fold_table[mid].length;
		}
	}
	out[0] = c;
	return 1;
}

static int
CombiningClass(uint32_t c)
{
	int			lo = 0;
	int			hi = (int) (sizeof(vb_combining_table) / sizeof(vb_combining_table[0])) - 1;

	if (c < 0x300)
		return 0;
	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;

		if (vb_combining_table[mid].last < c)
			lo = mid + 1;
		else if (vb_combining_table[mid].first > c)
			hi = mid - 1;
		else
			return vb_combining_table[mid].class;
	}
	return 0;
}

static bool
IsCombiningMark(uint32_t c)
{
	return CombiningClass(c) != 0 || (c >= 0x300 && c <= 0x36F) ||
		(c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
		(c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F);
}

static bool
IsApostrophe(uint32_t c)
{
	return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC ||
		c == 0x2032 || c == 0xFF07;
}

static bool
IsWordPart(uint32_t c)
{
	return vb_is_word_char(c) || IsCombiningMark(c);
}

typedef struct Builder
{
	VbTokens   *out;
	uint32_t	word[64];		/* folded code points awaiting ordering */
	int			word_length;
	size_t		word_start;
	size_t		word_end;
	uint8_t		word_flags;
	bool		in_word;
	bool		in_brackets;
	bool		abbreviation;	/* dots were dropped inside the word */
	bool		has_marks;		/* the buffer may need canonical ordering */
	const char *text;
	size_t		text_length;
} Builder;

static void
PoolReserve(VbTokens *t, size_t extra)
{
	if (t->pool_length + extra > t->pool_capacity)
	{
		t->pool_capacity = (t->pool_capacity + extra) * 2;
		t->pool = vb_grow(t->pool, t->pool_capacity);
	}
}

static size_t
EncodeUtf8(uint32_t c, char *out)
{
	if (c < 0x80)
	{
		out[0] = (char) c;
		return 1;
	}
	if (c < 0x800)
	{
		out[0] = (char) (0xC0 | (c >> 6));
		out[1] = (char) (0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000)
	{
		out[0] = (char) (0xE0 | (c >> 12));
		out[1] = (char) (0x80 | ((c >> 6) & 0x3F));
		out[2] = (char) (0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char) (0xF0 | (c >> 18));
	out[1] = (char) (0x80 | ((c >> 12) & 0x3F));
	out[2] = (char) (0x80 | ((c >> 6) & 0x3F));
	out[3] = (char) (0x80 | (c & 0x3F));
	return 4;
}

/*
 * Canonical ordering: a stable sort of each run of combining marks by
 * class, so "e + acute + dot below" and "e + dot below + acute" agree.
 */
static void
FlushFolded(Builder *b)
{
	VbTokens   *t = b->out;
	int			i;

	for (i = 1; b->has_marks && i < b->word_length; i++)
	{
		int			j = i;
		int			cc = CombiningClass(b->word[i]);

		while (cc != 0 && j > 0 && CombiningClass(b->word[j - 1]) > cc)
		{
			uint32_t	tmp = b->word[j];

			b->word[j] = b->word[j - 1];
			b->word[j - 1] = tmp;
			j--;
		}
	}
	PoolReserve(t, (size_t) b->word_length * 4);
	for (i = 0; i < b->word_length; i++)
	{
		if (b->word[i] < 0x80)
			t->pool[t->pool_length++] = (char) b->word[i];
		else
			t->pool_length += EncodeUtf8(b->word[i], t->pool + t->pool_length);
	}
	b->word_length = 0;
	b->has_marks = false;
}

static VbToken *
AddToken(VbTokens *t, VbTokenKind kind, size_t start, size_t end)
{
	VbToken    *tok;

	if (t->count == t->capacity)
	{
		t->capacity = t->capacity ? t->capacity * 2 : 64;
		t->items = vb_grow(t->items, sizeof(VbToken) * t->capacity);
	}
	tok = &t->items[t->count++];
	tok->start = start;
	tok->end = end;
	tok->hash = 0;
	tok->folded = (uint32_t) t->pool_length;
	tok->folded_length = 0;
	tok->kind = (uint8_t) kind;
	tok->flags = 0;
	return tok;
}

static void
BeginWord(Builder *b, size_t start)
{
	b->in_word = true;
	b->word_start = start;
	b->word_flags = b->in_brackets ? VB_TOKEN_EDITORIAL : 0;
	b->word_length = 0;
	/* the word's folded form starts here in the pool */
	AddToken(b->out, VB_TOKEN_WORD, start, start);
}

static void
AppendFolded(Builder *b, uint32_t c)
{
	uint32_t	folded[VB_FOLD_MAX];
	int			n = vb_fold_codepoint(c, folded);
	int			i;

	if (b->word_length + n > (int) (sizeof(b->word) / sizeof(b->word[0])))
		FlushFolded(b);
	for (i = 0; i < n; i++)
	{
		if (folded[i] >= 0x300)
			b->has_marks = true;
		b->word[b->word_length++] = folded[i];
	}
}

/* Length in bytes of an ellipsis starting at pos: … ... . . . (or 0). */
static size_t
EllipsisAt(const char *text, size_t len, size_t pos)
{
	size_t		w;
	uint32_t	c = vb_utf8_decode(text, len, pos, &w);
	size_t		end;
	int			dots = 0;

	if (c == 0x2026)
		return w;
	if (c != '.')
		return 0;
	end = pos;
	while (end < len && dots < 3)
	{
		if (text[end] == '.')
		{
			dots++;
			end++;
			/* ". . ." allows one space between the dots */
			if (dots < 3 && end + 1 < len && text[end] == ' ' && text[end + 1] == '.')
				end++;
		}
		else
			break;
	}
	if (dots < 3)
		return 0;
	while (end < len && text[end] == '.')
		end++;
	return end - pos;
}

static void
EndWord(Builder *b)
{
	VbTokens   *t = b->out;
	VbToken    *tok;
	uint32_t	hash;
	size_t		i;

	if (!b->in_word)
		return;
	tok = &t->items[t->count - 1];
	if (b->word_length > 0)
		FlushFolded(b);
	/*
	 * An abbreviation keeps its final dot as written ("U.S."), unless that
	 * dot begins an ellipsis which it would break: "U.S..." is "U.S" and an
	 * ellipsis, "U.S...." and "U.S. . . ." are "U.S." and an ellipsis.
	 */
	if (b->abbreviation && b->word_end < b->text_length && b->text[b->word_end] == '.')
	{
		size_t		after = b->word_end + 1;

		if (after < b->text_length && b->text[after] == ' ')
			after++;
		if (EllipsisAt(b->text, b->text_length, b->word_end) == 0 ||
			(after < b->text_length &&
			 EllipsisAt(b->text, b->text_length, after) > 0))
			b->word_end++;
	}
	b->abbreviation = false;
	tok->end = b->word_end;
	tok->folded_length = (uint32_t) (t->pool_length - tok->folded);
	tok->flags = b->word_flags;
	/*
	 * Eight bytes at a time, multiply and fold (the words are short and
	 * the index verifies every match); zero is kept for "not a word".  Zero
	 * bytes written past the word (not counted in the pool) make its last
	 * chunk a whole eight-byte load.
	 */
	{
		const char *p;
		uint64_t	h = 0x9E3779B97F4A7C15ULL ^ tok->folded_length;

		PoolReserve(t, 8);
		memset(t->pool + t->pool_length, 0, 8);
		p = t->pool + tok->folded;
		for (i = 0; i < tok->folded_length; i += 8)
		{
			uint64_t	chunk;

			memcpy(&chunk, p + i, 8);
			h = (h ^ chunk) * 0xFF51AFD7ED558CCDULL;
			h ^= h >> 32;
		}
		hash = (uint32_t) (h ^ (h >> 29));
	}
	tok->hash = hash ? hash : 1;
	b->in_word = false;
}

void
vb_tokenize(const char *text, size_t len, VbTokens *out)
{
	Builder		b;
	size_t		pos = 0;
	unsigned long iterations = 0;

	out->items = NULL;
	out->count = out->capacity = 0;
	out->pool = NULL;
	out->pool_length = out->pool_capacity = 0;
	memset(&b, 0, sizeof(b));
	b.out = out;
	b.text = text;
	b.text_length = len;

	/*
	 * Room for the usual text, a word in six bytes, without regrowing; past
	 * a few megabytes the arrays grow as needed instead, so that a long
	 * text with few words does not reserve memory it never uses.
	 */
	if (len > 0)
	{
		size_t		presize = len < PRESIZE_LIMIT ? len : PRESIZE_LIMIT;

		out->capacity = (int) (presize / 6 + 16);
		out->items = vb_alloc(sizeof(VbToken) * out->capacity);
		out->pool_capacity = presize + 64;
		out->pool = vb_alloc(out->pool_capacity);
	}

	while (pos < len)
	{
		size_t		w = 1;
		uint32_t	c = (unsigned char) text[pos];
		size_t		ellipsis;

		if ((++iterations & (VB_INTERRUPT_STRIDE - 1)) == 0)
			vb_check_interrupts();
		if (c >= 0x80)
			c = vb_utf8_decode(text, len, pos, &w);

		/* ASCII letters and digits fold by themselves: the bulk of most text */
		if (c < 0x80 && ((c | 0x20) - 'a' < 26 || c - '0' < 10))
		{
			if (!b.in_word)
			{
				BeginWord(&b, pos);
				if (c - 'A' < 26)
					b.word_flags |= VB_TOKEN_CAPITALISED;
			}
			/*
			 * The rest of the ASCII run in one tight loop, straight into the
			 * pool: ASCII needs no canonical ordering, so only folded code
			 * points waiting in the buffer go first.
			 */
			if (b.word_length > 0)
				FlushFolded(&b);
			{
				/* a digit is the only folded byte without bit 0x40 */
				unsigned char common = 0xFF;

				for (;;)
				{
					char	   *dest;
					size_t		room = len - pos < 64 ? len - pos : 64;
					size_t		k = 0;
					unsigned char ch;

					PoolReserve(out, 64);
					dest = out->pool + out->pool_length;
					while (k < room && (ch = vb_ascii_folded[(unsigned char) text[pos + k]]) != 0)
					{
						common &= ch;
						dest[k++] = (char) ch;
					}
					out->pool_length += k;
					pos += k;
					if (k < 64)
						break;
				}
				if ((common & 0x40) == 0)
					b.word_flags |= VB_TOKEN_NUMERIC;
			}
			b.word_end = pos;
			continue;
		}

		/*
		 * ASCII separators other than those with a role inside words,
		 * numbers, abbreviations, ellipses or brackets just end a word.
		 */
		if (c < 0x80 && c != '\'' && c != '.' && c != ',' && c != '[' && c != ']')
		{
			EndWord(&b);
			pos++;
			continue;
		}

		/*
		 * Invisible characters (soft hyphen, zero-width space and joiners,
		 * word joiner, byte order mark) vanish, inside a word or not:
		 * "infor&shy;mation" is "information".
		 */
		if (c == 0x00AD || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF)
		{
			pos += w;
			continue;
		}

		if (IsWordPart(c))
		{
			if (vb_is_unspaced_script(c))
			{
				EndWord(&b);
				BeginWord(&b, pos);
				AppendFolded(&b, c);
				b.word_end = pos + w;
				EndWord(&b);
				pos += w;
				continue;
			}
			if (!b.in_word)
			{
				BeginWord(&b, pos);
				if (vb_is_upper(c))
					b.word_flags |= VB_TOKEN_CAPITALISED;
			}
			if (vb_is_digit(c))
				b.word_flags |= VB_TOKEN_NUMERIC;
			AppendFolded(&b, c);
			pos += w;
			b.word_end = pos;
			continue;
		}

		if (b.in_word && pos + w < len)
		{
			size_t		w2;
			uint32_t	next = vb_utf8_decode(text, len, pos + w, &w2);
			uint32_t	prev = vb_utf8_before(text, pos);

			/* didn’t, O'Brien: one word, apostrophe folded to ' */
			if (IsApostrophe(c) && IsWordPart(next) && !vb_is_unspaced_script(next))
			{
				AppendFolded(&b, '\'');
				pos += w;
				continue;
			}
			/* 1,000 and 3.5 are one number */
			if ((c == ',' || c == '.') && vb_is_digit(prev) && vb_is_digit(next))
			{
				AppendFolded(&b, c);
				pos += w;
				continue;
			}
			/* U.S. and e.g.: the dots go */
			if (c == '.' && vb_is_word_char(next) && !vb_is_digit(next) &&
				pos >= 1 && vb_is_word_char(prev))
			{
				size_t		word_chars = vb_utf8_count(text + b.word_start, pos - b.word_start);

				if (word_chars == 1 || text[b.word_start + 1] == '.' ||
					(pos >= 2 && text[pos - 2] == '.'))
				{
					b.abbreviation = true;
					pos += w;
					continue;
				}
			}
		}
		EndWord(&b);
		/* the word just ended took this dot as its own: "U.S." */
		if (out->count > 0 && out->items[out->count - 1].end > pos)
		{
			pos = out->items[out->count - 1].end;
			continue;
		}

		ellipsis = EllipsisAt(text, len, pos);
		if (ellipsis > 0)
		{
			AddToken(out, VB_TOKEN_ELLIPSIS, pos, pos + ellipsis);
			pos += ellipsis;
			continue;
		}
		if (c == '[')
		{
			/* "[...]" and "[…]" are ellipses, other brackets editorial */
			size_t		inner = vb_skip(text, pos + 1, len, vb_is_space, true);
			size_t		dots = inner < len ? EllipsisAt(text, len, inner) : 0;
			size_t		after = vb_skip(text, inner + dots, len, vb_is_space, true);

			if (dots > 0 && after < len && text[after] == ']')
			{
				AddToken(out, VB_TOKEN_ELLIPSIS, pos, after + 1);
				pos = after + 1;
				continue;
			}
			AddToken(out, VB_TOKEN_BRACKET_OPEN, pos, pos + 1);
			b.in_brackets = true;
		}
		else if (c == ']')
		{
			AddToken(out, VB_TOKEN_BRACKET_CLOSE, pos, pos + 1);
			b.in_brackets = false;
		}
		pos += w;
	}
	EndWord(&b);
}

void
vb_tokens_free(VbTokens *tokens)
{
	vb_free(tokens->items);
	vb_free(tokens->pool);
	tokens->items = NULL;
	tokens->pool = NULL;
	tokens->count = tokens->capacity = 0;
	tokens->pool_length = tokens->pool_capacity = 0;
}
