--
-- Attribution: who said each quotation, the words that say so, and how.
--
-- Data-driven: each case names one quotation of its body (by its text) and
-- the attribution it must get.  Expected output: (0 rows) for every check.
--
SET client_min_messages = warning;

CREATE TEMP TABLE attribution_case (
    label text PRIMARY KEY,
    body text NOT NULL,
    quote text NOT NULL,
    speaker text,
    mention text,
    cue text,
    method text NOT NULL,
    cited_outlet text
);

INSERT INTO attribution_case VALUES
-- the patterns
('quote, name, verb', $$“The meters were never smart,” Whitlock said.$$,
 'The meters were never smart,', 'Whitlock', 'Whitlock', 'said', 'named', NULL),
('quote, verb, name', $$“The meters were never smart,” said Dana Whitlock.$$,
 'The meters were never smart,', 'Dana Whitlock', 'Dana Whitlock', 'said', 'named', NULL),
('name, verb, colon', $$Dana Whitlock put it plainly: “The meters were never smart.”$$,
 'The meters were never smart.', NULL, NULL, NULL, 'none', NULL),
('name said colon', $$Dana Whitlock said: “The meters were never smart.”$$,
 'The meters were never smart.', 'Dana Whitlock', 'Dana Whitlock', 'said', 'colon', NULL),
('name said comma', $$Dana Whitlock said, “The meters were never smart.”$$,
 'The meters were never smart.', 'Dana Whitlock', 'Dana Whitlock', 'said', 'named', NULL),
('as X puts it', $$As Whitlock puts it, “the meters were never smart,” and few disagree.$$,
 'the meters were never smart,', 'Whitlock', 'Whitlock', 'puts it', 'named', NULL),
('according to, after', $$“The meters were never smart,” according to Dana Whitlock.$$,
 'The meters were never smart,', 'Dana Whitlock', 'Dana Whitlock', 'according to', 'according_to', NULL),
('according to, before', $$According to Dana Whitlock, “the meters were never smart.”$$,
 'the meters were never smart.', 'Dana Whitlock', 'Dana Whitlock', 'According to', 'according_to', NULL),
('according to, embedded', $$According to Dana Whitlock, the meters were “never smart in any sense of the word.”$$,
 'never smart in any sense of the word.', 'Dana Whitlock', 'Dana Whitlock', 'According to', 'according_to', NULL),
('pronoun after', $$Dana Whitlock has covered the utility for years. “The meters were never smart,” she notes.$$,
 'The meters were never smart,', 'Dana Whitlock', 'she', 'notes', 'pronoun', NULL),
('pronoun before, colon', $$Dana Whitlock has covered the utility for years. She wrote: “The meters were never smart.”$$,
 'The meters were never smart.', 'Dana Whitlock', 'She', 'wrote', 'pronoun', NULL),
('continuation, same paragraph', $$“The meters were never smart,” Dana Whitlock said. “They were only expensive.”$$,
 'They were only expensive.', 'Dana Whitlock', NULL, NULL, 'continuation', NULL),
('continuation, next paragraph', E'“The meters were never smart,” Dana Whitlock said.\n\n“They were only expensive.”',
 'They were only expensive.', 'Dana Whitlock', NULL, NULL, 'continuation', NULL),
('continuation over paragraphs, attribution at the end', E'“The meters were never smart.\n\n“They were only expensive,” Dana Whitlock said.',
 'The meters were never smart.', 'Dana Whitlock', NULL, NULL, 'continuation', NULL),
('no continuation across another sentence', $$“The meters were never smart,” Dana Whitlock said. The council disagreed. “They work.”$$,
 'They work.', NULL, NULL, NULL, 'none', NULL),
('interrupted quotation', $$“The meters,” Whitlock said, “were never smart.”$$,
 'were never smart.', 'Whitlock', 'Whitlock', 'said', 'named', NULL),
-- names
('surname to full name', $$Columnist Dana Whitlock has a view. “The meters were never smart,” Whitlock said.$$,
 'The meters were never smart,', 'Dana Whitlock', 'Whitlock', 'said', 'named', NULL),
