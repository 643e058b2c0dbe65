--
-- Random fictional articles for the load and crash tests, made inside the
-- database with random(): schema vb_gen, outside the extension.  Every
-- name, outlet and sentence is invented.  Sentences come from a pool of
-- 400 built from word lists, so quotations recur across articles and the
-- checks find sources; speakers come from a pool of 100 names, and new
-- ones keep appearing while the pool fills.
--
CREATE SCHEMA vb_gen;

CREATE FUNCTION vb_gen.pick(items text[])
RETURNS text
LANGUAGE sql VOLATILE
AS $$ SELECT items[1 + floor(random() * array_length(items, 1))::int] $$;

CREATE FUNCTION vb_gen.person(n int)
RETURNS text
LANGUAGE sql IMMUTABLE
AS $$
    SELECT (ARRAY['Ada', 'Bruno', 'Celia', 'Dmitri', 'Elena', 'Farid', 'Greta',
                  'Hugo', 'Ines', 'Jonas'])[1 + n % 10] || ' ' ||
           (ARRAY['Marlowe', 'Okafor', 'Lindqvist', 'Trevane', 'Halloran',
                  'Pereira', 'Szabo', 'Nakamura', 'Quillfeather', 'Varga'])[1 + (n / 10) % 10]
$$;

CREATE FUNCTION vb_gen.random_person()
RETURNS text
LANGUAGE sql VOLATILE
AS $$ SELECT vb_gen.person(floor(random() * 100)::int) $$;

-- Sentence n of the pool, at least eight words: a run of six is what
-- reproductions() needs.
CREATE FUNCTION vb_gen.sentence(n int)
RETURNS text
LANGUAGE sql IMMUTABLE
AS $$
    SELECT (ARRAY['The harbour', 'The ferry board', 'Our library', 'The tram depot',
                  'The fish market', 'The night school', 'The river council',
                  'The lighthouse trust', 'The bakery guild', 'The cable works'])[1 + n % 10]
           || ' ' ||
           (ARRAY['has promised', 'will never publish', 'quietly postponed',
                  'finally delivered', 'cannot afford', 'refused to explain',
                  'keeps rewriting', 'owes the town'])[1 + (n / 10) % 8]
           || ' ' ||
           (ARRAY['the repairs it announced in spring',
                  'a full account of the winter budget',
                  'the second bridge over the old canal',
                  'an honest answer about the missing ledgers',
                  'the timetable every rider was waiting for'])[1 + (n / 80) % 5]
           || '.'
$$;

CREATE FUNCTION vb_gen.random_sentence()
RETURNS text
LANGUAGE sql VOLATILE
AS $$ SELECT vb_gen.sentence(floor(random() * 400)::int) $$;

-- One paragraph in one of the attribution patterns, or none.
CREATE FUNCTION vb_gen.paragraph()
RETURNS text
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
    s text := vb_gen.random_sentence();
    who text := vb_gen.random_person();
    quoted text := rtrim(s, '.');
BEGIN
    -- now and then a word changed, so that checks find alterations
    IF random() < 0.2 THEN
        quoted := replace(quoted, ' the ', ' that ');
    END IF;
    CASE floor(random() * 10)::int
        WHEN 0 THEN RETURN '“' || quoted || ',” ' || who || ' said.';
        WHEN 1 THEN RETURN '"' || quoted || '," said ' || who || ', a ' ||
                          vb_gen.pick(ARRAY['ferry captain', 'librarian', 'resident', 'engineer']) || '.';
        WHEN 2 THEN RETURN who || ' told the Gull Street Gazette: “' || quoted || '.”';
        WHEN 3 THEN RETURN who || ' spoke first. “' || quoted || ',” ' ||
                          vb_gen.pick(ARRAY['she', 'he']) || ' added.';
        WHEN 4 THEN RETURN 'As ' || split_part(who, ' ', 2) || ' puts it, “' || quoted || '.”';
        WHEN 5 THEN RETURN 'Critics called the plan “' ||
                          vb_gen.pick(ARRAY['a mirage', 'overdue', 'bold', 'a patch']) || '” and moved on.';
        WHEN 6 THEN RETURN '« ' || quoted || ' », écrit ' || who || '.';
        WHEN 7 THEN RETURN 'According to ' || who || ', “' || quoted || '.” “' ||
                          rtrim(vb_gen.random_sentence(), '.') || '.”';
        WHEN 8 THEN RETURN '“' || quoted || ' and nobody noticed';   -- never closed
        ELSE RETURN s || ' ' || vb_gen.random_sentence();
    END CASE;
END
$$;

CREATE FUNCTION vb_gen.body(paragraphs int DEFAULT 2 + floor(random() * 6)::int)
RETURNS text
LANGUAGE sql VOLATILE
AS $$ SELECT string_agg(vb_gen.paragraph(), E'\n\n') FROM generate_series(1, paragraphs) $$;

-- An article as verbatim.ingest() takes it.  One in five is written by a
-- person of the pool (a primary source of theirs, made of pool sentences);
-- one in ten reuses one of fifty keys, so ingests of the same key meet.
CREATE FUNCTION vb_gen.article()
RETURNS jsonb
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
    key text := CASE WHEN random() < 0.1 THEN 'gen-shared-' || floor(random() * 50)::int
                     ELSE 'gen-' || md5(random()::text || clock_timestamp()::text) END;
    author text;
    body text;
BEGIN
    IF random() < 0.2 THEN
        author := vb_gen.random_person();
        SELECT string_agg(vb_gen.random_sentence(), ' ') INTO body FROM generate_series(1, 12);
    ELSE
        body := vb_gen.body();
    END IF;
    RETURN jsonb_build_object(
        'key', key,
        'outlet', vb_gen.pick(ARRAY['Gull Street Gazette', 'The Tidewell Post',
                                    'Lantern Radio', 'Quayside Weekly']),
        'author', author,
        'published', CASE WHEN random() < 0.8
                          THEN to_char(timestamptz '2026-01-01 00:00+00' + random() * interval '90 days',
                                       'YYYY-MM-DD"T"HH24:MI:SS"+00:00"') END,
        'url', CASE WHEN random() < 0.5 THEN 'https://news.example.net/' || key END,
        'title', 'Generated ' || left(key, 20),
        'lang', 'en',
        'body', body);
END
$$;

-- A stored article picked at random (NULL when there are none).
CREATE FUNCTION vb_gen.random_article_id()
RETURNS bigint
LANGUAGE sql VOLATILE
AS $$
    SELECT a.id FROM verbatim.article a
     WHERE a.id >= (SELECT min(id) + floor(random() * (max(id) - min(id) + 1))::bigint
                      FROM verbatim.article)
     ORDER BY a.id LIMIT 1
$$;
