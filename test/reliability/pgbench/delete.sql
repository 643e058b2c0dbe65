-- A random generated article deleted, with its quotations and checks.  The
-- example corpus stays.
DELETE FROM verbatim.article
 WHERE id = (SELECT vb_gen.random_article_id()) AND key LIKE 'gen-%';
