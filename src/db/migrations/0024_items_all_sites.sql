-- 0024_items_all_sites: the main portal's list of a kind that gathers every site's items (the
-- province's investment projects, kind.aggregate: docs/projects.md) walks the published items of
-- the kind in date order whatever their site; items_kind_day starts with the site.
CREATE INDEX items_kind_all ON items(kind, state, item_day, id);
