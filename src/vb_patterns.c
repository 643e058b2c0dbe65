/*
 * vb_patterns.c
 *		Compiling and matching the attribution patterns with pcre2.
 *
 * The reporting-verb lexicon lists every form it accepts (says, said,
 * saying, has said is "has" + said): irregular verbs make rules costlier
 * to read than the list.  Longer forms come first so that the alternation
 * never stops at a prefix ("note" before "noted").
 */
#include "vb_patterns.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const reporting_verbs[] = {
	"say", "says", "said", "saying",
	"write", "writes", "wrote", "written", "writing",
	"tell", "tells", "told", "telling",
	"add", "adds", "added", "adding",
	"note", "notes", "noted", "noting",
	"explain", "explains", "explained", "explaining",
	"argue", "argues", "argued", "arguing",
	"observe", "observes", "observed", "observing",
	"conclude", "concludes", "concluded", "concluding",
	"warn", "warns", "warned", "warning",
	"insist", "insists", "insisted", "insisting",
	"claim", "claims", "claimed", "claiming",
	"ask", "asks", "asked", "asking",
	"state", "states", "stated", "stating",
	"declare", "declares", "declared", "declaring",
	"remark", "remarks", "remarked", "remarking",
	"reply", "replies", "replied", "replying",
	"respond", "responds", "responded", "responding",
	"answer", "answers", "answered", "answering",
	"comment", "comments", "commented", "commenting",
	"continue", "continues", "continued", "continuing",
	"recall", "recalls", "recalled", "recalling",
	"admit", "admits", "admitted", "admitting",
	"acknowledge", "acknowledges", "acknowledged", "acknowledging",
	"announce", "announces", "announced", "announcing",
	"assert", "asserts", "asserted", "asserting",
	"boast", "boasts", "boasted", "boasting",
	"complain", "complains", "complained", "complaining",
	"confirm", "confirms", "confirmed", "confirming",
	"contend", "contends", "contended", "contending",
	"counter", "counters", "countered", "countering",
	"caution", "cautions", "cautioned", "cautioning",
	"emphasize", "emphasizes", "emphasized", "emphasizing",
	"emphasise", "emphasises", "emphasised", "emphasising",
	"exclaim", "exclaims", "exclaimed", "exclaiming",
	"joke", "jokes", "joked", "joking",
	"maintain", "maintains", "maintained", "maintaining",
	"mention", "mentions", "mentioned", "mentioning",
	"muse", "muses", "mused", "musing",
	"predict", "predicts", "predicted", "predicting",
	"quip", "quips", "quipped", "quipping",
	"recount", "recounts", "recounted", "recounting",
	"report", "reports", "reported", "reporting",
	"reveal", "reveals", "revealed", "revealing",
	"stress", "stresses", "stressed", "stressing",
	"suggest", "suggests", "suggested", "suggesting",
	"tweet", "tweets", "tweeted", "tweeting",
	"post", "posts", "posted", "posting",
	"urge", "urges", "urged", "urging",
	"whisper", "whispers", "whispered", "whispering",
	"shout", "shouts", "shouted", "shouting",
	"agree", "agrees", "agreed", "agreeing",
	"opine", "opines", "opined", "opining",
	"concede", "concedes", "conceded", "conceding",
	"point out", "points out", "pointed out", "pointing out",
	"sum up", "sums up", "summed up", "summing up",
	"go on", "goes on", "went on", "going on",
	/* French: present and past participle (with the auxiliary "a") */
	"\u00E9crit", "\u00E9crivait", "dit", "disait", "d\u00E9clare", "d\u00E9clar\u00E9",
	"affirme", "affirm\u00E9", "poursuit", "estime", "estim\u00E9", "conclut", "conclu",
	"pr\u00E9vient", "pr\u00E9venu", "explique", "expliqu\u00E9", "ajoute", "ajout\u00E9",
	"souligne", "soulign\u00E9", "rappelle", "rappel\u00E9", "assure", "assur\u00E9",
	"pr\u00E9cise", "pr\u00E9cis\u00E9", "indique", "indiqu\u00E9", "insiste", "insist\u00E9",
	"raconte", "racont\u00E9", "reconna\u00EEt", "reconnu", "confie", "confi\u00E9",
	"observ\u00E9", "not\u00E9", "r\u00E9sume", "r\u00E9sum\u00E9", "mart\u00E8le", "martel\u00E9",
	/* German */
	"sagt", "sagte", "erkl\u00E4rt", "erkl\u00E4rte", "schreibt", "schrieb", "betont",
	"betonte", "warnt", "warnte", "meint", "meinte",
	NULL
};

