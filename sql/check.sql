--
-- check_quote(): verdict, faithful, flags and excerpt for a table of cases.
-- Expected output: (0 rows) for each data-driven check.
--
SET client_min_messages = warning;

CREATE TEMP TABLE source_text (name text PRIMARY KEY, body text NOT NULL);
INSERT INTO source_text VALUES
('column', $$The water board promised open books in 2019. It has published nothing since. Averages are where bad news goes to hide. The meters were never smart; they were only expensive. Every gallon that leaks from a broken main was paid for by a ratepayer, and we have a right to know where it went. The board may publish district figures next year, but it will not publish street data. Councillor Ana Ruiz asked for the raw readings twice. Nobody on the board answered her. The pipes are older than the charter, and the records describing them are in worse shape than the pipes.$$);

CREATE TEMP TABLE check_case (
    label text PRIMARY KEY,
    quote text NOT NULL,
    verdict verbatim.verdict NOT NULL,
    flags text[] NOT NULL DEFAULT '{}',
    excerpt_has text            -- a passage the excerpt must contain
);

INSERT INTO check_case VALUES
-- faithful
('exact, final full stop swapped for a comma', 'Averages are where bad news goes to hide,', 'exact', '{}', 'Averages are where bad news goes to hide'),
('exact, white space runs equal', 'Averages  are where   bad news goes to hide', 'exact', '{}', 'bad news goes to hide'),
('exact, mid-sentence excerpt', 'they were only expensive', 'exact', '{}', 'they were only expensive'),
('typographic: case and punctuation', 'The meters were never smart. They were only expensive.', 'typographic', '{}', 'The meters were never smart; they were only expensive'),
('typographic: apostrophe and quotes', 'It has published nothing since', 'exact', '{}', 'It has published nothing since'),
('typographic: curly apostrophe in the quote', 'Nobody on the board answered her', 'exact', '{}', 'Nobody on the board answered her'),
('typographic: hyphen for a space', 'The water-board promised open books in 2019', 'typographic', '{}', 'The water board promised open books in 2019'),
('typographic: soft hyphens and a no-break space', E'The water\u00A0board prom\u00ADised open books in 2019', 'typographic', '{}', 'The water board promised open books in 2019'),
('typographic: dash and case', 'THE PIPES ARE OLDER THAN THE CHARTER — and the records describing them are in worse shape', 'typographic', '{}', 'The pipes are older than the charter'),
('elided with an ellipsis', 'Every gallon that leaks … was paid for by a ratepayer', 'elided', '{}', NULL),
('elided with [...]', 'The pipes are older than the charter [...] the records describing them are in worse shape than the pipes', 'elided', '{}', NULL),
('elided with a bracket standing in', '[The board] has published nothing since', 'elided', '{}', 'has published nothing since'),
('elided with a bracket added', 'The meters [installed in 2021] were never smart', 'elided', '{}', 'The meters were never smart'),
-- not faithful
('altered: one word substituted', 'The meters were never smart; they were just expensive', 'altered', '{}', 'they were only expensive'),
('altered: negation dropped', 'The board may publish district figures next year, and it will publish street data', 'altered', '{negation}', 'it will not publish street data'),
('altered: number changed', 'The water board promised open books in 2017. It has published nothing since.', 'altered', '{number}', 'open books in 2019'),
('altered: name changed', 'Councillor Ana Moreno asked for the raw readings twice', 'altered', '{name}', 'asked for the raw readings twice'),
('altered: hedge changed', 'The board will publish district figures next year, but it will not publish street data', 'altered', '{hedge}', 'district figures next year'),
('altered: clause appended', 'Averages are where bad news goes to hide, and the board knows it better than anyone', 'altered', '{}', 'Averages are where bad news goes to hide'),
('altered: words dropped without an ellipsis', 'Every gallon that leaks was paid for by a ratepayer', 'altered', '{}', 'Every gallon that leaks'),
('spliced: two distant sentences', 'Averages are where bad news goes to hide. Nobody on the board answered her.', 'spliced', '{}', NULL),
('spliced: reversed order', 'It has published nothing since. The water board promised open books in 2019.', 'spliced', '{}', NULL),
('spliced: three passages', 'The meters were never smart, the pipes are older than the charter, and nobody on the board answered her', 'spliced', '{}', NULL),
('paraphrased: same content, new wording', 'Bad news hides in the averages, and the board has published nothing', 'paraphrased', '{}', NULL),
('paraphrased: reworded promise', 'In 2019 the board made a promise of open books and then published nothing', 'paraphrased', '{}', NULL),
('paraphrased: reworded pipes', 'The charter is younger than the pipes, whose records are worse still', 'paraphrased', '{}', NULL),
('unsupported: another subject', 'The harbor will be dredged before the summer festival', 'unsupported', '{}', NULL),
('unsupported: empty of words', '… — !', 'unsupported', '{}', NULL),
('unsupported: other language', 'Les moyennes cachent les mauvaises nouvelles', 'unsupported', '{}', NULL);

