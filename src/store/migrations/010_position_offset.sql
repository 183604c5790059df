-- docbao schema: the reading position to the line. `position` is the block
-- (paragraph) the reader's top line belongs to; `position_offset` the
-- offset, in characters, of that line's first character inside the block,
-- so that an article reopens (and re-wraps at any width) at the same words.
-- A store written before keeps its positions, at the start of their block.
ALTER TABLE articles ADD COLUMN position_offset INTEGER NOT NULL DEFAULT 0;
