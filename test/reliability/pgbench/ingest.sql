-- A new article (or one of the shared keys again) through verbatim.ingest().
SELECT verbatim.ingest(vb_gen.article());
