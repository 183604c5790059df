-- docbao schema 25: auto keywords waiting for company (issue 15). A keyword
-- its article mentions once, or a free phrase, is taken off at the flush
-- while too few other articles hold it (text::keywords::Company); it waits
-- here, with its place among its article's keywords, and a later flush
-- links it again once enough do: the first article of a story gets the
-- names the next ones bring, whichever import brought them.
-- `company`: the other articles it needs; -1 for a free phrase without a
-- digit, whose need grows with the store (text::keywords::free_company).
CREATE TABLE waiting_keywords (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    key        TEXT NOT NULL,
    name       TEXT NOT NULL,
    pos        INTEGER NOT NULL,
    company    INTEGER NOT NULL,
    PRIMARY KEY (article_id, key)
) WITHOUT ROWID;
-- A flush looks up the phrases whose count it raised.
CREATE INDEX waiting_keywords_key ON waiting_keywords (key);
