-- The fidelity report of a speaker of the pool (one time in five, the
-- example corpus's columnist): it fills verbatim.check_cache.
\set columnist random(1, 5)
SELECT count(*)
  FROM verbatim.fidelity_report(CASE WHEN :columnist = 1 THEN 'Dana Whitlock'
                                     ELSE vb_gen.random_person() END);
