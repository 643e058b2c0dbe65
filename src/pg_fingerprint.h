/*
 * pg_fingerprint.h
 *		The SQL type verbatim.fingerprint, shared by its I/O functions and
 *		its GIN operator class.
 *
 * On disk a fingerprint is a varlena of 32-bit shingle hashes in strictly
 * ascending order (see vb_fingerprint.h).  Every function that builds one
 * goes through FingerprintBuild, and every value read from outside (text
 * input, binary receive) is checked by the same validator, so a value in a
 * table is always ascending and free of duplicates: the overlap test and
 * the index rely on it.
 */
#ifndef PG_FINGERPRINT_H
#define PG_FINGERPRINT_H

#include "verbatim.h"

#include "fmgr.h"
#include "utils/memutils.h"

typedef struct Fingerprint
{
	int32		vl_len_;		/* varlena header (do not touch directly!) */
	uint32		hashes[FLEXIBLE_ARRAY_MEMBER];
} Fingerprint;

#define FINGERPRINT_COUNT(fp) \
	((VARSIZE(fp) - offsetof(Fingerprint, hashes)) / sizeof(uint32))
#define FINGERPRINT_MAX_COUNT \
	((MaxAllocSize - offsetof(Fingerprint, hashes)) / sizeof(uint32))

#define DatumGetFingerprintP(d) ((Fingerprint *) PG_DETOAST_DATUM(d))
#define PG_GETARG_FINGERPRINT_P(n) DatumGetFingerprintP(PG_GETARG_DATUM(n))

extern Fingerprint *FingerprintBuild(const uint32 *hashes, size_t count);

#endif							/* PG_FINGERPRINT_H */