/*
 * Words of a name: capitalised, with inner apostrophes and hyphens, or an
 * initial.  A dot belongs to a name only in an initial, a title before it
 * or a suffix after it, so that "Whitlock. Whitlock" is two sentences.
 */
#define NAME_WORD "\\p{Lu}(?:\\.|[\\p{L}\\p{M}'\u2019-]+)"
#define TITLE "(?:(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sen|Rep|Gov|Gen|Sgt|Lt|Col|Capt|Rev|St)\\.\\h+)?"
#define SUFFIX "(?:,?\\h+(?:Jr|Sr)\\.)?"
#define PARTICLE "(?:de|da|di|del|della|dos|das|du|van|von|der|den|ter|ten|le|la|bin|ibn|al|el)"
#define NAME "(?:" TITLE NAME_WORD "(?:\\h+(?:" PARTICLE "\\h+)*" NAME_WORD "){0,3}" SUFFIX ")"
#define PRONOUN "(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]ls?|[Ee]lles?|[Ee]r|[Ss]ie)(?![\\p{L}\\p{N}])"
#define WHO "(?<who>" PRONOUN "|" NAME ")"
#define WORD_START "(?<![\\p{L}\\p{N}\\p{M}])"
/* ", a columnist at the Ledger," between the name and the verb */
#define APPOSITION "(?:,\\h[^,.!?\"\u201C\u201D\u00AB\u00BB\\n]{1,80},)?"
/*
 * Before a reporting verb: adverbs ("later added") stay outside the cue,
 * auxiliaries ("has argued", "had long warned") are part of it.
 */
#define ADVERB "(?:later|also|then|once|previously|recently|again|long|repeatedly|further|simply|flatly|publicly|famously|bluntly|often|always|even|since|quickly|quietly|firmly)"
#define ADVERBS "(?:" ADVERB "\\h+){0,2}"
#define AUXILIARIES "(?:(?:has|have|had|is|was|were|are|will|would|could|might|a|avait|hat)\\h+(?:" ADVERB "\\h+)?){0,2}"
#define DETERMINER "(?:an?|the|his|her|their|its)"
/*
 * Like a word of a name: a dot only in an initial (U.S. News), not
 * "Ledger.".  A lower-case "the" before the outlet is not part of its name
 * ("wrote in the Harbor Ledger"); a capital one is ("told The Ledger").
 */
#define OUTLET_WORD "\\p{Lu}(?:\\.|[\\p{L}\\p{N}&'\u2019-]+)"
#define OUTLET_TAIL \
	"(?:\\h+(?:(?<prep>in|on|for|to)\\h+)?(?:" DETERMINER "\\h+(?:[\\p{Ll}-]+\\h+){1,3}(?:in|on|for|with|to)\\h+)?" \
	"(?:the\\h+)?(?<outlet>(?:The\\h+)?" OUTLET_WORD "(?:\\h+" OUTLET_WORD "){0,3}))?"
#define ACCORDING_TO "(?:[Aa]ccording\\h+to|[Ss]elon|[Dd]['\u2019]apr\u00E8s|[Ll]aut)"
#define AFTER_LEAD "^[\\s,]*(?:[\u2014\u2013-]\\h*)?"
#define NO_SENTENCE_END "[^.!?\"\u201C\u201D\u201E\u00AB\u00BB\\n]"