('surname without a full name', $$“The meters were never smart,” Whitlock said.$$,
 'The meters were never smart,', 'Whitlock', 'Whitlock', 'said', 'named', NULL),
('title dropped from speaker', $$“The meters were never smart,” said Dr. Amira Kovač.$$,
 'The meters were never smart,', 'Amira Kovač', 'Dr. Amira Kovač', 'said', 'named', NULL),
('name with particle', $$“Het water is schoon,” said Pieter van der Berg.$$,
 'Het water is schoon,', 'Pieter van der Berg', 'Pieter van der Berg', 'said', 'named', NULL),
('apposition', $$“The meters were never smart,” Whitlock, a columnist at the Ledger, said.$$,
 'The meters were never smart,', 'Whitlock', 'Whitlock', 'said', 'named', NULL),
('sentence word is not a name', $$“The meters were never smart,” But Whitlock said so.$$,
 'The meters were never smart,', 'Whitlock', 'Whitlock', 'said', 'named', NULL),
('a group is not a person', $$“The meters work,” Officials said.$$,
 'The meters work,', NULL, NULL, NULL, 'none', NULL),
-- tenses and reporting verbs
('has argued', $$“Water is a right,” Whitlock has argued.$$,
 'Water is a right,', 'Whitlock', 'Whitlock', 'has argued', 'named', NULL),
('told, citing an outlet', $$“Water is a right,” Whitlock told Coastline Daily.$$,
 'Water is a right,', 'Whitlock', 'Whitlock', 'told', 'named', 'Coastline Daily'),
('wrote in, citing an outlet', $$“Water is a right,” Whitlock wrote in The Harbor Ledger, where she is a columnist.$$,
 'Water is a right,', 'Whitlock', 'Whitlock', 'wrote', 'named', 'The Harbor Ledger'),
('said in an interview with', $$“Water is a right,” Whitlock said in an interview with Metro Wire.$$,
 'Water is a right,', 'Whitlock', 'Whitlock', 'said', 'named', 'Metro Wire'),
('a day is not an outlet', $$“Water is a right,” Whitlock said Monday.$$,
 'Water is a right,', 'Whitlock', 'Whitlock', 'said', 'named', NULL),
('warned', $$“The pipes will fail,” Whitlock warned.$$,
 'The pipes will fail,', 'Whitlock', 'Whitlock', 'warned', 'named', NULL),
('insists', $$“The pipes will fail,” insists Whitlock.$$,
 'The pipes will fail,', 'Whitlock', 'Whitlock', 'insists', 'named', NULL),
('concluded', $$“The pipes will fail,” Whitlock concluded.$$,
 'The pipes will fail,', 'Whitlock', 'Whitlock', 'concluded', 'named', NULL),
('explained', $$“The pipes will fail,” she explained.$$,
 'The pipes will fail,', NULL, 'she', 'explained', 'pronoun', NULL),
('pointed out', $$“The pipes will fail,” Whitlock pointed out.$$,
 'The pipes will fail,', 'Whitlock', 'Whitlock', 'pointed out', 'named', NULL),
('asked', $$“Who pays for the pipes?” Whitlock asked.$$,
 'Who pays for the pipes?', 'Whitlock', 'Whitlock', 'asked', 'named', NULL),
('added later', $$“Who pays?” Whitlock later added.$$,
 'Who pays?', 'Whitlock', 'Whitlock', 'added', 'named', NULL),
-- pronouns resolve to the nearest person before them, outside quotes
('pronoun picks the nearest person', $$Dana Whitlock wrote the column. Marcus Oyelaran, the utility's director, said the audit was fair. “We have nothing to hide,” he said.$$,
 'We have nothing to hide,', 'Marcus Oyelaran', 'he', 'said', 'pronoun', NULL),
('names inside quotes do not count', $$Dana Whitlock answered. “Ask Marcus Oyelaran said nobody,” she said.$$,
 'Ask Marcus Oyelaran said nobody,', 'Dana Whitlock', 'she', 'said', 'pronoun', NULL),
