--
-- Security: every function runs as its caller with a pinned search_path;
-- row-level security on verbatim.article (an embargo) keeps an article's
-- text from other roles through every table, view and function; a fresh
-- install grants PUBLIC only the pure functions; the GRANTs the README
-- gives a reader and a writer are enough and no more; objects an
-- untrusted role puts in public never run.
--
-- Roles are cluster-wide and pg_regress reuses its cluster: every role is
-- named regress_verbatim_* and dropped at the end.
--
SET client_min_messages = warning;
TRUNCATE verbatim.article, verbatim.speaker CASCADE;
DROP ROLE IF EXISTS regress_verbatim_reader, regress_verbatim_writer,
    regress_verbatim_embargo, regress_verbatim_nobody, regress_verbatim_mallory;

--
-- The catalogue.
--

-- No function is SECURITY DEFINER, and every one not in C pins its
-- search_path.  Expected: (0 rows).
SELECT p.oid::regprocedure AS function
  FROM pg_proc p
 WHERE p.pronamespace = 'verbatim'::regnamespace
   AND (p.prosecdef
        OR (p.prolang <> (SELECT oid FROM pg_language WHERE lanname = 'c')
            AND NOT coalesce(p.proconfig @> ARRAY['search_path=pg_catalog, pg_temp'], false)));

-- What a fresh install grants to anyone but the owner: EXECUTE on the
-- pure functions and USAGE on the types (PUBLIC, by default); nothing on
-- the schema, the tables, the view or the sequences.
SELECT p.oid::regprocedure AS function,
       has_function_privilege('public', p.oid, 'EXECUTE') AS public_execute
  FROM pg_proc p
 WHERE p.pronamespace = 'verbatim'::regnamespace
 ORDER BY 2, p.oid::regprocedure::text;
SELECT t.oid::regtype AS type, a.privilege_type, a.grantee::regrole AS grantee
  FROM pg_type t, aclexplode(coalesce(t.typacl, acldefault('T', t.typowner))) a
 WHERE t.typnamespace = 'verbatim'::regnamespace AND t.typtype IN ('b', 'c', 'e')
   AND NOT EXISTS (SELECT FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind <> 'c')
   AND t.typarray <> 0 AND a.grantee <> t.typowner
 ORDER BY t.oid::regtype::text;
-- Expected: (0 rows).
SELECT 'schema' AS kind, n.nspname::text AS name, a.grantee, a.privilege_type
  FROM pg_namespace n, aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a
 WHERE n.nspname = 'verbatim' AND a.grantee <> n.nspowner
UNION ALL
SELECT 'relation', c.oid::regclass::text, a.grantee, a.privilege_type
  FROM pg_class c,
       aclexplode(coalesce(c.relacl, acldefault(CASE c.relkind WHEN 'S' THEN 's' ELSE 'r' END::"char", c.relowner))) a
 WHERE c.relnamespace = 'verbatim'::regnamespace AND c.relkind IN ('r', 'v', 'S')
   AND a.grantee <> c.relowner;

-- Only superusers may create objects in the extension's schema (an
-- overload placed there would be called by the extension's functions);
-- the update script refuses to run otherwise.  Expected: (0 rows).
SELECT r.rolname FROM pg_roles r
 WHERE NOT r.rolsuper AND has_schema_privilege(r.oid, 'verbatim', 'CREATE');

-- Every table holding text of an article defers to the article's
-- visibility.  speaker holds names, shared by every article quoting a
-- person, and has no policy (see the README).
SELECT c.relname, c.relrowsecurity AS rls,
       array_agg(p.polname ORDER BY p.polname) FILTER (WHERE p.polname IS NOT NULL) AS policies
  FROM pg_class c LEFT JOIN pg_policy p ON p.polrelid = c.oid
 WHERE c.relnamespace = 'verbatim'::regnamespace AND c.relkind = 'r'
 GROUP BY c.relname, c.relrowsecurity
 ORDER BY 1;

--
-- The roles of the README: a reader, a writer, and an embargo desk that
-- writes and may see embargoed articles; a role with no grant; an
-- untrusted role that may create objects in public.
--
CREATE ROLE regress_verbatim_reader;
CREATE ROLE regress_verbatim_writer;
CREATE ROLE regress_verbatim_embargo;
CREATE ROLE regress_verbatim_nobody;
CREATE ROLE regress_verbatim_mallory;

-- The reader's grants, as in the README.
GRANT USAGE ON SCHEMA verbatim TO regress_verbatim_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA verbatim TO regress_verbatim_reader;
GRANT INSERT ON verbatim.check_cache TO regress_verbatim_reader;
GRANT EXECUTE ON FUNCTION verbatim.speakers_named(text), verbatim.primary_sources(bigint[]),
    verbatim.fidelity_report(text), verbatim.outlet_report(text),
    verbatim.reproductions(text, verbatim.verdict), verbatim.origin(text), verbatim.origin(bigint)
    TO regress_verbatim_reader;

