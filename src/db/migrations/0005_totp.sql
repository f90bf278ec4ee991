-- 0005_totp: two-factor sign-in (TOTP, RFC 6238) with recovery codes.
-- The secret is stored encrypted (libsodium secretbox under DATA/secret.key), never in clear;
-- recovery codes only as hashes. LAST_COUNTER is the time step of the last accepted code: a code
-- of that step or an earlier one is refused, so a code cannot be replayed.
CREATE TABLE totp (
  user_id      INTEGER PRIMARY KEY REFERENCES users(id),
  secret_enc   TEXT NOT NULL,
  enabled      INTEGER NOT NULL DEFAULT 0,
  last_counter INTEGER NOT NULL DEFAULT 0,
  created_at   INTEGER NOT NULL,
  enabled_at   INTEGER
);

CREATE TABLE totp_recovery (
  user_id   INTEGER NOT NULL REFERENCES users(id),
  code_hash TEXT NOT NULL,
  used_at   INTEGER,
  PRIMARY KEY (user_id, code_hash)
);

-- A session whose password was right but whose second factor is still to be given reaches only
-- the code page; wrong codes are counted on it.
ALTER TABLE sessions ADD COLUMN mfa_pending INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN mfa_failures INTEGER NOT NULL DEFAULT 0;
