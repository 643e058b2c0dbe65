/*
 * test_core.c
 *		Unit tests of the plain-C text core, run under ASan and UBSan.
 *
 * Prints one "ok N - name" or "not ok N - name" line per check.  Beyond the
 * named cases, a seeded generator feeds the extractor texts made of quote
 * marks, letters, spaces, line breaks and invalid bytes, and checks the
 * invariants every result must keep.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vb_check.h"
#include "vb_extract.h"
#include "vb_fingerprint.h"
#include "vb_utf8.h"

static int	checks;
static int	failures;

static void
Check(int ok, const char *fmt,...)
{
	va_list		args;

	checks++;
	if (!ok)
		failures++;
	printf("%sok %d - ", ok ? "" : "not ", checks);
	va_start(args, fmt);
	vprintf(fmt, args);
	va_end(args);
	putchar('\n');
}

static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;

static uint32_t
Random(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t) (rng_state >> 16);
}

static int
Extract(const char *text, VbExtraction *ex)
{
	return vb_extract(text, strlen(text), ex) == NULL;
}

static void
TestDecoding(void)
{
	static const char *const invalid[] = {
		"\x80", "\xC0\x80", "\xC2", "\xE2\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80",
		"\xF8\x88\x80\x80\x80", "\xFF"
	};
	size_t		i;
	int			ok = 1;

	for (i = 0; i < sizeof(invalid) / sizeof(invalid[0]); i++)
	{
		size_t		width;
		uint32_t	c = vb_utf8_decode(invalid[i], strlen(invalid[i]), 0, &width);

		ok &= c == VB_REPLACEMENT_CHAR && width == 1;
	}
	Check(ok, "invalid UTF-8 decodes as U+FFFD, one byte at a time");
	{
		size_t		width;

		Check(vb_utf8_decode("\xE2\x80\x9C", 3, 0, &width) == 0x201C && width == 3,
			  "a curly quote decodes in three bytes");
	}
	Check(vb_utf8_count("a\xC3\xA9\xF0\x9F\x98\x80", 7) == 3,
		  "character count matches what substr() counts");
}

static void
TestCases(void)
{
	VbExtraction ex;

	Check(Extract("", &ex) && ex.count == 0, "empty text yields nothing");
	vb_extraction_free(&ex);

	Check(Extract("\xE2\x80\x9CWe will,\xE2\x80\x9D Dana Whitlock said.", &ex) &&
		  ex.count == 1 && ex.quotes[0].method == VB_METHOD_NAMED &&
		  ex.quotes[0].speaker && strcmp(ex.quotes[0].speaker, "Dana Whitlock") == 0 &&
		  ex.quotes[0].char_start == 1 && ex.quotes[0].char_length == 8,
		  "a named attribution, with character offsets");
	vb_extraction_free(&ex);

	Check(Extract("He didn't say it's over.", &ex) && ex.count == 0,
		  "apostrophes are not quote marks");
	vb_extraction_free(&ex);

	Check(Extract("\"A,\" she said. \"B.\"", &ex) && ex.count == 2 &&
		  ex.quotes[0].method == VB_METHOD_PRONOUN &&
		  ex.quotes[1].method == VB_METHOD_NONE,
		  "an unresolved pronoun passes no speaker on");
	vb_extraction_free(&ex);

	Check(Extract("Marta Lindqvist spoke. \"A,\" she said. \"B.\"", &ex) &&
		  ex.count == 2 && ex.quotes[1].method == VB_METHOD_CONTINUATION &&
		  ex.quotes[1].speaker && strcmp(ex.quotes[1].speaker, "Marta Lindqvist") == 0,
		  "a continuation inherits a resolved speaker");
	vb_extraction_free(&ex);
}

/* Tokens in order and apart, start < end <= len (vb_normalize.c). */
static int
TokensApart(const char *text, const VbTokens *t)
{
	size_t		previous_end = 0;
	int			i;

	for (i = 0; i < t->count; i++)
	{
		if (t->items[i].start < previous_end ||
			t->items[i].start >= t->items[i].end || t->items[i].end > strlen(text))
			return 0;
		previous_end = t->items[i].end;
	}
	return 1;
}

