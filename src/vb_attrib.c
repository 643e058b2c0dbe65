/*
 * vb_attrib.c
 *		Who said each quotation.
 *
 * Attribution looks at a window of text on each side of a quotation: after
 * the closing mark first ("…," Whitlock said), then before the opening mark
 * (Whitlock said: "…").  Windows stop at a line break, at a neighbouring
 * quotation and at the quotation enclosing this one, so a pattern never
 * borrows another quote's attribution.
 *
 * Names resolve to people in two passes.  The first registers every named
 * speaker, so a surname maps to the full name written earlier.  The second
 * resolves pronouns to the nearest person mentioned before them outside
 * quoted text: a registered name, a name next to a reporting verb, or the
 * speaker of an earlier attribution.
 */
#include "vb_attrib.h"

#include <string.h>

#include "vb_names.h"
#include "vb_runtime.h"
#include "vb_utf8.h"

/* Window sizes, in bytes. */
#define AFTER_WINDOW 300
#define BEFORE_WINDOW 300
#define PRONOUN_LOOKBACK 3000

typedef struct PatternHit
{
	bool		found;
	VbPattern	pattern;
	VbPatternMatch match;
	bool		pronoun;
	VbSlice		mention;
	VbSlice		bare;
} PatternHit;

typedef struct SpeakerAt
{
	size_t		position;
	int			person;
} SpeakerAt;

/* The latest close of a quote that ended before span i opened. */
static size_t
PreviousClose(const VbQuoteList *spans, int i)
{
	const VbQuoteSpan *q = &spans->items[i];
	size_t		best = 0;
	int			j = i - 1;

	while (j >= 0)
	{
		const VbQuoteSpan *p = &spans->items[j];

		if (p->close <= q->open)
		{
			if (p->close > best)
				best = p->close;
			j = p->parent;		/* its ancestors may close later */
		}
		else
			break;				/* an ancestor of q */
	}
	return best;
}

static void
AfterWindow(const char *text, size_t len, const VbQuoteList *spans, int i,
			size_t *from, size_t *to)
{
	const VbQuoteSpan *q = &spans->items[i];
	size_t		limit = len - q->close > AFTER_WINDOW ? q->close + AFTER_WINDOW : len;
	int			j;

	if (q->parent >= 0 && spans->items[q->parent].end < limit)
		limit = spans->items[q->parent].end;
	for (j = i + 1; j < spans->count; j++)
	{
		if (spans->items[j].open >= q->close)
		{
			if (spans->items[j].open < limit)
				limit = spans->items[j].open;
			break;
		}
	}
	*from = q->close;
	*to = vb_skip(text, q->close, limit > q->close ? limit : q->close,
				  vb_is_linebreak, false);
}

static void
BeforeWindow(const char *text, const VbQuoteList *spans, int i,
			 size_t *from, size_t *to)
{
	const VbQuoteSpan *q = &spans->items[i];
	size_t		limit = q->open > BEFORE_WINDOW ? q->open - BEFORE_WINDOW : 0;
	size_t		previous = PreviousClose(spans, i);

	if (previous > limit)
		limit = previous;
	if (q->parent >= 0 && spans->items[q->parent].start > limit)
		limit = spans->items[q->parent].start;
	*from = vb_skip_back(text, q->open, limit, vb_is_linebreak, false);
	*to = q->open;
}

/*
 * Where the sentence containing `to` starts, no earlier than `from`.  A
 * full stop ends a sentence when it follows a lower-case word that is not
 * a title ("Dr.") and is followed by space; after an initial or "U.S." it
 * does not.
 */
/* Words whose full stop does not end a sentence. */
static const char *const abbreviations[] = {
	"Dr", "Mr", "Mrs", "Ms", "Mx", "St", "Jr", "Sr", "Prof", "Gen", "Gov",
	"Sen", "Rep", "Lt", "Col", "Capt", "Rev", "Sgt", "vs", "etc", "No",
	"approx", "Mt", "Ave", "Inc", "Ltd", "Co", "Corp", NULL
};

