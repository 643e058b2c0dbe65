-- A random article rewritten: the trigger re-extracts its quotations and
-- drops the checks made of them or against it.  Now and then only the
-- title changes, which must leave the quotations alone.
\set body_too random(1, 10)
UPDATE verbatim.article
   SET body = CASE WHEN :body_too > 2 THEN vb_gen.body() ELSE body END,
       title = 'Updated ' || now()
 WHERE id = (SELECT vb_gen.random_article_id());