/* The last word and the ellipsis after it: "U.S..." and its variants. */
static int
AbbreviationThenEllipsis(const char *text, const char *word, const char *ellipsis)
{
	VbTokens	t;
	int			i;
	int			ok = 0;

	vb_tokenize(text, strlen(text), &t);
	for (i = 0; i + 1 < t.count && TokensApart(text, &t); i++)
	{
		const VbToken *w = &t.items[i];
		const VbToken *e = &t.items[i + 1];

		if (e->kind != VB_TOKEN_ELLIPSIS)
			continue;
		ok = w->kind == VB_TOKEN_WORD &&
			w->end - w->start == strlen(word) &&
			memcmp(text + w->start, word, strlen(word)) == 0 &&
			e->end - e->start == strlen(ellipsis) &&
			memcmp(text + e->start, ellipsis, strlen(ellipsis)) == 0;
		break;
	}
	vb_tokens_free(&t);
	return ok;
}

/* Findings of the libFuzzer harnesses (test/fuzz/crashes/), fixed. */
static void
TestFuzzFindings(void)
{
	VbExtraction ex;
	VbTokens	t;
	static const char stray[] =
		"Dana Whitlock toured the \"new plant on Monday. "
		"\"We will fix the pipes,\" she said. \"All of them.\"";

	Check(AbbreviationThenEllipsis("He moved to the U.S... and never came back.", "U.S", "...") &&
		  AbbreviationThenEllipsis("the U.S.... and", "U.S.", "...") &&
		  AbbreviationThenEllipsis("the U.S. . . . and", "U.S.", ". . .") &&
		  AbbreviationThenEllipsis("the U.S. . . and", "U.S", ". . .") &&
		  AbbreviationThenEllipsis("the U.S.\xE2\x80\xA6 and", "U.S.", "\xE2\x80\xA6"),
		  "an abbreviation's dot and an ellipsis after it are not shared (fuzz_normalize-abbreviation-ellipsis-overlap)");

	vb_tokenize("the U.S. is", 11, &t);
	Check(t.count == 3 && t.items[1].end == 8 && TokensApart("the U.S. is", &t),
		  "an abbreviation keeps its final dot");
	vb_tokens_free(&t);

	Check(Extract(stray, &ex) && ex.count == 2 &&
		  ex.quotes[0].depth == 0 && ex.quotes[1].depth == 0 &&
		  ex.quotes[0].method == VB_METHOD_PRONOUN && ex.quotes[0].speaker &&
		  strcmp(ex.quotes[0].speaker, "Dana Whitlock") == 0,
		  "a stray opening mark that never closes encloses nothing: depth 0, attributed (fuzz_extract-depth-without-parent)");
	vb_extraction_free(&ex);
}

static const char *const fragments[] = {
	"\"", "'", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99",
	"\xE2\x80\x9E", "\xC2\xAB", "\xC2\xBB", "\xE3\x80\x8C", "\xE3\x80\x8D",
	"\xE2\x80\xB9", "\xE2\x80\xBA", " ", " ", " ", "\n", "\n\n", "\r\n",
	"said", "says", "she", "he", "Whitlock", "Dana Whitlock", "according to",
	"As", "puts it", ",", ".", ":", "!", "?", "\xE2\x80\xA6", "...", "[", "]",
	"word", "the", "a", "O'Brien", "didn\xE2\x80\x99t", "\xC3\xA9", "\xF0\x9F\x98\x80",
	"\x80", "\xFF", "\xC3", "\xE2\x80", "\t", "\xC2\xA0", "\xCC\x81"
};

