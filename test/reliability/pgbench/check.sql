-- A stored quotation checked against a random article.
SELECT (verbatim.check_quote(q.quote, a.body)).verdict
  FROM verbatim.quote q, verbatim.article a
 WHERE q.id = (SELECT q2.id FROM verbatim.quote q2
                WHERE q2.id >= (SELECT min(id) + floor(random() * (max(id) - min(id) + 1))::bigint
                                  FROM verbatim.quote)
                ORDER BY q2.id LIMIT 1)
   AND a.id = (SELECT vb_gen.random_article_id());
