-- 0043_feeds_subscriptions: the smaller remainders of #16 (docs/external-feeds.md,
-- docs/subscriptions.md).

-- A member site's own pull interval in minutes (its board publishes daily, or every hour);
-- NULL: the installation's setting extfeeds_interval_minutes.
ALTER TABLE ext_sites ADD COLUMN interval_minutes INTEGER;