/* Every result keeps these, whatever the text. */
static int
Invariants(const char *text, size_t len, const VbExtraction *ex)
{
	size_t		chars = vb_utf8_count(text, len);
	size_t		previous_start = 0;
	int			i;

	for (i = 0; i < ex->count; i++)
	{
		const VbQuote *q = &ex->quotes[i];

		if (!(q->start < q->end && q->end <= len && q->start >= previous_start))
			return 0;
		if (q->char_start + q->char_length > chars ||
			q->char_length != vb_utf8_count(text + q->start, q->end - q->start) ||
			q->char_start != vb_utf8_count(text, q->start))
			return 0;
		if (q->mention.end > len || q->cue.end > len || q->outlet.end > len ||
			q->mention.start > q->mention.end || q->cue.start > q->cue.end)
			return 0;
		if (q->kind == VB_KIND_SCARE && q->speaker != NULL)
			return 0;
		if (q->method == VB_METHOD_CONTINUATION && q->speaker == NULL)
			return 0;
		if (q->paragraph < 1 || q->depth < 0)
			return 0;
		previous_start = q->start;
	}
	return 1;
}

static void
TestGenerated(void)
{
	int			round;
	int			broken = 0;
	int			nondeterministic = 0;
	int			found = 0;
	char	   *text = malloc(8192);

	for (round = 0; round < 20000; round++)
	{
		size_t		len = 0;
		int			n = Random() % 200;
		VbExtraction a;
		VbExtraction b;
		int			i;

		for (i = 0; i < n; i++)
		{
			const char *f = fragments[Random() % (sizeof(fragments) / sizeof(fragments[0]))];
			size_t		fl = strlen(f);

			memcpy(text + len, f, fl);
			len += fl;
		}
		if (vb_extract(text, len, &a) != NULL || vb_extract(text, len, &b) != NULL)
		{
			broken++;
			continue;
		}
		if (!Invariants(text, len, &a))
			broken++;
		if (a.count != b.count)
			nondeterministic++;
		else
			for (i = 0; i < a.count; i++)
				if (a.quotes[i].start != b.quotes[i].start ||
					a.quotes[i].method != b.quotes[i].method ||
					(a.quotes[i].speaker == NULL) != (b.quotes[i].speaker == NULL))
					nondeterministic++;
		found += a.count;
		vb_extraction_free(&a);
		vb_extraction_free(&b);

		/* check_quote on the same noise: a verdict and a span in bounds */
		{
			VbSource	source;
			VbCheckResult r;
			size_t		cut = len / 3;

			vb_source_prepare(text, len, &source);
			vb_check(text + cut, len - cut, &source, &r);
			if (r.diff == NULL || (r.has_span && !(r.span_start <= r.span_end && r.span_end <= len)) ||
				r.coverage < 0 || r.coverage > 1)
				broken++;
			vb_check_result_free(&r);
			vb_source_free(&source);
		}
	}
	free(text);
	Check(broken == 0, "20000 generated texts keep every invariant of extraction and checking (%d broken, %d quotes found)",
		  broken, found);
	Check(nondeterministic == 0, "extraction is deterministic");
	Check(found > 1000, "generated texts do contain quotations");
}

/*
 * Properties of check_quote over generated sources: sentences of random
 * words from a vocabulary, quotations cut from them and then changed in
 * known ways.
 */
static const char *const vocabulary[] = {
	"harbor", "water", "board", "meters", "pipes", "audit", "council",
	"budget", "residents", "rates", "report", "public", "data", "plan",
	"reform", "system", "utility", "costs", "repairs", "district", "contract",
	"billing", "records", "engineers", "summer", "winter", "pressure", "leak",
	"reservoir", "pump", "station", "quality", "testing", "results",
	"meeting", "vote", "proposal", "funding", "grant", "network", "sensors",
	"operator", "customers", "complaints", "households", "neighborhood",
	"river", "treatment", "plant", "critics", "supporters", "published",
	"promised", "delayed", "approved", "rejected", "reviewed", "measured",
	"replaced", "installed", "questioned", "examined", "ordered", "valve",
	"ledger", "column", "charter", "street", "figures", "averages", "tool",
	"brochure", "dashboard", "portal", "crew", "backlog", "readings",
	"gallon", "main", "ratepayer", "secrecy", "habit", "gap", "truck"
};
#define VOCABULARY_SIZE ((int) (sizeof(vocabulary) / sizeof(vocabulary[0])))