-- Every case gets its verdict and flags.  Expected: (0 rows).
SELECT c.label, (r).verdict, (r).flags, (r).diff
  FROM check_case c, source_text s,
       LATERAL (SELECT verbatim.check_quote(c.quote, s.body) AS r) x
 WHERE s.name = 'column'
   AND ((r).verdict IS DISTINCT FROM c.verdict OR (r).flags IS DISTINCT FROM c.flags)
 ORDER BY c.label;

-- faithful is exactly exact, typographic or elided; the excerpt is the
-- source at the span, and holds the passage named.  Expected: (0 rows).
SELECT c.label, (r).faithful, (r).span, (r).excerpt
  FROM check_case c, source_text s,
       LATERAL (SELECT verbatim.check_quote(c.quote, s.body) AS r) x
 WHERE s.name = 'column'
   AND ((r).faithful IS DISTINCT FROM ((r).verdict <= 'elided')
        OR substr(s.body, lower((r).span), upper((r).span) - lower((r).span)) IS DISTINCT FROM (r).excerpt
        OR (c.excerpt_has IS NOT NULL AND position(c.excerpt_has IN (r).excerpt) = 0)
        OR ((r).verdict = 'unsupported') <> ((r).span IS NULL));

-- Diffs, readable in psql.
SELECT c.label, (r).verdict, (r).coverage, (r).diff
  FROM check_case c, source_text s,
       LATERAL (SELECT verbatim.check_quote(c.quote, s.body) AS r) x
 WHERE s.name = 'column'
   AND c.label IN ('altered: one word substituted', 'altered: clause appended',
                   'elided with a bracket standing in', 'spliced: two distant sentences',
                   'altered: negation dropped')
 ORDER BY c.label;

-- The worst verdict of a set is max().
SELECT max((verbatim.check_quote(c.quote, s.body)).verdict) AS worst,
       min((verbatim.check_quote(c.quote, s.body)).verdict) AS best
  FROM check_case c, source_text s WHERE s.name = 'column';

-- NULL in, NULL out; empty texts.
SELECT verbatim.check_quote(NULL, 'x') IS NULL AS null_quote,
       verbatim.check_quote('x', NULL) IS NULL AS null_source;
SELECT (verbatim.check_quote('', '')).verdict AS empty_both,
       (verbatim.check_quote('some words', '')).verdict AS empty_source;

-- Large sources stored out of line: the prepared source is reused per
-- article and never mixed up between articles.  Expected: (0 rows).
CREATE TEMP TABLE big (id int PRIMARY KEY, body text);
ALTER TABLE big ALTER COLUMN body SET STORAGE EXTERNAL;
INSERT INTO big
SELECT a, string_agg(md5(a::text || ':' || w::text), ' ' ORDER BY w)
          || ' Article number ' || a || ' ends with its own sentence.'
  FROM generate_series(1, 3) a, generate_series(1, 800) w GROUP BY a;
SELECT b.id, q.id AS quote_from, (r).verdict
  FROM big b, big q,
       LATERAL (SELECT verbatim.check_quote('Article number ' || q.id || ' ends with its own sentence', b.body) AS r) x
 WHERE ((r).verdict = 'exact') <> (b.id = q.id)
    OR ((r).verdict = 'exact' AND substr(b.body, lower((r).span), upper((r).span) - lower((r).span)) <> (r).excerpt);
