--
-- The fingerprint type: construction, text and binary I/O, the overlap
-- operator and its GIN operator class.
--
SET client_min_messages = warning;
SET search_path = verbatim, public;

-- Typography does not change a fingerprint; the words do.  Expected: (0 rows).
WITH pairs(a, b, same) AS (VALUES
    ('The council said the reservoir would open next spring.',
     '“the Council said the reservoir would open next spring,”', true),
    ('It is an open-source water meter, the engineer said.',
     'it is an open source water meter — the engineer said', true),
    ('Don''t expect the board to publish the audit this year.',
     'DON’T EXPECT THE BOARD TO PUBLISH THE AUDIT THIS YEAR', true),
    ('The council said the reservoir would open next spring.',
     'The council said the reservoir would close next spring.', false)
)
SELECT a, b FROM pairs WHERE (fingerprint_of(a) = fingerprint_of(b)) IS DISTINCT FROM same;

-- Texts sharing a run of six words share a hash, whatever surrounds the
-- run; a run cut by an ellipsis or a bracket is two runs.  Expected: (0 rows).
WITH source(body) AS (VALUES (
    'Residents of Port Halden have waited six years for the water board to publish the meter readings it promised in 2019, and the board says they will wait longer.')),
cases(quote, shares) AS (VALUES
    ('the water board to publish the meter', true),
    ('“We have waited six years for the water board,” one resident said.', true),
    ('waited six years … for the water board', false),
    ('the meter readings it [the board] promised in 2019', false),
    ('publish the meter readings', false),
    ('The harbor crew replaced every valve on the north main.', false)
)
SELECT quote, shares
  FROM cases, source
 WHERE (fingerprint_of(quote) && fingerprint_of(body)) IS DISTINCT FROM shares;

SELECT fingerprint_size(fingerprint_of('one two three four five')) AS five_words,
       fingerprint_size(fingerprint_of('one two three four five six')) AS six_words,
       fingerprint_of('') = '{}' AS empty_text_empty_set,
       fingerprint_of('a b c d e f') <> fingerprint_of('a b c d e g') AS differ;

-- Text form: canonical, and it round-trips.  Expected: (0 rows).
SELECT f
  FROM (SELECT fingerprint_of(body) AS f
          FROM (VALUES ('The water board promised open books in 2019 and published nothing since.'),
                       (repeat('Averages are where bad news goes to hide, the column said. ', 50))) b(body)) x
 WHERE f::text::fingerprint <> f OR f::text !~ '^\{([0-9a-f]{8}(,[0-9a-f]{8})*)?\}$';

SELECT '{}'::fingerprint, ' { 0000000a , 000000FF } '::fingerprint;

-- Invalid text is rejected with 22P02, never stored.
\set VERBOSITY sqlstate
SELECT 'x'::fingerprint;
SELECT '{'::fingerprint;
SELECT '{0000000a'::fingerprint;
SELECT '{0000000a,}'::fingerprint;
SELECT '{a}'::fingerprint;
SELECT '{0000000g}'::fingerprint;
SELECT '{000000001}'::fingerprint;
SELECT '{0000000a} x'::fingerprint;
SELECT '{000000ff,0000000a}'::fingerprint;
SELECT '{0000000a,0000000a}'::fingerprint;
\set VERBOSITY default
SELECT '{000000ff,0000000a}'::fingerprint;

-- Binary form: send and receive round-trip through COPY.
CREATE TEMP TABLE fp_values (f fingerprint);
INSERT INTO fp_values
SELECT fingerprint_of(body)
  FROM (VALUES ('The water board promised open books in 2019 and published nothing since.'),
               (''), ('Averages are where bad news goes to hide, the column said on Monday.')) b(body);
COPY fp_values TO '/tmp/verbatim_regress_fingerprint.bin' WITH (FORMAT binary);
CREATE TEMP TABLE fp_copy (f fingerprint);
COPY fp_copy FROM '/tmp/verbatim_regress_fingerprint.bin' WITH (FORMAT binary);
SELECT (SELECT array_agg(f::text ORDER BY f::text) FROM fp_values)
     = (SELECT array_agg(f::text ORDER BY f::text) FROM fp_copy) AS binary_round_trip;

-- Corrupt binary data is an error with 22P03, never a crash.  A bytea
-- column copied out in binary holds exactly the bytes given; copied back
-- into a fingerprint column, they go to the receive function.
CREATE TEMP TABLE fp_raw (n int, b bytea);
INSERT INTO fp_raw VALUES
    (1, '\x'),                                   -- no count
    (2, '\x000000'),                             -- a short count
    (3, '\xffffffff'),                           -- a negative count
    (4, '\x7fffffff00000001'),                   -- more hashes announced than held
    (5, '\x000000020000000100'),                 -- a hash cut short
    (6, '\x000000020000000500000003'),           -- out of order
    (7, '\x000000020000000500000005'),           -- a duplicate
    (8, '\x00000001000000050000000600'),         -- bytes left over
    (9, '\x000000020000000300000005');           -- valid
