-- 0038_webhooks: a site's webhooks and their deliveries (model/webhook.h, docs/webhooks.md).
--
-- A webhook is an address of another system told when the site's items are published, updated
-- or withdrawn. SECRET signs each delivery (HMAC-SHA256); it is kept sealed like personal data
-- (model/pdata.h), so a copy of the database alone cannot forge a delivery. EVENTS lists the
-- events it wants, separated by spaces. BASE_URL is the site's address as its board saw it when
-- the hook was saved: the deliveries' item addresses start with it (the scheduler has no
-- request to take a scheme, host and port from).
CREATE TABLE webhooks (
  id         INTEGER PRIMARY KEY,
  site_id    INTEGER NOT NULL REFERENCES sites(id),
  url        TEXT NOT NULL,
  secret     TEXT NOT NULL,
  events     TEXT NOT NULL,
  enabled    INTEGER NOT NULL DEFAULT 1,
  base_url   TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX webhooks_site ON webhooks(site_id);

-- The outbox: one row per event and hook, written in the transaction of the change itself, so
-- that no event is lost and none is sent for a change rolled back. The scheduler sends what is
-- due (STATE 'pending', NEXT_AT passed) and retries with back-off; 'delivered' and 'failed' (given
-- up after its tries) are final until the board asks for it again ("gửi lại"). PAYLOAD is the
-- JSON body, fixed at the event; ITEM_ID is NULL for a test delivery.
CREATE TABLE webhook_deliveries (
  id           INTEGER PRIMARY KEY,
  hook_id      INTEGER NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
  site_id      INTEGER NOT NULL REFERENCES sites(id),
  event        TEXT NOT NULL,
  item_id      INTEGER,
  payload      TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  state        TEXT NOT NULL DEFAULT 'pending',
  next_at      INTEGER NOT NULL,
  tries        INTEGER NOT NULL DEFAULT 0,
  last_at      INTEGER,
  last_status  INTEGER NOT NULL DEFAULT 0,
  last_error   TEXT NOT NULL DEFAULT '',
  delivered_at INTEGER
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(state, next_at);
CREATE INDEX webhook_deliveries_site ON webhook_deliveries(site_id, id);
CREATE INDEX webhook_deliveries_hook ON webhook_deliveries(hook_id, id);

-- Every attempt of a delivery: the HTTP status (0 when none came), how long it took, and the
-- error (libcurl's words, or "HTTP 500"); never the secret, never the receiver's answer body.
CREATE TABLE webhook_attempts (
  id          INTEGER PRIMARY KEY,
  delivery_id INTEGER NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
  at          INTEGER NOT NULL,
  status      INTEGER NOT NULL DEFAULT 0,
  duration_ms INTEGER NOT NULL DEFAULT 0,
  error       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts(delivery_id, id);
