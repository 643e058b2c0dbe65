/*
 * vb_fingerprint.c
 *		Winnowed word shingles of a text (see vb_fingerprint.h).
 *
 * A shingle's rank is its hash, except that a shingle made of function
 * words alone ("one of the") ranks after every other: it is in nearly
 * every article, and a quotation that kept it would make every article a
 * candidate.  Only those are set apart: ranking by the number of function
 * words makes neighbouring shingles, which share words, rank alike, and a
 * window keeps a new shingle more often (0.48 hashes kept per word on the
 * benchmark's corpus, against 0.40 this way, the 2/5 of a random order;
 * the index is the smaller by as much).  The rank is a function of the
 * shingle alone, which is all the winnowing guarantee needs.
 *
 * Long texts are tokenized a piece at a time, cut where a space stands
 * between two ASCII letters or digits (no token, abbreviation or ellipsis
 * spans such a place), so that memory stays proportional to the piece and
 * the fingerprint, not to the text.  A square bracket may be open across
 * a cut, which the tokenizer of the next piece cannot know, so whether a
 * word is inside brackets is followed here, over the whole text.
 */
#include "vb_fingerprint.h"

#include <stdlib.h>
#include <string.h>

#include "vb_normalize.h"
#include "vb_runtime.h"

#define PIECE_BYTES 65536
#define FUNCTION_SLOTS 512		/* power of two, over twice the list */

static const char *const function_words[] = {
	"a", "about", "after", "all", "also", "an", "and", "any", "are", "as",
	"at", "be", "because", "been", "before", "being", "but", "by", "can",
	"could", "did", "do", "does", "for", "from", "had", "has", "have", "he",
	"her", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it",
	"its", "it's", "just", "may", "me", "might", "more", "most", "much",
	"must", "my", "no", "not", "now", "of", "on", "one", "only", "or",
	"other", "our", "out", "over", "said", "says", "say", "she", "should",
	"so", "some", "such", "than", "that", "the", "their", "them", "then",
	"there", "these", "they", "this", "those", "to", "too", "up", "us",
	"very", "was", "we", "were", "what", "when", "where", "which", "while",
	"who", "whom", "why", "will", "with", "would", "you", "your",
	/* French and German, the other languages the extractor reads */
	"au", "aux", "ce", "dans", "de", "des", "du", "elle", "en", "est", "et",
	"il", "la", "le", "les", "mais", "ne", "nous", "ou", "par", "pas",
	"pour", "qu", "que", "qui", "sur", "un", "une", "l", "d",
	"auf", "das", "dass", "dem", "den", "der", "die", "ein", "eine", "es",
	"ich", "im", "ist", "mit", "nicht", "sie", "und", "von", "wir", "zu",
	NULL
};

static uint64_t function_slots[FUNCTION_SLOTS];
static bool function_slots_ready = false;

static inline uint64_t
Mix64(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xFF51AFD7ED558CCDULL;
	h ^= h >> 33;
	h *= 0xC4CEB9FE1A85EC53ULL;
	h ^= h >> 33;
	return h;
}

/* Little-endian by definition, whatever the machine. */
static inline uint64_t
LoadLittleEndian(const unsigned char *p, size_t n)
{
	uint64_t	v = 0;
	size_t		i;

	for (i = 0; i < n; i++)
		v |= (uint64_t) p[i] << (8 * i);
	return v;
}

static uint64_t
WordHash(const char *word, size_t len)
{
	const unsigned char *p = (const unsigned char *) word;
	uint64_t	h = 0x9E3779B97F4A7C15ULL ^ len;
	size_t		i;

	for (i = 0; i + 8 <= len; i += 8)
		h = Mix64(h ^ LoadLittleEndian(p + i, 8));
	if (i < len)
		h = Mix64(h ^ LoadLittleEndian(p + i, len - i));
	return h | 1;				/* zero marks an empty slot */
}

/*
 * The function words' hashes in an open-addressed table.  A word is taken
 * for a function word on its 64-bit hash alone: a collision would only
 * change which shingle a window keeps, never whether one is kept.
 */
static void
PrepareFunctionWords(void)
{
	int			i;

	for (i = 0; function_words[i] != NULL; i++)
	{
		uint64_t	h = WordHash(function_words[i], strlen(function_words[i]));
		size_t		slot = h & (FUNCTION_SLOTS - 1);

		while (function_slots[slot] != 0 && function_slots[slot] != h)
			slot = (slot + 1) & (FUNCTION_SLOTS - 1);
		function_slots[slot] = h;
	}
	function_slots_ready = true;
}

static bool
IsFunctionWord(uint64_t h)
{
	size_t		slot = h & (FUNCTION_SLOTS - 1);

	while (function_slots[slot] != 0)
	{
		if (function_slots[slot] == h)
			return true;
		slot = (slot + 1) & (FUNCTION_SLOTS - 1);
	}
	return false;
}

/*
 * The run of words being fingerprinted: the last words' hashes, and the
 * ranks of the last shingles, which the winnowing window reads.
 */
typedef struct Winnower
{
	uint64_t	words[VB_SHINGLE_WORDS];
	bool		function[VB_SHINGLE_WORDS];
	uint64_t	ranks[VB_WINNOW_WINDOW];
	uint64_t	words_in_run;
	uint64_t	shingles_in_run;
	uint64_t	last_kept;		/* shingle number kept last, plus one */
	VbFingerprint *out;
} Winnower;

static void
Emit(VbFingerprint *fp, uint32_t hash)
{
	if (fp->count == fp->capacity)
	{
		fp->capacity = fp->capacity ? fp->capacity * 2 : 64;
		fp->hashes = fp->hashes ? vb_grow(fp->hashes, fp->capacity * sizeof(uint32_t))
			: vb_alloc(fp->capacity * sizeof(uint32_t));
	}
	fp->hashes[fp->count++] = hash;
}