CREATE FUNCTION pg_temp.receive(n int) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('COPY (SELECT b FROM fp_raw WHERE n = %s) TO %L WITH (FORMAT binary)',
                   n, '/tmp/verbatim_regress_fingerprint.bin');
    TRUNCATE fp_copy;
    COPY fp_copy FROM '/tmp/verbatim_regress_fingerprint.bin' WITH (FORMAT binary);
    RETURN (SELECT f::text FROM fp_copy);
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE || ': ' || SQLERRM;
END $$;
SELECT n, pg_temp.receive(n) FROM fp_raw ORDER BY n;

-- The GIN operator class answers && from the index, with any key width.
CREATE TEMP TABLE fp_docs (id int, body text, f fingerprint);
INSERT INTO fp_docs (id, body)
SELECT g, format('Report %s: the harbor crew replaced valve %s on the north main, and the board published readings for district %s on schedule.', g, g * 7, g % 13)
  FROM generate_series(1, 2000) g;
INSERT INTO fp_docs (id, body) VALUES
    (2001, 'Averages are where bad news goes to hide, and the water board knows it well.');
UPDATE fp_docs SET f = fingerprint_of(body);
ANALYZE fp_docs;
SET enable_seqscan = off;
CREATE FUNCTION pg_temp.found(q text) RETURNS int[] LANGUAGE sql AS
$$ SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM fp_docs WHERE f && fingerprint_of(q) $$;
CREATE FUNCTION pg_temp.scanned(q text) RETURNS int[] LANGUAGE sql AS
$$ SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM (SELECT id, f FROM fp_docs OFFSET 0) d
    WHERE fingerprint_overlaps(d.f, fingerprint_of(q)) $$;
CREATE FUNCTION pg_temp.mismatches() RETURNS SETOF text LANGUAGE sql AS $$
    SELECT q.quote
      FROM (VALUES ('“Averages are where bad news goes to hide,” the column said.'),
                   ('the harbor crew replaced valve 70 on the north main'),
                   ('published readings for district 4 on schedule'),
                   ('the north main'),
                   ('Nothing of the sort was ever said by anyone at all.')) q(quote)
     WHERE pg_temp.found(q.quote) IS DISTINCT FROM pg_temp.scanned(q.quote) $$;
-- Each key width gives what a scan gives.  Expected: (0 rows) each time.
CREATE INDEX fp_docs_idx ON fp_docs USING gin (f);
SELECT * FROM pg_temp.mismatches();
DROP INDEX fp_docs_idx;
CREATE INDEX fp_docs_idx ON fp_docs USING gin (f fingerprint_ops (bits = 8));
SELECT * FROM pg_temp.mismatches();
DROP INDEX fp_docs_idx;
CREATE INDEX fp_docs_idx ON fp_docs USING gin (f fingerprint_ops (bits = 32));
SELECT * FROM pg_temp.mismatches();
-- Sharing a hash is not sharing six words: every report shares runs of
-- five with this quote, and the hash of one of them may be kept.
SELECT cardinality(pg_temp.found('the harbor crew replaced valve 70 on the north main')) AS candidates,
       10 = ANY (pg_temp.found('the harbor crew replaced valve 70 on the north main')) AS holds_report_10,
       pg_temp.found('Averages are where bad news goes to hide') AS averages;
CREATE INDEX fp_docs_bad ON fp_docs USING gin (f fingerprint_ops (bits = 33));
EXPLAIN (COSTS OFF)
SELECT id FROM fp_docs WHERE f && fingerprint_of('Averages are where bad news goes to hide');
RESET enable_seqscan;

-- The column verbatim.article.fingerprint follows the body, and the
-- extension's index serves it.
TRUNCATE article CASCADE;
INSERT INTO article (key, outlet, body) VALUES
    ('fp-a', 'The Harbor Ledger', 'The meters were never smart; they were only expensive, the column said.');
SELECT fingerprint = fingerprint_of(body) AS generated FROM article WHERE key = 'fp-a';
UPDATE article SET body = 'Nothing here now but six plain words and more.' WHERE key = 'fp-a';
SELECT fingerprint = fingerprint_of(body) AS follows_update FROM article WHERE key = 'fp-a';
SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT id FROM article WHERE fingerprint && fingerprint_of('the meters were never smart at all');
RESET enable_seqscan;
TRUNCATE article CASCADE;
