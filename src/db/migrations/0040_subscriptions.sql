-- 0040_subscriptions: citizens' e-mail subscriptions (#16, BT Đ3.1; docs/subscriptions.md).
--
-- One row per address and target on a site: the whole site, a category or a kind of item.
-- The address is sealed (model/pdata.h) and found again by a keyed tag, never stored in clear.
-- A subscription is 'pending' until the link of its confirmation mail is followed (double
-- opt-in), 'active' after, 'unsubscribed' when its mail's one-click link was used. What was
-- asked last (frequency, language) waits in asked_* until confirmed, so that nobody changes
-- another's subscription without their mailbox.
CREATE TABLE subscriptions (
  id              INTEGER PRIMARY KEY,
  site_id         INTEGER NOT NULL REFERENCES sites(id),
  email_tag       TEXT NOT NULL,
  email           TEXT NOT NULL,
  target_key      TEXT NOT NULL,           -- 'site', 'c:<category id>', 'k:<kind name>'
  category_id     INTEGER REFERENCES categories(id),
  kind            TEXT,
  frequency       TEXT NOT NULL,           -- 'immediate', 'daily', 'weekly'
  lang            TEXT NOT NULL DEFAULT 'vi',
  asked_frequency TEXT NOT NULL,
  asked_lang      TEXT NOT NULL DEFAULT 'vi',
  state           TEXT NOT NULL DEFAULT 'pending',
  base_url        TEXT NOT NULL,           -- the site's address as the citizen used it
  confirm_hash    TEXT,                    -- BLAKE2b of the confirmation token, hex
  confirm_expires INTEGER,
  confirm_sent_at INTEGER,
  unsub_salt      TEXT NOT NULL,           -- makes the unsubscribe token (a keyed tag) unique
  created_at      INTEGER NOT NULL,
  confirmed_at    INTEGER,
  updated_at      INTEGER NOT NULL,
  last_digest_day INTEGER NOT NULL DEFAULT 0,
  UNIQUE (site_id, email_tag, target_key)
);
CREATE INDEX subscriptions_confirm ON subscriptions(confirm_hash);
CREATE INDEX subscriptions_due ON subscriptions(state, frequency, site_id);

-- The items a subscription was sent: a digest or a notice never repeats one.
CREATE TABLE subscription_sent (
  subscription_id INTEGER NOT NULL REFERENCES subscriptions(id),
  item_id         INTEGER NOT NULL REFERENCES items(id),
  sent_at         INTEGER NOT NULL,
  PRIMARY KEY (subscription_id, item_id)
);
-- the scheduler forgets them once they fall out of every window
CREATE INDEX subscription_sent_at ON subscription_sent(sent_at);

-- The subscription's mail goes through the citizens' outbox (jobs/outbox.h) with its one-click
-- unsubscribe address (RFC 8058), and the administrators' mail log reads it there.
ALTER TABLE mail_outbox ADD COLUMN subscription_id INTEGER REFERENCES subscriptions(id);
ALTER TABLE mail_outbox ADD COLUMN unsubscribe_url TEXT NOT NULL DEFAULT '';
CREATE INDEX mail_outbox_subscription ON mail_outbox(subscription_id);

-- What was published lately, which the subscriptions' passes read.
CREATE INDEX items_published ON items(state, published_at);
