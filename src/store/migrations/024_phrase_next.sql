-- docbao schema 24: what follows each candidate phrase across the store
-- (issue 15), so that a phrase that goes on with the same word ("Viện
-- Huyết | học", "bán hàng đa | cấp") is no auto keyword. text::keywords::Next:
-- `runs` runs of the phrase counted, `word` the syllable (a 32-bit hash, 0:
-- none) that leads the majority vote of what follows them, `votes` its lead.
-- Stores from before count from their next import on; `docbao doctor`
-- recounts them from the articles.
ALTER TABLE phrase_df ADD COLUMN runs INTEGER NOT NULL DEFAULT 0;
ALTER TABLE phrase_df ADD COLUMN word INTEGER NOT NULL DEFAULT 0;
ALTER TABLE phrase_df ADD COLUMN votes INTEGER NOT NULL DEFAULT 0;
