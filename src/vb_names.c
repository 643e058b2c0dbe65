/*
 * vb_names.c
 *		Names of people in article text.
 *
 * The word lists are deliberately English-centred and short: they remove
 * the capitalised words that the name pattern picks up at the start of a
 * sentence.  A word missing here yields a wrong speaker only where it sits
 * next to a reporting verb, which the regression cases exercise.
 */
#include "vb_names.h"

#include <string.h>

#include "vb_runtime.h"
#include "vb_utf8.h"

/* How far back a surname looks for the full name it abbreviates. */
#define FULL_NAME_LOOKBACK 65536

static const char *const leading_words[] = {
	"A", "After", "Again", "All", "Also", "Although", "An", "Analysts", "And",
	"Another", "As", "Asked", "At", "Authorities", "Because", "Before",
	"Both", "But", "By", "Companies", "Critics", "Despite", "Developers",
	"Earlier", "Economists", "Even", "Everyone", "Experts", "For", "From",
	"Here", "Her", "His", "How", "However", "I", "If", "In", "Indeed",
	"Instead", "Investors", "It", "Its", "Later", "Lawmakers", "Like",
	"Many", "Meanwhile", "More", "Most", "My", "No", "Nobody", "Now",
	"Observers", "Officials", "Of", "On", "Once", "One", "Only", "Opponents",
	"Or", "Others", "Our", "People", "Police", "Readers", "Researchers",
	"Residents", "Scientists", "Several", "She", "He", "They", "Since", "So",
	"Some", "Someone", "Sources", "Speaking", "Still", "Supporters", "That",
	"The", "Their", "Then", "There", "These", "This", "Those", "Though",
	"To", "Today", "Tomorrow", "Under", "Unlike", "Users", "We", "What",
	"When", "Where", "While", "Who", "Why", "With", "Without", "Yesterday",
	"Yet", "You", "Your",
	NULL
};

static const char *const honorifics[] = {
	"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Sen",
	"Senator", "Rep", "Representative", "Gov", "Governor", "Gen", "General",
	"Sir", "Dame", "Lord", "Lady", "President", "Mayor", "Judge", "Justice",
	"Chief", "Minister", "Secretary", "Rev", "Reverend", "Capt", "Captain",
	"Lt", "Col", "Sgt", "Councillor", "Councilor", "Commissioner", "Director",
	"Chancellor", "Premier", "Madame", "Monsieur", "Herr", "Frau",
	/* roles written as titles at the start of a sentence */
	"Columnist", "Reporter", "Editor", "Analyst", "Advocate", "Spokesman",
	"Spokeswoman", "Spokesperson", "Chair", "Chairman", "Chairwoman", "CEO",
	"Founder", "Economist", "Resident", "Engineer", "Officer", "Manager",
	"Coach", "Councilman", "Councilwoman", "Attorney", "Lawyer", "Dean",
	"Inspector", "Detective", "Author", "Writer", "Researcher", "Scientist",
	NULL
};

/* Words that make a capitalised sequence an organisation or a place. */
static const char *const organisation_words[] = {
	"Academy", "Agency", "Association", "Authority", "Bank", "Board",
	"Center", "Centre", "City", "Club", "College", "Commission", "Committee",
	"Company", "Corp", "Corporation", "Council", "County", "Court", "Daily",
	"Department", "Foundation", "Group", "Herald", "Hospital", "House",
	"Inc", "Institute", "Journal", "Kingdom", "Labs", "Ledger", "Ltd",
	"Ministry", "Museum", "News", "Office", "Party", "Post", "Press",
	"Republic", "School", "Service", "Services", "Society", "State",
	"States", "Street", "Systems", "Technologies", "Times", "Tribune",
	"Union", "United", "University", "Utility", "Wire", "World", "Water",
	"Energy", "Power", "Gas", "Electric", "Airlines", "Airways", "Motors",
	"Holdings", "Partners", "Capital", "Media", "Network", "Networks",
	"Health", "Orchestra", "Philharmonic", "Road", "Avenue", "Quay",
	NULL
};

