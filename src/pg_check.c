/*
 * pg_check.c
 *		SQL interface to fidelity checking: verbatim.check_quote().
 *
 * Checking many quotations against one source (a report over an article)
 * would tokenize and index the source again for every row; a source given
 * twice running is therefore prepared in full and kept in fn_extra, in the
 * function's memory context, while the source stays the same.  "The same"
 * is decided before detoasting: a source stored out of line is identified
 * by its TOAST pointer (a TOAST value is never changed in place), one
 * stored inline by its bytes as stored, compressed or not.  A large article
 * is then neither fetched nor compared again for each quotation.  A long
 * source given once is first checked only around the quotation's
 * distinctive words.
 */
#include "verbatim.h"

#include "access/detoast.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rangetypes.h"
#include "utils/typcache.h"

#include "vb_check.h"
#include "vb_utf8.h"

#define RESULT_COLUMNS 8

/*
 * Which source a call was given, decided without detoasting: a TOAST
 * pointer, or the varlena bytes as stored.
 */
typedef struct SourceKey
{
	bool		valid;
	bool		external;
	struct varatt_external toast_pointer;
	char	   *bytes;
	size_t		length;
} SourceKey;

typedef struct CheckCache
{
	TupleDesc	result_desc;
	Oid			verdict_type;
	Datum		verdicts[VB_VERDICT_UNSUPPORTED + 1];
	TypeCacheEntry *range_type;
	SourceKey	seen;			/* the source of the previous call */
	/* the source prepared in full, and its own copy of the text */
	bool		have_source;
	SourceKey	prepared;
	char	   *source_text;
	size_t		source_length;
	uint32	   *block_chars;	/* characters before each CHAR_BLOCK bytes */
	VbSource	source;
} CheckCache;

/*
 * Character offsets are counted from the nearest block boundary below, so
 * a span costs a count of at most CHAR_BLOCK bytes plus its own length.
 */
#define CHAR_BLOCK 256

static CheckCache *
GetCache(FunctionCallInfo fcinfo)
{
	CheckCache *cache = (CheckCache *) fcinfo->flinfo->fn_extra;

	if (cache == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		TupleDesc	desc;
		int			v;

		cache = palloc0(sizeof(CheckCache));
		if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE ||
			desc->natts != RESULT_COLUMNS)
			elog(ERROR, "verbatim_check_quote: result type must be verbatim.check_result");
		cache->result_desc = BlessTupleDesc(CreateTupleDescCopy(desc));
		cache->verdict_type = TupleDescAttr(desc, 0)->atttypid;
		for (v = 0; v <= VB_VERDICT_UNSUPPORTED; v++)
			cache->verdicts[v] = DirectFunctionCall2(enum_in,
													 CStringGetDatum(vb_verdict_name(v)),
													 ObjectIdGetDatum(cache->verdict_type));
		cache->range_type = lookup_type_cache(INT4RANGEOID, TYPECACHE_RANGE_INFO);
		MemoryContextSwitchTo(old);
		fcinfo->flinfo->fn_extra = cache;
	}
	return cache;
}

static bool
KeyMatches(const SourceKey *key, struct varlena *raw)
{
	if (!key->valid)
		return false;
	if (VARATT_IS_EXTERNAL_ONDISK(raw))
	{
		struct varatt_external pointer;

		VARATT_EXTERNAL_GET_POINTER(pointer, raw);
		return key->external &&
			pointer.va_valueid == key->toast_pointer.va_valueid &&
			pointer.va_toastrelid == key->toast_pointer.va_toastrelid;
	}
	return !key->external && !VARATT_IS_EXTERNAL(raw) &&
		VARSIZE_ANY(raw) == key->length && memcmp(raw, key->bytes, key->length) == 0;
}

/* Remember raw as key, in the function's memory context. */
static void
KeySet(FunctionCallInfo fcinfo, SourceKey *key, struct varlena *raw)
{
	if (key->bytes)
		pfree(key->bytes);
	memset(key, 0, sizeof(*key));
	if (VARATT_IS_EXTERNAL_ONDISK(raw))
	{
		key->external = true;
		VARATT_EXTERNAL_GET_POINTER(key->toast_pointer, raw);
		key->valid = true;
	}
	else if (!VARATT_IS_EXTERNAL(raw))
	{
		key->length = VARSIZE_ANY(raw);
		key->bytes = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, key->length);
		memcpy(key->bytes, raw, key->length);
		key->valid = true;
	}
}

/* Prepare the whole source and keep it for the calls that follow. */
static const VbSource *
PrepareAndKeep(FunctionCallInfo fcinfo, CheckCache *cache, struct varlena *raw,
			   const char *text, size_t len)
{
	MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	size_t		blocks = len / CHAR_BLOCK + 1;
	size_t		b;

	if (cache->have_source)
	{
		cache->have_source = false;
		vb_source_free(&cache->source);
		pfree(cache->source_text);
		pfree(cache->block_chars);
	}
	cache->source_text = palloc_extended(len + 1, MCXT_ALLOC_HUGE);
	memcpy(cache->source_text, text, len);
	cache->source_length = len;
	cache->block_chars = palloc_extended(sizeof(uint32) * blocks, MCXT_ALLOC_HUGE);
	cache->block_chars[0] = 0;
	for (b = 1; b < blocks; b++)
		cache->block_chars[b] = cache->block_chars[b - 1] +
			vb_utf8_count(cache->source_text + (b - 1) * CHAR_BLOCK, CHAR_BLOCK);
	vb_source_prepare(cache->source_text, len, &cache->source);
	KeySet(fcinfo, &cache->prepared, raw);
	cache->have_source = true;
	MemoryContextSwitchTo(old);
	return &cache->source;
}