static size_t
SentenceStart(const char *text, size_t from, size_t to)
{
	size_t		space;

	for (space = to; space > from + 1; space--)
	{
		size_t		stop = space - 2;
		char		c = text[stop];
		size_t		word_start = stop;
		unsigned char before;

		if (!(text[space - 1] == ' ' || text[space - 1] == '\t') ||
			!(c == '.' || c == '!' || c == '?'))
			continue;
		if (c != '.')
			return space - 1;
		while (word_start > from && text[word_start - 1] != ' ' &&
			   text[word_start - 1] != '\n')
			word_start--;
		if (word_start == stop)
			continue;
		before = (unsigned char) text[stop - 1];
		if (!((before >= 'a' && before <= 'z') || (before >= '0' && before <= '9') ||
			  before >= 0x80 || before == ')'))
			continue;
		if (vb_word_in_list(text + word_start, stop - word_start, abbreviations))
			continue;
		return space - 1;
	}
	return from;
}

/* The last character before `to` that is not white space, or 0. */
static char
LastNonSpace(const char *text, size_t from, size_t to)
{
	while (to > from)
	{
		char		c = text[to - 1];

		if (c != ' ' && c != '\t' && c != '\xA0' && c != '\xC2')
			return c;
		to--;
	}
	return 0;
}

static bool
SliceIsPronoun(const char *text, VbSlice s)
{
	return vb_is_pronoun(text + s.start, s.end - s.start);
}

static bool
TryPattern(const char *text, VbPattern pattern, size_t from, size_t to,
		   PatternHit *hit)
{
	VbPatternMatch m;

	if (!vb_pattern_find(pattern, text, from, to, &m))
		return false;
	hit->pattern = pattern;
	hit->match = m;
	hit->pronoun = SliceIsPronoun(text, m.who);
	if (hit->pronoun)
		hit->mention = hit->bare = m.who;
	else if (!vb_clean_name(text, m.who, &hit->mention, &hit->bare))
		return false;
	hit->found = true;
	return true;
}

static VbMethod
MethodOf(const char *text, const PatternHit *hit)
{
	switch (hit->pattern)
	{
		case VB_PAT_AFTER_ACCORDING:
		case VB_PAT_BEFORE_ACCORDING:
		case VB_PAT_BEFORE_EMBEDDED_ACCORDING:
			return VB_METHOD_ACCORDING_TO;
		default:
			break;
	}
	if (hit->pronoun)
		return VB_METHOD_PRONOUN;
	if (hit->pattern == VB_PAT_BEFORE_SEPARATOR &&
		hit->match.sep.end > hit->match.sep.start &&
		text[hit->match.sep.start] == ':')
		return VB_METHOD_COLON;
	return VB_METHOD_NAMED;
}

/*
 * An outlet is cited with a preposition ("wrote in The Ledger") or as the
 * object of "told"; a bare capitalised word after "said" is a day or a name.
 */
static VbSlice
CitedOutlet(const char *text, const PatternHit *hit)
{
	VbSlice		none = {0, 0};
	VbSlice		outlet = hit->match.outlet;
	VbSlice		cue = hit->match.cue;

	if (outlet.end <= outlet.start)
		return none;
	if (hit->match.prep.end <= hit->match.prep.start &&
		!(cue.end - cue.start >= 3 && (memcmp(text + cue.start, "tol", 3) == 0 ||
									   memcmp(text + cue.start, "tel", 3) == 0)))
		return none;
	while (outlet.end > outlet.start && text[outlet.end - 1] == '.')
		outlet.end--;
	if (vb_is_calendar_word(text + outlet.start, outlet.end - outlet.start))
		return none;
	return outlet;
}

static void
FindPatterns(const char *text, size_t len, const VbQuoteList *spans, int i,
			 const VbQuoteContext *context, PatternHit *hit)
{
	const VbQuoteSpan *q = &spans->items[i];
	size_t		from;
	size_t		to;
	char		separator;

	memset(hit, 0, sizeof(*hit));
	/* "…." ends a sentence: what follows is a new one, not an attribution */
	if (!q->continues && !context->ends_sentence)
	{
		AfterWindow(text, len, spans, i, &from, &to);
		if (TryPattern(text, VB_PAT_AFTER_WHO_CUE, from, to, hit) ||
			TryPattern(text, VB_PAT_AFTER_CUE_WHO, from, to, hit) ||
			TryPattern(text, VB_PAT_AFTER_ACCORDING, from, to, hit))
			return;
	}
	BeforeWindow(text, spans, i, &from, &to);
	from = SentenceStart(text, from, to);
	if (from >= to)
		return;

	/*
	 * Cheap byte tests first: most windows have no "as", no "according",
	 * and do not end in a colon or comma, and then the regular expression
	 * need not run.
	 */
	separator = LastNonSpace(text, from, to);
	if ((vb_find_bytes(text, from, to, "s ", 2) != (size_t) -1 &&
		 TryPattern(text, VB_PAT_BEFORE_AS, from, to, hit)) ||
		((vb_find_bytes(text, from, to, "ccording", 8) != (size_t) -1 ||
		  vb_find_bytes(text, from, to, "elon", 4) != (size_t) -1 ||
		  vb_find_bytes(text, from, to, "apr\xC3\xA8s", 5) != (size_t) -1 ||
		  vb_find_bytes(text, from, to, "aut ", 4) != (size_t) -1) &&
		 TryPattern(text, VB_PAT_BEFORE_ACCORDING, from, to, hit)) ||
		((separator == ':' || separator == ',') &&
		 TryPattern(text, VB_PAT_BEFORE_SEPARATOR, from, to, hit)))
		return;
	if (context->embedded &&
		(TryPattern(text, VB_PAT_BEFORE_EMBEDDED_ACCORDING, from, to, hit) ||
		 TryPattern(text, VB_PAT_BEFORE_EMBEDDED, from, to, hit)))
		return;
}