static const char *const calendar_words[] = {
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
	"Sunday", "January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December", "Today",
	"Tonight", "Yesterday", NULL
};

bool
vb_is_calendar_word(const char *word, size_t len)
{
	return vb_word_in_list(word, len, calendar_words);
}

bool
vb_looks_like_person(const char *name, size_t len)
{
	size_t		pos = 0;
	int			words = 0;

	while (pos < len)
	{
		size_t		end = pos;

		while (end < len && name[end] != ' ')
			end++;
		if (vb_word_in_list(name + pos, end - pos, organisation_words) ||
			vb_word_in_list(name + pos, end - pos, calendar_words) ||
			vb_word_in_list(name + pos, end - pos, leading_words))
			return false;
		words++;
		pos = end + 1;
	}
	return words >= 2;
}

bool
vb_clean_name(const char *text, VbSlice captured, VbSlice *mention,
			  VbSlice *bare)
{
	size_t		start = captured.start;
	size_t		end = captured.end;
	size_t		word_end;
	size_t		len;

	/* trailing dots and apostrophes are sentence punctuation, not name */
	while (end > start && (text[end - 1] == '.' || text[end - 1] == '\'' ||
						   text[end - 1] == '-'))
	{
		/* keep the dot of a trailing initial or "Jr." */
		if (text[end - 1] == '.' && end - start >= 2 &&
			((end - start == 2) || text[end - 3] == ' ' ||
			 (end - start >= 3 && memcmp(text + end - 3, "Jr.", 3) == 0) ||
			 (end - start >= 3 && memcmp(text + end - 3, "Sr.", 3) == 0)))
			break;
		end--;
	}
	while (start < end)
	{
		word_end = vb_skip(text, start, end, vb_is_space, false);
		len = word_end - start;
		if (!vb_word_in_list(text + start, len, leading_words))
			break;
		start = vb_skip(text, word_end, end, vb_is_space, true);
	}
	if (start >= end)
		return false;
	/* "in an interview Tuesday, saying ..." */
	if (vb_skip(text, start, end, vb_is_space, false) == end &&
		vb_word_in_list(text + start, end - start, calendar_words))
		return false;
	mention->start = start;
	mention->end = end;

	/* an honorific counts only when a name follows it */
	word_end = vb_skip(text, start, end, vb_is_space, false);
	len = word_end - start;
	if (len > 0 && text[start + len - 1] == '.')
		len--;
	if (vb_word_in_list(text + start, len, honorifics) && word_end < end)
		start = vb_skip(text, word_end, end, vb_is_space, true);
	bare->start = start;
	bare->end = end;
	return true;
}

void
vb_persons_init(VbPersons *persons)
{
	persons->items = NULL;
	persons->count = 0;
	persons->capacity = 0;
}

void
vb_persons_free(VbPersons *persons)
{
	int			i;

	for (i = 0; i < persons->count; i++)
		vb_free(persons->items[i].full);
	vb_free(persons->items);
	vb_persons_init(persons);
}

static size_t
LastWordOffset(const char *name, size_t len)
{
	size_t		i = len;

	while (i > 0 && name[i - 1] != ' ')
		i--;
	return i;
}

static int
AddPerson(VbPersons *persons, const char *name, size_t len)
{
	VbPerson   *p;
	char	   *copy;
	size_t		i;

	if (persons->count == persons->capacity)
	{
		persons->capacity = persons->capacity ? persons->capacity * 2 : 8;
		persons->items = vb_grow(persons->items,
								 sizeof(VbPerson) * persons->capacity);
	}
	/* names may be written across a line break or a no-break space */
	copy = vb_alloc(len + 1);
	for (i = 0; i < len; i++)
		copy[i] = (name[i] == '\n' || name[i] == '\t' || name[i] == '\r') ? ' ' : name[i];
	copy[len] = '\0';
	p = &persons->items[persons->count];
	p->full = copy;
	p->full_len = len;
	p->surname_offset = LastWordOffset(copy, len);
	return persons->count++;
}