typedef struct Sentence
{
	int			words[24];
	int			count;
} Sentence;

static size_t
WriteWords(char *out, const int *words, int count, bool capital_first, const char *end)
{
	size_t		n = 0;
	int			i;

	for (i = 0; i < count; i++)
	{
		/* indexes past the vocabulary make compounds: "harborwater" */
		const char *w = vocabulary[words[i] % VOCABULARY_SIZE];
		size_t		start;

		if (i > 0)
			out[n++] = ' ';
		start = n;
		if (words[i] >= VOCABULARY_SIZE)
		{
			const char *first = vocabulary[(words[i] / VOCABULARY_SIZE - 1) % VOCABULARY_SIZE];

			memcpy(out + n, first, strlen(first));
			n += strlen(first);
		}
		memcpy(out + n, w, strlen(w));
		n += strlen(w);
		if (i == 0 && capital_first)
			out[start] = (char) (out[start] - 32);
	}
	memcpy(out + n, end, strlen(end));
	n += strlen(end);
	out[n] = '\0';
	return n;
}

/*
 * Sentences of 10 to 21 random words, capitalised, with a full stop; every
 * paragraph_every-th sentence (if not 0) starts a new line.
 */
static size_t
GenerateSource(Sentence *s, int count, char *text, int paragraph_every,
			   int vocabulary_size)
{
	size_t		n = 0;
	int			i;

	for (i = 0; i < count; i++)
	{
		int			k;

		s[i].count = 10 + Random() % 12;
		for (k = 0; k < s[i].count; k++)
			s[i].words[k] = Random() % vocabulary_size;
		if (i > 0)
			text[n++] = (paragraph_every > 0 && i % paragraph_every == 0) ? '\n' : ' ';
		n += WriteWords(text + n, s[i].words, s[i].count, true, ".");
	}
	return n;
}

static VbVerdict
CheckText(const VbSource *source, const char *quote, char **diff)
{
	VbCheckResult r;
	VbVerdict	v;

	vb_check(quote, strlen(quote), source, &r);
	v = r.verdict;
	if (diff)
		*diff = strdup(r.diff);
	vb_check_result_free(&r);
	return v;
}

