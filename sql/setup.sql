--
-- Installation: the extension installs, and its metadata agrees with itself.
--
CREATE EXTENSION verbatim;

-- The shared library, the install script and META.json share one version.
SELECT extversion = verbatim.library_version() AS library_matches_sql
  FROM pg_extension WHERE extname = 'verbatim';

-- Every function is either pure (IMMUTABLE, PARALLEL SAFE, STRICT) or is
-- listed here with its volatility and why; none is SECURITY DEFINER; every
-- SQL-language or PL/pgSQL function pins its search_path.  Expected: (0 rows).
WITH not_pure(name, volatility, why) AS (VALUES
    ('resolve_speaker', 'v', 'creates a speaker when the name is new'),
    ('ingest', 'v', 'writes an article'),
    ('article_extract_trigger', 'v', 'trigger: writes quotes and attributions'),
    ('fidelity_report', 'v', 'fills the check cache'),
    ('outlet_report', 'v', 'calls fidelity_report'),
    ('speakers_named', 's', 'reads the speaker table'),
    ('primary_sources', 's', 'reads the article and speaker tables'),
    ('reproductions', 's', 'reads the article table'),
    ('origin', 's', 'reads the article and quote tables')
)
SELECT p.proname, p.provolatile, p.proparallel, p.proisstrict, p.prosecdef,
       p.proconfig
  FROM pg_proc p
  JOIN pg_namespace n ON n.oid = p.pronamespace
  LEFT JOIN not_pure x ON x.name = p.proname
 WHERE n.nspname = 'verbatim'
   AND (p.prosecdef
        OR (x.name IS NULL
            AND (p.provolatile <> 'i' OR p.proparallel <> 's' OR NOT p.proisstrict))
        OR (x.name IS NOT NULL AND p.provolatile <> x.volatility)
        OR (p.prolang <> (SELECT oid FROM pg_language WHERE lanname = 'c')
            AND NOT coalesce(p.proconfig::text[] @> ARRAY['search_path=pg_catalog, pg_temp'], false)))
 ORDER BY 1;

-- Every table and sequence is dumped by pg_dump with its data.  Expected: (0 rows).
SELECT c.relname
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = 'verbatim' AND c.relkind IN ('r', 'S')
   AND c.oid <> ALL ((SELECT extconfig FROM pg_extension WHERE extname = 'verbatim')::oid[])
 ORDER BY 1;
