/*
 * fuzz_fingerprint.c
 *		libFuzzer harness: vb_fingerprint, vb_fingerprint_canonicalize and
 *		vb_fingerprint_overlaps on arbitrary bytes.
 *
 * The input is the text.  Checked:
 *	- the hashes are strictly ascending, and the same when computed again;
 *	- the winnowing guarantee (vb_fingerprint.h): every unbroken run of
 *	  VB_GUARANTEED_RUN words in the text, fingerprinted on its own, shares
 *	  a hash with the text;
 *	- what piecewise tokenization assumes (head of vb_fingerprint.c): at a
 *	  space between two ASCII letters or digits, tokenizing the two sides
 *	  apart gives the tokens of the whole, but for the editorial flag of
 *	  words inside a bracket open across the cut, which vb_fingerprint
 *	  follows itself from the bracket tokens (by the rule FuzzCheckTokens
 *	  checks).  Fuzz inputs are short, so the assumption is tried at cut
 *	  points of the input itself; one input in 64 is also repeated past
 *	  64 KB and fingerprinted whole, which goes through the real piecewise
 *	  path, its runs checked as above, and, when it has no closing bracket,
 *	  repeated after an opening one that never closes: then every word is
 *	  the editor's, and the fingerprint must be empty;
 *	- the input read as 32-bit values: canonicalize leaves a strictly
 *	  ascending array of exactly the values given, and overlaps agrees
 *	  with a plain merge, on both of its strategies.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "vb_fingerprint.h"
#include "vb_normalize.h"

/*
 * Past PIECE_BYTES (64 KB) in src/vb_fingerprint.c, so that the text is cut
 * into two pieces; fingerprinting it is the costly part of the harness.
 */
#define LONG_TEXT_BYTES (65536 + 8192)

static void
CheckFingerprint(const VbFingerprint *fp, const char *what)
{
	size_t		i;

	FUZZ_ASSERT(fp->count <= fp->capacity || (fp->count == 0 && fp->capacity == 0),
				"%s: %zu hashes, capacity %zu", what, fp->count, fp->capacity);
	FUZZ_ASSERT(fp->count == 0 || fp->hashes != NULL, "%s: hashes missing", what);
	for (i = 1; i < fp->count; i++)
		FUZZ_ASSERT(fp->hashes[i - 1] < fp->hashes[i],
					"%s: hashes[%zu] = %u, hashes[%zu] = %u: not strictly ascending",
					what, i - 1, fp->hashes[i - 1], i, fp->hashes[i]);
}

static bool
SameFingerprint(const VbFingerprint *a, const VbFingerprint *b)
{
	return a->count == b->count &&
		(a->count == 0 || memcmp(a->hashes, b->hashes, a->count * sizeof(uint32_t)) == 0);
}

static bool
BreaksRun(const VbToken *t)
{
	return t->kind != VB_TOKEN_WORD || (t->flags & VB_TOKEN_EDITORIAL);
}

/*
 * Runs of VB_GUARANTEED_RUN words: each one's own fingerprint must overlap
 * the text's.  Only the first few runs, to keep executions fast.
 */
static void
CheckRuns(const char *text, const VbTokens *tokens, const VbFingerprint *fp,
		  const char *what)
{
	int			run = 0;
	int			tried = 0;
	int			i;

	for (i = 0; i < tokens->count && tried < 4; i++)
	{
		const VbToken *first;
		const VbToken *last;
		VbFingerprint sub;

		if (BreaksRun(&tokens->items[i]))
		{
			run = 0;
			continue;
		}
		if (++run < VB_GUARANTEED_RUN)
			continue;
		first = &tokens->items[i - VB_GUARANTEED_RUN + 1];
		last = &tokens->items[i];
		vb_fingerprint(text + first->start, last->end - first->start, &sub);
		CheckFingerprint(&sub, "fingerprint of a run");
		FUZZ_ASSERT(vb_fingerprint_overlaps(sub.hashes, sub.count, fp->hashes, fp->count),
					"%s: the run of words [%zu, %zu) (%zu hashes) shares no hash with the text",
					what, first->start, last->end, sub.count);
		vb_fingerprint_free(&sub);
		tried++;
		/* the next run tried starts after this one */
		run = 0;
	}
}