static void
TestCheckProperties(void)
{
	enum
	{
		ROUNDS = 300, SENTENCES = 40
	};
	int			failures_by_property[6] = {0};
	static const char *const property[6] = {
		"a span cut from the source is exact",
		"changing only case and marks gives typographic",
		"replacing inner words by an ellipsis gives elided",
		"substituting one word gives altered, with the word in the diff",
		"joining two distant sentences gives spliced",
		"a sentence of other words gives unsupported"
	};
	char	   *source_text = malloc(64 * 1024);
	char		quote[1024];
	int			round;
	int			p;

	for (round = 0; round < ROUNDS; round++)
	{
		Sentence	s[SENTENCES];
		size_t		n;
		VbSource	source;
		int			i;
		int			a = Random() % SENTENCES;
		int			b = (a + 10 + Random() % (SENTENCES - 20)) % SENTENCES;
		char	   *diff = NULL;

		n = GenerateSource(s, SENTENCES, source_text, 0, VOCABULARY_SIZE);
		vb_source_prepare(source_text, n, &source);

		/* 1: a cut, with the final full stop swapped for a comma */
		WriteWords(quote, s[a].words, s[a].count, true, ",");
		failures_by_property[0] += CheckText(&source, quote, NULL) != VB_VERDICT_EXACT;

		/* 2: upper case and typographic marks */
		WriteWords(quote, s[a].words, s[a].count, true, "");
		for (i = 0; quote[i]; i++)
			if (quote[i] >= 'a' && quote[i] <= 'z' && i % 3 == 0)
				quote[i] = (char) (quote[i] - 32);
		strcat(quote, "\xE2\x80\x94");
		failures_by_property[1] += CheckText(&source, quote, NULL) != VB_VERDICT_TYPOGRAPHIC;

		/* 3: inner words replaced by an ellipsis */
		{
			size_t		m = WriteWords(quote, s[a].words, 3, true, " \xE2\x80\xA6 ");

			WriteWords(quote + m, s[a].words + 6, s[a].count - 6, false, ".");
			failures_by_property[2] += CheckText(&source, quote, NULL) != VB_VERDICT_ELIDED;
		}

		/* 4: one inner word substituted by a word from outside the vocabulary */
		{
			int			words[24];
			int			k = 4 + Random() % (s[a].count - 8);
			char	   *mark;

			memcpy(words, s[a].words, sizeof(int) * s[a].count);
			WriteWords(quote, words, k, true, " quagmire ");
			WriteWords(quote + strlen(quote), words + k + 1, s[a].count - k - 1, false, ".");
			failures_by_property[3] += CheckText(&source, quote, &diff) != VB_VERDICT_ALTERED ||
				(mark = strstr(diff, "{+quagmire+}")) == NULL;
			free(diff);
		}

		/* 5: two distant sentences joined */
		{
			size_t		m = WriteWords(quote, s[a].words, s[a].count, true, ". ");

			WriteWords(quote + m, s[b].words, s[b].count, true, ".");
			failures_by_property[4] += CheckText(&source, quote, NULL) != VB_VERDICT_SPLICED;
		}

		/* 6: another text altogether */
		failures_by_property[5] += CheckText(&source,
											 "Forty lanterns drifted past the silent observatory tonight.",
											 NULL) != VB_VERDICT_UNSUPPORTED;
		vb_source_free(&source);
	}
	for (p = 0; p < 6; p++)
		Check(failures_by_property[p] == 0, "%s (%d of %d generated cases fail)",
			  property[p], failures_by_property[p], ROUNDS);
	free(source_text);
}

/*
 * Preparing only the windows around a quote's distinctive words must give
 * the verdict, span and diff that preparing the whole source gives.
 */
static void
TestWindowedPreparation(void)
{
	enum
	{
		ROUNDS = 100, SENTENCES = 150
	};
	char	   *text = malloc(256 * 1024);
	char		quote[2048];
	int			differ = 0;
	int			windowed = 0;
	int			round;

	for (round = 0; round < ROUNDS; round++)
	{
		Sentence	s[SENTENCES];
		size_t		n = GenerateSource(s, SENTENCES, text, 7,
										   VOCABULARY_SIZE * (VOCABULARY_SIZE + 1));
		int			kind;

		for (kind = 0; kind < 4; kind++)
		{
			int			a = Random() % SENTENCES;
			int			b = (a + 40) % SENTENCES;
			VbSource	full;
			VbSource	part;
			VbCheckResult r1;
			VbCheckResult r2;

			if (kind == 0)
				WriteWords(quote, s[a].words, s[a].count, true, ",");
			else if (kind == 1)
			{
				size_t		m = WriteWords(quote, s[a].words, 4, true, " quagmire ");

				WriteWords(quote + m, s[a].words + 5, s[a].count - 5, false, ".");
			}
			else if (kind == 2)
			{
				size_t		m = WriteWords(quote, s[a].words, s[a].count, true, ". ");

				WriteWords(quote + m, s[b].words, s[b].count, true, ".");
			}
			else
				strcpy(quote, "Forty lanterns drifted past the silent observatory tonight.");

			vb_source_prepare(text, n, &full);
			vb_check(quote, strlen(quote), &full, &r1);
			if (vb_check_windowed(text, n, quote, strlen(quote), &r2))
			{
				windowed++;
				if (r1.verdict != r2.verdict || r1.has_span != r2.has_span ||
					(r1.has_span && (r1.span_start != r2.span_start || r1.span_end != r2.span_end)) ||
					strcmp(r1.diff, r2.diff) != 0 || r1.score != r2.score ||
					r1.coverage != r2.coverage || r1.flags != r2.flags)
				{
					differ++;
					if (getenv("VB_DEBUG"))
						printf("# kind %d: %s vs %s\n#   %s\n#   %s\n", kind,
							   vb_verdict_name(r1.verdict), vb_verdict_name(r2.verdict),
							   r1.diff, r2.diff);
				}
				vb_check_result_free(&r2);
			}
			else if (r1.verdict <= VB_VERDICT_ELIDED &&
					 vb_source_prepare_for_quote(text, n, quote, strlen(quote), &part))
			{
				/* windows that were made must not miss a faithful passage */
				differ++;
				vb_source_free(&part);
			}
			vb_check_result_free(&r1);
			vb_source_free(&full);
		}
	}
	Check(differ == 0 && windowed >= ROUNDS,
		  "a faithful verdict found in the windows around a quote's words is what the whole source gives, and one the whole source gives is found there (%d of %d differ)",
		  differ, windowed);
	free(text);
}

