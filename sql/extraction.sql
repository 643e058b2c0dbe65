--
-- Extraction: which quotations a text yields, and of which kind.
--
-- Data-driven: each case lists the quotations it must yield, in order, and
-- their kinds.  The checks print the cases that disagree, so the expected
-- output is (0 rows) unless something broke.
--
SET client_min_messages = warning;

CREATE TEMP TABLE extraction_case (
    label text PRIMARY KEY,
    body text NOT NULL,
    quotes text[] NOT NULL,
    kinds text[] NOT NULL
);

INSERT INTO extraction_case VALUES
-- quote-mark styles
('straight double', $$The mayor spoke. "We will open the books," she said.$$,
 ARRAY[$$We will open the books,$$], ARRAY['direct']),
('curly double', $$“The pipes are older than the city charter,” Whitlock said.$$,
 ARRAY[$$The pipes are older than the city charter,$$], ARRAY['direct']),
('curly single, British style', $$‘We were never told,’ said Amira Kovač.$$,
 ARRAY[$$We were never told,$$], ARRAY['direct']),
('straight single', $$'Nobody reads the minutes,' said Tom Reyes.$$,
 ARRAY[$$Nobody reads the minutes,$$], ARRAY['direct']),
('French guillemets with inner spaces', $$« Nous ouvrirons les comptes », a déclaré Whitlock.$$,
 ARRAY[$$Nous ouvrirons les comptes$$], ARRAY['direct']),
('German low-high', $$Sie sagte: „Wir öffnen die Bücher.“$$,
 ARRAY[$$Wir öffnen die Bücher.$$], ARRAY['direct']),
('German reversed guillemets', $$Er sagte: »Das Wasser ist sauber.«$$,
 ARRAY[$$Das Wasser ist sauber.$$], ARRAY['direct']),
('Polish low-high closing with right mark', $$Powiedziała: „Otworzymy księgi.”$$,
 ARRAY[$$Otworzymy księgi.$$], ARRAY['direct']),
('Swedish right marks both ends', $$Hon sa: ”Vi öppnar böckerna.”$$,
 ARRAY[$$Vi öppnar böckerna.$$], ARRAY['direct']),
('single guillemets', $$Il a dit : ‹ Jamais plus ›.$$,
 ARRAY[$$Jamais plus$$], ARRAY['direct']),
('CJK corner brackets', $$市長は「水道は市民のものだ」と述べた。$$,
 ARRAY[$$水道は市民のものだ$$], ARRAY['partial']),
('CJK white corner brackets', $$彼は『まだ早い』と言った。$$,
 ARRAY[$$まだ早い$$], ARRAY['scare']),
-- nesting
('nested single in double', $$“She told me ‘the meters lie,’ and I believed her,” Reyes said.$$,
 ARRAY[$$She told me ‘the meters lie,’ and I believed her,$$, $$the meters lie,$$],
 ARRAY['direct', 'partial']),
('nested straight quotes', $$"He called it 'a leak dressed up as a reform,' and left," Kovač said.$$,
 ARRAY[$$He called it 'a leak dressed up as a reform,' and left,$$, $$a leak dressed up as a reform,$$],
 ARRAY['direct', 'partial']),
-- a quotation over several paragraphs re-opens without closing
('paragraph continuation', E'“The first thing we found was the ledger.\n\n“The second thing was the silence,” Whitlock said.',
 ARRAY[$$The first thing we found was the ledger.$$, $$The second thing was the silence,$$],
 ARRAY['direct', 'direct']),
('three paragraphs', E'Whitlock said: "One.\n\n"Two.\n\n"Three."',
 ARRAY['One.', 'Two.', 'Three.'], ARRAY['direct', 'direct', 'direct']),
-- apostrophes are not quote marks
('apostrophes', $$It didn’t matter; the players’ union met in the ’90s at O’Brien’s for rock ’n’ roll.$$,
 '{}', '{}'),
('straight apostrophes', $$It's the '90s and the players' union doesn't care about O'Brien's rock 'n' roll.$$,
 '{}', '{}'),
('possessive inside single quotes', $$‘The players’ union is strong,’ said Reyes.$$,
 ARRAY[$$The players’ union is strong,$$], ARRAY['direct']),
('apostrophe inside a quote', $$"It's not the water, it's the pipes," she said.$$,
 ARRAY[$$It's not the water, it's the pipes,$$], ARRAY['direct']),
-- kinds
('scare quote', $$The utility put the council on its “naughty” list.$$,
 ARRAY['naughty'], ARRAY['scare']),