/* Tokens of text[0, cut) then text[cut, len) against those of the whole. */
static void
CheckCut(const char *text, size_t len, size_t cut, const VbTokens *whole)
{
	VbTokens	left;
	VbTokens	right;
	uint8_t		mask = (uint8_t) ~VB_TOKEN_EDITORIAL;
	int			i;

	vb_tokenize(text, cut, &left);
	vb_tokenize(text + cut, len - cut, &right);
	FUZZ_ASSERT(left.count + right.count == whole->count,
				"cut at %zu: %d + %d tokens apart, %d whole", cut, left.count,
				right.count, whole->count);
	for (i = 0; i < whole->count; i++)
	{
		const VbToken *w = &whole->items[i];
		bool		is_left = i < left.count;
		const VbTokens *side = is_left ? &left : &right;
		const VbToken *p = &side->items[is_left ? i : i - left.count];
		size_t		shift = is_left ? 0 : cut;

		FUZZ_ASSERT(p->start + shift == w->start && p->end + shift == w->end &&
					p->kind == w->kind && (p->flags & mask) == (w->flags & mask) &&
					p->hash == w->hash &&
					p->folded_length == w->folded_length &&
					memcmp(side->pool + p->folded, whole->pool + w->folded,
						   w->folded_length) == 0,
					"cut at %zu: token %d differs: whole [%zu, %zu) kind %d flags 0x%x, "
					"apart [%zu, %zu) kind %d flags 0x%x", cut, i, w->start, w->end,
					w->kind, w->flags, p->start + shift, p->end + shift, p->kind,
					p->flags);
	}
	vb_tokens_free(&left);
	vb_tokens_free(&right);
}

static bool
IsAsciiAlnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* The first, a middle and the last place where a piece may end. */
static void
CheckCuts(const char *text, size_t len, const VbTokens *whole)
{
	size_t		cuts[3] = {0, 0, 0};
	size_t		ncuts = 0;
	size_t		p;

	for (p = 1; p + 1 < len; p++)
	{
		if (!((text[p] == ' ' || text[p] == '\n') &&
			  IsAsciiAlnum(text[p - 1]) && IsAsciiAlnum(text[p + 1])))
			continue;
		if (ncuts == 0)
			cuts[0] = p;
		cuts[2] = p;
		ncuts++;
	}
	if (ncuts == 0)
		return;
	/* the middle one: the cut point nearest the middle of the text */
	for (p = len / 2; p + 1 < len && p > 0; p++)
		if ((text[p] == ' ' || text[p] == '\n') &&
			IsAsciiAlnum(text[p - 1]) && IsAsciiAlnum(text[p + 1]))
			break;
	cuts[1] = (p > 0 && p + 1 < len) ? p : cuts[0];
	CheckCut(text, len, cuts[0], whole);
	if (cuts[1] != cuts[0])
		CheckCut(text, len, cuts[1], whole);
	if (cuts[2] != cuts[0] && cuts[2] != cuts[1])
		CheckCut(text, len, cuts[2], whole);
}

