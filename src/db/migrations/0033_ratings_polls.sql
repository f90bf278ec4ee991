-- 0033_ratings_polls: the readers' satisfaction rating of a site (BT Đ7.1.d; ND 224 Đ10.3) and
-- the votes of simple polls (items of kind 'poll'); docs/ratings-polls.md.
--
-- Neither table holds anything that identifies a reader. VOTER is a keyed BLAKE2b hash (key
-- derived from DATA/secret.key, never in the database) of the network address, the browser's
-- User-Agent and the scope the vote counts once in (a site's month for a rating, the poll for a
-- vote): the same browser gets the same value within that scope, another scope gives an
-- unrelated value, and nothing gives the address back. Times are days (DAY: days since
-- 1970-01-01 in Vietnam), not seconds, so that a row cannot be matched with an access log.

-- One rating per browser per site per month (PERIOD 'YYYY-MM', Vietnam time); a second one in
-- the month replaces the first. The four criteria 1..5; COMMENT (optional) sealed like personal
-- data (model/pdata.h: it may name someone), shown to the site's board only, set to NULL after
-- the retention period (setting rating_comment_days) by the scheduler.
CREATE TABLE ratings (
  id         INTEGER PRIMARY KEY,
  site_id    INTEGER NOT NULL REFERENCES sites(id),
  period     TEXT NOT NULL,
  voter      TEXT NOT NULL,
  interface  INTEGER NOT NULL CHECK (interface BETWEEN 1 AND 5),
  content    INTEGER NOT NULL CHECK (content BETWEEN 1 AND 5),
  quality    INTEGER NOT NULL CHECK (quality BETWEEN 1 AND 5),
  support    INTEGER NOT NULL CHECK (support BETWEEN 1 AND 5),
  comment    TEXT,
  day        INTEGER NOT NULL,
  UNIQUE (site_id, period, voter)
);
CREATE INDEX ratings_period ON ratings(period, site_id);

-- One vote per browser per poll: CHOICE is the row number (0-based) of the poll's choices.
CREATE TABLE poll_votes (
  item_id INTEGER NOT NULL REFERENCES items(id),
  voter   TEXT NOT NULL,
  choice  INTEGER NOT NULL,
  day     INTEGER NOT NULL,
  PRIMARY KEY (item_id, voter)
);
CREATE INDEX poll_votes_choice ON poll_votes(item_id, choice);
