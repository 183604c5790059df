-- What a feed said of each item when it was last stored (xxh3 of its
-- title; of its title, summary and body), so that an update stores an item
-- again when the feed corrects it, and only then (store::feeds). NULL for
-- the items stored before: their next reading is taken as they are.
ALTER TABLE feed_items ADD COLUMN title_hash INTEGER;
ALTER TABLE feed_items ADD COLUMN text_hash INTEGER;
