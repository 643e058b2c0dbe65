/*
 * pg_fingerprint_gin.c
 *		GIN operator class verbatim.fingerprint_ops, for fingerprint && query.
 *
 * An index key is not a whole 32-bit hash but its top `bits` bits (an
 * operator-class parameter).  Almost every shingle is unique to one
 * article, and GIN spends some twenty bytes on a key of its own against a
 * byte or two for one more entry in a shared posting list; folding the
 * hashes into fewer keys makes the lists long and the index small.  The
 * price is false candidates, which the recheck against the stored
 * fingerprint (a merge of two sorted arrays, no article text read)
 * removes.  With bits = 32 the keys are the hashes and nothing is rechecked.
 *
 * Keys are never NULL, and an empty query matches nothing (GIN's default
 * search mode with no keys).
 */
#include "pg_fingerprint.h"

#include "access/gin.h"
#include "access/reloptions.h"
#include "access/stratnum.h"

#define FINGERPRINT_OVERLAP_STRATEGY 1
#define DEFAULT_KEY_BITS 14

typedef struct FingerprintGinOptions
{
	int32		vl_len_;		/* varlena header (do not touch directly!) */
	int			bits;
} FingerprintGinOptions;

static int
KeyBits(FunctionCallInfo fcinfo)
{
	if (PG_HAS_OPCLASS_OPTIONS())
		return ((FingerprintGinOptions *) PG_GET_OPCLASS_OPTIONS())->bits;
	return DEFAULT_KEY_BITS;
}

/* The distinct keys of a fingerprint, in ascending order of bucket. */
static Datum *
FingerprintKeys(Fingerprint *fp, int bits, int32 *nkeys)
{
	size_t		count = FINGERPRINT_COUNT(fp);
	Datum	   *keys = palloc(sizeof(Datum) * (count > 0 ? count : 1));
	int32		n = 0;
	size_t		i;
	int			shift = 32 - bits;

	for (i = 0; i < count; i++)
	{
		uint32		bucket = shift > 0 ? fp->hashes[i] >> shift : fp->hashes[i];

		/* hashes ascend, so equal buckets are adjacent */
		if (n > 0 && (uint32) DatumGetInt32(keys[n - 1]) == bucket)
			continue;
		keys[n++] = Int32GetDatum((int32) bucket);
	}
	*nkeys = n;
	return keys;
}

PG_FUNCTION_INFO_V1(verbatim_fingerprint_gin_extract_value);

Datum
verbatim_fingerprint_gin_extract_value(PG_FUNCTION_ARGS)
{
	Fingerprint *fp = PG_GETARG_FINGERPRINT_P(0);
	int32	   *nkeys = (int32 *) PG_GETARG_POINTER(1);

	PG_RETURN_POINTER(FingerprintKeys(fp, KeyBits(fcinfo), nkeys));
}

PG_FUNCTION_INFO_V1(verbatim_fingerprint_gin_extract_query);

Datum
verbatim_fingerprint_gin_extract_query(PG_FUNCTION_ARGS)
{
	Fingerprint *fp = PG_GETARG_FINGERPRINT_P(0);
	int32	   *nkeys = (int32 *) PG_GETARG_POINTER(1);
	StrategyNumber strategy = PG_GETARG_UINT16(2);
	int32	   *search_mode = (int32 *) PG_GETARG_POINTER(6);

	if (strategy != FINGERPRINT_OVERLAP_STRATEGY)
		elog(ERROR, "verbatim.fingerprint_ops: unknown strategy %d", strategy);
	*search_mode = GIN_SEARCH_MODE_DEFAULT;
	PG_RETURN_POINTER(FingerprintKeys(fp, KeyBits(fcinfo), nkeys));
}

PG_FUNCTION_INFO_V1(verbatim_fingerprint_gin_consistent);

Datum
verbatim_fingerprint_gin_consistent(PG_FUNCTION_ARGS)
{
	bool	   *check = (bool *) PG_GETARG_POINTER(0);
	int32		nkeys = PG_GETARG_INT32(3);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(5);
	int32		i;

	*recheck = KeyBits(fcinfo) < 32;
	for (i = 0; i < nkeys; i++)
		if (check[i])
			PG_RETURN_BOOL(true);
	PG_RETURN_BOOL(false);
}

PG_FUNCTION_INFO_V1(verbatim_fingerprint_gin_tri_consistent);

Datum
verbatim_fingerprint_gin_tri_consistent(PG_FUNCTION_ARGS)
{
	GinTernaryValue *check = (GinTernaryValue *) PG_GETARG_POINTER(0);
	int32		nkeys = PG_GETARG_INT32(3);
	GinTernaryValue result = GIN_FALSE;
	int32		i;

	for (i = 0; i < nkeys; i++)
	{
		if (check[i] == GIN_TRUE)
		{
			result = GIN_TRUE;
			break;
		}
		if (check[i] == GIN_MAYBE)
			result = GIN_MAYBE;
	}
	if (result == GIN_TRUE && KeyBits(fcinfo) < 32)
		result = GIN_MAYBE;		/* a shared bucket is not a shared hash */
	PG_RETURN_GIN_TERNARY_VALUE(result);
}

PG_FUNCTION_INFO_V1(verbatim_fingerprint_gin_options);

Datum
verbatim_fingerprint_gin_options(PG_FUNCTION_ARGS)
{
	local_relopts *relopts = (local_relopts *) PG_GETARG_POINTER(0);

	init_local_reloptions(relopts, sizeof(FingerprintGinOptions));
	add_local_int_reloption(relopts, "bits",
							"bits of each shingle hash kept in an index key",
							DEFAULT_KEY_BITS, 8, 32,
							offsetof(FingerprintGinOptions, bits));
	PG_RETURN_VOID();
}
