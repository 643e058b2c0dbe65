/*
 * pg_extract.c
 *		SQL interface to quotation extraction.
 *
 * verbatim.extract_quotes(body) and verbatim.extract_quotes_detail(body)
 * share one C function: the detail variant declares two more output
 * columns (paragraph, cited_outlet), and the function fills as many columns
 * as the caller's result type has.
 */
#include "verbatim.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/rangetypes.h"
#include "utils/tuplestore.h"
#include "utils/typcache.h"

#include "vb_extract.h"

#define BASIC_COLUMNS 7
#define DETAIL_COLUMNS 9

static Datum
CharRange(TypeCacheEntry *typcache, size_t start, size_t length)
{
	RangeBound	lower;
	RangeBound	upper;

	/* substr() counts from 1 */
	lower.val = Int32GetDatum((int32) (start + 1));
	lower.infinite = false;
	lower.inclusive = true;
	lower.lower = true;
	upper.val = Int32GetDatum((int32) (start + 1 + length));
	upper.infinite = false;
	upper.inclusive = false;
	upper.lower = false;
	return RangeTypePGetDatum(make_range(typcache, &lower, &upper, false));
}

static Datum
SliceText(const char *body, VbSlice slice, bool *isnull)
{
	if (slice.end <= slice.start)
	{
		*isnull = true;
		return (Datum) 0;
	}
	*isnull = false;
	return PointerGetDatum(cstring_to_text_with_len(body + slice.start,
													slice.end - slice.start));
}

PG_FUNCTION_INFO_V1(verbatim_extract_quotes);

Datum
verbatim_extract_quotes(PG_FUNCTION_ARGS)
{
	text	   *body_text = PG_GETARG_TEXT_PP(0);
	const char *body = VARDATA_ANY(body_text);
	size_t		len = VARSIZE_ANY_EXHDR(body_text);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	TypeCacheEntry *typcache;
	MemoryContext work_context;
	MemoryContext old_context;
	VbExtraction extraction;
	const char *error;
	int			ncolumns;
	int			i;

	VerbatimRequireUtf8();
	InitMaterializedSRF(fcinfo, 0);
	ncolumns = rsinfo->setDesc->natts;
	if (ncolumns != BASIC_COLUMNS && ncolumns != DETAIL_COLUMNS)
		elog(ERROR, "verbatim_extract_quotes: unexpected result type with %d columns",
			 ncolumns);
	typcache = lookup_type_cache(INT4RANGEOID, TYPECACHE_RANGE_INFO);

	/* everything the core allocates goes when this context is deleted */
	work_context = AllocSetContextCreate(CurrentMemoryContext,
										 "verbatim extraction",
										 ALLOCSET_DEFAULT_SIZES);
	old_context = MemoryContextSwitchTo(work_context);
	error = vb_extract(body, len, &extraction);
	if (error != NULL)
		VerbatimCoreFailure("extraction", error);

	for (i = 0; i < extraction.count; i++)
	{
		const VbQuote *q = &extraction.quotes[i];
		Datum		values[DETAIL_COLUMNS];
		bool		nulls[DETAIL_COLUMNS];

		memset(nulls, 0, sizeof(nulls));
		values[0] = CharRange(typcache, q->char_start, q->char_length);
		values[1] = PointerGetDatum(cstring_to_text_with_len(body + q->start,
															 q->end - q->start));
		values[2] = CStringGetTextDatum(vb_kind_name(q->kind));
		if (q->speaker != NULL)
			values[3] = CStringGetTextDatum(q->speaker);
		else
			nulls[3] = true;
		values[4] = SliceText(body, q->mention, &nulls[4]);
		values[5] = SliceText(body, q->cue, &nulls[5]);
		values[6] = CStringGetTextDatum(vb_method_name(q->method));
		if (ncolumns == DETAIL_COLUMNS)
		{
			values[7] = Int32GetDatum(q->paragraph);
			values[8] = SliceText(body, q->outlet, &nulls[8]);
		}
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}

	MemoryContextSwitchTo(old_context);
	MemoryContextDelete(work_context);
	PG_FREE_IF_COPY(body_text, 0);
	return (Datum) 0;
}