/* @CUE@ is replaced by the reporting-verb alternation at compile time */
static const char *const pattern_sources[VB_PAT_COUNT] = {
	[VB_PAT_AFTER_WHO_CUE] =
	AFTER_LEAD "(?:the\\h+(?=\\p{Lu}))?" WHO APPOSITION "\\h+" ADVERBS "(?<cue>" AUXILIARIES "(?:@CUE@))(?![\\p{L}\\p{N}])" OUTLET_TAIL,
	[VB_PAT_AFTER_CUE_WHO] =
	AFTER_LEAD "(?<cue>" AUXILIARIES "(?:@CUE@))(?:\\h+|-(?:t-)?)" WHO,
	[VB_PAT_AFTER_ACCORDING] =
	AFTER_LEAD "(?<cue>" ACCORDING_TO ")\\h+(?<who>" NAME ")",
	[VB_PAT_BEFORE_AS] =
	WORD_START "[Aa]s\\h+" WHO "\\h+(?<cue>(?:puts|put|said|says|wrote|writes|noted|notes|explained|explains|argued|argues|observed|observes)(?:\\h+it)?)(?:\\h+\\p{Ll}+){0,3}\\h*[,:]?\\h*$",
	[VB_PAT_BEFORE_ACCORDING] =
	WORD_START "(?<cue>" ACCORDING_TO ")\\h+(?<who>" NAME ")" APPOSITION "\\h*,?\\h*$",
	[VB_PAT_BEFORE_SEPARATOR] =
	WORD_START WHO APPOSITION "\\h+" ADVERBS "(?<cue>" AUXILIARIES "(?:@CUE@))(?![\\p{L}\\p{N}])" OUTLET_TAIL
	NO_SENTENCE_END "{0,120}?(?<sep>[:,])\\h*$",
	[VB_PAT_BEFORE_EMBEDDED] =
	WORD_START WHO APPOSITION ",?\\h+" ADVERBS
	"(?<cue>" AUXILIARIES "(?:@CUE@|called|calls|calling|described|describes|dubbed|dubs|termed|terms|labell?ed|branded))(?![\\p{L}\\p{N}])"
	NO_SENTENCE_END "{0,200}$",
	[VB_PAT_BEFORE_EMBEDDED_ACCORDING] =
	WORD_START "(?<cue>" ACCORDING_TO ")\\h+(?<who>" NAME ")" NO_SENTENCE_END "{0,200}$",
	[VB_PAT_FULL_NAME] =
	WORD_START "(?<who>" NAME_WORD "(?:\\h+(?:" PARTICLE "\\h+)*" NAME_WORD "){1,3})",
	[VB_PAT_WHO_CUE] =
	WORD_START WHO APPOSITION ",?\\h+" ADVERBS "(?<cue>" AUXILIARIES "(?:@CUE@))(?![\\p{L}\\p{N}])",
};

typedef struct CompiledPattern
{
	pcre2_code *code;
	int			group_who;
	int			group_cue;
	int			group_prep;
	int			group_outlet;
	int			group_sep;
} CompiledPattern;

const char *const vb_out_of_memory = "out of memory compiling the attribution patterns";

static CompiledPattern compiled[VB_PAT_COUNT];
static pcre2_match_data *match_data;
static pcre2_match_context *match_context;
static bool initialized;
static char init_error[256];

/*
 * Limits: the longest window is a few hundred bytes and the patterns are
 * linear in it; these leave two orders of magnitude of headroom.
 */
#define MATCH_LIMIT 200000
#define DEPTH_LIMIT 2000

static int
CompareByLengthDescending(const void *a, const void *b)
{
	size_t		la = strlen(*(const char *const *) a);
	size_t		lb = strlen(*(const char *const *) b);

	if (la != lb)
		return la > lb ? -1 : 1;
	return strcmp(*(const char *const *) a, *(const char *const *) b);
}

static char *
BuildCueAlternation(void)
{
	size_t		count = 0;
	size_t		size = 1;
	const char **sorted;
	char	   *out;
	char	   *p;
	size_t		i;

	while (reporting_verbs[count] != NULL)
		size += strlen(reporting_verbs[count++]) * 3 + 1;
	sorted = malloc(sizeof(char *) * count);
	out = malloc(size);
	if (sorted == NULL || out == NULL)
	{
		free(sorted);
		free(out);
		return NULL;
	}
	memcpy(sorted, reporting_verbs, sizeof(char *) * count);
	qsort(sorted, count, sizeof(char *), CompareByLengthDescending);
	p = out;
	for (i = 0; i < count; i++)
	{
		const char *v;

		if (i > 0)
			*p++ = '|';
		/* a space inside a phrasal verb matches any horizontal space */
		for (v = sorted[i]; *v; v++)
		{
			if (*v == ' ')
			{
				memcpy(p, "\\h+", 3);
				p += 3;
			}
			else
				*p++ = *v;
		}
	}
	*p = '\0';
	free(sorted);
	return out;
}

static char *
Substitute(const char *source, const char *cue)
{
	const char *at = strstr(source, "@CUE@");
	size_t		len;
	char	   *out;

	if (at == NULL)
		return strdup(source);
	len = strlen(source) - 5 + strlen(cue);
	out = malloc(len + 1);
	if (out == NULL)
		return NULL;
	memcpy(out, source, at - source);
	strcpy(out + (at - source), cue);
	strcat(out, at + 5);
	return out;
}

/*
 * Patterns tried at chosen positions are compiled anchored: anchoring at
 * match time would bypass the JIT.
 */
static bool
IsAnchoredPattern(int pattern)
{
	return pattern == VB_PAT_FULL_NAME || pattern == VB_PAT_WHO_CUE;
}

