-- The address of the site a feed belongs to (its channel's <link>, Atom's
-- alternate link, JSON Feed's home_page_url), as the last update read it:
-- `feed export-opml` writes it as the outline's htmlUrl. NULL until then.
ALTER TABLE feeds ADD COLUMN site_url TEXT;