('pronoun after a surname', $$Dana Whitlock wrote the column. To Whitlock, the audit is theatre. “Nobody reads it,” she says.$$,
 'Nobody reads it,', 'Dana Whitlock', 'she', 'says', 'pronoun', NULL),
('pronoun with no antecedent', $$“Nobody reads it,” she says.$$,
 'Nobody reads it,', NULL, 'she', 'says', 'pronoun', NULL),
('a day is not a person', $$Marcus Oyelaran defended the draft in an interview Tuesday, saying little. “We publish everything,” he said.$$,
 'We publish everything,', 'Marcus Oyelaran', 'he', 'said', 'pronoun', NULL),
('an organisation in object position is not an antecedent', $$Councillor Declan O'Brien has been asking Northgate Water for figures. “Averages hide things,” he said.$$,
 'Averages hide things,', 'Declan O''Brien', 'he', 'said', 'pronoun', NULL),
-- French and German attributions
('French, verb then name', $$« Les moyennes cachent tout », écrit Dana Whitlock.$$,
 'Les moyennes cachent tout', 'Dana Whitlock', 'Dana Whitlock', 'écrit', 'named', NULL),
('French, past tense', $$« Les moyennes cachent tout », a déclaré Whitlock.$$,
 'Les moyennes cachent tout', 'Whitlock', 'Whitlock', 'a déclaré', 'named', NULL),
('French, inverted pronoun', $$Hélène Marchetti a lu le texte. « Nous publierons tout », poursuit-elle.$$,
 'Nous publierons tout', 'Hélène Marchetti', 'elle', 'poursuit', 'pronoun', NULL),
('French, selon', $$Selon Whitlock, « un portail n’est pas une équipe de réparation ».$$,
 'un portail n’est pas une équipe de réparation', 'Whitlock', 'Whitlock', 'Selon', 'according_to', NULL),
('French, name as apposition', $$L’adjointe au maire, Hélène Marchetti, dit avoir lu le texte « avec attention ».$$,
 'avec attention', 'Hélène Marchetti', 'Hélène Marchetti', 'dit', 'named', NULL),
('French elision before a scare quote', $$À l’heure de l’« open data », rien ne change.$$,
 'open data', NULL, NULL, NULL, 'none', NULL),
('German, verb then name', $$„Wer zahlt, darf sehen“, sagte Katrin Vogel.$$,
 'Wer zahlt, darf sehen', 'Katrin Vogel', 'Katrin Vogel', 'sagte', 'named', NULL),
-- a full stop ends the sentence: what follows is not an attribution
('full stop before a name', $$“The audit is done.” Whitlock said nothing more.$$,
 'The audit is done.', NULL, NULL, NULL, 'none', NULL),
-- scare quotes have no speaker
('scare quote', $$Whitlock said the so-called “reform” was theatre.$$,
 'reform', 'Whitlock', 'Whitlock', 'said', 'named', NULL),
('scare quote without cue', $$The council unveiled its “reform” on Tuesday.$$,
 'reform', NULL, NULL, NULL, 'none', NULL);

-- Each case's quotation gets exactly its attribution.  Expected: (0 rows).
SELECT c.label, e.speaker, e.mention, e.cue, e.method, e.cited_outlet
  FROM attribution_case c
  LEFT JOIN LATERAL (SELECT * FROM verbatim.extract_quotes_detail(c.body) d
                      WHERE d.quote = c.quote) e ON true
 WHERE e.method IS NULL
    OR (e.speaker, e.mention, e.cue, e.method, e.cited_outlet)
       IS DISTINCT FROM (c.speaker, c.mention, c.cue, c.method, c.cited_outlet)
 ORDER BY c.label;

-- Scare quotes never carry a speaker.  Expected: (0 rows).
SELECT c.label, e.quote, e.speaker
  FROM attribution_case c, verbatim.extract_quotes(c.body) e
 WHERE e.kind = 'scare' AND e.speaker IS NOT NULL;

-- Methods are always one of the documented values.  Expected: (0 rows).
SELECT DISTINCT e.method
  FROM attribution_case c, verbatim.extract_quotes(c.body) e
 WHERE e.method NOT IN ('named', 'pronoun', 'continuation', 'according_to', 'colon', 'none');
