-- 0027_media_banners: the media kinds' settings of a site and the banners' click counts
-- (docs/media.md). Galleries, videos and banners themselves are items (kinds.c); nothing here
-- holds their content.
--
-- A site's media settings, its administrators': the largest audio or video file its library
-- takes (megabytes; within the server's request limit), and the hosts whose players its pages
-- may embed, separated by spaces (a host allows its subdomains: youtube.com allows
-- www.youtube.com). Only after the reader asks (a click) does a page name them in its
-- Content-Security-Policy frame-src and hold their iframe.
ALTER TABLE sites ADD COLUMN media_av_max_mb INTEGER NOT NULL DEFAULT 100;
ALTER TABLE sites ADD COLUMN embed_hosts TEXT NOT NULL DEFAULT 'youtube.com youtube-nocookie.com vimeo.com';

-- Clicks on a banner, counted per day (Vietnam time, a day number: vn/calendar.h) by the
-- redirect /quang-cao/<id>/mo: a number and nothing else, no address, cookie or agent.
CREATE TABLE banner_clicks (
  item_id INTEGER NOT NULL REFERENCES items(id),
  day     INTEGER NOT NULL,
  n       INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (item_id, day)
);
