/*
 * pg_fingerprint.c
 *		The type verbatim.fingerprint: text and binary I/O, construction
 *		from a text, and the overlap operator &&.
 *
 * The text form is the set in braces, each hash as eight hex digits, in
 * ascending order: {0019f3a2,7c00e1b4}.  Input and binary receive accept
 * only that canonical order, through one validator, so that no value in a
 * table can break the merge in the overlap test or the index.
 */
#include "pg_fingerprint.h"

#include "libpq/pqformat.h"
#include "parser/scansup.h"
#include "utils/builtins.h"

#include "vb_fingerprint.h"

/*
 * A value that does not fit in a fingerprint cannot get this far: its text
 * or binary form would exceed the largest message first.
 */
static void
ValidateHashes(const uint32 *hashes, size_t count, int sqlstate, const char *form)
{
	size_t		i;

	for (i = 1; i < count; i++)
		if (hashes[i] <= hashes[i - 1])
			ereport(ERROR,
					(errcode(sqlstate),
					 errmsg("invalid fingerprint %s", form),
					 errdetail("Hash %zu (%08x) does not follow hash %zu (%08x) in strictly ascending order.",
							   i + 1, hashes[i], i, hashes[i - 1]),
					 errhint("A fingerprint is a set of distinct hashes in ascending order, as verbatim.fingerprint_of(text) makes it.")));
}

Fingerprint *
FingerprintBuild(const uint32 *hashes, size_t count)
{
	size_t		size = offsetof(Fingerprint, hashes) + count * sizeof(uint32);
	Fingerprint *fp;

	if (count > FINGERPRINT_MAX_COUNT)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("fingerprint would have too many hashes"),
				 errdetail("A fingerprint holds at most %zu hashes; this text gives %zu.",
						   (size_t) FINGERPRINT_MAX_COUNT, count)));
	fp = palloc(size);
	SET_VARSIZE(fp, size);
	if (count > 0)
		memcpy(fp->hashes, hashes, count * sizeof(uint32));
	return fp;
}

static int
HexDigit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static void
SyntaxError(const char *input, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type fingerprint: \"%s\"", input),
			 errdetail("%s", detail),
			 errhint("Write the hashes in braces as eight hex digits each, separated by commas, in ascending order: {0019f3a2,7c00e1b4}.")));
}

PG_FUNCTION_INFO_V1(verbatim_fingerprint_in);

Datum
verbatim_fingerprint_in(PG_FUNCTION_ARGS)
{
	const char *input = PG_GETARG_CSTRING(0);
	const char *p = input;
	uint32	   *hashes;
	size_t		count = 0;
	size_t		capacity = 16;
	Fingerprint *fp;

	while (scanner_isspace(*p))
		p++;
	if (*p++ != '{')
		SyntaxError(input, "A fingerprint starts with \"{\".");
	hashes = palloc(capacity * sizeof(uint32));
	while (scanner_isspace(*p))
		p++;
	if (*p == '}')
		p++;
	else
		for (;;)
		{
			uint32		value = 0;
			int			digits;

			while (scanner_isspace(*p))
				p++;
			for (digits = 0; digits < 8; digits++)
			{
				int			d = HexDigit(p[digits]);

				if (d < 0)
					SyntaxError(input, "Each hash is exactly eight hex digits.");
				value = (value << 4) | (uint32) d;
			}
			p += 8;
			if (count == capacity)
			{
				capacity *= 2;
				hashes = repalloc_huge(hashes, capacity * sizeof(uint32));
			}
			hashes[count++] = value;
			while (scanner_isspace(*p))
				p++;
			if (*p == '}')
			{
				p++;
				break;
			}
			if (*p++ != ',')
				SyntaxError(input, "Hashes are separated by commas and the list ends with \"}\".");
		}
	while (scanner_isspace(*p))
		p++;
	if (*p != '\0')
		SyntaxError(input, "Nothing may follow the closing \"}\".");
	ValidateHashes(hashes, count, ERRCODE_INVALID_TEXT_REPRESENTATION, "input");
	fp = FingerprintBuild(hashes, count);
	pfree(hashes);
	PG_RETURN_POINTER(fp);
}

PG_FUNCTION_INFO_V1(verbatim_fingerprint_out);

Datum
verbatim_fingerprint_out(PG_FUNCTION_ARGS)
{
	Fingerprint *fp = PG_GETARG_FINGERPRINT_P(0);
	size_t		count = FINGERPRINT_COUNT(fp);
	char	   *out = palloc_extended(count * 9 + 3, MCXT_ALLOC_HUGE);
	char	   *p = out;
	size_t		i;

	*p++ = '{';
	for (i = 0; i < count; i++)
	{
		if (i > 0)
			*p++ = ',';
		snprintf(p, 9, "%08x", fp->hashes[i]);
		p += 8;
	}
	*p++ = '}';
	*p = '\0';
	PG_FREE_IF_COPY(fp, 0);
	PG_RETURN_CSTRING(out);
}

