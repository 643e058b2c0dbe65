/*
 * vb_check.h
 *		Does a quotation reproduce its source faithfully?
 *
 * A source is prepared once (its words and an index of them) and can then
 * be checked against any number of quotations.  The verdicts are those of
 * the design: exact < typographic < elided < altered < spliced <
 * paraphrased < unsupported.
 */
#ifndef VB_CHECK_H
#define VB_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vb_normalize.h"

typedef enum VbVerdict
{
	VB_VERDICT_EXACT,
	VB_VERDICT_TYPOGRAPHIC,
	VB_VERDICT_ELIDED,
	VB_VERDICT_ALTERED,
	VB_VERDICT_SPLICED,
	VB_VERDICT_PARAPHRASED,
	VB_VERDICT_UNSUPPORTED
} VbVerdict;

#define VB_FLAG_NEGATION	0x01
#define VB_FLAG_NUMBER		0x02
#define VB_FLAG_NAME		0x04
#define VB_FLAG_HEDGE		0x08

/* One distinct word of a source and where it occurs. */
typedef struct VbIndexSlot
{
	uint32_t	hash;
	int			first;			/* first occurrence, in source words */
	int			last;
	int			count;
} VbIndexSlot;

/*
 * A prepared source.  Its distinct words are numbered in order of first
 * occurrence (their slots); a hash table finds a word's slot.  Memory is
 * per word (its token and three ints) and per distinct word, so a long
 * text that repeats itself costs little more than its words.
 */
typedef struct VbSource
{
	const char *text;
	size_t		length;
	VbTokens	tokens;
	int		   *words;			/* token index of each word, in order */
	int			word_count;
	int		   *next;			/* next occurrence of the same word */
	int		   *word_slot;		/* the slot of each word */
	VbIndexSlot *slots;			/* the distinct words */
	int			slot_count;
	int			slot_capacity;
	int		   *table;			/* open addressing on the hash: slot or -1 */
	uint32_t	table_mask;
} VbSource;

typedef struct VbCheckResult
{
	VbVerdict	verdict;
	double		score;			/* wording similarity, 0 to 1 */
	double		coverage;		/* share of the quote's words found, in order */
	bool		has_span;
	size_t		span_start;		/* bytes of the source */
	size_t		span_end;
	char	   *diff;			/* NUL-terminated */
	unsigned int flags;
} VbCheckResult;

extern void vb_source_prepare(const char *text, size_t len, VbSource *source);

/*
 * Prepare only what one quotation needs, for a source checked once: the
 * passages around the occurrences of the quotation's distinctive words,
 * found in the raw text.  False when that would not pay (a short source,
 * or a quotation with no such words); then prepare it all.
 */
extern bool vb_source_prepare_for_quote(const char *text, size_t len,
										const char *quote, size_t quote_len,
										VbSource *source);

/*
 * Check a quotation against a source seen once, prepared only around the
 * quotation's words (vb_source_prepare_for_quote).  A faithful verdict
 * (exact, typographic, elided) found there is the one the whole source
 * gives: the passage is inside a window, and of equal passages the
 * earliest wins either way.  Any other verdict weighs passages that may
 * lie outside the windows (the best of several near matches, the runs of
 * a splice, a paraphrase), so then, or when windows would not pay, the
 * result is false and the caller checks against the whole source.
 */
extern bool vb_check_windowed(const char *text, size_t len, const char *quote,
							  size_t quote_len, VbCheckResult *result);
extern void vb_source_free(VbSource *source);
extern void vb_check(const char *quote, size_t len, const VbSource *source,
					 VbCheckResult *result);
extern void vb_check_result_free(VbCheckResult *result);

extern const char *vb_verdict_name(VbVerdict verdict);

#endif							/* VB_CHECK_H */
