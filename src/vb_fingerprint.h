/*
 * vb_fingerprint.h
 *		The fingerprint of a text: a winnowed set of hashed word shingles.
 *
 * Words are those of the normaliser (vb_normalize.h), so that texts that
 * differ only in typography share their shingles.  A shingle is
 * VB_SHINGLE_WORDS consecutive words; of every VB_WINNOW_WINDOW
 * consecutive shingles the least by rank is kept.  A choice that depends
 * only on the window's own shingles means that two texts sharing a run of
 * VB_GUARANTEED_RUN words keep at least one shingle in common, whatever
 * surrounds the run.  Ellipses, square brackets and the words inside them
 * break a run, since an editor's marks are not the speaker's words.
 *
 * The hash is defined on the folded bytes alone (not on the machine's byte
 * order), so a fingerprint computed on one server means the same on
 * another.
 */
#ifndef VB_FINGERPRINT_H
#define VB_FINGERPRINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define VB_SHINGLE_WORDS 3
#define VB_WINNOW_WINDOW 4
#define VB_GUARANTEED_RUN (VB_SHINGLE_WORDS + VB_WINNOW_WINDOW - 1)

typedef struct VbFingerprint
{
	uint32_t   *hashes;			/* ascending, no duplicates */
	size_t		count;
	size_t		capacity;
} VbFingerprint;

extern void vb_fingerprint(const char *text, size_t len, VbFingerprint *out);
extern void vb_fingerprint_free(VbFingerprint *fp);

/* Sort and remove duplicates in place; returns the new count. */
extern size_t vb_fingerprint_canonicalize(uint32_t *hashes, size_t count);

/* Do two ascending hash arrays share a value? */
extern bool vb_fingerprint_overlaps(const uint32_t *a, size_t na,
									const uint32_t *b, size_t nb);

#endif							/* VB_FINGERPRINT_H */
