-- Every article reproducing a sentence of the pool.
SELECT count(*) FROM verbatim.reproductions(vb_gen.random_sentence());
