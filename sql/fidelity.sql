--
-- Fidelity across outlets: fidelity_report(), outlet_report(), the cache.
--
SET client_min_messages = warning;

-- Start from empty tables: earlier suites stored other articles.
TRUNCATE verbatim.article, verbatim.speaker CASCADE;

INSERT INTO verbatim.article (key, outlet, author, published_at, title, body) VALUES
('column', 'The Harbor Ledger', 'Dana Whitlock', '2026-03-02 09:00+00', 'Open the water books',
 'The water board promised open books in 2019. It has published nothing since. Averages are where bad news goes to hide. The meters were never smart; they were only expensive.'),
('daily', 'Coastline Daily', NULL, '2026-03-03 08:00+00', 'Columnist takes on the board',
 E'Columnist Dana Whitlock has a message for the board.\n\n“Averages are where bad news goes to hide,” Whitlock wrote in The Harbor Ledger. “The meters were never smart. They were just expensive.”\n\n“The board has published nothing and never will,” she added.'),
('wire', 'Metro Wire', NULL, '2026-03-04 08:00+00', 'Water data',
 E'“The board has published nothing and never will,” said Dana Whitlock, according to a post quoted by other outlets.\n\n“The water board promised open books in 2019. Averages are where bad news goes to hide,” Whitlock said.'),
('undated', 'Harbor Radio', NULL, NULL, 'Transcript',
 E'“The meters were never smart,” Whitlock said on air.');

-- One row per quotation attributed to the columnist outside her column.
SELECT outlet, quote, verdict, faithful,
       (SELECT key FROM verbatim.article WHERE id = source_article_id) AS source,
       source_kind, flags, diff
  FROM verbatim.fidelity_report('Dana Whitlock')
 ORDER BY article_id, quote_id;

-- The alias finds the same quotations.
SELECT count(*) AS by_alias FROM verbatim.fidelity_report('Whitlock');

-- Excerpt and span point into the source article.  Expected: (0 rows).
SELECT f.quote
  FROM verbatim.fidelity_report('Dana Whitlock') f
  JOIN verbatim.article a ON a.id = f.source_article_id
 WHERE substr(a.body, lower(f.source_span), upper(f.source_span) - lower(f.source_span))
       IS DISTINCT FROM f.excerpt;

-- Per outlet.
SELECT * FROM verbatim.outlet_report('Dana Whitlock');

-- Checks are cached; changing the source's body clears them and the report
-- sees the new text.
SELECT count(*) > 0 AS cached FROM verbatim.check_cache;
UPDATE verbatim.article
   SET body = body || ' They were just expensive.'
 WHERE key = 'column';
SELECT count(*) AS cached_against_old_body
  FROM verbatim.check_cache c JOIN verbatim.article a ON a.id = c.source_article_id
 WHERE a.key = 'column';
SELECT quote, verdict FROM verbatim.fidelity_report('Dana Whitlock')
 WHERE quote LIKE 'The meters were never smart. They%';

-- A registered primary source counts like an article the speaker wrote.
INSERT INTO verbatim.article (key, outlet, published_at, title, body) VALUES
('statement', 'Harbor Water Board', '2026-03-01 12:00+00', 'Statement',
 'The board will publish district figures next year. Street data will follow.');
INSERT INTO verbatim.article (key, outlet, published_at, title, body) VALUES
('gazette', 'Port Gazette', '2026-03-05 12:00+00', 'Board to publish',
 E'“The board will publish street figures next year,” the Harbor Water Board said in a statement.');
INSERT INTO verbatim.primary_source (speaker_id, article_id)
SELECT verbatim.resolve_speaker('Harbor Water Board'), id FROM verbatim.article WHERE key = 'statement';
SELECT outlet, quote, verdict, flags, diff FROM verbatim.fidelity_report('Harbor Water Board');

-- No such speaker: no rows.
SELECT count(*) AS nobody FROM verbatim.fidelity_report('Nobody At All');
