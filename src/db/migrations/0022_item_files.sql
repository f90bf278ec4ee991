-- 0022_item_files: the library files an item's fields name (F_FILE fields, also inside tables:
-- a procedure's forms, a video and its captions, a gallery's photos), in its published fields
-- and in its change waiting for approval. Kept by item_derive; a file named here cannot be
-- removed from the library (media_delete says it is in use).
CREATE TABLE item_files (
  item_id  INTEGER NOT NULL REFERENCES items(id),
  media_id INTEGER NOT NULL REFERENCES media(id),
  PRIMARY KEY (item_id, media_id)
);
CREATE INDEX item_files_media ON item_files (media_id);