/*
 * Binary form: the number of hashes (int4), then each hash (int4, the bits
 * of the uint32).  The count is checked against what the message holds
 * before anything is allocated.
 */
PG_FUNCTION_INFO_V1(verbatim_fingerprint_recv);

Datum
verbatim_fingerprint_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int32		count = pq_getmsgint(buf, 4);
	size_t		available = (size_t) (buf->len - buf->cursor) / sizeof(uint32);
	Fingerprint *fp;
	int32		i;

	if (count < 0 || (size_t) count > available)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid fingerprint binary data"),
				 errdetail("The value announces %d hashes but holds %zu.", count, available)));
	fp = palloc(offsetof(Fingerprint, hashes) + (size_t) count * sizeof(uint32));
	SET_VARSIZE(fp, offsetof(Fingerprint, hashes) + (size_t) count * sizeof(uint32));
	for (i = 0; i < count; i++)
		fp->hashes[i] = (uint32) pq_getmsgint(buf, 4);
	ValidateHashes(fp->hashes, count, ERRCODE_INVALID_BINARY_REPRESENTATION, "binary data");
	PG_RETURN_POINTER(fp);
}

PG_FUNCTION_INFO_V1(verbatim_fingerprint_send);

Datum
verbatim_fingerprint_send(PG_FUNCTION_ARGS)
{
	Fingerprint *fp = PG_GETARG_FINGERPRINT_P(0);
	size_t		count = FINGERPRINT_COUNT(fp);
	StringInfoData buf;
	size_t		i;

	pq_begintypsend(&buf);
	pq_sendint32(&buf, (int32) count);
	for (i = 0; i < count; i++)
		pq_sendint32(&buf, fp->hashes[i]);
	PG_FREE_IF_COPY(fp, 0);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(verbatim_fingerprint_of);

Datum
verbatim_fingerprint_of(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	VbFingerprint computed;
	Fingerprint *fp;

	VerbatimRequireUtf8();
	vb_fingerprint(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &computed);
	fp = FingerprintBuild(computed.hashes, computed.count);
	vb_fingerprint_free(&computed);
	PG_FREE_IF_COPY(t, 0);
	PG_RETURN_POINTER(fp);
}

PG_FUNCTION_INFO_V1(verbatim_fingerprint_overlaps);

Datum
verbatim_fingerprint_overlaps(PG_FUNCTION_ARGS)
{
	Fingerprint *a = PG_GETARG_FINGERPRINT_P(0);
	Fingerprint *b = PG_GETARG_FINGERPRINT_P(1);
	bool		result = vb_fingerprint_overlaps(a->hashes, FINGERPRINT_COUNT(a),
												 b->hashes, FINGERPRINT_COUNT(b));

	PG_FREE_IF_COPY(a, 0);
	PG_FREE_IF_COPY(b, 1);
	PG_RETURN_BOOL(result);
}

/* The same set: canonical form makes that the same bytes. */
static bool
FingerprintsEqual(FunctionCallInfo fcinfo)
{
	Fingerprint *a = PG_GETARG_FINGERPRINT_P(0);
	Fingerprint *b = PG_GETARG_FINGERPRINT_P(1);
	bool		result = VARSIZE(a) == VARSIZE(b) &&
		memcmp(a->hashes, b->hashes, VARSIZE(a) - offsetof(Fingerprint, hashes)) == 0;

	PG_FREE_IF_COPY(a, 0);
	PG_FREE_IF_COPY(b, 1);
	return result;
}

PG_FUNCTION_INFO_V1(verbatim_fingerprint_eq);

Datum
verbatim_fingerprint_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(FingerprintsEqual(fcinfo));
}

PG_FUNCTION_INFO_V1(verbatim_fingerprint_ne);

Datum
verbatim_fingerprint_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!FingerprintsEqual(fcinfo));
}

PG_FUNCTION_INFO_V1(verbatim_fingerprint_size);

Datum
verbatim_fingerprint_size(PG_FUNCTION_ARGS)
{
	Fingerprint *fp = PG_GETARG_FINGERPRINT_P(0);
	int32		count = (int32) FINGERPRINT_COUNT(fp);

	PG_FREE_IF_COPY(fp, 0);
	PG_RETURN_INT32(count);
}
