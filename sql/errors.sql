--
-- Bad and hostile input: a result or a clear error, never a crash.
--
SET client_min_messages = warning;

-- NULL gives NULL (no rows); empty text and single bytes give no rows.
SELECT count(*) AS null_rows FROM verbatim.extract_quotes(NULL);
SELECT count(*) AS empty_rows FROM verbatim.extract_quotes('');
SELECT b, count(e.*) AS rows
  FROM unnest(ARRAY['"', '''', '“', '”', '«', '»', '「', '.', ' ', E'\n', 'a']) AS b
  LEFT JOIN LATERAL verbatim.extract_quotes(b) e ON true
 GROUP BY b ORDER BY b;

-- Storms of marks and punctuation: best effort, bounded work.
SELECT count(*) AS straight_pairs FROM verbatim.extract_quotes(repeat('"', 1000000));
SELECT count(*) AS curly_openers FROM verbatim.extract_quotes(repeat('“', 1000000));
SELECT count(*) AS words_in_marks FROM verbatim.extract_quotes(repeat('“a” ', 100000));
SELECT count(*) AS deep_nesting FROM verbatim.extract_quotes(repeat('“a ‘b ', 5000) || repeat('’ c” ', 5000));
SELECT count(*) AS unbalanced FROM verbatim.extract_quotes(repeat('He said “yes. ', 100000));
SELECT count(*) AS apostrophes FROM verbatim.extract_quotes(repeat('’''’''', 100000));
SELECT count(*) AS ellipses FROM verbatim.extract_quotes(repeat('…... . . . [...] ', 100000));
SELECT count(*) AS attribution_storm
  FROM verbatim.extract_quotes(repeat('“Yes,” said Whitlock, a columnist, a writer, an editor. ', 20000));
SELECT count(*) AS name_storm
  FROM verbatim.extract_quotes(repeat('Abc Def Ghi Jkl Mno ', 50000) || '“Yes,” she said.');
SELECT count(*) AS pronoun_storm
  FROM verbatim.extract_quotes(repeat('“Yes,” she said. ', 50000));

-- Every Unicode plane, combining marks, control characters.
SELECT count(*) AS planes
  FROM verbatim.extract_quotes(
        (SELECT string_agg(chr(cp), '') FROM generate_series(1, 1114111, 997) cp
          WHERE cp NOT BETWEEN 55296 AND 57343)
        || '“quoted”' || repeat(chr(769), 10000) || ' “again,” said Émile Zola.');
SELECT quote, speaker
  FROM verbatim.extract_quotes('“Ça va,” dit-il. “Naïve café,” said Zoë Ångström-Ölund.');

-- Spans stay in characters with multi-byte text.  Expected: (0 rows).
WITH t(body) AS (VALUES ('😀😀 “𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ok,” said Zoë. ' || repeat('é', 50) || ' “done.”'))
SELECT e.quote FROM t, verbatim.extract_quotes(t.body) e
 WHERE substr(t.body, lower(e.span), upper(e.span) - lower(e.span)) <> e.quote;

-- A body of about 100 MB is processed, and what it finds is right.
SELECT count(*) AS quotes_in_100mb, count(DISTINCT speaker) AS speakers
  FROM verbatim.extract_quotes(
        repeat('The water board met again and nothing changed at all. ', 1900000)
        || '“We are done,” said Marta Lindqvist.');

-- check_quote on hostile input: a verdict, never an error.
SELECT (verbatim.check_quote(repeat('… ', 100000), repeat('word ', 100000))).verdict AS ellipsis_storm;
SELECT (verbatim.check_quote(repeat('[', 100000) || 'word' || repeat(']', 100000), 'word')).verdict AS bracket_storm;
SELECT (verbatim.check_quote(repeat('“', 100000), repeat('”', 100000))).verdict AS marks_only;
SELECT (verbatim.check_quote('We are done,', repeat('The water board met again and nothing changed at all. ', 190000)
                              || 'We are done.')).verdict AS quote_at_the_end_of_10mb;