static void
BreakRun(Winnower *w)
{
	w->words_in_run = 0;
	w->shingles_in_run = 0;
	w->last_kept = 0;
}

static void
AddWord(Winnower *w, const char *folded, size_t len)
{
	uint64_t	h = WordHash(folded, len);
	uint64_t	shingle;
	uint64_t	rank;
	bool		all_function = true;
	int			i;

	memmove(w->words, w->words + 1, sizeof(w->words[0]) * (VB_SHINGLE_WORDS - 1));
	memmove(w->function, w->function + 1, sizeof(w->function[0]) * (VB_SHINGLE_WORDS - 1));
	w->words[VB_SHINGLE_WORDS - 1] = h;
	w->function[VB_SHINGLE_WORDS - 1] = IsFunctionWord(h);
	if (++w->words_in_run < VB_SHINGLE_WORDS)
		return;

	/* order matters: "not to say" is not "to say not" */
	shingle = 0;
	for (i = 0; i < VB_SHINGLE_WORDS; i++)
	{
		shingle = Mix64(shingle ^ w->words[i]);
		all_function &= w->function[i];
	}
	rank = ((uint64_t) all_function << 32) | (uint32_t) shingle;
	w->ranks[w->shingles_in_run % VB_WINNOW_WINDOW] = rank;
	if (++w->shingles_in_run < VB_WINNOW_WINDOW)
		return;

	/*
	 * Keep the window's least rank, the rightmost on a tie (equal ranks are
	 * equal hashes, so which one is kept changes nothing but the count).
	 */
	{
		uint64_t	first = w->shingles_in_run - VB_WINNOW_WINDOW;
		uint64_t	best = first;
		uint64_t	n;

		for (n = first + 1; n < w->shingles_in_run; n++)
			if (w->ranks[n % VB_WINNOW_WINDOW] <= w->ranks[best % VB_WINNOW_WINDOW])
				best = n;
		if (best + 1 != w->last_kept)
		{
			Emit(w->out, (uint32_t) w->ranks[best % VB_WINNOW_WINDOW]);
			w->last_kept = best + 1;
		}
	}
}

static bool
IsAsciiAlnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Where the piece starting at start may end: see the file header. */
static size_t
PieceEnd(const char *text, size_t len, size_t start)
{
	size_t		p;

	if (len - start <= PIECE_BYTES)
		return len;
	for (p = start + PIECE_BYTES; p + 1 < len; p++)
		if ((text[p] == ' ' || text[p] == '\n') &&
			IsAsciiAlnum(text[p - 1]) && IsAsciiAlnum(text[p + 1]))
			return p;
	return len;
}

static int
CompareHashes(const void *a, const void *b)
{
	uint32_t	x = *(const uint32_t *) a;
	uint32_t	y = *(const uint32_t *) b;

	return (x > y) - (x < y);
}

size_t
vb_fingerprint_canonicalize(uint32_t *hashes, size_t count)
{
	size_t		i;
	size_t		n = 0;

	if (count == 0)
		return 0;
	qsort(hashes, count, sizeof(uint32_t), CompareHashes);
	for (i = 1; i < count; i++)
		if (hashes[i] != hashes[n])
			hashes[++n] = hashes[i];
	return n + 1;
}

void
vb_fingerprint(const char *text, size_t len, VbFingerprint *out)
{
	Winnower	w;
	size_t		start = 0;
	bool		in_brackets = false;

	if (!function_slots_ready)
		PrepareFunctionWords();
	memset(out, 0, sizeof(*out));
	memset(&w, 0, sizeof(w));
	w.out = out;
	while (start < len)
	{
		size_t		end = PieceEnd(text, len, start);
		VbTokens	tokens;
		int			i;

		vb_tokenize(text + start, end - start, &tokens);
		for (i = 0; i < tokens.count; i++)
		{
			const VbToken *t = &tokens.items[i];

			/* as the tokenizer sets VB_TOKEN_EDITORIAL, but across pieces */
			if (t->kind == VB_TOKEN_BRACKET_OPEN)
				in_brackets = true;
			else if (t->kind == VB_TOKEN_BRACKET_CLOSE)
				in_brackets = false;
			if (t->kind != VB_TOKEN_WORD || in_brackets)
				BreakRun(&w);
			else
				AddWord(&w, tokens.pool + t->folded, t->folded_length);
		}
		vb_tokens_free(&tokens);
		vb_check_interrupts();
		start = end;
	}
	out->count = vb_fingerprint_canonicalize(out->hashes, out->count);
}

void
vb_fingerprint_free(VbFingerprint *fp)
{
	if (fp->hashes)
		vb_free(fp->hashes);
	memset(fp, 0, sizeof(*fp));
}

bool
vb_fingerprint_overlaps(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	size_t		i = 0;
	size_t		j = 0;

	/* a short query against a long article: search rather than merge */
	if (na * 16 < nb || nb * 16 < na)
	{
		const uint32_t *small = na < nb ? a : b;
		const uint32_t *large = na < nb ? b : a;
		size_t		nsmall = na < nb ? na : nb;
		size_t		nlarge = na < nb ? nb : na;

		for (i = 0; i < nsmall; i++)
			if (bsearch(&small[i], large, nlarge, sizeof(uint32_t), CompareHashes))
				return true;
		return false;
	}
	while (i < na && j < nb)
	{
		if (a[i] == b[j])
			return true;
		if (a[i] < b[j])
			i++;
		else
			j++;
	}
	return false;
}