/*
 * Characters before byte_offset of text: from the block index when text is
 * the kept source's, else counted from its start.
 */
static size_t
CharOffset(const CheckCache *cache, const char *text, size_t byte_offset)
{
	size_t		block = byte_offset / CHAR_BLOCK;

	if (text != cache->source_text)
		return vb_utf8_count(text, byte_offset);
	return cache->block_chars[block] +
		vb_utf8_count(cache->source_text + block * CHAR_BLOCK,
					  byte_offset - block * CHAR_BLOCK);
}

static Datum
FlagsArray(unsigned int flags)
{
	static const struct
	{
		unsigned int bit;
		const char *name;
	}			names[] = {
		{VB_FLAG_NEGATION, "negation"},
		{VB_FLAG_NUMBER, "number"},
		{VB_FLAG_NAME, "name"},
		{VB_FLAG_HEDGE, "hedge"},
	};
	Datum		elems[4];
	int			n = 0;
	int			i;

	for (i = 0; i < 4; i++)
		if (flags & names[i].bit)
			elems[n++] = CStringGetTextDatum(names[i].name);
	return PointerGetDatum(construct_array(elems, n, TEXTOID, -1, false, TYPALIGN_INT));
}

PG_FUNCTION_INFO_V1(verbatim_check_quote);

/*
 * A source already prepared is used as it is.  A source seen for the second
 * call running (a report over one article) is prepared in full and kept.
 * Any other source is first checked only around the quotation's words,
 * and that result stands if it is faithful (vb_check_windowed); otherwise
 * the source is prepared in full and kept, as the next call is likely to
 * bring it again.
 */
Datum
verbatim_check_quote(PG_FUNCTION_ARGS)
{
	text	   *quote_text = PG_GETARG_TEXT_PP(0);
	struct varlena *raw_source = (struct varlena *) PG_GETARG_POINTER(1);
	const char *quote = VARDATA_ANY(quote_text);
	size_t		quote_len = VARSIZE_ANY_EXHDR(quote_text);
	CheckCache *cache;
	const char *span_text;		/* the text the result's span points into */
	VbCheckResult result;
	Datum		values[RESULT_COLUMNS];
	bool		nulls[RESULT_COLUMNS];
	HeapTuple	tuple;

	VerbatimRequireUtf8();
	cache = GetCache(fcinfo);
	if (cache->have_source && KeyMatches(&cache->prepared, raw_source))
	{
		vb_check(quote, quote_len, &cache->source, &result);
		span_text = cache->source_text;
	}
	else
	{
		text	   *source_text = pg_detoast_datum_packed(raw_source);
		const char *text = VARDATA_ANY(source_text);
		size_t		len = VARSIZE_ANY_EXHDR(source_text);

		if (!KeyMatches(&cache->seen, raw_source) &&
			vb_check_windowed(text, len, quote, quote_len, &result))
			span_text = text;
		else
		{
			vb_check(quote, quote_len,
					 PrepareAndKeep(fcinfo, cache, raw_source, text, len), &result);
			span_text = cache->source_text;
		}
		KeySet(fcinfo, &cache->seen, raw_source);
	}

	memset(nulls, 0, sizeof(nulls));
	values[0] = cache->verdicts[result.verdict];
	values[1] = BoolGetDatum(result.verdict <= VB_VERDICT_ELIDED);
	values[2] = Float4GetDatum((float4) result.score);
	values[3] = Float4GetDatum((float4) result.coverage);
	if (result.has_span)
	{
		size_t		start = CharOffset(cache, span_text, result.span_start);
		size_t		length = vb_utf8_count(span_text + result.span_start,
										   result.span_end - result.span_start);
		RangeBound	lower = {Int32GetDatum((int32) (start + 1)), false, true, true};
		RangeBound	upper = {Int32GetDatum((int32) (start + 1 + length)), false, false, false};

		values[4] = RangeTypePGetDatum(make_range(cache->range_type, &lower, &upper, false));
		values[5] = PointerGetDatum(cstring_to_text_with_len(span_text + result.span_start,
															 result.span_end - result.span_start));
	}
	else
		nulls[4] = nulls[5] = true;
	values[6] = CStringGetTextDatum(result.diff);
	values[7] = FlagsArray(result.flags);
	vb_check_result_free(&result);

	tuple = heap_form_tuple(cache->result_desc, values, nulls);
	PG_FREE_IF_COPY(quote_text, 0);
	PG_RETURN_DATUM(HeapTupleGetDatum(tuple));
}
