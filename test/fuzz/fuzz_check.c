/*
 * fuzz_check.c
 *		libFuzzer harness: vb_check, with the whole source prepared and with
 *		only the windows around the quotation's words prepared.
 *
 * The input is split into a quotation and a source: at the first NUL byte
 * if there is one (quote, NUL, source), else the first byte says where,
 * as a fraction of the rest.  The source is prepared in full and checked.
 * When vb_source_prepare_for_quote accepts it, the windowed preparation is
 * checked for consistency, and when vb_check_windowed gives a result (a
 * faithful verdict found in the windows) it must be the full check's, to
 * the span, diff and score (what the core tests assert on generated text
 * in TestWindowedPreparation).
 *
 * Windowed preparation only starts at 8 KB of source, longer than most
 * fuzz inputs, so a short source is also checked a second time set inside
 * fixed filler prose, which puts it past that size without the fuzzer
 * having to grow its inputs.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "vb_check.h"

/* Must match WINDOWED_MIN_SOURCE in src/vb_window.c to be of use. */
#define WINDOWED_MIN_SOURCE 8192
#define FILLER_BYTES 4100

static char *filler;
static size_t filler_length;

/*
 * Invented words, so that the filler rarely holds a quotation's words: the
 * windows stay small and the source still counts as long.
 */
static const char *const filler_words[] = {
	"Velmora", "quintal", "brastow", "oxlen", "pirrick", "mendaly",
	"thorrin", "caskel", "wimbrel", "dovage", "ferrulet", "gansor", "hulvey",
	"ispen", "jorrow", "kestane", "lummock", "norrel", "pelvane", "rostrel",
	"sablet", "tumbrow", "urvane", "vossick", "yarrel", "zelbow"
};
#define FILLER_WORDS ((int) (sizeof(filler_words) / sizeof(filler_words[0])))

static void
BuildFiller(void)
{
	uint32_t	state = 12345;
	size_t		n = 0;
	int			words = 0;

	filler = malloc(FILLER_BYTES + 64);
	while (n < FILLER_BYTES)
	{
		const char *w;
		size_t		wl;

		state = state * 1103515245 + 12345;
		w = filler_words[(state >> 16) % FILLER_WORDS];
		wl = strlen(w);
		memcpy(filler + n, w, wl);
		n += wl;
		/* sentences of nine words, so that the filler reads as prose */
		filler[n++] = (++words % 9 == 0) ? '.' : ' ';
		if (words % 9 == 0)
			filler[n++] = ' ';
	}
	filler[n++] = '\n';
	filler_length = n;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void) argc;
	(void) argv;
	BuildFiller();
	return 0;
}

static void
CheckResult(const VbCheckResult *r, const VbSource *source, bool valid_input,
			const char *what)
{
	FUZZ_ASSERT(r->verdict >= VB_VERDICT_EXACT && r->verdict <= VB_VERDICT_UNSUPPORTED,
				"%s: verdict %d", what, (int) r->verdict);
	FUZZ_ASSERT(r->diff != NULL, "%s: no diff", what);
	FUZZ_ASSERT(!isnan(r->coverage) && r->coverage >= 0 && r->coverage <= 1 &&
				!isnan(r->score) && r->score >= 0 && r->score <= 1,
				"%s: coverage %g, score %g", what, r->coverage, r->score);
	FUZZ_ASSERT(!r->has_span ||
				(r->span_start <= r->span_end && r->span_end <= source->length),
				"%s: span [%zu, %zu) in a source of %zu bytes", what,
				r->span_start, r->span_end, source->length);
	/* README.md: score 1 for every faithful verdict, no span if unsupported */
	FUZZ_ASSERT(r->verdict > VB_VERDICT_ELIDED || r->score == 1,
				"%s: %s with score %g", what, vb_verdict_name(r->verdict), r->score);
	FUZZ_ASSERT(!(r->verdict == VB_VERDICT_UNSUPPORTED && r->has_span),
				"%s: an unsupported quotation with a span", what);
	FUZZ_ASSERT((r->flags & ~(unsigned) (VB_FLAG_NEGATION | VB_FLAG_NUMBER |
										  VB_FLAG_NAME | VB_FLAG_HEDGE)) == 0 &&
				(r->flags == 0 || r->verdict == VB_VERDICT_ALTERED),
				"%s: flags 0x%x with verdict %s", what, r->flags,
				vb_verdict_name(r->verdict));
	/* the diff is made of whole words of the quote and the source */
	FUZZ_ASSERT(!valid_input || FuzzValidUtf8(r->diff, strlen(r->diff)),
				"%s: the diff of valid UTF-8 is not valid UTF-8", what);
}