static int
GroupNumber(pcre2_code *code, const char *name)
{
	int			n = pcre2_substring_number_from_name(code, (PCRE2_SPTR) name);

	return n > 0 ? n : -1;
}

const char *
vb_patterns_init(void)
{
	char	   *cue;
	int			i;

	if (initialized)
		return NULL;
	cue = BuildCueAlternation();
	if (cue == NULL)
		return vb_out_of_memory;
	for (i = 0; i < VB_PAT_COUNT; i++)
	{
		char	   *source = Substitute(pattern_sources[i], cue);
		int			error;
		PCRE2_SIZE	offset;
		pcre2_code *code;

		if (source == NULL)
		{
			free(cue);
			return vb_out_of_memory;
		}
		code = pcre2_compile((PCRE2_SPTR) source, PCRE2_ZERO_TERMINATED,
							 PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF |
							 (IsAnchoredPattern(i) ? PCRE2_ANCHORED : 0),
							 &error, &offset, NULL);
		free(source);
		if (code == NULL)
		{
			PCRE2_UCHAR message[160];

			pcre2_get_error_message(error, message, sizeof(message));
			snprintf(init_error, sizeof(init_error),
					 "attribution pattern %d does not compile at offset %zu: %s",
					 i, (size_t) offset, (char *) message);
			free(cue);
			return init_error;
		}
		/* JIT is an optimisation: without it the interpreter is used */
		(void) pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
		compiled[i].code = code;
		compiled[i].group_who = GroupNumber(code, "who");
		compiled[i].group_cue = GroupNumber(code, "cue");
		compiled[i].group_prep = GroupNumber(code, "prep");
		compiled[i].group_outlet = GroupNumber(code, "outlet");
		compiled[i].group_sep = GroupNumber(code, "sep");
	}
	free(cue);
	match_data = pcre2_match_data_create(16, NULL);
	match_context = pcre2_match_context_create(NULL);
	if (match_data == NULL || match_context == NULL)
		return vb_out_of_memory;
	pcre2_set_match_limit(match_context, MATCH_LIMIT);
	pcre2_set_depth_limit(match_context, DEPTH_LIMIT);
	initialized = true;
	return NULL;
}

static VbSlice
Group(const PCRE2_SIZE *ovector, int group, size_t base)
{
	VbSlice		s = {0, 0};

	if (group > 0 && ovector[2 * group] != PCRE2_UNSET)
	{
		s.start = base + ovector[2 * group];
		s.end = base + ovector[2 * group + 1];
	}
	return s;
}

/* rc <= 0 is no match, or a limit was hit: both mean no attribution. */
static bool
FillMatch(const CompiledPattern *p, int rc, size_t base, VbPatternMatch *match)
{
	PCRE2_SIZE *ovector;

	if (rc <= 0)
		return false;
	ovector = pcre2_get_ovector_pointer(match_data);
	match->whole.start = base + ovector[0];
	match->whole.end = base + ovector[1];
	match->who = Group(ovector, p->group_who, base);
	match->cue = Group(ovector, p->group_cue, base);
	match->prep = Group(ovector, p->group_prep, base);
	match->outlet = Group(ovector, p->group_outlet, base);
	match->sep = Group(ovector, p->group_sep, base);
	return true;
}

bool
vb_pattern_find(VbPattern pattern, const char *text, size_t from, size_t to,
				VbPatternMatch *match)
{
	const CompiledPattern *p = &compiled[pattern];
	int			rc;

	if (!initialized || from >= to)
		return false;
	rc = pcre2_match(p->code, (PCRE2_SPTR) (text + from), to - from, 0, 0,
					 match_data, match_context);
	return FillMatch(p, rc, from, match);
}

bool
vb_pattern_match_at(VbPattern pattern, const char *text, size_t from, size_t to,
					size_t at, VbPatternMatch *match)
{
	const CompiledPattern *p = &compiled[pattern];
	int			rc;

	if (!initialized || at >= to || at < from)
		return false;
	rc = pcre2_match(p->code, (PCRE2_SPTR) (text + from), to - from, at - from,
					 0, match_data, match_context);
	return FillMatch(p, rc, from, match);
}

bool
vb_is_pronoun(const char *word, size_t len)
{
	static const char *const pronouns[] = {
		"he", "she", "they", "il", "ils", "elle", "elles", "er", "sie", NULL
	};
	int			i;

	for (i = 0; pronouns[i] != NULL; i++)
	{
		size_t		n = strlen(pronouns[i]);

		if (len == n && (word[0] | 0x20) == pronouns[i][0] &&
			strncmp(word + 1, pronouns[i] + 1, n - 1) == 0)
			return true;
	}
	return false;
}