/*
 * A square bracket open across the place where a long text is cut into
 * pieces (64 KB in vb_fingerprint.c): the words up to the closing bracket
 * are still the editor's, and add nothing to the fingerprint.  The fuzz
 * finding bracket-cut, "[s s" repeated past 64 KB.
 */
static void
TestFingerprintBracketAcrossCut(const char *text, size_t len)
{
	size_t		head = 1000;
	size_t		inside;
	size_t		tail;
	size_t		n = 0;
	char	   *buf = malloc(len + 8);
	uint32_t   *both;
	VbFingerprint whole;
	VbFingerprint before;
	VbFingerprint after;
	size_t		count;
	bool		same;

	/* cut the source at spaces, so that no word is split */
	while (text[head] != ' ')
		head++;
	inside = head + 70000;
	while (text[inside] != ' ')
		inside++;
	tail = inside + 2000;
	while (text[tail] != ' ')
		tail++;
	memcpy(buf, text, head);
	n = head;
	memcpy(buf + n, " [", 2);
	n += 2;
	memcpy(buf + n, text + head, inside - head);
	n += inside - head;
	memcpy(buf + n, "] ", 2);
	n += 2;
	memcpy(buf + n, text + inside, tail - inside);
	n += tail - inside;

	vb_fingerprint(buf, n, &whole);
	vb_fingerprint(text, head, &before);
	vb_fingerprint(text + inside, tail - inside, &after);
	both = malloc(sizeof(uint32_t) * (before.count + after.count + 1));
	memcpy(both, before.hashes, sizeof(uint32_t) * before.count);
	memcpy(both + before.count, after.hashes, sizeof(uint32_t) * after.count);
	count = vb_fingerprint_canonicalize(both, before.count + after.count);
	same = count == whole.count && count > 0 &&
		memcmp(both, whole.hashes, sizeof(uint32_t) * count) == 0 &&
		memchr(text, '[', tail) == NULL && memchr(text, ']', tail) == NULL;
	Check(same,
		  "a bracket open across a piece cut keeps its words out of the fingerprint (%zu hashes, %zu outside the brackets)",
		  whole.count, count);
	vb_fingerprint_free(&whole);
	vb_fingerprint_free(&before);
	vb_fingerprint_free(&after);
	free(both);
	free(buf);
}

/*
 * The fingerprint's promise: a quote sharing any run of VB_GUARANTEED_RUN
 * words with a source (typography aside, ellipses cutting the rest) shares
 * a hash with it.  The source is long enough to be fingerprinted in
 * several pieces, so runs across a piece boundary are tried too.
 */
