-- 0034_pg_null_order: nothing for SQLite. Lists walk items newest day first with the items that
-- have no day last ("item_day DESC NULLS LAST", SQLite's own order for DESC); PostgreSQL's
-- indexes put NULL last ascending, so its two date indexes are made again with NULLS FIRST
-- (0034_pg_null_order.pg.sql), whose backward walk is that order.
SELECT 1;
