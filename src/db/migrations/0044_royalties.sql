-- 0044_royalties: royalties (nhuận bút) of published items, ND 18/2014 Đ7 as applied to portals
-- by ND 224 Đ20.3 (model/royalty.h, docs/royalties.md). Money is whole đồng; coefficients and
-- percentages of shares are tenths (a coefficient 2.5 is 25, a share of 33.3 % is 333).

-- The genres: the province's eight groups (site_id NULL) with their maximum coefficients, which
-- a site may override group by group (name and maximum).
CREATE TABLE royalty_genres (
  id         INTEGER PRIMARY KEY,
  site_id    INTEGER REFERENCES sites(id),
  code       INTEGER NOT NULL CHECK (code BETWEEN 1 AND 8),
  name       TEXT NOT NULL,
  max_coef   INTEGER NOT NULL CHECK (max_coef BETWEEN 1 AND 10000),
  updated_by INTEGER,
  updated_at INTEGER
);
CREATE UNIQUE INDEX royalty_genres_default ON royalty_genres(code) WHERE site_id IS NULL;
CREATE UNIQUE INDEX royalty_genres_site ON royalty_genres(site_id, code) WHERE site_id IS NOT NULL;

INSERT INTO royalty_genres (site_id, code, name, max_coef) VALUES
  (NULL, 1, 'Tin, trả lời bạn đọc', 100),
  (NULL, 2, 'Tranh', 100),
  (NULL, 3, 'Ảnh', 100),
  (NULL, 4, 'Chính luận', 300),
  (NULL, 5, 'Phóng sự, ký sự, phỏng vấn', 300),
  (NULL, 6, 'Tác phẩm văn học', 300),
  (NULL, 7, 'Nghiên cứu', 300),
  (NULL, 8, 'Tác phẩm trực tuyến, đa phương tiện (video)', 500);

-- A site's choices: the value of one coefficient unit for periods made from now on (a period
-- keeps its own), and whether a period is a month or a quarter.
CREATE TABLE royalty_site_settings (
  site_id    INTEGER PRIMARY KEY REFERENCES sites(id),
  unit_value INTEGER NOT NULL CHECK (unit_value BETWEEN 1 AND 1000000000),
  period     TEXT NOT NULL CHECK (period IN ('month', 'quarter')),
  updated_by INTEGER,
  updated_at INTEGER
);

-- The people paid: with an account (USER_ID) or without. What identifies them (name, work unit,
-- tax code, bank account) is sealed like other personal data (model/pdata.h).
CREATE TABLE royalty_people (
  id         INTEGER PRIMARY KEY,
  site_id    INTEGER NOT NULL REFERENCES sites(id),
  user_id    INTEGER REFERENCES users(id),
  pdata      TEXT NOT NULL,
  created_by INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX royalty_people_site ON royalty_people(site_id);

-- A period of payment: days [START_DAY, END_DAY] (days since 1970-01-01, Vietnam time), its
-- unit value, the fees (thù lao) and bonus fund set against it, and whether it was paid: a paid
-- period is locked.
CREATE TABLE royalty_periods (
  id         INTEGER PRIMARY KEY,
  site_id    INTEGER NOT NULL REFERENCES sites(id),
  kind       TEXT NOT NULL CHECK (kind IN ('month', 'quarter')),
  start_day  INTEGER NOT NULL,
  end_day    INTEGER NOT NULL,
  unit_value INTEGER NOT NULL,
  fee_total  INTEGER NOT NULL DEFAULT 0,
  bonus_fund INTEGER NOT NULL DEFAULT 0,
  state      TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'paid')),
  paid_at    INTEGER,
  paid_by    INTEGER,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX royalty_periods_site ON royalty_periods(site_id, start_day);

-- An item's royalty in a period: its genre, coefficient (tenths), modifiers (JSON [{code, pct}])
-- and amount. An adjustment of an entry of a paid period is an entry of a later period with
-- REF_ID the entry it adjusts and AMOUNT the difference.
CREATE TABLE royalty_entries (
  id           INTEGER PRIMARY KEY,
  site_id      INTEGER NOT NULL REFERENCES sites(id),
  item_id      INTEGER NOT NULL REFERENCES items(id),
  period_id    INTEGER NOT NULL REFERENCES royalty_periods(id),
  genre_code   INTEGER NOT NULL,
  coef         INTEGER NOT NULL,
  modifiers    TEXT NOT NULL DEFAULT '[]',
  amount       INTEGER NOT NULL,
  ref_id       INTEGER REFERENCES royalty_entries(id),
  published_at INTEGER NOT NULL,
  note         TEXT NOT NULL DEFAULT '',
  set_by       INTEGER,
  set_at       INTEGER NOT NULL
);
CREATE UNIQUE INDEX royalty_entries_item ON royalty_entries(item_id) WHERE ref_id IS NULL;
CREATE INDEX royalty_entries_period ON royalty_entries(period_id);

-- Who shares an item's royalty and by how much (tenths of a percent: the shares add up to 1000).
CREATE TABLE royalty_shares (
  id        INTEGER PRIMARY KEY,
  item_id   INTEGER NOT NULL REFERENCES items(id),
  person_id INTEGER NOT NULL REFERENCES royalty_people(id),
  role      TEXT NOT NULL CHECK (role IN ('author', 'photographer', 'translator', 'editor')),
  share     INTEGER NOT NULL CHECK (share BETWEEN 1 AND 1000)
);
CREATE INDEX royalty_shares_item ON royalty_shares(item_id);
CREATE INDEX royalty_shares_person ON royalty_shares(person_id);