static bool
IsWordBoundaryBefore(const char *text, size_t pos)
{
	return pos == 0 || !vb_is_word_char(vb_utf8_before(text, pos));
}

static bool
IsWordBoundaryAfter(const char *text, size_t len, size_t pos)
{
	size_t		w;

	return pos >= len || !vb_is_word_char(vb_utf8_decode(text, len, pos, &w));
}

/*
 * The capitalised words written just before `pos` that, with the surname
 * at pos, make a full name ("columnist Dana Whitlock" gives "Dana Whitlock").
 */
static size_t
FullNameStart(const char *text, size_t pos)
{
	size_t		start = pos;

	for (;;)
	{
		size_t		space_start = start;
		size_t		word_start;
		size_t		w;
		size_t		len;

		/* exactly one space or no-break space between words of a name */
		if (space_start >= 1 && text[space_start - 1] == ' ')
			space_start -= 1;
		else if (space_start >= 2 && (unsigned char) text[space_start - 2] == 0xC2 &&
				 (unsigned char) text[space_start - 1] == 0xA0)
			space_start -= 2;
		else
			break;
		word_start = space_start;
		while (word_start > 0)
		{
			uint32_t	c = vb_utf8_before(text, word_start);

			if (!(vb_is_word_char(c) || c == '.' || c == '-' || c == '\'' || c == 0x2019))
				break;
			word_start = vb_utf8_prev(text, word_start);
		}
		if (word_start == space_start ||
			!vb_is_upper(vb_utf8_decode(text, space_start, word_start, &w)))
			break;
		len = space_start - word_start;
		if (len > 0 && text[word_start + len - 1] == '.' && len > 2)
			break;				/* a sentence ends there, unless an initial */
		if (vb_word_in_list(text + word_start, len, leading_words) ||
			vb_word_in_list(text + word_start, len, honorifics) ||
			vb_word_in_list(text + word_start, len - (text[word_start + len - 1] == '.'), honorifics))
			break;
		start = word_start;
		if (pos - start > 80)
			break;
	}
	return start;
}

int
vb_persons_resolve(VbPersons *persons, const char *text, size_t position,
				   const char *name, size_t len)
{
	int			i;
	bool		single_word = memchr(name, ' ', len) == NULL;

	for (i = 0; i < persons->count; i++)
	{
		VbPerson   *p = &persons->items[i];

		if (p->full_len == len && memcmp(p->full, name, len) == 0)
			return i;
	}
	if (single_word)
	{
		size_t		from = position > FULL_NAME_LOOKBACK ? position - FULL_NAME_LOOKBACK : 0;
		size_t		best_start = 0;
		size_t		best_end = 0;
		size_t		pos = from;

		for (i = 0; i < persons->count; i++)
		{
			VbPerson   *p = &persons->items[i];

			if (p->full_len - p->surname_offset == len && p->surname_offset > 0 &&
				memcmp(p->full + p->surname_offset, name, len) == 0)
				return i;
		}
		/* the nearest full name before position that ends in this word */
		while (pos + len <= position)
		{
			size_t		at = vb_find_bytes(text, pos, position, name, len);

			if (at == (size_t) -1)
				break;
			if (IsWordBoundaryBefore(text, at) &&
				IsWordBoundaryAfter(text, position, at + len))
			{
				size_t		start = FullNameStart(text, at);

				if (start < at)
				{
					best_start = start;
					best_end = at + len;
				}
			}
			pos = at + len;
		}
		if (best_end > best_start)
		{
			int			found = vb_persons_resolve(persons, text, best_start,
												   text + best_start,
												   best_end - best_start);

			return found;
		}
	}
	return AddPerson(persons, name, len);
}