SELECT (verbatim.check_quote(repeat('word ', 20000), repeat('word other ', 20000))).verdict AS long_repetitive_quote;
SELECT (c).verdict, (c).coverage FROM (SELECT verbatim.check_quote(
        (SELECT string_agg(chr(cp), ' ') FROM generate_series(256, 1114111, 4099) cp
          WHERE cp NOT BETWEEN 55296 AND 57343),
        (SELECT string_agg(chr(cp), ' ') FROM generate_series(256, 1114111, 4099) cp
          WHERE cp NOT BETWEEN 55296 AND 57343)) AS c) x;

-- fingerprint_of on hostile input: a set of hashes, never an error.
SELECT verbatim.fingerprint_size(verbatim.fingerprint_of(NULL)) IS NULL AS null_in_null_out,
       verbatim.fingerprint_size(verbatim.fingerprint_of('')) AS empty,
       verbatim.fingerprint_size(verbatim.fingerprint_of(repeat('“', 1000000))) AS marks_only,
       verbatim.fingerprint_size(verbatim.fingerprint_of(repeat('… ', 100000))) AS ellipsis_storm,
       verbatim.fingerprint_size(verbatim.fingerprint_of(repeat('[a] ', 100000))) AS bracket_storm,
       verbatim.fingerprint_size(verbatim.fingerprint_of(repeat('a' || chr(769), 100000))) AS combining_run;
SELECT verbatim.fingerprint_size(verbatim.fingerprint_of(
        (SELECT string_agg(chr(cp), ' ') FROM generate_series(256, 1114111, 4099) cp
          WHERE cp NOT BETWEEN 55296 AND 57343))) > 0 AS every_plane;
-- 100 MB: the repeated sentence gives few distinct hashes; the words of a
-- generated text give many, in bounded memory.
SELECT verbatim.fingerprint_size(verbatim.fingerprint_of(
        repeat('The water board met again and nothing changed at all. ', 1900000))) AS repeated_100mb;
SELECT verbatim.fingerprint_size(verbatim.fingerprint_of(
        (SELECT string_agg(md5(g::text), ' ') FROM generate_series(1, 300000) g))) AS distinct_10mb;

-- A statement timeout stops the long functions on 100 MB within about a
-- second (the text is built inside the timed statement, so "within 3 s"
-- allows for that).
CREATE FUNCTION pg_temp.stops(statement text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    started timestamptz := clock_timestamp();
BEGIN
    EXECUTE statement;
    RETURN 'finished';
EXCEPTION WHEN query_canceled THEN
    RETURN CASE WHEN clock_timestamp() - started < interval '3 s' THEN 'stopped within 3 s'
                ELSE 'stopped after ' || (clock_timestamp() - started) END;
END $$;
SET statement_timeout = '1s';
\set body 'repeat(''“We met again,” said Marta Lindqvist, and nothing changed. '', 1700000)'
SELECT pg_temp.stops(format('SELECT count(*) FROM verbatim.extract_quotes(%s)', :'body')) AS extract_quotes;
SELECT pg_temp.stops(format('SELECT verbatim.check_quote(''and nothing changed at all, said the board'', %s)', :'body')) AS check_quote;
SELECT pg_temp.stops(format('SELECT verbatim.fingerprint_of(%s)', :'body')) AS fingerprint_of;
SELECT pg_temp.stops(format('SELECT count(*) FROM verbatim.reproductions(%s)', :'body')) AS reproductions;
RESET statement_timeout;

-- A database in another encoding cannot install the extension.
SELECT current_database() AS regress_db \gset
CREATE DATABASE verbatim_latin1 ENCODING 'LATIN1' TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C';
\c verbatim_latin1
\set VERBOSITY default
CREATE EXTENSION verbatim;
\set VERBOSITY terse
\c :regress_db
DROP DATABASE verbatim_latin1;
