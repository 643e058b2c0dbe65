/*
 * vb_normalize.h
 *		Normalised words of a text, each pointing back into the original.
 *
 * Comparison happens on words after normalisation: NFKC, Unicode case
 * folding, every apostrophe as ', hyphenated words split ("open-source"
 * and "open source" compare equal), dots inside abbreviations dropped
 * ("U.S." is "us").  Ellipses (… ... . . . [...]) and square brackets are
 * tokens of their own, since they are an editor's marks.  The mapping is a
 * fixed table (vb_unicode_tables.h), independent of locale and settings.
 */
#ifndef VB_NORMALIZE_H
#define VB_NORMALIZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef enum VbTokenKind
{
	VB_TOKEN_WORD,
	VB_TOKEN_ELLIPSIS,
	VB_TOKEN_BRACKET_OPEN,
	VB_TOKEN_BRACKET_CLOSE
} VbTokenKind;

/* Token flags */
#define VB_TOKEN_CAPITALISED	0x01	/* first letter upper case as written */
#define VB_TOKEN_EDITORIAL		0x02	/* a word inside square brackets */
#define VB_TOKEN_NUMERIC		0x04	/* has a digit */

typedef struct VbToken
{
	size_t		start;			/* bytes of the original text */
	size_t		end;
	uint32_t	hash;			/* of the folded form; 0 unless a word */
	uint32_t	folded;			/* offset of the folded form in the pool */
	uint32_t	folded_length;
	uint8_t		kind;
	uint8_t		flags;
} VbToken;

typedef struct VbTokens
{
	VbToken    *items;
	int			count;
	int			capacity;
	char	   *pool;			/* folded forms, UTF-8, back to back */
	size_t		pool_length;
	size_t		pool_capacity;
} VbTokens;

extern void vb_tokenize(const char *text, size_t len, VbTokens *out);
extern void vb_tokens_free(VbTokens *tokens);

/* Same folded word? */
static inline bool
vb_same_word(const VbTokens *a, int i, const VbTokens *b, int j)
{
	const VbToken *x = &a->items[i];
	const VbToken *y = &b->items[j];

	return x->hash == y->hash && x->folded_length == y->folded_length &&
		memcmp(a->pool + x->folded, b->pool + y->folded, x->folded_length) == 0;
}

/* Fold one code point: writes at most VB_FOLD_MAX code points to out. */
#define VB_FOLD_MAX 18
extern int	vb_fold_codepoint(uint32_t c, uint32_t *out);

#endif							/* VB_NORMALIZE_H */
