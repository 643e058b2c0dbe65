/*
 * vb_utf8.c
 *		UTF-8 decoding and character classes of the text core.
 */
#include "vb_utf8.h"

#include <string.h>

const unsigned char vb_ascii_folded[256] = {
	['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4',
	['5'] = '5', ['6'] = '6', ['7'] = '7', ['8'] = '8', ['9'] = '9',
	['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd', ['E'] = 'e', ['F'] = 'f',
	['G'] = 'g', ['H'] = 'h', ['I'] = 'i', ['J'] = 'j', ['K'] = 'k', ['L'] = 'l',
	['M'] = 'm', ['N'] = 'n', ['O'] = 'o', ['P'] = 'p', ['Q'] = 'q', ['R'] = 'r',
	['S'] = 's', ['T'] = 't', ['U'] = 'u', ['V'] = 'v', ['W'] = 'w', ['X'] = 'x',
	['Y'] = 'y', ['Z'] = 'z',
	['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e', ['f'] = 'f',
	['g'] = 'g', ['h'] = 'h', ['i'] = 'i', ['j'] = 'j', ['k'] = 'k', ['l'] = 'l',
	['m'] = 'm', ['n'] = 'n', ['o'] = 'o', ['p'] = 'p', ['q'] = 'q', ['r'] = 'r',
	['s'] = 's', ['t'] = 't', ['u'] = 'u', ['v'] = 'v', ['w'] = 'w', ['x'] = 'x',
	['y'] = 'y', ['z'] = 'z'
};

uint32_t
vb_utf8_decode(const char *s, size_t len, size_t pos, size_t *width)
{
	const unsigned char *p = (const unsigned char *) s + pos;
	size_t		avail = len - pos;
	uint32_t	c;
	size_t		n;
	size_t		i;

	if (p[0] < 0x80)
	{
		*width = 1;
		return p[0];
	}
	if (p[0] >= 0xC2 && p[0] <= 0xDF)
	{
		n = 2;
		c = p[0] & 0x1F;
	}
	else if (p[0] >= 0xE0 && p[0] <= 0xEF)
	{
		n = 3;
		c = p[0] & 0x0F;
	}
	else if (p[0] >= 0xF0 && p[0] <= 0xF4)
	{
		n = 4;
		c = p[0] & 0x07;
	}
	else
	{
		*width = 1;
		return VB_REPLACEMENT_CHAR;
	}
	if (avail < n)
	{
		*width = 1;
		return VB_REPLACEMENT_CHAR;
	}
	for (i = 1; i < n; i++)
	{
		if ((p[i] & 0xC0) != 0x80)
		{
			*width = 1;
			return VB_REPLACEMENT_CHAR;
		}
		c = (c << 6) | (p[i] & 0x3F);
	}
	/* reject overlong forms, surrogates and values past U+10FFFF */
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
		(c >= 0xD800 && c <= 0xDFFF))
	{
		*width = 1;
		return VB_REPLACEMENT_CHAR;
	}
	*width = n;
	return c;
}

/* Start of the character that ends just before pos (pos > 0). */
size_t
vb_utf8_prev(const char *s, size_t pos)
{
	size_t		start = pos - 1;
	size_t		limit = pos >= 4 ? pos - 4 : 0;

	while (start > limit && ((unsigned char) s[start] & 0xC0) == 0x80)
		start--;
	return start;
}

/* The character just before pos, or 0 at the start of the text. */
uint32_t
vb_utf8_before(const char *s, size_t pos)
{
	size_t		start;
	size_t		width;
	uint32_t	c;

	if (pos == 0)
		return 0;
	start = vb_utf8_prev(s, pos);
	c = vb_utf8_decode(s, pos, start, &width);
	/* a stray continuation byte decodes alone */
	if (start + width != pos)
		return VB_REPLACEMENT_CHAR;
	return c;
}

/*
 * Characters in the sense of PostgreSQL's UTF8 text: the number of bytes that
 * are not continuation bytes.  On valid input this equals the code-point
 * count, and it is what substr() counts.
 */
size_t
vb_utf8_count(const char *s, size_t len)
{
	size_t		continuation = 0;
	size_t		i = 0;

	/* eight bytes at a time: a continuation byte has top bits 10 */
	for (; i + 8 <= len; i += 8)
	{
		uint64_t	word;

		/* most text is ASCII: skip 32 bytes that have no high bit at once */
		while (i + 32 <= len)
		{
			uint64_t	a,
						b,
						c,
						d;

			memcpy(&a, s + i, 8);
			memcpy(&b, s + i + 8, 8);
			memcpy(&c, s + i + 16, 8);
			memcpy(&d, s + i + 24, 8);
			if (((a | b | c | d) & UINT64_C(0x8080808080808080)) != 0)
				break;
			i += 32;
		}
		if (i + 8 > len)
			break;
		memcpy(&word, s + i, 8);
		/* one bit per continuation byte, at its bottom; then sum the bytes */
		word = ((word & ~(word << 1)) & UINT64_C(0x8080808080808080)) >> 7;
		continuation += (size_t) ((word * UINT64_C(0x0101010101010101)) >> 56);
	}
	for (; i < len; i++)
		continuation += (((unsigned char) s[i]) & 0xC0) == 0x80;
	return len - continuation;
}

bool
vb_is_linebreak(uint32_t c)
{
	return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C ||
		c == 0x85 || c == 0x2028 || c == 0x2029;
}

bool
vb_is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || vb_is_linebreak(c) || c == 0xA0 ||
		c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
		c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

bool
vb_is_digit(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

bool
vb_is_dash(uint32_t c)
{
	return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 ||
		c == 0xFE58 || c == 0xFE63 || c == 0xFF0D;
}

/*
 * Letters and digits.  Outside ASCII and Latin-1, every code point that is
 * not a known space, punctuation or symbol block counts as a word character:
 * that treats CJK ideographs, Indic scripts and so on as letters, which is
 * what quote-mark flanking needs.
 */
bool
vb_is_word_char(uint32_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			(c >= '0' && c <= '9');
	if (c < 0x100)
		return c == 0xAA || c == 0xB5 || c == 0xBA ||
			(c >= 0xC0 && c != 0xD7 && c != 0xF7);
	if (vb_is_space(c))
		return false;
	if ((c >= 0x2000 && c <= 0x2BFF) ||	/* punctuation, symbols, arrows */
		(c >= 0x3000 && c <= 0x303F) ||	/* CJK punctuation */
		(c >= 0xFE10 && c <= 0xFE6F) ||	/* vertical and small forms */
		(c >= 0xFF00 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
		(c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65) ||
		(c >= 0xD800 && c <= 0xDFFF) || c == VB_REPLACEMENT_CHAR ||
		(c >= 0xE000 && c <= 0xF8FF) ||	/* private use */
		(c >= 0x1F000 && c <= 0x1FAFF))	/* emoji and pictographs */
		return false;
	return true;
}

bool
vb_is_upper(uint32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	if (c < 0x100)
		return c >= 0xC0 && c <= 0xDE && c != 0xD7;
	if (c <= 0x17F)				/* Latin Extended-A pairs upper, lower */
		return (c <= 0x137 || (c >= 0x14A && c <= 0x177)) ? (c % 2 == 0) :
			(c >= 0x139 && c <= 0x148) ? (c % 2 == 1) :
			(c == 0x178 || c == 0x179 || c == 0x17B || c == 0x17D);
	if (c >= 0x391 && c <= 0x3AB)
		return c != 0x3A2;
	if (c >= 0x400 && c <= 0x42F)
		return true;
	return false;
}

bool
vb_is_lower(uint32_t c)
{
	if (c < 0x80)
		return c >= 'a' && c <= 'z';
	if (c < 0x100)
		return c >= 0xDF && c != 0xF7;
	if (c <= 0x17F)
		return !vb_is_upper(c);
	if (c >= 0x3AC && c <= 0x3CE)
		return true;
	if (c >= 0x430 && c <= 0x45F)
		return true;
	return false;
}

/* Offset of the first needle in haystack[from, to), or (size_t) -1. */
size_t
vb_find_bytes(const char *haystack, size_t from, size_t to,
			  const char *needle, size_t needle_len)
{
	size_t		pos = from;

	if (needle_len == 0)
		return from;
	while (pos + needle_len <= to)
	{
		const char *hit = memchr(haystack + pos, needle[0], to - pos - needle_len + 1);

		if (hit == NULL)
			break;
		pos = hit - haystack;
		if (memcmp(hit, needle, needle_len) == 0)
			return pos;
		pos++;
	}
	return (size_t) -1;
}

bool
vb_is_horizontal_space(uint32_t c)
{
	return vb_is_space(c) && !vb_is_linebreak(c);
}

/*
 * The first offset from pos (up to limit) whose character's membership in
 * a class differs from `member`: vb_skip(s, p, n, vb_is_space, true) skips
 * white space, vb_skip(s, p, n, vb_is_linebreak, false) finds the line end.
 */
size_t
vb_skip(const char *s, size_t pos, size_t limit, bool (*class) (uint32_t),
		bool member)
{
	while (pos < limit)
	{
		size_t		width;

		if (class(vb_utf8_decode(s, limit, pos, &width)) != member)
			break;
		pos += width;
	}
	return pos;
}

/* Scripts written without spaces between words: each character is a word. */
bool
vb_is_unspaced_script(uint32_t c)
{
	return (c >= 0x3040 && c <= 0x30FF) ||	/* kana */
		(c >= 0x3400 && c <= 0x9FFF) ||	/* CJK ideographs */
		(c >= 0xF900 && c <= 0xFAFF) ||
		(c >= 0x0E00 && c <= 0x0E7F) ||	/* Thai */
		(c >= 0x20000 && c <= 0x3134F);
}

/*
 * Is word[0..len) (not NUL-terminated, may hold NUL bytes) one of the
 * NULL-terminated list?  Exact bytes: callers fold or not as they need.
 */
/*
 * Word lists are asked about every quotation word and every candidate
 * name, so each list gets, on its first lookup, an open-addressed table of
 * its words by hash.  The lists are static arrays, so a table never goes
 * stale; a list too long for a table, or met when every table is taken,
 * is searched in full.
 */
#define WORD_SETS 16
#define WORD_SET_SLOTS 512		/* at most a quarter full */

typedef struct WordSet
{
	const char *const *list;
	const char *words[WORD_SET_SLOTS];
	size_t		lengths[WORD_SET_SLOTS];
} WordSet;

static WordSet word_sets[WORD_SETS];
static int	word_sets_used = 0;

static uint32_t
WordSetHash(const char *word, size_t len)
{
	uint32_t	h = 2166136261u;
	size_t		i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char) word[i]) * 16777619u;
	return h;
}

static const WordSet *
WordSetOf(const char *const *list)
{
	WordSet    *set;
	int			i;

	for (i = 0; i < word_sets_used; i++)
		if (word_sets[i].list == list)
			return &word_sets[i];
	for (i = 0; list[i] != NULL; i++)
		;
	if (i > WORD_SET_SLOTS / 4 || word_sets_used == WORD_SETS)
		return NULL;
	set = &word_sets[word_sets_used];
	memset(set, 0, sizeof(*set));
	for (i = 0; list[i] != NULL; i++)
	{
		size_t		len = strlen(list[i]);
		uint32_t	slot = WordSetHash(list[i], len) & (WORD_SET_SLOTS - 1);

		while (set->words[slot] != NULL)
			slot = (slot + 1) & (WORD_SET_SLOTS - 1);
		set->words[slot] = list[i];
		set->lengths[slot] = len;
	}
	set->list = list;
	word_sets_used++;
	return set;
}

bool
vb_word_in_list(const char *word, size_t len, const char *const *list)
{
	const WordSet *set;
	uint32_t	slot;
	int			i;

	if (len == 0)
		return false;
	set = WordSetOf(list);
	if (set == NULL)
	{
		for (i = 0; list[i] != NULL; i++)
			if (list[i][0] == word[0] && strnlen(list[i], len + 1) == len &&
				memcmp(list[i], word, len) == 0)
				return true;
		return false;
	}
	for (slot = WordSetHash(word, len) & (WORD_SET_SLOTS - 1);
		 set->words[slot] != NULL; slot = (slot + 1) & (WORD_SET_SLOTS - 1))
		if (set->lengths[slot] == len && memcmp(set->words[slot], word, len) == 0)
			return true;
	return false;
}

/*
 * vb_skip backwards: the offset, from pos down to floor, before which the
 * character's membership in the class differs from `member`.
 */
size_t
vb_skip_back(const char *s, size_t pos, size_t floor, bool (*class) (uint32_t),
			 bool member)
{
	while (pos > floor && class(vb_utf8_before(s, pos)) == member)
		pos = vb_utf8_prev(s, pos);
	return pos;
}
