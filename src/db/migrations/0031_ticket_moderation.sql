-- 0031_ticket_moderation: a site's choice for a moderated kind of ticket (a comment on a draft,
-- docs/consultation.md): PREMODERATE 1 shows a comment only once the site's staff accepted it
-- (the default, also when the site has no row), 0 shows it at once (the staff may still take
-- it down). Changed by the site's administrator; every change audited.
CREATE TABLE ticket_moderation (
  site_id     INTEGER NOT NULL REFERENCES sites(id),
  kind        TEXT NOT NULL,
  premoderate INTEGER NOT NULL DEFAULT 1 CHECK (premoderate IN (0, 1)),
  PRIMARY KEY (site_id, kind)
);
