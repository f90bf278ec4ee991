-- 0034_pg_null_order, PostgreSQL: the date indexes in SQLite's NULL order (see the .sql file).
DROP INDEX items_kind_day;
CREATE INDEX items_kind_day ON items(site_id, kind, state, item_day NULLS FIRST, id);
DROP INDEX items_kind_all;
CREATE INDEX items_kind_all ON items(kind, state, item_day NULLS FIRST, id);