/* Is pos inside the text of an outermost quotation?  Binary search. */
static bool
InsideQuote(const VbQuoteList *spans, const int *outer, int nouter, size_t pos)
{
	int			lo = 0;
	int			hi = nouter - 1;

	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;
		const VbQuoteSpan *q = &spans->items[outer[mid]];

		if (pos < q->open)
			hi = mid - 1;
		else if (pos >= q->close)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

static bool
IsWholeWord(const char *text, size_t len, size_t start, size_t end)
{
	size_t		w;

	return (start == 0 || !vb_is_word_char(vb_utf8_before(text, start))) &&
		(end >= len || !vb_is_word_char(vb_utf8_decode(text, len, end, &w)));
}

/* The last whole-word occurrence of needle in [from, to) outside quotes. */
static size_t
LastMention(const char *text, size_t len, size_t from, size_t to,
			const char *needle, size_t needle_len,
			const VbQuoteList *spans, const int *outer, int nouter)
{
	size_t		last = (size_t) -1;
	size_t		pos = from;

	while (pos < to)
	{
		size_t		at = vb_find_bytes(text, pos, to, needle, needle_len);

		if (at == (size_t) -1)
			break;
		if (IsWholeWord(text, len, at, at + needle_len) &&
			!InsideQuote(spans, outer, nouter, at))
			last = at;
		pos = at + 1;
	}
	return last;
}

/*
 * Names found by scanning the text once, front to back, as pronouns ask
 * for them: people introduced with a reporting verb are registered, and
 * every full name that looks like a person's is kept as a fallback
 * antecedent.  Pronouns come in text order, so each byte is scanned once.
 */
static bool
IsCapitalisedWordStart(const char *text, size_t to, size_t pos)
{
	size_t		w;

	return vb_is_upper(vb_utf8_decode(text, to, pos, &w)) &&
		(pos == 0 || !vb_is_word_char(vb_utf8_before(text, pos)));
}

/* The next byte after pos that could start a capitalised word. */
static size_t
NextCapitalisedWord(const char *text, size_t pos, size_t to)
{
	for (pos++; pos < to; pos++)
	{
		unsigned char b = (unsigned char) text[pos];

		if ((b >= 'A' && b <= 'Z') || (b >= 0xC3 && b <= 0xD4))
			return pos;
	}
	return to;
}

/*
 * Only a name in subject position can be a pronoun's antecedent when it is
 * not otherwise known to be a person: "Dana Whitlock has covered..." is,
 * "asking Northgate Water for figures" is not.
 */
static bool
StartsSentence(const char *text, size_t from, size_t pos)
{
	uint32_t	c;

	pos = vb_skip_back(text, pos, from, vb_is_horizontal_space, true);
	if (pos == from)
		return true;
	c = vb_utf8_before(text, pos);
	return vb_is_linebreak(c) || c == '.' || c == '!' || c == '?' ||
		c == ':' || c == ';';
}

typedef struct NameIndex
{
	size_t		scanned_until;
	VbSlice    *full_names;
	int			count;
	int			capacity;
} NameIndex;

static void
ExtendNameIndex(NameIndex *index, const char *text, size_t from, size_t to,
				const VbQuoteList *spans, const int *outer, int nouter,
				VbPersons *persons)
{
	VbPatternMatch m;
	size_t		pos;

	if (index->scanned_until > from)
		from = index->scanned_until;
	if (from >= to)
		return;

	/*
	 * Both patterns begin with a capitalised word, so they are tried only
	 * where one starts: a tenth of the words in running text.
	 */
	for (pos = from; pos < to; pos = NextCapitalisedWord(text, pos, to))
	{
		VbSlice		mention;
		VbSlice		bare;

		if (!IsCapitalisedWordStart(text, to, pos))
			continue;
		/* "advocate Dana Whitlock argues" */
		if (vb_pattern_match_at(VB_PAT_WHO_CUE, text, from, to, pos, &m) &&
			!SliceIsPronoun(text, m.who) &&
			!InsideQuote(spans, outer, nouter, m.who.start) &&
			vb_clean_name(text, m.who, &mention, &bare))
			vb_persons_resolve(persons, text, bare.start, text + bare.start,
							   bare.end - bare.start);
		/* "Dana Whitlock has covered the utility for years." */
		if (!vb_pattern_match_at(VB_PAT_FULL_NAME, text, from, to, pos, &m))
			continue;
		if (InsideQuote(spans, outer, nouter, m.who.start) ||
			!StartsSentence(text, from, m.who.start) ||
			!vb_clean_name(text, m.who, &mention, &bare) ||
			!vb_looks_like_person(text + bare.start, bare.end - bare.start))
			continue;
		if (index->count == index->capacity)
		{
			index->capacity = index->capacity ? index->capacity * 2 : 16;
			index->full_names = vb_grow(index->full_names,
										sizeof(VbSlice) * index->capacity);
		}
		index->full_names[index->count++] = bare;
		/* the rest of this name is not a new one */
		pos = m.whole.end - 1;
	}
	index->scanned_until = to;
}

static int
ResolvePronoun(const char *text, size_t len, size_t pronoun_at,
			   const VbQuoteList *spans, const int *outer, int nouter,
			   VbPersons *persons, NameIndex *names,
			   const SpeakerAt *earlier, int nearlier)
{
	size_t		from = pronoun_at > PRONOUN_LOOKBACK ? pronoun_at - PRONOUN_LOOKBACK : 0;
	size_t		best_at = 0;
	int			best = -1;
	VbSlice		fallback = {0, 0};
	bool		have_fallback = false;
	int			i;

	ExtendNameIndex(names, text, from, pronoun_at, spans, outer, nouter, persons);
	for (i = names->count - 1; i >= 0; i--)
	{
		if (names->full_names[i].start >= pronoun_at)
			continue;
		if (names->full_names[i].start >= from)
		{
			fallback = names->full_names[i];
			have_fallback = true;
		}
		break;
	}

	for (i = 0; i < persons->count; i++)
	{
		VbPerson   *p = &persons->items[i];
		size_t		at = LastMention(text, len, from, pronoun_at, p->full,
									 p->full_len, spans, outer, nouter);

		if (p->surname_offset > 0)
		{
			size_t		s = LastMention(text, len, from, pronoun_at,
										p->full + p->surname_offset,
										p->full_len - p->surname_offset,
										spans, outer, nouter);

			if (s != (size_t) -1 && (at == (size_t) -1 || s > at))
				at = s;
		}
		if (at != (size_t) -1 && (best < 0 || at > best_at))
		{
			best = i;
			best_at = at;
		}
	}
	for (i = 0; i < nearlier; i++)
	{
		if (earlier[i].position >= from && earlier[i].position < pronoun_at &&
			(best < 0 || earlier[i].position > best_at))
		{
			best = earlier[i].person;
			best_at = earlier[i].position;
		}
	}
	if (have_fallback && (best < 0 || fallback.start > best_at))
		best = vb_persons_resolve(persons, text, fallback.start,
								  text + fallback.start,
								  fallback.end - fallback.start);
	return best;
}

void
vb_attribute(const char *text, size_t len, const VbQuoteList *spans,
			 const VbQuoteContext *contexts, VbQuote *quotes)
{
	PatternHit *hits;
	int		   *outer;
	int			nouter = 0;
	int		   *person_of;
	SpeakerAt  *resolved;
	int			nresolved = 0;
	VbPersons	persons;
	NameIndex	names = {0, NULL, 0, 0};
	int			i;

	if (spans->count == 0)
		return;
	hits = vb_alloc(sizeof(PatternHit) * spans->count);
	outer = vb_alloc(sizeof(int) * spans->count);
	person_of = vb_alloc(sizeof(int) * spans->count);
	resolved = vb_alloc(sizeof(SpeakerAt) * spans->count);
	vb_persons_init(&persons);

	for (i = 0; i < spans->count; i++)
	{
		if (spans->items[i].depth == 0)
			outer[nouter++] = i;
		person_of[i] = -1;
		if ((i & 1023) == 1023)
			vb_check_interrupts();
		FindPatterns(text, len, spans, i, &contexts[i], &hits[i]);
	}

	/* pass 1: named speakers, so that surnames find their full names */
	for (i = 0; i < spans->count; i++)
	{
		PatternHit *hit = &hits[i];

		if (!hit->found || hit->pronoun)
			continue;
		person_of[i] = vb_persons_resolve(&persons, text, hit->bare.start,
										  text + hit->bare.start,
										  hit->bare.end - hit->bare.start);
	}

	/* pass 2: pronouns, in order, each seeing the speakers before it */
	for (i = 0; i < spans->count; i++)
	{
		PatternHit *hit = &hits[i];

		if (!hit->found)
			continue;
		if (hit->pronoun && spans->items[i].depth == 0)
			person_of[i] = ResolvePronoun(text, len, hit->mention.start, spans,
										  outer, nouter, &persons, &names,
										  resolved, nresolved);
		if (person_of[i] >= 0)
		{
			resolved[nresolved].position = hit->mention.start;
			resolved[nresolved].person = person_of[i];
			nresolved++;
		}
	}

	for (i = 0; i < spans->count; i++)
	{
		PatternHit *hit = &hits[i];
		VbQuote    *q = &quotes[i];

		if (!hit->found)
			continue;
		q->method = MethodOf(text, hit);
		q->mention = hit->mention;
		q->cue = hit->match.cue;
		q->outlet = CitedOutlet(text, hit);
		if (person_of[i] >= 0)
			q->speaker = vb_strndup(persons.items[person_of[i]].full,
									persons.items[person_of[i]].full_len);
	}

	vb_persons_free(&persons);
	vb_free(names.full_names);
	vb_free(resolved);
	vb_free(person_of);
	vb_free(outer);
	vb_free(hits);
}

static void
Inherit(VbQuote *q, const VbQuote *from)
{
	q->method = VB_METHOD_CONTINUATION;
	q->speaker = vb_strndup(from->speaker, strlen(from->speaker));
}

/* Sentences ended in text[from, to): a stop followed by space. */
static int
SentenceEnds(const char *text, size_t from, size_t to)
{
	int			n = 0;
	size_t		i;

	for (i = from; i < to; i++)
		if ((text[i] == '.' || text[i] == '!' || text[i] == '?') &&
			(i + 1 == to || text[i + 1] == ' ' || text[i + 1] == '\n' ||
			 text[i + 1] == '\r' || text[i + 1] == '\t'))
			n++;
	return n;
}

static bool
OpensParagraph(const char *text, size_t open)
{
	size_t		pos = vb_skip_back(text, open, 0, vb_is_horizontal_space, true);

	return pos == 0 || vb_is_linebreak(vb_utf8_before(text, pos));
}

void
vb_attribute_continuations(const char *text, const VbQuoteList *spans,
						   VbQuote *quotes)
{
	int			previous = -1;
	int			i;

	/* paragraphs of one quotation share its attribution, both ways */
	for (i = 0; i < spans->count; i++)
	{
		int			p = spans->items[i].chain_prev;

		if (p >= 0 && quotes[i].method == VB_METHOD_NONE && quotes[p].speaker)
			Inherit(&quotes[i], &quotes[p]);
	}
	for (i = spans->count - 1; i >= 0; i--)
	{
		int			p = spans->items[i].chain_prev;

		if (p >= 0 && quotes[p].method == VB_METHOD_NONE && quotes[i].speaker)
			Inherit(&quotes[p], &quotes[i]);
	}

	for (i = 0; i < spans->count; i++)
	{
		const VbQuoteSpan *s = &spans->items[i];
		VbQuote    *q = &quotes[i];

		if (s->depth > 0 || q->kind == VB_KIND_SCARE)
			continue;
		if (q->method == VB_METHOD_NONE && q->kind == VB_KIND_DIRECT &&
			s->chain_prev < 0 && previous >= 0 && quotes[previous].speaker)
		{
			const VbQuoteSpan *ps = &spans->items[previous];
			bool		adjacent = s->paragraph == ps->paragraph ||
				(s->paragraph == ps->paragraph + 1 && OpensParagraph(text, s->open));

			if (adjacent && SentenceEnds(text, ps->close, s->open) <= 1)
				Inherit(q, &quotes[previous]);
		}
		previous = i;
	}
}
