--
-- reproductions() and origin(): every article reproducing a quotation,
-- found through the fingerprint index and confirmed by check_quote().
--
SET client_min_messages = warning;
SET search_path = verbatim, public;
TRUNCATE article, speaker CASCADE;

-- A column, then outlets reproducing it in every way, and others that do not.
INSERT INTO article (key, outlet, author, published_at, body) VALUES
('column', 'The Harbor Ledger', 'Dana Whitlock', '2026-03-02 09:00+00',
 E'The water board promised open books in 2019. It has published nothing since, and the meters it bought were never smart; they were only expensive. Averages are where bad news goes to hide.'),
('daily', 'Coastline Daily', NULL, '2026-03-03 08:00+00',
 E'“The water board promised open books in 2019,” Dana Whitlock wrote in The Harbor Ledger.'),
('wire', 'Metro Wire', NULL, '2026-03-04 08:00+00',
 E'Whitlock said "the Water Board promised open books in 2019", adding that averages are where bad news goes to hide.'),
('weekly', 'Port Halden Weekly', NULL, '2026-03-05 08:00+00',
 E'“The water board promised open books … It has published nothing since,” the columnist wrote.'),
('radio', 'Harbor Radio', NULL, NULL,
 E'On air, Whitlock said the water board promised open ledgers in 2019.'),
('blog', 'Tidewater Notes', NULL, '2026-03-06 08:00+00',
 E'Back in 2019 the board said its books would be open, Whitlock recalled; the water board promised open books in 2020, a reader replied.'),
('unrelated', 'Metro Wire', NULL, '2026-03-01 08:00+00',
 E'The harbor crew replaced every valve on the north main before the storm arrived on Tuesday.');

-- Every reproduction of the column's first sentence, earliest first; the
-- undated radio transcript comes first, as it may be the earliest.
SELECT a.key, r.outlet, r.published_at IS NULL AS undated, r.verdict, r.excerpt
  FROM reproductions('The water board promised open books in 2019.') r
  JOIN article a ON a.id = r.article_id;

-- worst narrows or widens the verdicts returned.
SELECT a.key, r.verdict
  FROM reproductions('The water board promised open books in 2019.', 'typographic') r
  JOIN article a ON a.id = r.article_id;

-- An elided quotation is found through each of its runs of six words.
SELECT a.key, r.verdict
  FROM reproductions('The meters it bought were never smart … averages are where bad news goes to hide.', 'spliced') r
  JOIN article a ON a.id = r.article_id;

-- Excerpts and spans point into the article.  Expected: (0 rows).
SELECT r.article_id
  FROM reproductions('The water board promised open books in 2019.', 'paraphrased') r
  JOIN article a ON a.id = r.article_id
 WHERE substr(a.body, lower(r.span), upper(r.span) - lower(r.span)) IS DISTINCT FROM r.excerpt;

-- The index finds what checking every article finds, for quotations with
-- a run of six words.  Expected: (0 rows).
WITH quotes(quote) AS (VALUES
    ('The water board promised open books in 2019.'),
    ('It has published nothing since, and the meters it bought were never smart'),
    ('averages are where bad news goes to hide'),
    ('the water board promised open books in 2020'),
    ('The harbor crew replaced every valve on the south main'))
SELECT q.quote, a.key
  FROM quotes q, article a, LATERAL check_quote(q.quote, a.body) c
 WHERE c.verdict <= 'altered'
EXCEPT
SELECT q.quote, a.key
  FROM quotes q, LATERAL reproductions(q.quote) r JOIN article a ON a.id = r.article_id;

-- A quotation with no run of six words cannot be looked up.
\set VERBOSITY default
SELECT * FROM reproductions('never smart');
SELECT * FROM reproductions('open books … in 2019');
SELECT count(*) FROM reproductions(NULL);

-- origin(): the earliest articles supporting a quotation, with the undated.
SELECT a.key, o.verdict
  FROM origin('the water board promised open books in 2019') o
  JOIN article a ON a.id = o.article_id;

-- For a stored quotation its own article does not count: the daily's
-- quotation comes from the column (and perhaps the undated transcript).
SELECT a.key, o.verdict
  FROM quote q
  JOIN article qa ON qa.id = q.article_id AND qa.key = 'daily',
       LATERAL origin(q.id) o
  JOIN article a ON a.id = o.article_id;

-- Nothing supports it: no rows.
SELECT count(*) AS no_origin FROM origin('Nobody at the board has ever said anything of the kind at all.');

-- An altered quotation's origin is the passage it alters.
SELECT a.key, o.verdict
  FROM origin('The harbor crew replaced every valve on the south main before the flood') o
  JOIN article a ON a.id = o.article_id;

-- The query reproductions() runs is answered from the index.
SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT a.id
  FROM article a, LATERAL check_quote('The water board promised open books in 2019.', a.body) c
 WHERE a.fingerprint OPERATOR(verbatim.&&) fingerprint_of('The water board promised open books in 2019.')
   AND c.verdict <= 'altered';
RESET enable_seqscan;

TRUNCATE article, speaker CASCADE;
