/*
 * vb_attrib.h
 *		Attribution: who said each quotation, and how the text says so.
 */
#ifndef VB_ATTRIB_H
#define VB_ATTRIB_H

#include "vb_extract.h"
#include "vb_quotes.h"

/* What extraction knows of a quote's place in its sentence. */
typedef struct VbQuoteContext
{
	bool		embedded;		/* inside the writer's own sentence */
	bool		followed_by_lower;	/* the sentence goes on after it */
	bool		ends_sentence;	/* its text ends with a full stop */
	int			words;
} VbQuoteContext;

/*
 * Fill method, mention, cue, outlet and speaker of quotes[i] for every
 * quote in spans, from the patterns around each one, resolving surnames and
 * pronouns to people.
 */
extern void vb_attribute(const char *text, size_t len, const VbQuoteList *spans,
						 const VbQuoteContext *contexts, VbQuote *quotes);
/*
 * Give a quote with no attribution of its own the speaker of the one it
 * continues: the previous piece of a quotation running over paragraphs, or
 * the attributed quote right before it.  Needs each quote's kind.
 */
extern void vb_attribute_continuations(const char *text, const VbQuoteList *spans,
									   VbQuote *quotes);

#endif							/* VB_ATTRIB_H */
