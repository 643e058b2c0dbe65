/*
 * vb_quotes.h
 *		Finding quotations: pairing quote marks in running text.
 *
 * A quotation is the text between an opening and the matching closing mark.
 * Offsets are bytes into the text.  Quotes come out sorted by position;
 * an enclosing quote precedes the quotes nested in it.
 */
#ifndef VB_QUOTES_H
#define VB_QUOTES_H

#include <stdbool.h>
#include <stddef.h>

typedef struct VbQuoteSpan
{
	size_t		open;			/* offset of the opening mark */
	size_t		start;			/* inner text, white space trimmed */
	size_t		end;
	size_t		close;			/* just past the closing mark, or the end of
								 * the paragraph for a piece that continues */
	int			paragraph;		/* 1-based */
	int			depth;			/* 0 for a quote inside no other */
	int			parent;			/* enclosing quote's index, or -1 */
	int			chain_prev;		/* previous paragraph's piece of the same
								 * quotation, or -1 */
	bool		continues;		/* re-opened in the next paragraph */
} VbQuoteSpan;

typedef struct VbQuoteList
{
	VbQuoteSpan *items;
	int			count;
	int			capacity;
} VbQuoteList;

/* Deepest nesting followed; marks opened deeper are treated as text. */
#define VB_MAX_QUOTE_DEPTH 32

extern void vb_find_quotes(const char *text, size_t len, VbQuoteList *out);
extern void vb_quote_list_free(VbQuoteList *list);
extern bool vb_is_quote_mark(unsigned int c);

#endif							/* VB_QUOTES_H */
