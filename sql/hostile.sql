--
-- Hostile input to every SQL function that takes text: each input given
-- to each function (and to each argument of check_quote) must return, or
-- raise an error with a specific SQLSTATE.  An internal error (XX000), a
-- crash or a hang is a failure.  Data-driven: the failures are listed, so
-- the expected output is (0 rows) unless something breaks.
--
-- Inputs: NULL, empty, one byte of each kind, storms of quote marks (a
-- million), nesting 5,000 deep, unbalanced marks, ellipsis and bracket
-- storms (and 50,000 ellipses with words between: each a segment of the
-- quotation), every Unicode plane, combining-mark runs, control characters, a
-- name of a thousand words, and a 10 MB body (sql/errors.sql gives the
-- core functions 100 MB and a statement_timeout).  Everything written
-- (ingest, resolve_speaker) is rolled back at the end.
--
SET client_min_messages = warning;
BEGIN;

CREATE TEMP TABLE hostile (name text PRIMARY KEY, input text);
INSERT INTO hostile VALUES
    ('null', NULL),
    ('empty', ''),
    ('space', ' '),
    ('newline', E'\n'),
    ('straight quote', '"'),
    ('apostrophe', ''''),
    ('curly open', '“'),
    ('guillemet', '«'),
    ('corner bracket', '「'),
    ('dot', '.'),
    ('ellipsis', '…'),
    ('open bracket', '['),
    ('letter', 'a'),
    ('digit', '7'),
    ('a million straight quotes', repeat('"', 1000000)),
    ('a million curly openers', repeat('“', 1000000)),
    ('nested 5000 deep', repeat('“a ‘b ', 5000) || repeat('’ c” ', 5000)),
    ('unbalanced', repeat('He said “yes. ', 50000)),
    ('apostrophe storm', repeat('’''’''', 100000)),
    ('ellipsis storm', repeat('…... . . . [...] ', 50000)),
    ('words between ellipses', repeat('the board … ', 50000)),
    ('bracket storm', repeat('[', 100000) || repeat(']', 99999)),
    ('bracketed words', repeat('[the board] ', 50000)),
    ('every plane', (SELECT string_agg(chr(cp), '') FROM generate_series(1, 1114111, 251) cp
                      WHERE cp NOT BETWEEN 55296 AND 57343)),
    ('combining run', 'e' || repeat(chr(769), 20000) || ' “é,” she said'),
    ('controls', (SELECT string_agg(chr(c), '') FROM generate_series(1, 31) c) || '“x,” he said'),
    ('invisible', repeat(chr(8203) || chr(173) || chr(65279), 10000)),
    ('long name', repeat('Whitlock ', 1000)),
    ('sentence', 'The water board met on Tuesday and nothing changed at all.'),
    ('ten megabytes', repeat('“The water board met again,” said Dana Whitlock. Nothing changed. ', 150000));

-- One call, its outcome: 'ok' or the SQLSTATE it raised.
CREATE FUNCTION pg_temp.outcome(call text, input text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE call USING input;
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE;
END
$$;

CREATE TEMP TABLE calls (fn text PRIMARY KEY, call text);
INSERT INTO calls VALUES
    ('extract_quotes', 'SELECT count(*) FROM verbatim.extract_quotes($1)'),
    ('extract_quotes_detail', 'SELECT count(*) FROM verbatim.extract_quotes_detail($1)'),
    ('check_quote, quote', 'SELECT verbatim.check_quote($1, ''The water board met on Tuesday and nothing changed at all.'')'),
    ('check_quote, source', 'SELECT verbatim.check_quote(''The water board met on Tuesday,'', $1)'),
    ('check_quote, both', 'SELECT verbatim.check_quote($1, $1)'),
    ('fingerprint_of', 'SELECT verbatim.fingerprint_size(verbatim.fingerprint_of($1))'),
    ('fingerprint input', 'SELECT $1::verbatim.fingerprint'),
    ('reproductions', 'SELECT count(*) FROM verbatim.reproductions($1)'),
    ('origin', 'SELECT count(*) FROM verbatim.origin($1)'),
    ('fidelity_report', 'SELECT count(*) FROM verbatim.fidelity_report($1)'),
    ('outlet_report', 'SELECT count(*) FROM verbatim.outlet_report($1)'),
    ('speakers_named', 'SELECT count(*) FROM verbatim.speakers_named($1)'),
    ('resolve_speaker', 'SELECT verbatim.resolve_speaker($1)'),
    ('ingest, body', 'SELECT verbatim.ingest(jsonb_build_object(''outlet'', ''Harbor Ledger'', ''body'', $1))'),
    ('ingest, every field', 'SELECT verbatim.ingest(jsonb_build_object(''outlet'', $1, ''author'', $1, ''title'', $1, ''url'', $1, ''lang'', $1, ''body'', $1))'),
    ('ingest, as JSON text', 'SELECT verbatim.ingest($1::jsonb)');

-- A source to check and trace against, so the reports have work to do.
SELECT verbatim.ingest(jsonb_build_object(
    'outlet', 'Harbor Ledger', 'author', 'Dana Whitlock', 'published_at', '2026-03-02',
    'body', 'The water board met on Tuesday and nothing changed at all. Residents waited.')) > 0
    AS source_stored;

CREATE TEMP TABLE outcomes AS
SELECT c.fn, h.name, pg_temp.outcome(c.call, h.input) AS outcome
  FROM calls c, hostile h;

-- Every call ran.  Expected: one row, 16 functions x 30 inputs.
SELECT count(*) AS calls, count(DISTINCT fn) AS functions, count(DISTINCT name) AS inputs
  FROM outcomes;

-- Internal errors, or errors outside the classes a user error belongs to
-- (22 data, 23 integrity, 42 syntax or access, 53 resources, 54 limits,
-- 57 interrupted).  Expected: (0 rows).
SELECT fn, name, outcome
  FROM outcomes
 WHERE outcome <> 'ok'
   AND (outcome = 'XX000' OR left(outcome, 2) NOT IN ('22', '23', '42', '53', '54', '57'))
 ORDER BY fn, name;

-- The pure functions take any text at all.  Expected: (0 rows).
SELECT fn, name, outcome
  FROM outcomes
 WHERE fn IN ('extract_quotes', 'extract_quotes_detail', 'check_quote, quote',
              'check_quote, source', 'check_quote, both', 'fingerprint_of')
   AND outcome <> 'ok'
 ORDER BY fn, name;

-- Errors that are raised, by SQLSTATE: each is a documented one.
SELECT outcome, count(*) AS calls, string_agg(DISTINCT fn, ', ' ORDER BY fn) AS functions
  FROM outcomes
 WHERE outcome <> 'ok'
 GROUP BY outcome
 ORDER BY outcome;

ROLLBACK;
