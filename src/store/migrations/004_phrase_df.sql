-- docbao schema: document frequencies for automatic keywords.
-- (Numbered 003: 002 is the search index, merged separately.)
-- How many stored articles have each candidate phrase (keyed by title_key),
-- for the TF-IDF of text::keywords. Rows that drop to 0 are deleted.
CREATE TABLE phrase_df (
    key TEXT PRIMARY KEY,
    n   INTEGER NOT NULL
) WITHOUT ROWID;

-- How many articles are counted in phrase_df: one row.
CREATE TABLE phrase_docs (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
);
INSERT INTO phrase_docs (id, n) VALUES (1, 0);
