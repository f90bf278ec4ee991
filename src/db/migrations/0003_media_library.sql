-- 0003_media_library: the media library of each site. Media are images (shown, with resized
-- copies) or files (attached to articles, downloaded); rows stored before this are images.

ALTER TABLE media ADD COLUMN kind TEXT NOT NULL DEFAULT 'image' CHECK (kind IN ('image', 'file'));
-- alt: the default description of an image; title: the name shown for a file (or an image).
ALTER TABLE media ADD COLUMN alt TEXT NOT NULL DEFAULT '';
ALTER TABLE media ADD COLUMN title TEXT NOT NULL DEFAULT '';
CREATE INDEX media_library ON media(site_id, kind, created_at);
CREATE INDEX media_sha ON media(sha256);

-- Resized copies of an image, stored beside it as <sha256>-<width>.<ext>.
CREATE TABLE media_variants (
  media_id INTEGER NOT NULL REFERENCES media(id),
  width    INTEGER NOT NULL,
  height   INTEGER NOT NULL,
  ext      TEXT NOT NULL,
  size     INTEGER NOT NULL,
  PRIMARY KEY (media_id, width)
);

-- Files attached to an article, in order; title overrides the file's own title when not empty.
CREATE TABLE article_attachments (
  article_id INTEGER NOT NULL REFERENCES articles(id),
  media_id   INTEGER NOT NULL REFERENCES media(id),
  position   INTEGER NOT NULL DEFAULT 0,
  title      TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (article_id, media_id)
);
CREATE INDEX article_attachments_media ON article_attachments(media_id);
