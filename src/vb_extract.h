/*
 * vb_extract.h
 *		Quotations and their attributions: the extraction entry point of the
 *		text core.
 */
#ifndef VB_EXTRACT_H
#define VB_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>

#include "vb_patterns.h"

typedef enum VbKind
{
	VB_KIND_DIRECT,				/* a speaker's words */
	VB_KIND_PARTIAL,			/* a fragment inside the writer's sentence */
	VB_KIND_SCARE				/* a short term in quotes, no speaker */
} VbKind;

typedef enum VbMethod
{
	VB_METHOD_NONE,
	VB_METHOD_NAMED,
	VB_METHOD_PRONOUN,
	VB_METHOD_CONTINUATION,
	VB_METHOD_ACCORDING_TO,
	VB_METHOD_COLON
} VbMethod;

typedef struct VbQuote
{
	size_t		start;			/* quoted text, bytes [start, end) */
	size_t		end;
	size_t		char_start;		/* the same in characters, 0-based */
	size_t		char_length;
	int			paragraph;		/* 1-based */
	int			depth;			/* 0 unless nested in another quote */
	VbKind		kind;
	VbMethod	method;
	char	   *speaker;		/* resolved name, NUL-terminated, or NULL */
	VbSlice		mention;		/* the words naming the speaker, as written */
	VbSlice		cue;			/* the reporting verb, as written */
	VbSlice		outlet;			/* the outlet the attribution cites */
} VbQuote;

typedef struct VbExtraction
{
	VbQuote    *quotes;
	int			count;
} VbExtraction;

/*
 * Find every quotation in text (UTF-8; invalid sequences are tolerated) and
 * attribute it.  Returns NULL, or a message for a can't-happen failure (the
 * patterns did not compile).  Free the result with vb_extraction_free.
 */
extern const char *vb_extract(const char *text, size_t len, VbExtraction *out);
extern void vb_extraction_free(VbExtraction *extraction);

extern const char *vb_kind_name(VbKind kind);
extern const char *vb_method_name(VbMethod method);

#endif							/* VB_EXTRACT_H */
