-- The feed's own id for an item (RSS `<guid>`, Atom `<id>`, JSON Feed `id`),
-- when it gave one, beside the key the item is known by (its link, else that
-- id): an item whose link changed while its id stayed (a slug corrected, a
-- section moved) is the same item, and updates its article instead of
-- making a second one, as newsboat does (store::feeds). NULL for the items
-- stored before, and for those with no id: noted at their next reading.
ALTER TABLE feed_items ADD COLUMN guid TEXT;
CREATE INDEX feed_items_guid ON feed_items (feed_id, guid) WHERE guid IS NOT NULL;