static bool
SameResult(const VbCheckResult *a, const VbCheckResult *b)
{
	return a->verdict == b->verdict && a->has_span == b->has_span &&
		(!a->has_span || (a->span_start == b->span_start &&
						  a->span_end == b->span_end)) &&
		strcmp(a->diff, b->diff) == 0 && a->score == b->score &&
		a->coverage == b->coverage && a->flags == b->flags;
}

/*
 * Check quote against text prepared in full and, when it pays, windowed.
 * recheck: check twice on the full preparation (the second time costs as
 * much as the first, so only once per input).
 */
static void
CheckPair(const char *quote, size_t quote_len, const char *text, size_t len,
		  bool recheck, const char *what)
{
	bool		valid = FuzzValidUtf8(quote, quote_len) && FuzzValidUtf8(text, len);
	VbSource	full;
	VbSource	part;
	VbCheckResult r1;
	VbCheckResult again;

	vb_source_prepare(text, len, &full);
	FUZZ_ASSERT(full.text == text && full.length == len,
				"%s: the prepared source is not the text", what);
	FuzzCheckSource(&full, true, what);
	vb_check(quote, quote_len, &full, &r1);
	CheckResult(&r1, &full, valid, what);

	/* checking leaves the prepared source as it was */
	if (recheck)
	{
		vb_check(quote, quote_len, &full, &again);
		FUZZ_ASSERT(SameResult(&r1, &again) && r1.flags == again.flags,
					"%s: checking twice gives %s then %s", what,
					vb_verdict_name(r1.verdict), vb_verdict_name(again.verdict));
		vb_check_result_free(&again);
	}

	if (vb_source_prepare_for_quote(text, len, quote, quote_len, &part))
	{
		VbCheckResult r2;

		FuzzCheckSource(&part, false, "windowed preparation");
		FUZZ_ASSERT(part.word_count <= full.word_count,
					"%s: the windows hold %d words, the whole source %d", what,
					part.word_count, full.word_count);
		vb_check(quote, quote_len, &part, &r2);
		CheckResult(&r2, &part, valid, "windowed check");
		vb_check_result_free(&r2);
		vb_source_free(&part);
	}
	{
		VbCheckResult r3;

		if (vb_check_windowed(text, len, quote, quote_len, &r3))
		{
			FUZZ_ASSERT(r3.verdict <= VB_VERDICT_ELIDED,
						"%s: vb_check_windowed stands by a %s verdict", what,
						vb_verdict_name(r3.verdict));
			if (!SameResult(&r1, &r3))
				FuzzFail("%s: a faithful windowed check disagrees with the full one:\n"
						 "  full:     %s, span %s[%zu, %zu), diff \"%.300s\"\n"
						 "  windowed: %s, span %s[%zu, %zu), diff \"%.300s\"",
						 what, vb_verdict_name(r1.verdict), r1.has_span ? "" : "none ",
						 r1.span_start, r1.span_end, r1.diff,
						 vb_verdict_name(r3.verdict), r3.has_span ? "" : "none ",
						 r3.span_start, r3.span_end, r3.diff);
			vb_check_result_free(&r3);
		}
	}
	vb_check_result_free(&r1);
	vb_source_free(&full);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = size > 0 ? memchr(data, 0, size) : NULL;
	size_t		quote_len;
	size_t		source_offset;
	char	   *quote;
	char	   *source;
	size_t		source_len;

	if (nul != NULL)
	{
		quote_len = (size_t) (nul - data);
		source_offset = quote_len + 1;
		quote = malloc(quote_len ? quote_len : 1);
		memcpy(quote, data, quote_len);
	}
	else
	{
		size_t		rest = size > 0 ? size - 1 : 0;

		quote_len = size > 0 ? (rest * data[0]) / 255 : 0;
		source_offset = size > 0 ? 1 + quote_len : 0;
		quote = malloc(quote_len ? quote_len : 1);
		if (quote_len > 0)
			memcpy(quote, data + 1, quote_len);
	}
	source_len = size - source_offset;
	source = malloc(source_len ? source_len : 1);
	if (source_len > 0)
		memcpy(source, data + source_offset, source_len);

	CheckPair(quote, quote_len, source, source_len, true, "source as given");

	if (source_len < WINDOWED_MIN_SOURCE)
	{
		size_t		padded_len = filler_length + source_len + 1 + filler_length;
		char	   *padded = malloc(padded_len);

		memcpy(padded, filler, filler_length);
		if (source_len > 0)
			memcpy(padded + filler_length, source, source_len);
		padded[filler_length + source_len] = '\n';
		memcpy(padded + filler_length + source_len + 1, filler, filler_length);
		CheckPair(quote, quote_len, padded, padded_len, false, "source inside filler");
		free(padded);
	}

	free(source);
	free(quote);
	return 0;
}