static void
TestFingerprint(void)
{
	enum
	{
		SENTENCES = 8000, ROUNDS = 3000
	};
	Sentence   *s = malloc(sizeof(Sentence) * SENTENCES);
	char	   *text = malloc((size_t) SENTENCES * 24 * 40);
	int		   *flat = malloc(sizeof(int) * SENTENCES * 24);
	char		quote[4096];
	size_t		len;
	int			nflat = 0;
	int			shared = 0;
	int			stranger = 0;
	int			rounds;
	bool		ascending = true;
	VbFingerprint source;
	VbFingerprint again;
	size_t		i;

	len = GenerateSource(s, SENTENCES, text, 5, VOCABULARY_SIZE * VOCABULARY_SIZE);
	for (i = 0; i < SENTENCES; i++)
	{
		memcpy(flat + nflat, s[i].words, sizeof(int) * s[i].count);
		nflat += s[i].count;
	}
	vb_fingerprint(text, len, &source);
	vb_fingerprint(text, len, &again);
	for (i = 1; i < source.count; i++)
		ascending &= source.hashes[i] > source.hashes[i - 1];
	Check(ascending && source.count == again.count &&
		  memcmp(source.hashes, again.hashes, source.count * sizeof(uint32_t)) == 0 &&
		  len > 4 * 65536,
		  "a fingerprint of %zu bytes is ascending, free of duplicates and the same twice (%zu hashes)",
		  len, source.count);
	vb_fingerprint_free(&again);

	for (rounds = 0; rounds < ROUNDS; rounds++)
	{
		int			run = VB_GUARANTEED_RUN + Random() % 12;
		int			at = Random() % (nflat - run);
		int			other[8];
		size_t		n = 0;
		int			k;
		VbFingerprint q;

		/* a stranger's words, then the run in another typography */
		for (k = 0; k < 3; k++)
			other[k] = Random() % VOCABULARY_SIZE;
		n += WriteWords(quote + n, other, 3, true, " \xE2\x80\x9C");
		n += WriteWords(quote + n, flat + at, run, Random() % 2, ",\xE2\x80\x9D ");
		if (Random() % 2)
		{
			/* an elision, then a later run */
			int			later = at + run + 1 + Random() % 40;

			if (later + VB_GUARANTEED_RUN < nflat)
				n += WriteWords(quote + n - 1, flat + later, VB_GUARANTEED_RUN, false, " ...") - 1;
		}
		vb_fingerprint(quote, n, &q);
		shared += vb_fingerprint_overlaps(q.hashes, q.count, source.hashes, source.count);
		vb_fingerprint_free(&q);

		/* eight random words: a run the source is unlikely to hold */
		for (k = 0; k < 8; k++)
			other[k] = VOCABULARY_SIZE * VOCABULARY_SIZE + Random() % 1000;
		n = WriteWords(quote, other, 8, true, ".");
		vb_fingerprint(quote, n, &q);
		stranger += vb_fingerprint_overlaps(q.hashes, q.count, source.hashes, source.count);
		vb_fingerprint_free(&q);
	}
	Check(shared == ROUNDS,
		  "a quote sharing a run of %d words with a source shares a hash (%d of %d)",
		  VB_GUARANTEED_RUN, shared, ROUNDS);
	Check(stranger == 0, "a quote of eight random words shares no hash (%d of %d do)",
		  stranger, ROUNDS);
	{
		VbFingerprint q;

		vb_fingerprint("one two three four five", 23, &q);
		Check(q.count == 0, "five words make no fingerprint");
		vb_fingerprint_free(&q);
		vb_fingerprint("one two three [four] five six seven eight", 41, &q);
		Check(q.count == 0, "a bracket breaks a run");
		vb_fingerprint_free(&q);
	}
	TestFingerprintBracketAcrossCut(text, len);
	vb_fingerprint_free(&source);
	free(flat);
	free(text);
	free(s);
}

int
main(void)
{
	TestDecoding();
	TestCases();
	TestFuzzFindings();
	TestGenerated();
	TestCheckProperties();
	TestWindowedPreparation();
	TestFingerprint();
	printf("# %d checks, %d failed\n", checks, failures);
	return failures != 0;
}
