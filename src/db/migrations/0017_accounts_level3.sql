-- 0017_accounts_level3: what the level-3 account rules keep on each account (docs/security.md).
-- last_signin_at: the last right password (0: never), backfilled from the audit log's 'signin'
-- records; enabled_at: when an administrator last enabled it (the dormancy clock restarts);
-- disabled_reason: 'admin' or 'dormant' (45 days unused, by the scheduler);
-- password_needs_mfa: the password was accepted under the shorter minimum of an account with a
-- second factor, so it must be changed if that factor is ever turned off.
ALTER TABLE users ADD COLUMN last_signin_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN enabled_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN disabled_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN password_needs_mfa INTEGER NOT NULL DEFAULT 0;
UPDATE users SET last_signin_at = COALESCE((SELECT MAX(a.at) FROM audit a WHERE a.action = 'signin' AND a.user_id = users.id), 0);
UPDATE users SET disabled_reason = 'admin' WHERE disabled = 1;
