/*
 * fuzz_extract.c
 *		libFuzzer harness: vb_extract, the extraction entry point, on
 *		arbitrary bytes.
 *
 * vb_extract runs the whole pipeline: vb_find_quotes, the sentence context
 * of each quote, vb_attribute (patterns, names, pronouns) and
 * vb_attribute_continuations.  The checks are those of Invariants() in
 * test/core/test_core.c, which the generated-text test applies, plus what
 * the headers say of slices, nesting and speakers, plus determinism.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "vb_extract.h"
#include "vb_utf8.h"

static void
CheckSlice(VbSlice s, size_t len, int i, const char *name)
{
	FUZZ_ASSERT(s.start <= s.end && s.end <= len,
				"quote %d: %s [%zu, %zu) outside a text of %zu bytes", i, name,
				s.start, s.end, len);
}

static void
CheckExtraction(const char *text, size_t len, const VbExtraction *ex)
{
	size_t		chars = vb_utf8_count(text, len);
	size_t		previous_start = 0;
	int			previous_paragraph = 1;
	int			i;

	FUZZ_ASSERT(ex->count >= 0 && (ex->count == 0 || ex->quotes != NULL),
				"%d quotes at %p", ex->count, (void *) ex->quotes);
	for (i = 0; i < ex->count; i++)
	{
		const VbQuote *q = &ex->quotes[i];
		int			j;
		bool		enclosed = false;

		FUZZ_ASSERT(q->start < q->end && q->end <= len,
					"quote %d is [%zu, %zu) in a text of %zu bytes", i,
					q->start, q->end, len);
		FUZZ_ASSERT(q->start >= previous_start,
					"quote %d starts at %zu, before quote %d (%zu)", i, q->start,
					i - 1, previous_start);
		FUZZ_ASSERT(q->char_start == vb_utf8_count(text, q->start) &&
					q->char_length == vb_utf8_count(text + q->start, q->end - q->start) &&
					q->char_start + q->char_length <= chars,
					"quote %d: characters [%zu, +%zu) do not match bytes [%zu, %zu)",
					i, q->char_start, q->char_length, q->start, q->end);
		CheckSlice(q->mention, len, i, "mention");
		CheckSlice(q->cue, len, i, "cue");
		CheckSlice(q->outlet, len, i, "outlet");
		FUZZ_ASSERT(q->kind >= VB_KIND_DIRECT && q->kind <= VB_KIND_SCARE &&
					q->method >= VB_METHOD_NONE && q->method <= VB_METHOD_COLON,
					"quote %d: kind %d, method %d", i, (int) q->kind, (int) q->method);
		FUZZ_ASSERT(!(q->kind == VB_KIND_SCARE && q->speaker != NULL),
					"quote %d is a scare quote with a speaker", i);
		FUZZ_ASSERT(!(q->method == VB_METHOD_CONTINUATION && q->speaker == NULL),
					"quote %d continues a speaker but has none", i);
		FUZZ_ASSERT(!(q->method == VB_METHOD_NONE && q->speaker != NULL),
					"quote %d has a speaker but no attribution method", i);
		FUZZ_ASSERT(q->speaker == NULL || q->speaker[0] != '\0',
					"quote %d has an empty speaker", i);
		FUZZ_ASSERT(q->paragraph >= previous_paragraph && q->depth >= 0,
					"quote %d: paragraph %d after %d, depth %d", i, q->paragraph,
					previous_paragraph, q->depth);

		/*
		 * "depth: 0 unless nested in another quote".  A nested quote's text
		 * lies inside its parent's, and the parent comes first.
		 */
		for (j = 0; j < i; j++)
			if (ex->quotes[j].start <= q->start && q->end <= ex->quotes[j].end)
				enclosed = true;
		FUZZ_ASSERT(enclosed == (q->depth > 0),
					"quote %d [%zu, %zu) has depth %d but is%s inside an earlier quote",
					i, q->start, q->end, q->depth, enclosed ? "" : " not");
		previous_start = q->start;
		previous_paragraph = q->paragraph;
	}
}

static bool
SameSlice(VbSlice a, VbSlice b)
{
	return a.start == b.start && a.end == b.end;
}

static void
CheckSameExtraction(const VbExtraction *a, const VbExtraction *b)
{
	int			i;

	FUZZ_ASSERT(a->count == b->count, "extraction is not deterministic: %d then %d quotes",
				a->count, b->count);
	for (i = 0; i < a->count; i++)
	{
		const VbQuote *x = &a->quotes[i];
		const VbQuote *y = &b->quotes[i];

		FUZZ_ASSERT(x->start == y->start && x->end == y->end &&
					x->paragraph == y->paragraph && x->depth == y->depth &&
					x->kind == y->kind && x->method == y->method &&
					SameSlice(x->mention, y->mention) && SameSlice(x->cue, y->cue) &&
					SameSlice(x->outlet, y->outlet) &&
					(x->speaker == NULL) == (y->speaker == NULL) &&
					(x->speaker == NULL || strcmp(x->speaker, y->speaker) == 0),
					"extraction is not deterministic at quote %d", i);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *text = malloc(size ? size : 1);
	VbExtraction a;
	VbExtraction b;
	const char *error;

	if (size > 0)
		memcpy(text, data, size);
	error = vb_extract(text, size, &a);
	FUZZ_ASSERT(error == NULL, "vb_extract failed: %s", error);
	CheckExtraction(text, size, &a);

	error = vb_extract(text, size, &b);
	FUZZ_ASSERT(error == NULL, "vb_extract failed the second time: %s", error);
	CheckSameExtraction(&a, &b);

	vb_extraction_free(&a);
	vb_extraction_free(&b);
	free(text);
	return 0;
}