-- The writer's, as in the README.
GRANT regress_verbatim_reader TO regress_verbatim_writer;
GRANT INSERT, UPDATE, DELETE ON verbatim.article, verbatim.primary_source TO regress_verbatim_writer;
GRANT INSERT, DELETE ON verbatim.quote TO regress_verbatim_writer;
GRANT INSERT ON verbatim.attribution TO regress_verbatim_writer;
GRANT INSERT, UPDATE ON verbatim.speaker TO regress_verbatim_writer;
GRANT DELETE ON verbatim.check_cache TO regress_verbatim_writer;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA verbatim TO regress_verbatim_writer;
GRANT EXECUTE ON FUNCTION verbatim.ingest(jsonb), verbatim.resolve_speaker(text) TO regress_verbatim_writer;

GRANT regress_verbatim_writer TO regress_verbatim_embargo;

-- The embargo, as in the README: an article is seen from its publication
-- time on, and by the embargo desk before.  Nothing else is set up.
ALTER TABLE verbatim.article ENABLE ROW LEVEL SECURITY;
CREATE POLICY published ON verbatim.article
    USING (published_at IS NULL OR published_at <= now());
CREATE POLICY embargo_desk ON verbatim.article TO regress_verbatim_embargo
    USING (true);

--
-- The desk stores a column, an article quoting it, and an embargoed
-- article (its words are the secrets below), registers a primary source
-- held back with it, and fills the check cache with the fidelity report.
--
SET ROLE regress_verbatim_embargo;
INSERT INTO verbatim.article (key, outlet, author, published_at, body) VALUES
('column', 'The Harbor Ledger', 'Dana Whitlock', '2026-03-02 09:00+00',
 'The water board promised open books in 2019. It has published nothing since. Averages are where bad news goes to hide.'),
('daily', 'Coastline Daily', NULL, '2026-03-03 08:00+00',
 '“Averages are where bad news goes to hide,” Dana Whitlock wrote in The Harbor Ledger.'),
('held', 'Metro Wire', NULL, '2099-01-01 06:00+00',
 E'“The water board promised sealed books in 2019,” Whitlock told the Wire in a harbourside interview.\n\n“Nobody signs the tidewater ledger,” said Orla Fenwick, the auditor.');
INSERT INTO verbatim.primary_source (speaker_id, article_id, note)
SELECT verbatim.resolve_speaker('Orla Fenwick'), a.id, 'transcript under embargo'
  FROM verbatim.article a WHERE a.key = 'held';
SELECT count(*) AS desk_report_rows FROM verbatim.fidelity_report('Dana Whitlock');
RESET ROLE;

CREATE TEMP TABLE secret (words text PRIMARY KEY);
INSERT INTO secret VALUES ('sealed'), ('harbourside'), ('tidewater'), ('embargo');
SELECT q.id AS held_quote_id FROM verbatim.quote q JOIN verbatim.article a ON a.id = q.article_id
 WHERE a.key = 'held' ORDER BY q.ordinal LIMIT 1 \gset
SELECT q.id AS daily_quote_id FROM verbatim.quote q JOIN verbatim.article a ON a.id = q.article_id
 WHERE a.key = 'daily' \gset

-- Every read entry point, and what it shows each role: rows, and how many
-- of the secret words appear anywhere in them.
CREATE TEMP TABLE entry (name text PRIMARY KEY, query text NOT NULL);
INSERT INTO entry VALUES
('table article', 'SELECT * FROM verbatim.article'),
('table quote', 'SELECT * FROM verbatim.quote'),
('table attribution', 'SELECT * FROM verbatim.attribution'),
('table primary_source', 'SELECT * FROM verbatim.primary_source'),
('table check_cache', 'SELECT * FROM verbatim.check_cache'),
('view quotes', 'SELECT * FROM verbatim.quotes'),
('fidelity_report', 'SELECT * FROM verbatim.fidelity_report(''Dana Whitlock'')'),
('outlet_report', 'SELECT * FROM verbatim.outlet_report(''Dana Whitlock'')'),
('reproductions', 'SELECT * FROM verbatim.reproductions(''The water board promised sealed books in 2019'', ''unsupported'')'),
('origin(text)', 'SELECT * FROM verbatim.origin(''The water board promised sealed books in 2019'')'),
('origin(held quote)', 'SELECT * FROM verbatim.origin(' || :held_quote_id || ')'),
('origin(public quote)', 'SELECT * FROM verbatim.origin(' || :daily_quote_id || ')'),
('primary_sources', 'SELECT a FROM verbatim.primary_sources(ARRAY(SELECT id FROM verbatim.speaker)) a
                      JOIN verbatim.article x ON x.id = a WHERE x.key = ''held'''),
('index lookup', 'SELECT * FROM verbatim.article WHERE fingerprint OPERATOR(verbatim.&&)
                   verbatim.fingerprint_of(''The water board promised sealed books in 2019'')');
GRANT SELECT ON entry, secret TO PUBLIC;

CREATE TEMP TABLE seen (role name, entry text, rows bigint, leaks bigint);
GRANT INSERT ON seen TO PUBLIC;
CREATE FUNCTION pg_temp.observe() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    e record;
    n bigint;
    shown text;
BEGIN
    FOR e IN SELECT * FROM pg_temp.entry LOOP
        EXECUTE format('SELECT count(*), coalesce(string_agg(x::text, '' ''), '''') FROM (%s) x',
                       e.query) INTO n, shown;
        INSERT INTO pg_temp.seen
        SELECT current_user, e.name, n, count(*) FILTER (WHERE strpos(shown, s.words) > 0)
          FROM pg_temp.secret s;
    END LOOP;
