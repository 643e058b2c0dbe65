/*
 * fuzz_normalize.c
 *		libFuzzer harness: vb_tokenize on arbitrary bytes.
 *
 * Checks what vb_normalize.h and the head of vb_normalize.c promise: tokens
 * in text order, not overlapping, start < end <= len; folded forms back to
 * back in the pool and valid UTF-8 whatever the input; hashes a function of
 * the folded bytes (vb_same_word relies on it); the same tokens twice.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "vb_normalize.h"

/* Words with the same folded bytes must have the same hash. */
static void
CheckHashes(const VbTokens *t)
{
	/* quadratic, so only the first words: enough for short fuzz inputs */
	int			limit = t->count < 256 ? t->count : 256;
	int			i;
	int			j;

	for (i = 0; i < limit; i++)
	{
		const VbToken *x = &t->items[i];

		if (x->kind != VB_TOKEN_WORD)
			continue;
		for (j = i + 1; j < limit; j++)
		{
			const VbToken *y = &t->items[j];

			if (y->kind != VB_TOKEN_WORD || x->folded_length != y->folded_length ||
				memcmp(t->pool + x->folded, t->pool + y->folded, x->folded_length) != 0)
				continue;
			FUZZ_ASSERT(x->hash == y->hash && vb_same_word(t, i, t, j),
						"words %d and %d fold alike but hash %u and %u", i, j,
						x->hash, y->hash);
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* an exact-size copy, so that ASan sees any read past the end */
	char	   *text = malloc(size ? size : 1);
	VbTokens	a;
	VbTokens	b;

	if (size > 0)
		memcpy(text, data, size);
	vb_tokenize(text, size, &a);
	FuzzCheckTokens(text, size, &a, true, "vb_tokenize");
	CheckHashes(&a);

	vb_tokenize(text, size, &b);
	FUZZ_ASSERT(FuzzSameTokens(&a, &b), "vb_tokenize is not deterministic");

	vb_tokens_free(&a);
	vb_tokens_free(&b);
	FUZZ_ASSERT(a.items == NULL && a.pool == NULL && a.count == 0,
				"vb_tokens_free leaves a non-empty list");
	free(text);
	return 0;
}
