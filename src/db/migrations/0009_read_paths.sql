-- 0009_read_paths: indexes for the public pages' reads, so that no page's cost grows with the
-- size of a site (measured on 1,000,000 articles: docs/benchmarks.md).
-- Featured items are few: without this, a site with none scanned all its published articles.
CREATE INDEX articles_featured ON articles(site_id, published_at) WHERE state = 'published' AND featured = 1;
-- A category's subtree (menus, sections) was found by a temporary index built per query.
CREATE INDEX categories_parent ON categories(parent_id);
-- Home pages list the sites by kind and name (150 on a province's main portal): in index order.
CREATE INDEX sites_order ON sites(kind, name);
CREATE INDEX sites_parent ON sites(parent_id, kind, name);