END
$$;

SET ROLE regress_verbatim_reader;
SELECT pg_temp.observe();
RESET ROLE;
SET ROLE regress_verbatim_embargo;
SELECT pg_temp.observe();
RESET ROLE;

SELECT r.entry, r.rows AS reader_rows, r.leaks AS reader_leaks,
       d.rows AS desk_rows, d.leaks AS desk_leaks
  FROM seen r JOIN seen d USING (entry)
 WHERE r.role = 'regress_verbatim_reader' AND d.role = 'regress_verbatim_embargo'
 ORDER BY r.entry;

-- The reader sees none of the secret words anywhere; the desk sees them
-- wherever the embargoed article shows.  Expected: (0 rows).
SELECT entry FROM seen WHERE role = 'regress_verbatim_reader' AND leaks > 0;

-- The reader's report is the report over the published articles alone.
SET ROLE regress_verbatim_reader;
SELECT outlet, quote, verdict, source_kind FROM verbatim.fidelity_report('Dana Whitlock');
SELECT * FROM verbatim.outlet_report('Dana Whitlock');
-- Speakers are not held back: a name first seen in an embargoed article
-- shows, with nothing it said (see the README).
SELECT name FROM verbatim.speaker ORDER BY name;
RESET ROLE;

-- Under row-level security the fingerprint index is still used (its
-- operator is leakproof).
CREATE FUNCTION pg_temp.plan_uses(index_name text, query text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
    line text;
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || query LOOP
        IF strpos(line, index_name) > 0 THEN
            RETURN true;
        END IF;
    END LOOP;
    RETURN false;
END
$$;
SET ROLE regress_verbatim_reader;
SET enable_seqscan = off;
SELECT pg_temp.plan_uses('article_fingerprint_idx', $$
    SELECT id FROM verbatim.article
     WHERE fingerprint OPERATOR(verbatim.&&) verbatim.fingerprint_of('The water board promised open books in 2019')$$)
       AS reader_uses_index;
RESET enable_seqscan;
RESET ROLE;

-- A writer may not store an embargoed article; the desk may.
SET ROLE regress_verbatim_writer;
\set VERBOSITY terse
INSERT INTO verbatim.article (outlet, published_at, body)
VALUES ('Metro Wire', '2099-02-01', '“Later,” said Orla Fenwick.');
\set VERBOSITY default
RESET ROLE;

--
-- Privileges: what each role may do.  Each statement runs in a
-- subtransaction rolled back afterwards; 'ok' or the SQLSTATE it raised
-- (42501: permission denied).
--
CREATE FUNCTION pg_temp.attempt(role name, statement text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
    BEGIN
        EXECUTE format('SET LOCAL ROLE %I', role);
        EXECUTE statement;
        RAISE EXCEPTION USING ERRCODE = 'VB000';
    EXCEPTION WHEN OTHERS THEN
        RETURN CASE SQLSTATE WHEN 'VB000' THEN 'ok' ELSE SQLSTATE END;
    END;
END
$$;
SELECT a.id AS column_id FROM verbatim.article a WHERE a.key = 'column' \gset
CREATE TEMP TABLE privilege_case (statement text, reader text, writer text, nobody text);
INSERT INTO privilege_case VALUES
('SELECT * FROM verbatim.extract_quotes(''“Yes,” she said.'')', 'ok', 'ok', '42501'),
('SELECT verbatim.check_quote(''open books'', ''The board promised open books.'')', 'ok', 'ok', '42501'),
('SELECT verbatim.fingerprint_of(''The board promised open books in 2019.'')', 'ok', 'ok', '42501'),
('SELECT * FROM verbatim.article', 'ok', 'ok', '42501'),
('SELECT * FROM verbatim.quote', 'ok', 'ok', '42501'),
('SELECT * FROM verbatim.attribution', 'ok', 'ok', '42501'),
('SELECT * FROM verbatim.speaker', 'ok', 'ok', '42501'),
('SELECT * FROM verbatim.primary_source', 'ok', 'ok', '42501'),
('SELECT * FROM verbatim.check_cache', 'ok', 'ok', '42501'),
('SELECT * FROM verbatim.quotes', 'ok', 'ok', '42501'),
('SELECT * FROM verbatim.fidelity_report(''Dana Whitlock'')', 'ok', 'ok', '42501'),
('SELECT * FROM verbatim.outlet_report(''Dana Whitlock'')', 'ok', 'ok', '42501'),
('SELECT * FROM verbatim.reproductions(''The water board promised open books in 2019'')', 'ok', 'ok', '42501'),
('SELECT * FROM verbatim.origin(''The water board promised open books in 2019'')', 'ok', 'ok', '42501'),
('SELECT * FROM verbatim.origin(' || :daily_quote_id || ')', 'ok', 'ok', '42501'),
('SELECT verbatim.speakers_named(''Dana Whitlock'')', 'ok', 'ok', '42501'),
('SELECT verbatim.primary_sources(ARRAY[1::bigint])', 'ok', 'ok', '42501'),
('SELECT verbatim.ingest(''{"outlet": "Metro Wire", "body": "“Fine,” said Ana Ruiz."}'')', '42501', 'ok', '42501'),
('INSERT INTO verbatim.article (outlet, body) VALUES (''Metro Wire'', ''“Fine,” said Ana Ruiz.'')', '42501', 'ok', '42501'),
('UPDATE verbatim.article SET body = body || '' “Again,” she said.'' WHERE id = ' || :column_id, '42501', 'ok', '42501'),
('DELETE FROM verbatim.article WHERE id = ' || :column_id, '42501', 'ok', '42501'),
('SELECT verbatim.resolve_speaker(''Ana Ruiz'')', '42501', 'ok', '42501'),
('UPDATE verbatim.speaker SET aliases = aliases || ''{Dana}''', '42501', 'ok', '42501'),
('INSERT INTO verbatim.primary_source SELECT s.id, ' || :column_id || ', NULL FROM verbatim.speaker s WHERE s.name = ''Orla Fenwick''', '42501', 'ok', '42501'),
('DELETE FROM verbatim.primary_source', '42501', 'ok', '42501'),
('DELETE FROM verbatim.speaker', '42501', '42501', '42501'),
('UPDATE verbatim.quote SET quote = ''forged''', '42501', '42501', '42501'),
('UPDATE verbatim.check_cache SET checked_at = now()', '42501', '42501', '42501'),
('TRUNCATE verbatim.check_cache', '42501', '42501', '42501'),
('SELECT pg_catalog.setval(''verbatim.quote_id_seq'', 1)', '42501', '42501', '42501'),
('CREATE TABLE verbatim.intruder (x int)', '42501', '42501', '42501'),
('ALTER TABLE verbatim.article DISABLE ROW LEVEL SECURITY', '42501', '42501', '42501'),
('DROP POLICY quote_follows_article ON verbatim.quote', '42501', '42501', '42501');
-- Expected: (0 rows).
SELECT c.statement, x.role, x.expected, pg_temp.attempt(x.role, c.statement) AS got
  FROM privilege_case c,
       LATERAL (VALUES ('regress_verbatim_reader'::name, c.reader),
                       ('regress_verbatim_writer', c.writer),
                       ('regress_verbatim_nobody', c.nobody)) x(role, expected)
 WHERE pg_temp.attempt(x.role, c.statement) <> x.expected;

-- A writer's articles are extracted on insert, re-extracted on update,
-- and their quotations go with them on delete.
SET ROLE regress_verbatim_writer;
SELECT verbatim.ingest('{"key": "brief", "outlet": "Metro Wire", "published": "2026-03-05T08:00:00Z",
                         "body": "“Nobody reads the audit,” said Ana Ruiz."}') IS NOT NULL AS ingested;
UPDATE verbatim.article SET body = '“Somebody reads the audit,” said Ana Ruiz. “Twice,” she added.'
 WHERE key = 'brief';
SELECT quote, speaker, method FROM verbatim.quotes WHERE outlet = 'Metro Wire' ORDER BY ordinal;
DELETE FROM verbatim.article WHERE key = 'brief';
SELECT count(*) AS quotes_left FROM verbatim.quotes WHERE outlet = 'Metro Wire';
RESET ROLE;

--
-- search_path: an untrusted role that may create objects in public
-- shadows the built-in functions, operators and aggregates the extension
-- uses, and names its tables and functions, in a database of their own.
-- A session with public first runs everything; nothing untrusted runs and
-- every result is what a safe search_path gives.
--
SELECT current_database() AS regress_db \gset
CREATE DATABASE regress_verbatim_hijack ENCODING 'UTF8' TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C';
\c regress_verbatim_hijack
SET client_min_messages = warning;
GRANT CREATE ON SCHEMA public TO regress_verbatim_mallory;
SET ROLE regress_verbatim_mallory;
CREATE TABLE public.trap_log (name text);
GRANT INSERT ON public.trap_log TO PUBLIC;
CREATE FUNCTION public.trap(name text) RETURNS boolean
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
    INSERT INTO public.trap_log VALUES (name);
    RAISE WARNING 'untrusted % ran', name;
    RETURN true;
END
$$;
-- Functions, each the built-in one after logging, or a wrong answer.
CREATE FUNCTION public.lower(text) RETURNS text LANGUAGE sql AS $$ SELECT CASE WHEN public.trap('lower') THEN pg_catalog.lower($1) END $$;
CREATE FUNCTION public.upper(text) RETURNS text LANGUAGE sql AS $$ SELECT CASE WHEN public.trap('upper') THEN pg_catalog.upper($1) END $$;
CREATE FUNCTION public.btrim(text) RETURNS text LANGUAGE sql AS $$ SELECT CASE WHEN public.trap('btrim') THEN pg_catalog.btrim($1) END $$;
CREATE FUNCTION public.replace(text, text, text) RETURNS text LANGUAGE sql AS $$ SELECT CASE WHEN public.trap('replace') THEN pg_catalog.replace($1, $2, $3) END $$;
CREATE FUNCTION public.substring(text, text) RETURNS text LANGUAGE sql AS $$ SELECT CASE WHEN public.trap('substring') THEN pg_catalog.substring($1, $2) END $$;
CREATE FUNCTION public.jsonb_typeof(jsonb) RETURNS text LANGUAGE sql AS $$ SELECT CASE WHEN public.trap('jsonb_typeof') THEN pg_catalog.jsonb_typeof($1) END $$;
CREATE FUNCTION public.current_setting(text) RETURNS text LANGUAGE sql AS $$ SELECT CASE WHEN public.trap('current_setting') THEN pg_catalog.current_setting($1) END $$;
CREATE FUNCTION public.now() RETURNS timestamptz LANGUAGE sql AS $$ SELECT CASE WHEN public.trap('now') THEN pg_catalog.now() END $$;
CREATE FUNCTION public.nextval(regclass) RETURNS bigint LANGUAGE sql AS $$ SELECT CASE WHEN public.trap('nextval') THEN pg_catalog.nextval($1) END $$;
CREATE FUNCTION public.int4range(integer, integer) RETURNS int4range LANGUAGE sql AS $$ SELECT CASE WHEN public.trap('int4range') THEN pg_catalog.int4range($1, $2) END $$;
CREATE FUNCTION public.isempty(anyrange) RETURNS boolean LANGUAGE sql AS $$ SELECT CASE WHEN public.trap('isempty') THEN pg_catalog.isempty($1) END $$;
CREATE FUNCTION public.unnest(anyarray) RETURNS SETOF anyelement LANGUAGE sql AS $$ SELECT x FROM pg_catalog.unnest($1) x WHERE public.trap('unnest') $$;
CREATE FUNCTION public.check_quote(text, text) RETURNS boolean LANGUAGE sql AS $$ SELECT public.trap('check_quote') $$;
CREATE FUNCTION public.extract_quotes_detail(text) RETURNS SETOF record LANGUAGE sql AS $$ SELECT NULL::record FROM (SELECT public.trap('extract_quotes_detail')) x $$;
CREATE FUNCTION public.resolve_speaker(text) RETURNS bigint LANGUAGE sql AS $$ SELECT CASE WHEN public.trap('resolve_speaker') THEN NULL::bigint END $$;
CREATE FUNCTION public.fingerprint_of(text) RETURNS text LANGUAGE sql AS $$ SELECT CASE WHEN public.trap('fingerprint_of') THEN '' END $$;
CREATE FUNCTION public.speakers_named(text) RETURNS SETOF bigint LANGUAGE sql AS $$ SELECT NULL::bigint WHERE public.trap('speakers_named') $$;
CREATE FUNCTION public.primary_sources(bigint[]) RETURNS SETOF bigint LANGUAGE sql AS $$ SELECT NULL::bigint WHERE public.trap('primary_sources') $$;
CREATE FUNCTION public.reproductions(text, text) RETURNS SETOF record LANGUAGE sql AS $$ SELECT NULL::record WHERE public.trap('reproductions') $$;
-- Operators on the same types as the built-in ones.
CREATE FUNCTION public.text_eq(text, text) RETURNS boolean LANGUAGE sql AS $$ SELECT public.trap('= text') AND $1 OPERATOR(pg_catalog.=) $2 $$;
CREATE OPERATOR public.= (LEFTARG = text, RIGHTARG = text, FUNCTION = public.text_eq);
CREATE FUNCTION public.text_ne(text, text) RETURNS boolean LANGUAGE sql AS $$ SELECT public.trap('<> text') AND $1 OPERATOR(pg_catalog.<>) $2 $$;
CREATE OPERATOR public.<> (LEFTARG = text, RIGHTARG = text, FUNCTION = public.text_ne);
CREATE FUNCTION public.int8_eq(bigint, bigint) RETURNS boolean LANGUAGE sql AS $$ SELECT public.trap('= bigint') AND $1 OPERATOR(pg_catalog.=) $2 $$;
CREATE OPERATOR public.= (LEFTARG = bigint, RIGHTARG = bigint, FUNCTION = public.int8_eq);
CREATE FUNCTION public.int8_ne(bigint, bigint) RETURNS boolean LANGUAGE sql AS $$ SELECT public.trap('<> bigint') AND $1 OPERATOR(pg_catalog.<>) $2 $$;
CREATE OPERATOR public.<> (LEFTARG = bigint, RIGHTARG = bigint, FUNCTION = public.int8_ne);
CREATE FUNCTION public.enum_lt(anyenum, anyenum) RETURNS boolean LANGUAGE sql AS $$ SELECT public.trap('< enum') AND $1 OPERATOR(pg_catalog.<) $2 $$;
CREATE OPERATOR public.< (LEFTARG = anyenum, RIGHTARG = anyenum, FUNCTION = public.enum_lt);
CREATE FUNCTION public.enum_le(anyenum, anyenum) RETURNS boolean LANGUAGE sql AS $$ SELECT public.trap('<= enum') AND $1 OPERATOR(pg_catalog.<=) $2 $$;
CREATE OPERATOR public.<= (LEFTARG = anyenum, RIGHTARG = anyenum, FUNCTION = public.enum_le);
CREATE FUNCTION public.ts_lt(timestamptz, timestamptz) RETURNS boolean LANGUAGE sql AS $$ SELECT public.trap('< timestamptz') AND $1 OPERATOR(pg_catalog.<) $2 $$;
CREATE OPERATOR public.< (LEFTARG = timestamptz, RIGHTARG = timestamptz, FUNCTION = public.ts_lt);
CREATE FUNCTION public.text_array_contains(text[], text[]) RETURNS boolean LANGUAGE sql AS $$ SELECT public.trap('@> text[]') AND $1 OPERATOR(pg_catalog.@>) $2 $$;
CREATE OPERATOR public.@> (LEFTARG = text[], RIGHTARG = text[], FUNCTION = public.text_array_contains);
CREATE FUNCTION public.text_match(text, text) RETURNS boolean LANGUAGE sql AS $$ SELECT public.trap('~ text') AND $1 OPERATOR(pg_catalog.~) $2 $$;
CREATE OPERATOR public.~ (LEFTARG = text, RIGHTARG = text, FUNCTION = public.text_match);
CREATE FUNCTION public.text_nomatch(text, text) RETURNS boolean LANGUAGE sql AS $$ SELECT public.trap('!~ text') AND $1 OPERATOR(pg_catalog.!~) $2 $$;
CREATE OPERATOR public.!~ (LEFTARG = text, RIGHTARG = text, FUNCTION = public.text_nomatch);
CREATE FUNCTION public.jsonb_has(jsonb, text) RETURNS boolean LANGUAGE sql AS $$ SELECT public.trap('? jsonb') AND $1 OPERATOR(pg_catalog.?) $2 $$;
CREATE OPERATOR public.? (LEFTARG = jsonb, RIGHTARG = text, FUNCTION = public.jsonb_has);
CREATE FUNCTION public.jsonb_field(jsonb, text) RETURNS text LANGUAGE sql AS $$ SELECT CASE WHEN public.trap('->> jsonb') THEN $1 OPERATOR(pg_catalog.->>) $2 END $$;
CREATE OPERATOR public.->> (LEFTARG = jsonb, RIGHTARG = text, FUNCTION = public.jsonb_field);
-- Aggregates.
CREATE FUNCTION public.count_step(bigint) RETURNS bigint LANGUAGE sql AS $$ SELECT CASE WHEN public.trap('count') THEN $1 OPERATOR(pg_catalog.+) 1 END $$;
CREATE AGGREGATE public.count(*) (SFUNC = public.count_step, STYPE = bigint, INITCOND = '0');
CREATE FUNCTION public.min_step(timestamptz, timestamptz) RETURNS timestamptz LANGUAGE sql AS $$ SELECT CASE WHEN public.trap('min') THEN pg_catalog.timestamptz_smaller($1, $2) END $$;
CREATE AGGREGATE public.min(timestamptz) (SFUNC = public.min_step, STYPE = timestamptz);
CREATE FUNCTION public.avg_step(integer[], integer) RETURNS integer[] LANGUAGE sql AS $$ SELECT CASE WHEN public.trap('avg') THEN $1 OPERATOR(pg_catalog.||) $2 END $$;
CREATE AGGREGATE public.avg(integer) (SFUNC = public.avg_step, STYPE = integer[], INITCOND = '{}');
CREATE FUNCTION public.array_agg_step(bigint[], bigint) RETURNS bigint[] LANGUAGE sql AS $$ SELECT CASE WHEN public.trap('array_agg') THEN $1 OPERATOR(pg_catalog.||) $2 END $$;
CREATE AGGREGATE public.array_agg(bigint) (SFUNC = public.array_agg_step, STYPE = bigint[], INITCOND = '{}');
-- Tables named like the extension's, with a row that would show.
CREATE TABLE public.article (id bigint, key text, outlet text, author text, published_at timestamptz, body text, fingerprint text);
INSERT INTO public.article VALUES (1, 'trap', 'Trap Outlet', 'Dana Whitlock', NULL, 'untrusted text', NULL);
CREATE TABLE public.speaker (id bigint, name text, aliases text[]);
INSERT INTO public.speaker VALUES (1, 'Dana Whitlock', '{Whitlock}');
CREATE TABLE public.quote (id bigint, article_id bigint, ordinal int, span int4range, quote text, kind text, paragraph int);
CREATE TABLE public.attribution (quote_id bigint, speaker_id bigint, mention text, cue text, method text, cited_outlet text);
CREATE TABLE public.check_cache (quote_id bigint, source_article_id bigint, source_quote_id bigint, result text, checked_at timestamptz);
CREATE TABLE public.primary_source (speaker_id bigint, article_id bigint, note text);
CREATE FUNCTION public.trap_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM public.trap('write to ' || TG_TABLE_NAME);
    RETURN NULL;
END
$$;
CREATE TRIGGER trap_write AFTER INSERT OR UPDATE OR DELETE ON public.quote FOR EACH STATEMENT EXECUTE FUNCTION public.trap_write();
CREATE TRIGGER trap_write AFTER INSERT OR UPDATE OR DELETE ON public.attribution FOR EACH STATEMENT EXECUTE FUNCTION public.trap_write();
CREATE TRIGGER trap_write AFTER INSERT OR UPDATE OR DELETE ON public.speaker FOR EACH STATEMENT EXECUTE FUNCTION public.trap_write();
CREATE TRIGGER trap_write AFTER INSERT OR UPDATE OR DELETE ON public.check_cache FOR EACH STATEMENT EXECUTE FUNCTION public.trap_write();
GRANT ALL ON public.article, public.speaker, public.quote, public.attribution, public.check_cache,
    public.primary_source TO PUBLIC;
RESET ROLE;

-- The extension is installed with the traps in place.
SET search_path = public, pg_catalog;
CREATE EXTENSION verbatim;

-- Everything, from a session whose search_path puts public first: the
-- trigger (insert, update), ingest(), every function, the view.
CREATE TEMP TABLE got (entry text, result text);
CREATE TEMP TABLE want (entry text, result text);
\set articles 'INSERT INTO verbatim.article (key, outlet, author, published_at, body) VALUES (''column'', ''The Harbor Ledger'', ''Dana Whitlock'', ''2026-03-02 09:00+00'', ''The water board promised open books in 2019. It has published nothing since. Averages are where bad news goes to hide.''), (''daily'', ''Coastline Daily'', NULL, ''2026-03-03 08:00+00'', ''“Averages are where bad news goes to hide,” Dana Whitlock wrote in The Harbor Ledger.''), (''wire'', ''Metro Wire'', NULL, ''2026-03-04 08:00+00'', ''“The water board promised sealed books,” Whitlock said. “Ask Ana Ruiz,” she added.'')'
\set ingest 'SELECT verbatim.ingest(''{"key": "wire", "outlet": "Metro Wire", "published": "2026-03-04T08:00:00Z", "body": "“The water board promised open books in 2019,” Whitlock said. “Ask Ana Ruiz,” she added."}'')'
SET search_path = public, pg_catalog;
:articles;
:ingest;
INSERT INTO pg_temp.got SELECT 'quotes', q::text FROM verbatim.quotes q;
INSERT INTO pg_temp.got SELECT 'speaker', s::text FROM verbatim.speaker s;
INSERT INTO pg_temp.got SELECT 'extract_quotes', x::text FROM verbatim.extract_quotes('“Yes,” said Ana Ruiz.') x;
INSERT INTO pg_temp.got SELECT 'check_quote', verbatim.check_quote('the Water Board promised open books', 'The water board promised open books in 2019.')::text;
INSERT INTO pg_temp.got SELECT 'fingerprint_of', verbatim.fingerprint_of('The water board promised open books in 2019.')::text;
INSERT INTO pg_temp.got SELECT 'resolve_speaker', verbatim.resolve_speaker('Whitlock')::text;
INSERT INTO pg_temp.got SELECT 'speakers_named', x::text FROM verbatim.speakers_named('Whitlock') x;
INSERT INTO pg_temp.got SELECT 'primary_sources', x::text FROM verbatim.primary_sources(ARRAY(SELECT id FROM verbatim.speaker)) x;
INSERT INTO pg_temp.got SELECT 'fidelity_report', x::text FROM verbatim.fidelity_report('Dana Whitlock') x;
INSERT INTO pg_temp.got SELECT 'outlet_report', x::text FROM verbatim.outlet_report('Whitlock') x;
INSERT INTO pg_temp.got SELECT 'reproductions', x::text FROM verbatim.reproductions('The water board promised open books in 2019') x;
INSERT INTO pg_temp.got SELECT 'origin(text)', x::text FROM verbatim.origin('The water board promised open books in 2019') x;
INSERT INTO pg_temp.got SELECT 'origin(bigint)', x::text FROM verbatim.quote q, verbatim.origin(q.id) x
 WHERE verbatim.fingerprint_size(verbatim.fingerprint_of(q.quote)) OPERATOR(pg_catalog.>) 0;
INSERT INTO pg_temp.got SELECT 'check_cache', (c.quote_id, c.source_article_id, c.source_quote_id, c.result)::text FROM verbatim.check_cache c;

-- Nothing untrusted ran.  Expected: (0 rows).
SELECT * FROM public.trap_log;

-- The same from a safe search_path, after the same writes from scratch.
RESET search_path;
SET search_path = pg_catalog;
TRUNCATE verbatim.article, verbatim.speaker CASCADE;
SELECT count(setval(c.oid::regclass, 1, false)) AS sequences_restarted FROM pg_class c
 WHERE c.relnamespace = 'verbatim'::regnamespace AND c.relkind = 'S';
:articles;
:ingest;
INSERT INTO pg_temp.want SELECT 'quotes', q::text FROM verbatim.quotes q;
INSERT INTO pg_temp.want SELECT 'speaker', s::text FROM verbatim.speaker s;
INSERT INTO pg_temp.want SELECT 'extract_quotes', x::text FROM verbatim.extract_quotes('“Yes,” said Ana Ruiz.') x;
INSERT INTO pg_temp.want SELECT 'check_quote', verbatim.check_quote('the Water Board promised open books', 'The water board promised open books in 2019.')::text;
INSERT INTO pg_temp.want SELECT 'fingerprint_of', verbatim.fingerprint_of('The water board promised open books in 2019.')::text;
INSERT INTO pg_temp.want SELECT 'resolve_speaker', verbatim.resolve_speaker('Whitlock')::text;
INSERT INTO pg_temp.want SELECT 'speakers_named', x::text FROM verbatim.speakers_named('Whitlock') x;
INSERT INTO pg_temp.want SELECT 'primary_sources', x::text FROM verbatim.primary_sources(ARRAY(SELECT id FROM verbatim.speaker)) x;
INSERT INTO pg_temp.want SELECT 'fidelity_report', x::text FROM verbatim.fidelity_report('Dana Whitlock') x;
INSERT INTO pg_temp.want SELECT 'outlet_report', x::text FROM verbatim.outlet_report('Whitlock') x;
INSERT INTO pg_temp.want SELECT 'reproductions', x::text FROM verbatim.reproductions('The water board promised open books in 2019') x;
INSERT INTO pg_temp.want SELECT 'origin(text)', x::text FROM verbatim.origin('The water board promised open books in 2019') x;
INSERT INTO pg_temp.want SELECT 'origin(bigint)', x::text FROM verbatim.quote q, verbatim.origin(q.id) x
 WHERE verbatim.fingerprint_size(verbatim.fingerprint_of(q.quote)) OPERATOR(pg_catalog.>) 0;
INSERT INTO pg_temp.want SELECT 'check_cache', (c.quote_id, c.source_article_id, c.source_quote_id, c.result)::text FROM verbatim.check_cache c;
RESET search_path;

-- Every entry point gave results, the same as from the safe path.
SELECT entry, count(*) AS results FROM want GROUP BY entry ORDER BY entry;
-- Expected: (0 rows).
(SELECT 'hostile only' AS side, * FROM got EXCEPT ALL SELECT 'hostile only', * FROM want)
UNION ALL
(SELECT 'safe only', * FROM want EXCEPT ALL SELECT 'safe only', * FROM got);

\c :regress_db
SET client_min_messages = warning;
DROP DATABASE regress_verbatim_hijack;

--
-- Clean up: the embargo, the data, the roles.
--
DROP POLICY published ON verbatim.article;
DROP POLICY embargo_desk ON verbatim.article;
ALTER TABLE verbatim.article DISABLE ROW LEVEL SECURITY;
TRUNCATE verbatim.article, verbatim.speaker CASCADE;
DROP OWNED BY regress_verbatim_reader, regress_verbatim_writer, regress_verbatim_embargo,
    regress_verbatim_nobody, regress_verbatim_mallory;
DROP ROLE regress_verbatim_reader, regress_verbatim_writer, regress_verbatim_embargo,
    regress_verbatim_nobody, regress_verbatim_mallory;