('scare quote at sentence start', $$“Smart” meters arrived in May.$$,
 ARRAY['Smart'], ARRAY['scare']),
('scare quote with comma inside', $$People talk of the “water moment,” but it was a movement.$$,
 ARRAY['water moment,'], ARRAY['scare']),
('partial quote unattributed', $$The board promised “a full and public accounting of every pipe laid since 1950.”$$,
 ARRAY['a full and public accounting of every pipe laid since 1950.'], ARRAY['partial']),
('partial quote attributed', $$Whitlock called the plan “a leak dressed up as a reform.”$$,
 ARRAY['a leak dressed up as a reform.'], ARRAY['partial']),
('short attributed direct quote', $$“No,” Whitlock said.$$,
 ARRAY['No,'], ARRAY['direct']),
-- best effort on broken text: never an error
('unclosed opening mark', $$He said “we will see and then left. The end.$$, '{}', '{}'),
('stray closing mark', $$The 12” pipe and the 3' valve were “replaced,” he said.$$,
 ARRAY['replaced,'], ARRAY['partial']),
('unbalanced across paragraphs', E'“Open here\n\nAnd a new paragraph “closed here.”',
 ARRAY['closed here.'], ARRAY['scare']),
('empty quotes', $$He said "" and “ ” and left.$$, '{}', '{}'),
('quote at the very end', $$He said: “end$$, '{}', '{}'),
('only marks', $$"""“”„«»'’$$, '{}', '{}'),
('mixed styles do not cross', $$“One” and "two" and «trois»$$,
 ARRAY['One', 'two', 'trois'], ARRAY['scare', 'scare', 'scare']),
('line break inside a web paragraph ends it', E'“Unclosed\nNext line has “a closed one.”',
 ARRAY['a closed one.'], ARRAY['scare']),
('hard-wrapped text keeps quotes across lines', E'The water board met on Tuesday night to discuss the results of\nthe annual audit. "We have nothing to hide and nothing to sell,"\nsaid Marta Lindqvist, who chairs the board and has done so since\n2019. She added that the audit would be published in full soon.\n\nThe next meeting is in May.',
 ARRAY['We have nothing to hide and nothing to sell,'], ARRAY['direct']),
('one short paragraph per line is not hard-wrapped', E'The board met on Tuesday to discuss the audit of the water system.\nMembers said the report would be released within the next month.\n“We will publish everything we have found so far.\n“And then we will answer questions,” said Marta Lindqvist.\nThe meeting ended at nine in the evening after a long debate.',
 ARRAY['We will publish everything we have found so far.', 'And then we will answer questions,'], ARRAY['direct', 'direct']);

-- Each case yields exactly its quotations and kinds.  Expected: (0 rows).
SELECT c.label, got.quotes, c.quotes AS expected_quotes, got.kinds, c.kinds AS expected_kinds
  FROM extraction_case c
 CROSS JOIN LATERAL (
        SELECT coalesce(array_agg(e.quote ORDER BY lower(e.span), upper(e.span) DESC), '{}') AS quotes,
               coalesce(array_agg(e.kind ORDER BY lower(e.span), upper(e.span) DESC), '{}') AS kinds
          FROM verbatim.extract_quotes(c.body) e) got
 WHERE got.quotes IS DISTINCT FROM c.quotes OR got.kinds IS DISTINCT FROM c.kinds
 ORDER BY c.label;

-- The span of every quotation is in characters of the body, as substr()
-- counts them.  Expected: (0 rows).
SELECT c.label, e.span, e.quote
  FROM extraction_case c, verbatim.extract_quotes(c.body) e
 WHERE substr(c.body, lower(e.span), upper(e.span) - lower(e.span)) IS DISTINCT FROM e.quote;

-- Paragraph numbers count paragraphs from 1.
SELECT paragraph, quote
  FROM verbatim.extract_quotes_detail(E'Intro line.\n\n“First,” Whitlock said.\nSecond line, “second,” she said.\r\n\r\n“Third,” said Reyes.')
 ORDER BY lower(span);

-- One row per quotation, readable: the canonical example.
SELECT * FROM verbatim.extract_quotes(
    $$“The pipes are older than the charter,” Dana Whitlock wrote in The Harbor Ledger. “Nobody wants to dig,” she added.$$);

-- NULL in, NULL out (no rows); empty text, no rows.
SELECT count(*) FROM verbatim.extract_quotes(NULL);
SELECT count(*) FROM verbatim.extract_quotes('');
SELECT count(*) FROM verbatim.extract_quotes('"');
