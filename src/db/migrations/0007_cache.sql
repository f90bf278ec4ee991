-- 0007_cache: one generation number per site, bumped in the transaction of every change that
-- the public could see (audit_write does it). The page cache keeps a page only while its site's
-- generation is the one it was rendered at, so a publish shows on the next request, from any
-- process: the server's threads, the scheduler, the command line, or another node.
CREATE TABLE cache_gen (
  site_id INTEGER PRIMARY KEY,
  gen     INTEGER NOT NULL
);
