/*
 * pg_verbatim.c
 *		Module set-up: how the text core allocates and is interrupted inside
 *		a backend, the encoding rule, and the library version.
 */
#include "verbatim.h"

#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "vb_patterns.h"
#include "vb_runtime.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

/*
 * The core allocates in CurrentMemoryContext, so an ERROR thrown from an
 * interrupt check deep in a scan leaves nothing behind: the context is
 * reset by the normal error recovery.  Articles can approach 1 GB, hence
 * the huge variants.
 */
static void *
ContextAlloc(size_t size)
{
	return palloc_extended(size, MCXT_ALLOC_HUGE);
}

static void *
ContextGrow(void *ptr, size_t size)
{
	return repalloc_huge(ptr, size);
}

static void
ContextRelease(void *ptr)
{
	pfree(ptr);
}

static void
CheckInterrupts(void)
{
	CHECK_FOR_INTERRUPTS();
}

void
_PG_init(void)
{
	static const VbRuntimeHooks hooks = {
		ContextAlloc, ContextGrow, ContextRelease, CheckInterrupts
	};

	vb_set_runtime_hooks(&hooks);
}

void
VerbatimRequireUtf8(void)
{
	if (GetDatabaseEncoding() != PG_UTF8)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("verbatim requires a database with UTF8 encoding"),
				 errdetail("The current database uses encoding \"%s\".",
						   GetDatabaseEncodingName()),
				 errhint("Create the database with ENCODING 'UTF8' TEMPLATE template0 and use verbatim there.")));
}

/*
 * The core fails only when memory runs out setting it up, or on a bug (a
 * pattern that does not compile): elog is for the latter alone.
 */
void
VerbatimCoreFailure(const char *what, const char *message)
{
	if (message == vb_out_of_memory)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory"),
				 errdetail("verbatim could not set up %s: %s.", what, message)));
	elog(ERROR, "verbatim: %s failed: %s", what, message);
}

PG_FUNCTION_INFO_V1(verbatim_library_version);

/*
 * The version the shared library was built as, from META.json; the
 * regression tests compare it with the installed extension version so the
 * two cannot drift apart.
 */
Datum
verbatim_library_version(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(VERBATIM_VERSION));
}
