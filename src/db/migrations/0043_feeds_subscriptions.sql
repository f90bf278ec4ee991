-- 0043_feeds_subscriptions: the smaller remainders of #16 (docs/external-feeds.md,
-- docs/subscriptions.md).

-- A member site's own pull interval in minutes (its board publishes daily, or every hour);
-- NULL: the installation's setting extfeeds_interval_minutes.
ALTER TABLE ext_sites ADD COLUMN interval_minutes INTEGER;

-- The HTML alternative of a citizen's mail (the subscriptions' digests are text and HTML, one
-- multipart/alternative message); '' for text only.
ALTER TABLE mail_outbox ADD COLUMN html TEXT NOT NULL DEFAULT '';

-- The hour (0..23, Vietnam time) a site's subscription digests go; NULL: the installation's
-- setting subscription_hour (7 by default). Its board sets it on /quan-tri/nhan-tin.
ALTER TABLE sites ADD COLUMN subscription_hour INTEGER;

-- The mailbox an account reads (a keyed tag of its address, model/pdata.h: never the address):
-- a deadline reminder to that mailbox is written in the account's language (users.language).
ALTER TABLE users ADD COLUMN mailbox_tag TEXT;
CREATE INDEX users_mailbox ON users(mailbox_tag);