/* The input as 32-bit values, split in two sets. */
static void
CheckCanonicalize(const uint8_t *data, size_t size)
{
	size_t		n = size / 4;
	uint32_t   *values;
	uint32_t   *sorted;
	size_t		count;
	size_t		split;
	size_t		i;

	if (n == 0)
		return;
	values = malloc(n * sizeof(uint32_t));
	sorted = malloc(n * sizeof(uint32_t));
	memcpy(values, data, n * sizeof(uint32_t));
	/* few distinct values, sometimes, so that duplicates are common */
	if (data[0] & 1)
		for (i = 0; i < n; i++)
			values[i] %= 17;
	memcpy(sorted, values, n * sizeof(uint32_t));
	count = vb_fingerprint_canonicalize(sorted, n);
	FUZZ_ASSERT(count >= 1 && count <= n, "canonicalize of %zu values gave %zu", n, count);
	for (i = 1; i < count; i++)
		FUZZ_ASSERT(sorted[i - 1] < sorted[i],
					"canonicalize: [%zu] = %u, [%zu] = %u", i - 1, sorted[i - 1],
					i, sorted[i]);
	for (i = 0; i < n; i++)
	{
		size_t		lo = 0;
		size_t		hi = count;

		while (lo < hi)
		{
			size_t		mid = (lo + hi) / 2;

			if (sorted[mid] < values[i])
				lo = mid + 1;
			else
				hi = mid;
		}
		FUZZ_ASSERT(lo < count && sorted[lo] == values[i],
					"canonicalize lost the value %u", values[i]);
	}

	/* overlaps on two canonical sets, lopsided or not */
	split = (size_t) data[size - 1] % (n + 1);
	{
		size_t		na = vb_fingerprint_canonicalize(values, split);
		size_t		nb = vb_fingerprint_canonicalize(values + split, n - split);
		const uint32_t *a = values;
		const uint32_t *b = values + split;
		bool		expected = false;
		size_t		x = 0;
		size_t		y = 0;

		while (x < na && y < nb && !expected)
		{
			if (a[x] == b[y])
				expected = true;
			else if (a[x] < b[y])
				x++;
			else
				y++;
		}
		FUZZ_ASSERT(vb_fingerprint_overlaps(a, na, b, nb) == expected &&
					vb_fingerprint_overlaps(b, nb, a, na) == expected,
					"overlaps of %zu and %zu hashes is not %s", na, nb,
					expected ? "true" : "false");
	}
	free(sorted);
	free(values);
}

/* A cheap deterministic choice of one input in 64. */
static bool
ChosenForLongText(const uint8_t *data, size_t size)
{
	uint32_t	h = 2166136261u;
	size_t		i;

	for (i = 0; i < size; i++)
		h = (h ^ data[i]) * 16777619u;
	return size > 0 && (h & 63) == 0;
}

/* head, then copies of text each followed by a line break, past 64 KB */
static char *
RepeatText(const char *head, const char *text, size_t size, size_t *long_len)
{
	size_t		head_len = strlen(head);
	size_t		copies = LONG_TEXT_BYTES / (size + 1) + 1;
	char	   *long_text = malloc(head_len + copies * (size + 1));
	size_t		i;

	memcpy(long_text, head, head_len);
	for (i = 0; i < copies; i++)
	{
		memcpy(long_text + head_len + i * (size + 1), text, size);
		long_text[head_len + i * (size + 1) + size] = '\n';
	}
	*long_len = head_len + copies * (size + 1);
	return long_text;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *text = malloc(size ? size : 1);
	VbFingerprint fp;
	VbFingerprint again;
	VbTokens	tokens;

	if (size > 0)
		memcpy(text, data, size);
	vb_fingerprint(text, size, &fp);
	CheckFingerprint(&fp, "fingerprint");
	vb_fingerprint(text, size, &again);
	FUZZ_ASSERT(SameFingerprint(&fp, &again),
				"fingerprint is not deterministic: %zu then %zu hashes",
				fp.count, again.count);
	vb_fingerprint_free(&again);

	vb_tokenize(text, size, &tokens);
	CheckRuns(text, &tokens, &fp, "text");
	CheckCuts(text, size, &tokens);
	vb_tokens_free(&tokens);

	if (ChosenForLongText(data, size) && size < LONG_TEXT_BYTES)
	{
		size_t		long_len;
		char	   *long_text = RepeatText("", text, size, &long_len);
		VbFingerprint long_fp;

		vb_fingerprint(long_text, long_len, &long_fp);
		CheckFingerprint(&long_fp, "fingerprint of the repeated text");
		/* the first copy's runs are in the long text too */
		vb_tokenize(text, size, &tokens);
		CheckRuns(text, &tokens, &long_fp, "repeated text");
		vb_tokens_free(&tokens);
		vb_fingerprint_free(&long_fp);
		free(long_text);

		if (size == 0 || memchr(text, ']', size) == NULL)
		{
			long_text = RepeatText("[ ", text, size, &long_len);
			vb_fingerprint(long_text, long_len, &long_fp);
			FUZZ_ASSERT(long_fp.count == 0,
						"%zu bytes after an unclosed bracket have %zu hashes",
						long_len, long_fp.count);
			vb_fingerprint_free(&long_fp);
			free(long_text);
		}
	}

	CheckCanonicalize(data, size);
	vb_fingerprint_free(&fp);
	free(text);
	return 0;
}
