/*
 * vb_names.h
 *		People named in an article: cleaning captured names, finding the full
 *		name a surname stands for, and the registry of people mentioned.
 */
#ifndef VB_NAMES_H
#define VB_NAMES_H

#include <stdbool.h>
#include <stddef.h>

#include "vb_patterns.h"

/*
 * Narrow a captured name to what names a person.  `mention` loses leading
 * function words ("But Whitlock" is Whitlock) and trailing dots; `bare`
 * also loses an honorific or title ("Dr. Dana Whitlock" is Dana Whitlock).
 * False when nothing person-like is left ("The", "Critics").
 */
extern bool vb_clean_name(const char *text, VbSlice captured,
						  VbSlice *mention, VbSlice *bare);

/* Month and weekday names, which look like outlets after "said". */
extern bool vb_is_calendar_word(const char *word, size_t len);

/*
 * Could this capitalised sequence of words (single spaces) name a person?
 * At least two words, none of which marks an organisation, a place, a date
 * or the start of a sentence.
 */
extern bool vb_looks_like_person(const char *name, size_t len);

typedef struct VbPerson
{
	char	   *full;			/* NUL-terminated */
	size_t		full_len;
	size_t		surname_offset; /* the last word of full */
} VbPerson;

typedef struct VbPersons
{
	VbPerson   *items;
	int			count;
	int			capacity;
} VbPersons;

extern void vb_persons_init(VbPersons *persons);
extern void vb_persons_free(VbPersons *persons);

/*
 * The person a name stands for, registering it if new.  A single word
 * resolves to the full name it ends, preferring one already registered,
 * else the nearest one written before `position`.  Returns the index.
 */
extern int	vb_persons_resolve(VbPersons *persons, const char *text,
							   size_t position, const char *name, size_t len);

#endif							/* VB_NAMES_H */
