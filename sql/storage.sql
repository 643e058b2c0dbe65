--
-- Storage: articles, the quotations extracted from them on write, speakers.
--
SET client_min_messages = warning;

INSERT INTO verbatim.article (outlet, author, published_at, title, body) VALUES
('The Harbor Ledger', 'Dana Whitlock', '2026-03-02 09:00+00', 'Open the water books',
 E'The utility calls its new meters “smart.” They are not.\n\nAs the Harbor Water Board put it last week: “Data belongs to the ratepayers.”'),
('Coastline Daily', NULL, '2026-03-03 08:00+00', 'Columnist takes on the utility',
 E'Columnist Dana Whitlock has a message for the water board.\n\n“The meters were never smart,” Whitlock wrote in The Harbor Ledger. “They were only expensive.”\n\nMarcus Oyelaran, the utility''s director, disagreed. “We publish everything,” he said.');

-- Every quotation is stored with its attribution, in order.
SELECT a.outlet, q.ordinal, q.paragraph, q.quote, q.kind, s.name AS speaker,
       t.mention, t.cue, t.method, t.cited_outlet
  FROM verbatim.quote q
  JOIN verbatim.article a ON a.id = q.article_id
  JOIN verbatim.attribution t ON t.quote_id = q.id
  LEFT JOIN verbatim.speaker s ON s.id = t.speaker_id
 ORDER BY a.id, q.ordinal;

-- Stored spans point into the stored body.  Expected: (0 rows).
SELECT q.id
  FROM verbatim.quote q JOIN verbatim.article a ON a.id = q.article_id
 WHERE substr(a.body, lower(q.span), upper(q.span) - lower(q.span)) <> q.quote;

-- One speaker per person; a full name brings its surname as an alias.
SELECT name, aliases FROM verbatim.speaker ORDER BY name;

-- A later article that uses the surname alone finds the same speaker.
INSERT INTO verbatim.article (outlet, title, body) VALUES
('Metro Wire', 'Brief', '“Nobody reads the audit,” said Whitlock.');
SELECT v.outlet, v.quote, v.speaker, v.mention
  FROM verbatim.quotes v WHERE v.outlet = 'Metro Wire';
SELECT count(*) AS speakers_named_whitlock
  FROM verbatim.speaker WHERE name LIKE '%Whitlock%';

-- Updating the body re-extracts; updating anything else does not.
SELECT max(id) AS quote_id_before FROM verbatim.quote \gset
UPDATE verbatim.article SET title = 'Brief (corrected)' WHERE outlet = 'Metro Wire';
SELECT max(id) = :quote_id_before AS untouched FROM verbatim.quote;
UPDATE verbatim.article SET body = '“Somebody reads the audit,” said Whitlock. “Twice,” she added.'
 WHERE outlet = 'Metro Wire';
SELECT v.quote, v.speaker, v.method FROM verbatim.quotes v
 WHERE v.outlet = 'Metro Wire' ORDER BY v.ordinal;

-- Deleting an article removes its quotations and their attributions.
DELETE FROM verbatim.article WHERE outlet = 'Metro Wire';
SELECT count(*) AS orphan_quotes FROM verbatim.quote q
 WHERE NOT EXISTS (SELECT 1 FROM verbatim.article a WHERE a.id = q.article_id);
SELECT count(*) AS orphan_attributions FROM verbatim.attribution t
 WHERE NOT EXISTS (SELECT 1 FROM verbatim.quote q WHERE q.id = t.quote_id);

-- A speaker can be registered as the source of an article they did not write.
INSERT INTO verbatim.primary_source (speaker_id, article_id, note)
SELECT verbatim.resolve_speaker('Harbor Water Board'), a.id, 'board statement'
  FROM verbatim.article a WHERE a.outlet = 'The Harbor Ledger';
SELECT s.name, a.outlet, p.note
  FROM verbatim.primary_source p
  JOIN verbatim.speaker s ON s.id = p.speaker_id
  JOIN verbatim.article a ON a.id = p.article_id;

-- Aliases: a unique alias resolves, an ambiguous one creates a new speaker
-- rather than guessing.
INSERT INTO verbatim.speaker (name, aliases) VALUES ('Ana Whitlock', '{Whitlock}');
SELECT verbatim.resolve_speaker('Whitlock') NOT IN
       (SELECT id FROM verbatim.speaker WHERE name IN ('Dana Whitlock', 'Ana Whitlock'))
       AS ambiguous_alias_not_guessed;
SELECT verbatim.resolve_speaker('Oyelaran') = (SELECT id FROM verbatim.speaker WHERE name = 'Marcus Oyelaran')
       AS unique_alias_resolves;
SELECT verbatim.resolve_speaker('  ') IS NULL AS blank_is_no_one;

-- Constraints reject what cannot be right.
\set VERBOSITY terse
INSERT INTO verbatim.article (outlet, body) VALUES ('', 'x');
INSERT INTO verbatim.article (outlet, body) VALUES ('X', NULL);
INSERT INTO verbatim.quote (article_id, ordinal, span, quote, kind, paragraph)
SELECT id, 99, '[1,1)', 'x', 'direct', 1 FROM verbatim.article LIMIT 1;
INSERT INTO verbatim.quote (article_id, ordinal, span, quote, kind, paragraph)
SELECT id, 99, '[1,2)', 'x', 'rumour', 1 FROM verbatim.article LIMIT 1;
