/*
 * vb_align.h
 *		Locating a run of quotation words in a prepared source, and aligning
 *		them word by word.
 *
 * Locating scales with the article, not with article x quote: the source's
 * words are indexed once; a quotation's word pairs look up their rarer
 * word's occurrences (bounded), vote on the diagonal (source position
 * minus quote position), and only the best few diagonal bands are aligned,
 * by dynamic programming inside a window around each.
 */
#ifndef VB_ALIGN_H
#define VB_ALIGN_H

#include "vb_check.h"
#include "vb_utf8.h"

typedef enum VbOpKind
{
	VB_OP_EQUAL,
	VB_OP_SUBSTITUTE,
	VB_OP_INSERT,				/* a quote word the source lacks */
	VB_OP_DELETE				/* a source word the quote leaves out */
} VbOpKind;

typedef struct VbOp
{
	uint8_t		kind;
	int			quote_word;		/* index into the aligned quote words, or -1 */
	int			source_word;	/* index into source->words, or -1 */
} VbOp;

typedef struct VbAlignment
{
	VbOp	   *ops;
	int			count;
	int			equal;
	int			longest_run;
	int			first_source;	/* source words covered, or -1 */
	int			last_source;
	int			score;
} VbAlignment;

/* Index of the slot of the source word equal to quote token qt, or -1. */
extern int	vb_source_lookup(const VbSource *source, const VbTokens *quote, int qt);

/* Prepare the words of these byte ranges of text only (in order, disjoint). */
extern void vb_source_prepare_ranges(const char *text, size_t len,
									 const VbSlice *ranges, int nranges,
									 VbSource *source);

/* The index slot of each quote word (token indices qwords[0..n)), or -1. */
extern void vb_quote_slots(const VbSource *source, const VbTokens *quote,
						   const int *qwords, int n, int *slots);

/*
 * Align n quote words, given by their slots, semi-globally: every quote
 * word is placed, the source is free at both ends.  Of equally good
 * places, the first from source word `after` on is taken, else the first.
 */
extern void vb_align(const VbSource *source, const int *slots, int n,
					 int after, VbAlignment *out);
extern void vb_alignment_free(VbAlignment *alignment);

/* Longest exact run of quote words from position k, anywhere in the source. */
extern int	vb_longest_run_at(const VbSource *source, const int *slots, int n,
							  int k, int *source_word);

#endif							/* VB_ALIGN_H */
