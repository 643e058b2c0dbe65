/*
 * vb_utf8.h
 *		UTF-8 decoding and the character classes the text core needs.
 *
 * Every function is total: invalid or truncated UTF-8 decodes as U+FFFD
 * consuming one byte, so a scanner always advances and never reads past
 * the end of its input.  The classes are fixed tables, independent of the
 * locale, because they feed IMMUTABLE functions.
 */
#ifndef VB_UTF8_H
#define VB_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define VB_REPLACEMENT_CHAR 0xFFFD

/* A byte range of a text. */
typedef struct VbSlice
{
	size_t		start;
	size_t		end;			/* start == end: absent */
} VbSlice;

/*
 * ASCII letters and digits as normalisation folds them (letters to lower
 * case), by byte; zero for every other byte, including all of UTF-8's
 * multibyte sequences.
 */
extern const unsigned char vb_ascii_folded[256];

extern uint32_t vb_utf8_decode(const char *s, size_t len, size_t pos, size_t *width);
extern size_t vb_utf8_prev(const char *s, size_t pos);
extern uint32_t vb_utf8_before(const char *s, size_t pos);
extern size_t vb_utf8_count(const char *s, size_t len);

extern size_t vb_find_bytes(const char *haystack, size_t from, size_t to,
							 const char *needle, size_t needle_len);

extern bool vb_word_in_list(const char *word, size_t len,
							const char *const *list);
extern size_t vb_skip(const char *s, size_t pos, size_t limit,
					  bool (*class) (uint32_t), bool member);

extern size_t vb_skip_back(const char *s, size_t pos, size_t floor,
						   bool (*class) (uint32_t), bool member);

extern bool vb_is_space(uint32_t c);
extern bool vb_is_horizontal_space(uint32_t c);
extern bool vb_is_linebreak(uint32_t c);
extern bool vb_is_word_char(uint32_t c);
extern bool vb_is_upper(uint32_t c);
extern bool vb_is_lower(uint32_t c);
extern bool vb_is_digit(uint32_t c);
extern bool vb_is_dash(uint32_t c);
extern bool vb_is_unspaced_script(uint32_t c);

#endif							/* VB_UTF8_H */
