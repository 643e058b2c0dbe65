/*
 * vb_patterns.h
 *		The attribution patterns, as pcre2 regular expressions.
 *
 * Patterns are compiled (and JIT-compiled where the platform allows) once
 * per process and kept for its lifetime; inside PostgreSQL that is once per
 * backend.  Every match runs with match and depth limits, so no text can
 * make a match run away: hitting a limit counts as no match.
 */
#ifndef VB_PATTERNS_H
#define VB_PATTERNS_H

#include <stdbool.h>
#include <stddef.h>

#include "vb_utf8.h"

typedef enum VbPattern
{
	/* anchored at the start of the text after a closing mark */
	VB_PAT_AFTER_WHO_CUE,		/* "…," Whitlock said */
	VB_PAT_AFTER_CUE_WHO,		/* "…," said Whitlock */
	VB_PAT_AFTER_ACCORDING,		/* "…," according to Whitlock */
	/* anchored at the end of the text before an opening mark */
	VB_PAT_BEFORE_AS,			/* As Whitlock puts it, "…" */
	VB_PAT_BEFORE_ACCORDING,	/* According to Whitlock, "…" */
	VB_PAT_BEFORE_SEPARATOR,	/* Whitlock said: "…" */
	VB_PAT_BEFORE_EMBEDDED,		/* Whitlock called it "…" */
	VB_PAT_BEFORE_EMBEDDED_ACCORDING,	/* According to W, it is "…" */
	/* anchored, with vb_pattern_match_at: a name of two to four words */
	VB_PAT_FULL_NAME,
	/* anchored likewise: a name or pronoun followed by a reporting verb */
	VB_PAT_WHO_CUE,
	VB_PAT_COUNT
} VbPattern;


typedef struct VbPatternMatch
{
	VbSlice		whole;
	VbSlice		who;
	VbSlice		cue;
	VbSlice		prep;
	VbSlice		outlet;
	VbSlice		sep;
} VbPatternMatch;

/*
 * NULL on success, else a message saying which pattern failed and why;
 * vb_out_of_memory itself when memory ran out.
 */
extern const char *vb_patterns_init(void);
extern const char *const vb_out_of_memory;

/* Search text[from, to); slices in the result are offsets into text. */
extern bool vb_pattern_find(VbPattern pattern, const char *text,
							size_t from, size_t to, VbPatternMatch *match);

/*
 * Match at exactly `at` (from <= at < to); lookbehind sees back to `from`.
 */
extern bool vb_pattern_match_at(VbPattern pattern, const char *text,
								size_t from, size_t to, size_t at,
								VbPatternMatch *match);

/* Is word (not NUL-terminated) a personal pronoun that can report speech? */
extern bool vb_is_pronoun(const char *word, size_t len);

#endif							/* VB_PATTERNS_H */
