/* article.c — news articles (tin, bài): saving as revisions, the editors' reads, and the public
 * reads. The workflow's transitions are in workflow.c; sharing up in share.c. */
#include "internal.h"
#include "deadline.h"
#include "render/sanitize.h"
#include "db/db.h"
#include "base/util.h"
#include "base/arena.h"
#include "base/utf8.h"
#include "base/log.h"
#include "base/sb.h"
#include "vn/slug.h"
#include "kind.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/banned.h"

#define CARD_COLS                                                                              \
	"a.id, a.site_id, a.title, a.slug, a.summary, a.published_at, a.updated_at, a.cover_alt,"  \
	" a.featured, m.sha256 AS cover_sha, m.ext AS cover_ext, m.width AS cover_w,"               \
	" m.height AS cover_h, c.id AS category_id,"                                                \
	" c.name AS category_name, c.slug AS category_slug"
#define CARD_FROM                                                                              \
	" FROM items a JOIN categories c ON c.id = a.category_id LEFT JOIN media m ON m.id = a.cover_id"
/* The lists' cards (card_read): the category's name and slug come from category_tree, which
 * the page has read anyway, rather than from a join per card. */
#define LIST_COLS                                                                              \
	"a.id, a.site_id, a.title, a.slug, a.summary, a.published_at, a.cover_alt, m.sha256, m.ext," \
	" m.width, m.height, a.category_id"
#define LIST_FROM " FROM items a LEFT JOIN media m ON m.id = a.cover_id"

static int url_plausible(const char *u)
{
	return (strncasecmp(u, "http://", 7) == 0 && u[7]) || (strncasecmp(u, "https://", 8) == 0 && u[8]);
}

json_t *article_get_public(struct db *db, int64_t site_id, int64_t id)
{
	struct db_stmt *st = db_stmt(db, "SELECT " CARD_COLS ", a.body, a.author, a.src_author, a.src_name,"
				       " a.src_url, a.src_time, a.lang"
				       CARD_FROM " WHERE a.site_id = ? AND a.id = ? AND a.state = 'published'");
	if (!st)
		return NULL;
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, id);
	return db_one_json(st);
}

/* ---- the public lists: cards (model.h) ----
 * Of Vietnamese items only (a.lang = 'vi'): a translation is listed on its own language's
 * pages (model/translation.h). */

/* The names and slugs of one site's categories, from its kept tree, looked up by id for each
 * card of a list (a few categories: a scan of integers). */
struct cat_names {
	int64_t site_id;
	json_t *tree; /* category_tree's: its strings stay valid while it is held */
	size_t n;
	struct cat_name {
		int64_t id;
		const char *name, *slug;
	} *v;
};

static void cat_names_release(struct cat_names *cn)
{
	json_decref(cn->tree);
	free(cn->v);
	memset(cn, 0, sizeof(*cn));
}

static void cat_names_find(struct db *db, struct cat_names *cn, int64_t site_id, int64_t id, struct article_card *c)
{
	if (!cn->tree || cn->site_id != site_id) {
		cat_names_release(cn);
		cn->site_id = site_id;
		cn->tree = category_tree(db, site_id);
		cn->n = json_array_size(cn->tree);
		cn->v = xmalloc(st_mult(cn->n ? cn->n : 1, sizeof(*cn->v)));
		for (size_t i = 0; i < cn->n; i++) {
			json_t *row = json_array_get(cn->tree, i);
			cn->v[i].id = json_integer_value(json_object_get(row, "id"));
			cn->v[i].name = json_string_value(json_object_get(row, "name"));
			cn->v[i].slug = json_string_value(json_object_get(row, "slug"));
		}
	}
	for (size_t i = 0; i < cn->n; i++) {
		if (cn->v[i].id == id) {
			c->category_name = cn->v[i].name;
			c->category_slug = cn->v[i].slug;
			return;
		}
	}
}

/* Reads a row whose first columns are LIST_COLS, then when WITH_SITE the site's slug, name and
 * kind and the category's name and slug; else those come from CN (valid while CN is held). */
static void card_read(struct db *db, struct db_stmt *st, int with_site, struct cat_names *cn, struct article_card *c)
{
	memset(c, 0, sizeof(*c));
	c->id = db_col_int(st, 0);
	c->site_id = db_col_int(st, 1);
	c->title = db_col_text(st, 2);
	c->slug = db_col_text(st, 3);
	c->summary = db_col_text(st, 4);
	c->published_at = db_col_int(st, 5);
	c->cover_alt = db_col_text(st, 6);
	c->cover_sha = db_col_text(st, 7);
	c->cover_ext = db_col_text(st, 8);
	c->cover_w = db_col_int(st, 9);
	c->cover_h = db_col_int(st, 10);
	c->category_id = db_col_int(st, 11);
	if (with_site) {
		/* cards of many sites (component news): their categories come with the row */
		c->site_slug = db_col_text(st, 12);
		c->site_name = db_col_text(st, 13);
		c->site_kind = db_col_text(st, 14);
		c->category_name = db_col_text(st, 15);
		c->category_slug = db_col_text(st, 16);
	} else {
		cat_names_find(db, cn, c->site_id, c->category_id, c);
	}
}

/* Steps ST to its end, handing every row to FN as the next card of list 0. */
static size_t cards_run(struct db *db, struct db_stmt *st, article_card_fn *fn, void *arg)
{
	struct article_card c;
	struct cat_names cn = { 0 };
	size_t n = 0;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		card_read(db, st, 0, &cn, &c);
		c.pos = n++;
		fn(&c, arg);
	}
	if (rc != DB_DONE)
		log_error("db: step: %s", db_stmt_errmsg(st));
	db_reset(st);
	cat_names_release(&cn);
	return n;
}

void article_card_of(json_t *row, struct article_card *c)
{
	memset(c, 0, sizeof(*c));
	c->id = json_integer_value(json_object_get(row, "id"));
	c->site_id = json_integer_value(json_object_get(row, "site_id"));
	c->title = json_string_value(json_object_get(row, "title"));
	c->slug = json_string_value(json_object_get(row, "slug"));
	c->summary = json_string_value(json_object_get(row, "summary"));
	c->published_at = json_integer_value(json_object_get(row, "published_at"));
	c->cover_alt = json_string_value(json_object_get(row, "cover_alt"));
	c->cover_sha = json_string_value(json_object_get(row, "cover_sha"));
	c->cover_ext = json_string_value(json_object_get(row, "cover_ext"));
	c->cover_w = json_integer_value(json_object_get(row, "cover_w"));
	c->cover_h = json_integer_value(json_object_get(row, "cover_h"));
	c->category_id = json_integer_value(json_object_get(row, "category_id"));
	c->category_name = json_string_value(json_object_get(row, "category_name"));
	c->category_slug = json_string_value(json_object_get(row, "category_slug"));
}

size_t article_featured(struct db *db, int64_t site_id, int64_t limit, article_card_fn *fn, void *arg)
{
	/* few items are featured: their own partial index (0009), not a walk of the site's */
	struct db_stmt *st = db_stmt(db, "SELECT " LIST_COLS " FROM items a INDEXED BY articles_featured"
				       " LEFT JOIN media m ON m.id = a.cover_id"
				       " WHERE a.site_id = ? AND a.state = 'published' AND a.lang = 'vi' AND a.featured = 1"
				       " ORDER BY a.published_at DESC, a.id DESC LIMIT ?");
	if (!st)
		return 0;
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, limit);
	return cards_run(db, st, fn, arg);
}

/* "[1,2,3]": a list of ids for json_each(), one statement whatever its length. */
static void ids_json(struct sb *b, const int64_t *ids, size_t n)
{
	sb_addc(b, '[');
	for (size_t i = 0; i < n; i++) {
		char num[24], *p = num + sizeof(num);
		uint64_t u = ids[i] < 0 ? 0 - (uint64_t)ids[i] : (uint64_t)ids[i];
		do
			*--p = (char)('0' + u % 10);
		while (u /= 10);
		if (ids[i] < 0)
			*--p = '-';
		if (i)
			sb_addc(b, ',');
		sb_add(b, p, (size_t)(num + sizeof(num) - p));
	}
	sb_addc(b, ']');
}

/* The cards of IDS in that order (published ones only; an id may come twice), list LIST[i]
 * (NULL: 0) and place POS[i] each; with their site's slug, name and kind and their category's
 * name and slug from the row when WITH_SITE (cards of many sites). One statement. */
static size_t cards_of_ids(struct db *db, const int64_t *ids, const size_t *list, const size_t *pos, size_t n,
			   int with_site, article_card_fn *fn, void *arg)
{
	struct sb text = SB_INIT;
	struct article_card c;
	struct cat_names cn = { 0 };
	size_t got = 0;
	int rc, key_col = with_site ? 17 : 12;
	if (!n)
		return 0;
	/* rows in the order of the ids (SQLite: CROSS JOIN makes json_each the outer loop, so the
	 * ORDER BY costs nothing; PostgreSQL joins in its own order); a card says its place anyway
	 * (web_cards_add puts it there) */
	struct db_stmt *st = with_site
		? db_stmt(db, "SELECT " LIST_COLS ", s.slug, s.name, s.kind, c.name, c.slug, j.key FROM json_each(?) j"
			      " CROSS JOIN items a ON a.id = j.value JOIN sites s ON s.id = a.site_id"
			      " JOIN categories c ON c.id = a.category_id LEFT JOIN media m ON m.id = a.cover_id"
			      " WHERE a.state = 'published' ORDER BY j.key")
		: db_stmt(db, "SELECT " LIST_COLS ", j.key FROM json_each(?) j CROSS JOIN items a"
			      " ON a.id = j.value LEFT JOIN media m ON m.id = a.cover_id WHERE a.state = 'published'"
			      " ORDER BY j.key");
	if (!st)
		return 0;
	ids_json(&text, ids, n);
	db_bind_text(st, 1, text.buf);
	while ((rc = db_step(st)) == DB_ROW) {
		size_t k = (size_t)db_col_int(st, key_col);
		if (k >= n)
			continue;
		card_read(db, st, with_site, &cn, &c);
		c.list = list ? list[k] : 0;
		c.pos = pos ? pos[k] : got;
		got++;
		fn(&c, arg);
	}
	if (rc != DB_DONE)
		log_error("db: step: %s", db_errmsg(db));
	db_reset(st);
	sb_release(&text);
	cat_names_release(&cn);
	return got;
}

/* A category's page lists its own and its subcategories' articles, newest first. One query
 * over "category IN subtree ORDER BY published_at" either walks the whole site in date order
 * (slow when the subtree is small or empty) or sorts the whole subtree (slow when it is big).
 * Instead: each category's newest (offset + limit) come off its own index in order, the
 * candidates are merged here, and the page's cards are read in one query. The cost follows
 * the page asked for, not the size of the site. */
struct pick {
	int64_t published_at, id;
	size_t list;
};

static int pick_newer(const void *a, const void *b)
{
	const struct pick *x = a, *y = b;
	if (x->list != y->list)
		return x->list < y->list ? -1 : 1;
	if (x->published_at != y->published_at)
		return x->published_at < y->published_at ? 1 : -1;
	return x->id < y->id ? 1 : x->id > y->id ? -1 : 0;
}

static void picks_push(struct pick **v, size_t *n, size_t *cap, struct pick p)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*v = xrealloc(*v, st_mult(*cap, sizeof(**v)));
	}
	(*v)[(*n)++] = p;
}

size_t article_in_category(struct db *db, json_t *tree, int64_t id, int64_t limit, int64_t offset,
			   int64_t *total, article_card_fn *fn, void *arg)
{
	int64_t *cats;
	size_t ncats = category_subtree(tree, id, &cats), npicks = 0, cap = 0, n = 0;
	struct pick *picks = NULL;
	int64_t want = offset + limit;
	struct db_stmt *st;

	if (total) {
		*total = 0;
		for (size_t i = 0; i < ncats; i++)
			*total += json_integer_value(json_object_get(category_in(tree, cats[i]), "published_count"));
	}
	if (ncats == 1) {
		/* no subcategories (most): the category's index gives the page in order */
		st = db_stmt(db, "SELECT " LIST_COLS " FROM items a INDEXED BY articles_category"
				 " LEFT JOIN media m ON m.id = a.cover_id"
				 " WHERE a.category_id = ? AND a.state = 'published' AND a.lang = 'vi'"
				 " ORDER BY a.published_at DESC, a.id DESC LIMIT ? OFFSET ?");
		if (st) {
			db_bind_int(st, 1, cats[0]);
			db_bind_int(st, 2, limit);
			db_bind_int(st, 3, offset);
			n = cards_run(db, st, fn, arg);
		}
		free(cats);
		return n;
	}

	for (size_t i = 0; i < ncats; i++) {
		/* the subtree is the site's, and so are its articles: the category's index alone,
		 * in date order, without reading a row */
		st = db_stmt(db, "SELECT a.published_at, a.id FROM items a WHERE a.category_id = ?"
				 " AND a.state = 'published' AND a.lang = 'vi' ORDER BY a.published_at DESC, a.id DESC LIMIT ?");
		if (!st)
			break;
		db_bind_int(st, 1, cats[i]);
		db_bind_int(st, 2, want);
		while (db_step(st) == DB_ROW)
			picks_push(&picks, &npicks, &cap, (struct pick){ db_col_int(st, 0), db_col_int(st, 1), 0 });
		db_reset(st);
	}
	free(cats);
	if (npicks)
		qsort(picks, npicks, sizeof(*picks), pick_newer);

	/* the page's cards, in one statement whatever the page size */
	int64_t *ids = xmalloc(st_mult(limit > 0 ? (size_t)limit : 1, sizeof(*ids)));
	for (int64_t i = offset; i < want && i < (int64_t)npicks; i++)
		ids[n++] = picks[i].id;
	free(picks);
	n = cards_of_ids(db, ids, NULL, NULL, n, 0, fn, arg);
	free(ids);
	return n;
}

/* The cards of a list of distinct ids handed to every (list, place) that asked for them: an
 * article may be in the latest list and in its section. */
struct fan_target {
	size_t uid, list, pos;
};

struct fan {
	const struct fan_target *t;
	size_t nt, given;
	article_card_fn *fn;
	void *arg;
};

static void fan_out(const struct article_card *c, void *arg)
{
	struct fan *f = arg;
	struct article_card each = *c;
	for (size_t i = 0; i < f->nt; i++) {
		if (f->t[i].uid == c->pos) {
			each.list = f->t[i].list;
			each.pos = f->t[i].pos;
			f->given++;
			f->fn(&each, f->arg);
		}
	}
}

/* Every category's newest PER off its own index alone, for the categories CAT_IDS[i] whose
 * WANT[i] is set, as picks of list SECTION_OF[i]; one statement ("published_at id,..." per
 * category). */
static void newest_per_category(struct db *db, const int64_t *cat_ids, const size_t *section_of, const int *want,
				size_t ncats, int64_t per, struct pick **picks, size_t *npicks, size_t *cap)
{
	struct sb text = SB_INIT;
	int64_t *ids = xmalloc(st_mult(ncats ? ncats : 1, sizeof(*ids)));
	size_t *idx = xmalloc(st_mult(ncats ? ncats : 1, sizeof(*idx))), n = 0;
	for (size_t i = 0; i < ncats; i++)
		if (want[i]) {
			idx[n] = i;
			ids[n++] = cat_ids[i];
		}
	struct db_stmt *st = n ? db_stmt(db, "SELECT j.key, (SELECT group_concat(b.published_at || ' ' || b.id)"
					   " FROM (SELECT published_at, id FROM items WHERE category_id = j.value"
					   " AND state = 'published' AND lang = 'vi' ORDER BY published_at DESC, id DESC LIMIT ?2) b)"
					   " FROM json_each(?1) j") : NULL;
	if (st) {
		ids_json(&text, ids, n);
		db_bind_text(st, 1, text.buf);
		db_bind_int(st, 2, per);
		while (db_step(st) == DB_ROW) {
			size_t k = (size_t)db_col_int(st, 0);
			const char *p = db_col_text(st, 1);
			char *end;
			while (k < n && p && *p) {
				struct pick pk = { .list = section_of[idx[k]] };
				pk.published_at = strtoll(p, &end, 10);
				if (*end != ' ')
					break;
				pk.id = strtoll(end + 1, &end, 10);
				picks_push(picks, npicks, cap, pk);
				p = *end == ',' ? end + 1 : end;
			}
		}
		db_reset(st);
	}
	free(ids);
	free(idx);
	sb_release(&text);
}

/* How far the home page's walk goes before asking the short sections' categories directly. */
#define HOME_WALK 400

size_t article_home(struct db *db, int64_t site_id, json_t *cats, int64_t nlatest, int64_t per, article_card_fn *fn,
		    void *arg)
{
	size_t ncats = json_array_size(cats), nsections = 0, npicks = 0, cap = 0, full = 0, walked = 0;
	size_t nalloc = ncats ? ncats : 1;
	int64_t *cat_ids = xmalloc(st_mult(nalloc, sizeof(*cat_ids)));
	size_t *section_of = xmalloc(st_mult(nalloc, sizeof(*section_of)));
	struct pick *picks = NULL, *latest = xmalloc(st_mult(nlatest > 0 ? (size_t)nlatest : 1, sizeof(*latest)));
	size_t nl = 0;

	/* in tree order a top-level category is followed by its subcategories: one section each;
	 * the home lists news: a category of another kind (legal documents…) takes no part, its
	 * kind has its own pages (its section stays empty, and home pages skip empty sections) */
	int *news = xmalloc(st_mult(nalloc, sizeof(*news)));
	for (size_t i = 0; i < ncats; i++) {
		json_t *c = json_array_get(cats, i);
		const char *kind = json_string_value(json_object_get(c, "kind"));
		if (json_integer_value(json_object_get(c, "depth")) == 0)
			nsections++;
		section_of[i] = nsections ? nsections - 1 : 0;
		cat_ids[i] = json_integer_value(json_object_get(c, "id"));
		news[i] = !kind || strcmp(kind, "article") == 0;
	}
	size_t *count = xcalloc(nsections + 1, sizeof(*count));

	/* One walk of the site's articles, newest first, off the index alone (0011: it holds the
	 * category): the first NLATEST are the latest list, and each section takes the first PER
	 * of its categories: in that order they are its newest. */
	struct db_stmt *st = db_stmt(db, "SELECT a.published_at, a.id, a.category_id FROM items a"
				       " WHERE a.site_id = ? AND a.state = 'published' AND a.lang = 'vi'"
				       " ORDER BY a.published_at DESC, a.id DESC LIMIT ?");
	if (st) {
		db_bind_int(st, 1, site_id);
		db_bind_int(st, 2, HOME_WALK);
		while ((nl < (size_t)nlatest || full < nsections) && db_step(st) == DB_ROW) {
			struct pick p = { db_col_int(st, 0), db_col_int(st, 1), 0 };
			int64_t cat = db_col_int(st, 2);
			walked++;
			size_t ci;
			for (ci = 0; ci < ncats && cat_ids[ci] != cat; ci++)
				;
			if (ci < ncats && !news[ci])
				continue;
			if (nl < (size_t)nlatest)
				latest[nl++] = p;
			for (size_t i = ci; i < ncats; i++) {
				if (cat_ids[i] != cat)
					continue;
				p.list = section_of[i];
				if ((int64_t)count[p.list] < per) {
					picks_push(&picks, &npicks, &cap, p);
					if ((int64_t)++count[p.list] == per)
						full++;
				}
				break;
			}
		}
		db_reset(st);
	}
	/* The walk stopped short of some sections (their categories are quiet): their newest come
	 * off their own indexes and are merged with what the walk found. */
	if (walked == HOME_WALK && full < nsections) {
		int *want = xcalloc(nalloc, sizeof(*want));
		for (size_t i = 0; i < ncats; i++)
			want[i] = news[i] && (int64_t)count[section_of[i]] < per;
		newest_per_category(db, cat_ids, section_of, want, ncats, per, &picks, &npicks, &cap);
		free(want);
	}
	if (npicks)
		qsort(picks, npicks, sizeof(*picks), pick_newer); /* by section, then newest first */

	/* the cards, each article read once: the latest list is list 0, section K list K + 1 */
	size_t nt = 0, nu = 0, ntmax = nl + npicks + 1;
	struct fan_target *t = xmalloc(st_mult(ntmax, sizeof(*t)));
	int64_t *uids = xmalloc(st_mult(ntmax, sizeof(*uids)));
	size_t *ident = xmalloc(st_mult(ntmax, sizeof(*ident)));
	for (size_t i = 0, rank = 0; i < nl + npicks; i++) {
		const struct pick *p = i < nl ? &latest[i] : &picks[i - nl];
		size_t list = i < nl ? 0 : p->list + 1, pos = i < nl ? i : 0;
		if (i >= nl) {
			size_t j = i - nl;
			int same_list = j && picks[j].list == picks[j - 1].list;
			if (same_list && picks[j].id == picks[j - 1].id)
				continue; /* found by the walk and by its category's index */
			rank = same_list ? rank + 1 : 0;
			if ((int64_t)rank >= per)
				continue;
			pos = rank;
		}
		size_t u;
		for (u = 0; u < nu && uids[u] != p->id; u++)
			;
		if (u == nu) {
			ident[nu] = nu;
			uids[nu++] = p->id;
		}
		t[nt++] = (struct fan_target){ u, list, pos };
	}
	struct fan f = { t, nt, 0, fn, arg };
	cards_of_ids(db, uids, NULL, ident, nu, 0, fan_out, &f);
	free(t);
	free(uids);
	free(ident);
	free(picks);
	free(latest);
	free(count);
	free(cat_ids);
	free(section_of);
	free(news);
	return f.given;
}

size_t article_related(struct db *db, int64_t site_id, int64_t category_id, int64_t except_id, int64_t limit,
		       article_card_fn *fn, void *arg)
{
	struct db_stmt *st = db_stmt(db, "SELECT " LIST_COLS LIST_FROM
				       " WHERE +a.site_id = ? AND a.category_id = ? AND a.id <> ? AND a.state = 'published' AND a.lang = 'vi'"
				       " ORDER BY a.published_at DESC, a.id DESC LIMIT ?");
	if (!st)
		return 0;
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, category_id);
	db_bind_int(st, 3, except_id);
	db_bind_int(st, 4, limit);
	return cards_run(db, st, fn, arg);
}



/* ---- the editors' side ---- */

#define ADMIN_COLS                                                                             \
	"a.id, a.site_id, a.category_id, a.state, a.change_state, a.pending_rev_id, a.title, a.slug,"  \
	" a.summary, a.body, a.author, a.cover_id, a.cover_alt, a.featured, a.src_author, a.src_name," \
	" a.src_url, a.src_time, a.published_at, a.scheduled_at, a.withdrawn_at, a.withdrawn_reason,"  \
	" a.intake_unit, a.intake_name, a.intake_title, a.intake_email, a.intake_phone,"               \
	" a.intake_received_at, a.deadline_kind, a.created_by, a.created_at, a.updated_at, a.kind,"     \
	" a.fields, a.ref, a.item_day,"                                                                \
	" u.display_name AS created_by_name"

/* Overlays the pending change (a revision) on the public columns of ART. */
static void overlay_pending(struct db *db, json_t *art)
{
	json_t *rid = json_object_get(art, "pending_rev_id");
	if (!json_is_integer(rid))
		return;
	struct db_stmt *st = db_stmt(db, "SELECT title, summary, body, author, category_id, cover_id, cover_alt,"
				       " featured, src_author, src_name, src_url, src_time, fields FROM revisions WHERE id = ?");
	if (!st)
		return;
	db_bind_int(st, 1, json_integer_value(rid));
	json_t *rev = db_one_json(st);
	if (rev) {
		json_object_update(art, rev);
		json_decref(rev);
	}
}

json_t *article_get_admin(struct db *db, const struct actor *a, int64_t site_id, int64_t id)
{
	int lvl = actor_level(db, a, site_id);
	if (!lvl)
		return NULL;
	struct db_stmt *st = db_stmt(db, "SELECT " ADMIN_COLS ", m.sha256 AS cover_sha, m.ext AS cover_ext"
				       " FROM items a LEFT JOIN users u ON u.id = a.created_by"
				       " LEFT JOIN media m ON m.id = a.cover_id WHERE a.site_id = ? AND a.id = ?");
	if (!st)
		return NULL;
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, id);
	json_t *art = db_one_json(st);
	if (!art)
		return NULL;
	/* reporters work on their own items and may read what is public */
	if (lvl == LVL_REPORTER && json_integer_value(json_object_get(art, "created_by")) != a->id &&
	    strcmp(json_string_value(json_object_get(art, "state")), "published") != 0) {
		json_decref(art);
		return NULL;
	}
	json_object_set_new(art, "has_pending_change", json_boolean(json_is_integer(json_object_get(art, "pending_rev_id"))));
	overlay_pending(db, art);
	if (json_is_integer(json_object_get(art, "pending_rev_id"))) {
		/* the change may have another cover than the public version */
		json_t *m = json_is_integer(json_object_get(art, "cover_id"))
			? media_get(db, json_integer_value(json_object_get(art, "cover_id"))) : NULL;
		json_object_set(art, "cover_sha", m ? json_object_get(m, "sha256") : json_null());
		json_object_set(art, "cover_ext", m ? json_object_get(m, "ext") : json_null());
		json_decref(m);
	}
	json_object_set_new(art, "wstate", json_string(article_wstate(art)));
	return art;
}

#define WSTATE "(CASE WHEN a.state = 'published' AND a.change_state IS NOT NULL THEN a.change_state ELSE a.state END)"

json_t *article_list_admin(struct db *db, const struct actor *a, int64_t site_id, enum article_filter f,
			   const char *kind, int64_t limit, int64_t offset, int64_t *total)
{
	/* one statement per filter: every list is a plain indexed query */
	static const char *const count_sql[] = {
		[AF_ALL] = "SELECT count(*) FROM items a WHERE a.site_id = ?1 AND (?6 = '' OR a.kind = ?6)"
			   " AND (?3 > 1 OR a.created_by = ?2 OR a.state = 'published')",
		[AF_MINE_DRAFTS] = "SELECT count(*) FROM items a WHERE a.site_id = ?1 AND (?6 = '' OR a.kind = ?6) AND a.created_by = ?2"
				   " AND " WSTATE " = 'draft'",
		[AF_WAITING_FOR_ME] = "SELECT count(*) FROM items a JOIN sites s ON s.id = a.site_id"
				      " WHERE a.site_id = ?1 AND (?6 = '' OR a.kind = ?6) AND ((?3 = 2 AND " WSTATE " = 'submitted')"
				      " OR (?3 >= 3 AND (" WSTATE " = 'edited' OR (s.approval_steps = 1 AND " WSTATE " = 'submitted'))))",
		[AF_RETURNED_TO_ME] = "SELECT count(*) FROM items a WHERE a.site_id = ?1 AND (?6 = '' OR a.kind = ?6) AND a.created_by = ?2"
				      " AND " WSTATE " = 'returned'",
		[AF_SCHEDULED] = "SELECT count(*) FROM items a WHERE a.site_id = ?1 AND (?6 = '' OR a.kind = ?6) AND a.state = 'scheduled'"
				 " AND (?3 > 1 OR a.created_by = ?2)",
	};
	static const char *const list_sql[] = {
		[AF_ALL] = "SELECT a.id, a.kind, a.title, a.slug, a.state, a.change_state, a.featured, a.published_at,"
			   " a.scheduled_at, a.updated_at, c.name AS category_name, u.display_name AS created_by_name"
			   " FROM items a JOIN categories c ON c.id = a.category_id LEFT JOIN users u ON u.id = a.created_by"
			   " WHERE a.site_id = ?1 AND (?6 = '' OR a.kind = ?6) AND (?3 > 1 OR a.created_by = ?2 OR a.state = 'published')"
			   " ORDER BY a.updated_at DESC, a.id DESC LIMIT ?4 OFFSET ?5",
		[AF_MINE_DRAFTS] = "SELECT a.id, a.kind, a.title, a.slug, a.state, a.change_state, a.featured, a.published_at,"
				   " a.scheduled_at, a.updated_at, c.name AS category_name, u.display_name AS created_by_name"
				   " FROM items a JOIN categories c ON c.id = a.category_id LEFT JOIN users u ON u.id = a.created_by"
				   " WHERE a.site_id = ?1 AND (?6 = '' OR a.kind = ?6) AND a.created_by = ?2 AND " WSTATE " = 'draft'"
				   " ORDER BY a.updated_at DESC, a.id DESC LIMIT ?4 OFFSET ?5",
		[AF_WAITING_FOR_ME] = "SELECT a.id, a.kind, a.title, a.slug, a.state, a.change_state, a.featured, a.published_at,"
				      " a.scheduled_at, a.updated_at, c.name AS category_name, u.display_name AS created_by_name"
				      " FROM items a JOIN categories c ON c.id = a.category_id JOIN sites s ON s.id = a.site_id"
				      " LEFT JOIN users u ON u.id = a.created_by"
				      " WHERE a.site_id = ?1 AND (?6 = '' OR a.kind = ?6) AND ((?3 = 2 AND " WSTATE " = 'submitted')"
				      " OR (?3 >= 3 AND (" WSTATE " = 'edited' OR (s.approval_steps = 1 AND " WSTATE " = 'submitted'))))"
				      " ORDER BY a.updated_at, a.id LIMIT ?4 OFFSET ?5",
		[AF_RETURNED_TO_ME] = "SELECT a.id, a.kind, a.title, a.slug, a.state, a.change_state, a.featured, a.published_at,"
				      " a.scheduled_at, a.updated_at, c.name AS category_name, u.display_name AS created_by_name"
				      " FROM items a JOIN categories c ON c.id = a.category_id LEFT JOIN users u ON u.id = a.created_by"
				      " WHERE a.site_id = ?1 AND (?6 = '' OR a.kind = ?6) AND a.created_by = ?2 AND " WSTATE " = 'returned'"
				      " ORDER BY a.updated_at DESC, a.id DESC LIMIT ?4 OFFSET ?5",
		[AF_SCHEDULED] = "SELECT a.id, a.kind, a.title, a.slug, a.state, a.change_state, a.featured, a.published_at,"
				 " a.scheduled_at, a.updated_at, c.name AS category_name, u.display_name AS created_by_name"
				 " FROM items a JOIN categories c ON c.id = a.category_id LEFT JOIN users u ON u.id = a.created_by"
				 " WHERE a.site_id = ?1 AND (?6 = '' OR a.kind = ?6) AND a.state = 'scheduled' AND (?3 > 1 OR a.created_by = ?2)"
				 " ORDER BY a.scheduled_at, a.id LIMIT ?4 OFFSET ?5",
	};
	int lvl = actor_level(db, a, site_id);
	*total = 0;
	if (!lvl || f < AF_ALL || f > AF_SCHEDULED)
		return json_array();
	struct db_stmt *st = db_stmt(db, count_sql[f]);
	if (!st)
		return json_array();
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, a->id);
	db_bind_int(st, 3, lvl);
	db_bind_text(st, 6, kind ? kind : "");
	*total = db_step(st) == DB_ROW ? db_col_int(st, 0) : 0;
	db_reset(st);
	st = db_stmt(db, list_sql[f]);
	if (!st)
		return json_array();
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, a->id);
	db_bind_int(st, 3, lvl);
	db_bind_int(st, 4, limit);
	db_bind_int(st, 5, offset);
	db_bind_text(st, 6, kind ? kind : "");
	json_t *rows = db_rows_json(st);
	size_t i;
	json_t *r;
	json_array_foreach(rows, i, r)
		json_object_set_new(r, "wstate", json_string(article_wstate(r)));
	return rows;
}

/* ---- saving ---- */

enum { AF_TITLE, AF_SUMMARY, AF_AUTHOR, AF_ALT, AF_SRC_AUTHOR, AF_SRC_NAME, AF_SRC_URL,
       AF_I_UNIT, AF_I_NAME, AF_I_TITLE, AF_I_EMAIL, AF_I_PHONE, AF_NOTE, AF_N };

struct clean_article {
	char *v[AF_N];
	char *body; /* sanitized HTML */
	char *slug;
	int64_t cover_id;
	const struct kind *kind;
	json_t *fields;  /* the kind's own, clean (JSON text in fields_text) */
	char *fields_text;
};

static void clean_release(struct clean_article *c)
{
	for (int i = 0; i < AF_N; i++)
		free(c->v[i]);
	free(c->body);
	free(c->slug);
	json_decref(c->fields);
	json_free_str(c->fields_text);
}

static int email_ok(const char *s)
{
	const char *at = strchr(s, '@');
	return at && at > s && strchr(at, '.') && !strchr(s, ' ');
}

static int article_validate(struct db *db, int64_t site_id, const struct article_input *in,
			    struct clean_article *c, struct errs *e)
{
	static const char *names[AF_N] = { "title", "summary", "author", "cover_alt", "src_author", "src_name",
					   "src_url", "intake_unit", "intake_name", "intake_title", "intake_email",
					   "intake_phone", "note" };
	static const size_t limits[AF_N] = { 300, 1000, 200, 300, 200, 200, 1000, 300, 200, 200, 200, 50, 500 };
	const char *src[AF_N] = { in->title, in->summary, in->author, in->cover_alt, in->src_author,
				  in->src_name, in->src_url, in->intake_unit, in->intake_name, in->intake_title,
				  in->intake_email, in->intake_phone, in->note };
	for (int i = 0; i < AF_N; i++) {
		c->v[i] = text_clean(src[i], i == AF_SUMMARY);
		if (!c->v[i]) {
			errs_add(e, names[i], "invalid_utf8");
			c->v[i] = xstrdup("");
		} else if (utf8_length(c->v[i]) > limits[i]) {
			errs_add(e, names[i], "too_long");
		}
	}
	char *raw = utf8_nfc(in->body ? in->body : "", in->body ? strlen(in->body) : 0);
	struct sanitize_report rep = { 0 };
	if (!raw) {
		errs_add(e, "body", "invalid_utf8");
		c->body = xstrdup("");
	} else {
		c->body = html_sanitize(raw, strlen(raw), &rep);
		free(raw);
		if (strlen(c->body) > 500000)
			errs_add(e, "body", "too_long");
	}
	char *text = html_to_text(c->body, strlen(c->body));
	int empty = 1;
	for (const char *p = text; *p; p++)
		if (*p != ' ' && *p != '\n' && *p != '\t')
			empty = 0;
	if (empty && !strstr(c->body, "<img") && c->kind->body_required)
		errs_add(e, "body", "required");
	free(text);
	if (rep.images_without_alt)
		errs_add(e, "body", "body_img_alt_required");
	if (!*c->v[AF_TITLE])
		errs_add(e, "title", "required");
	if (c->cover_id > 0 && !*c->v[AF_ALT])
		errs_add(e, "cover_alt", "cover_alt_required");
	if (*c->v[AF_SRC_URL] && !url_plausible(c->v[AF_SRC_URL]))
		errs_add(e, "src_url", "url_invalid");
	if (*c->v[AF_I_EMAIL] && !email_ok(c->v[AF_I_EMAIL]))
		errs_add(e, "intake_email", "email_invalid");
	json_t *cat = in->category_id ? category_get(db, site_id, in->category_id) : NULL;
	if (!cat)
		errs_add(e, "category_id", in->category_id ? "category_invalid" : "required");
	else if (strcmp(json_string_value(json_object_get(cat, "kind")) ? json_string_value(json_object_get(cat, "kind")) : "article",
			c->kind->name) != 0)
		errs_add(e, "category_id", "category_other_kind");
	json_decref(cat);
	json_t *none = in->fields ? NULL : json_object();
	kind_fields_clean(c->kind, in->fields ? in->fields : none, &c->fields, e);
	json_decref(none);
	kind_files_check(db, site_id, c->kind, c->fields, e);
	c->fields_text = json_dumps(c->fields, JSON_COMPACT | JSON_SORT_KEYS);
	if (c->cover_id > 0) {
		json_t *m = media_get(db, c->cover_id);
		/* the site's, and an image: the API names it by id (#16), the form only offers those */
		if (!m || json_integer_value(json_object_get(m, "site_id")) != site_id ||
		    strcmp(json_string_value(json_object_get(m, "kind")), "image") != 0)
			errs_add(e, "cover", "media_invalid");
		json_decref(m);
	}
	c->slug = c->kind->slug ? c->kind->slug(c->kind, c->v[AF_TITLE], c->fields) : vn_slug(c->v[AF_TITLE]);
	return e->n ? -1 : 0;
}

/* 1 when ARTICLE_ID's attachments are not exactly IDS. */
static int attachments_differ(struct db *db, int64_t article_id, const int64_t *ids, size_t n)
{
	json_t *cur = article_id ? article_attachments(db, article_id) : json_array();
	int differ = json_array_size(cur) != n;
	for (size_t i = 0; !differ && i < n; i++)
		differ = json_integer_value(json_object_get(json_array_get(cur, i), "id")) != ids[i];
	json_decref(cur);
	return differ;
}

/* May A change article CUR (NULL: a new one)? */
static int save_allowed(int lvl, const struct actor *a, json_t *cur)
{
	if (!lvl)
		return 0;
	if (!cur)
		return 1;
	const char *w = article_wstate(cur);
	int own = json_integer_value(json_object_get(cur, "created_by")) == a->id;
	int editable = strcmp(w, "draft") == 0 || strcmp(w, "returned") == 0 || strcmp(w, "submitted") == 0 ||
		       strcmp(w, "edited") == 0 || strcmp(w, "published") == 0;
	if (!editable)
		return 0; /* scheduled, refused, withdrawn: act on it first */
	if (lvl == LVL_REPORTER)
		return own && (strcmp(w, "draft") == 0 || strcmp(w, "returned") == 0 || strcmp(w, "published") == 0);
	return 1;
}

int article_save(struct db *db, const struct actor *a, int64_t site_id, int64_t id,
		 const struct article_input *in, struct errs *e, int64_t *out_id)
{
	struct clean_article c = { 0 };
	json_t *cur = NULL;
	int64_t now = time_now();
	int lvl = actor_level(db, a, site_id);
	int rc = M_INVALID;

	if (!lvl)
		return M_DENIED;
	if (id && !(cur = article_get_admin(db, a, site_id, id)))
		return M_NOTFOUND;
	if (!save_allowed(lvl, a, cur)) {
		json_decref(cur);
		return M_DENIED;
	}
	c.kind = kind_find(cur ? json_string_value(json_object_get(cur, "kind")) : in->kind ? in->kind : "article");
	if (!c.kind || (cur && in->kind && strcmp(in->kind, c.kind->name) != 0)) {
		json_decref(cur);
		return M_NOTFOUND; /* no such kind, or the item is of another */
	}
	/* an item of a kind with its own pages goes, when nobody chose, to the site's category of
	 * that kind (made on first use: a "Văn bản" section); news must name theirs */
	struct article_input chosen;
	if (!in->category_id && strcmp(c.kind->name, "article") != 0) {
		chosen = *in;
		chosen.category_id = category_for_kind(db, site_id, c.kind->name);
		in = &chosen;
	}
	c.cover_id = in->cover_id;
	if (c.cover_id < 0)
		c.cover_id = cur && json_is_integer(json_object_get(cur, "cover_id"))
			? json_integer_value(json_object_get(cur, "cover_id")) : 0;
	int live = cur && strcmp(json_string_value(json_object_get(cur, "state")), "published") == 0;
	int64_t att[ATTACH_MAX];
	size_t natt = 0;
	if (in->set_attachments) {
		if (attachments_check(db, site_id, in->attachments, in->nattachments, att, &natt, e) == 0 && live &&
		    lvl < LVL_APPROVER && attachments_differ(db, id, att, natt))
			errs_add(e, "attachments", "attachments_need_approver");
	}
	if (in->deadline_kind && *in->deadline_kind && !deadline_kind_valid(db, in->deadline_kind))
		errs_add(e, "deadline_kind", "deadline_kind_invalid");
	int invalid = article_validate(db, site_id, in, &c, e);
	/* a kind whose identifier is unique on a site (a procedure's code): kind.ident_unique */
	int taken = c.fields ? kind_ident_taken(db, c.kind, site_id, id, c.fields) : 0;
	if (taken > 0)
		errs_add(e, kind_ident_field(c.kind)->key, c.kind->ident_unique);
	if (taken < 0)
		rc = M_ERROR;
	if (invalid || taken)
		goto out;

	rc = M_ERROR;
	if (db_begin(db))
		goto out;
	/* the kind's rules that read the store or files (kind.h), in this transaction */
	if (c.kind->check_store) {
		if (c.kind->check_store(db, in->data_dir, site_id, id, c.kind, c.fields, e))
			goto rollback;
		if (e->n) {
			rc = M_INVALID;
			goto rollback;
		}
	}
	struct db_stmt *st;
	if (!id) {
		st = db_stmt(db, "INSERT INTO items (site_id, category_id, state, title, slug, body, created_by,"
				 " created_at, updated_at, kind) VALUES (?, ?, 'draft', '', '', '', ?, ?, ?, ?)");
		if (!st)
			goto rollback;
		db_bind_int(st, 1, site_id);
		db_bind_int(st, 2, in->category_id);
		if (a->id)
			db_bind_int(st, 3, a->id);
		db_bind_int(st, 4, now);
		db_bind_int(st, 5, now);
		db_bind_text(st, 6, c.kind->name);
		int ok = db_step(st) == DB_DONE;
		db_reset(st);
		if (!ok)
			goto rollback;
		id = db_last_id(db);
	}
	/* the revision: every save is one */
	st = db_stmt(db, "INSERT INTO revisions (article_id, n, title, summary, body, author, category_id, cover_id,"
			 " cover_alt, featured, src_author, src_name, src_url, src_time, note, created_by, created_at, fields)"
			 " SELECT ?1, coalesce(max(n), 0) + 1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
			 " ?15, ?16, ?17 FROM revisions WHERE article_id = ?1");
	if (!st)
		goto rollback;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, c.v[AF_TITLE]);
	db_bind_text(st, 3, c.v[AF_SUMMARY]);
	db_bind_text(st, 4, c.body);
	db_bind_text(st, 5, c.v[AF_AUTHOR]);
	db_bind_int(st, 6, in->category_id);
	if (c.cover_id > 0)
		db_bind_int(st, 7, c.cover_id);
	db_bind_text(st, 8, c.v[AF_ALT]);
	db_bind_int(st, 9, in->featured ? 1 : 0);
	db_bind_text(st, 10, c.v[AF_SRC_AUTHOR]);
	db_bind_text(st, 11, c.v[AF_SRC_NAME]);
	db_bind_text(st, 12, c.v[AF_SRC_URL]);
	if (in->src_time)
		db_bind_int(st, 13, in->src_time);
	db_bind_text(st, 14, c.v[AF_NOTE]);
	if (a->id)
		db_bind_int(st, 15, a->id);
	db_bind_int(st, 16, now);
	db_bind_text(st, 17, c.fields_text);
	int ok = db_step(st) == DB_DONE;
	db_reset(st);
	if (!ok)
		goto rollback;
	int64_t rev = db_last_id(db);

	if (live) {
		/* the public keeps reading the published version; the change waits for approval */
		st = db_stmt(db, "UPDATE items SET pending_rev_id = ?1, change_state = coalesce(change_state, 'draft'),"
				 " updated_at = ?2 WHERE id = ?3");
		if (!st)
			goto rollback;
		db_bind_int(st, 1, rev);
		db_bind_int(st, 2, now);
		db_bind_int(st, 3, id);
	} else {
		st = db_stmt(db, "UPDATE items SET title = ?1, slug = ?2, summary = ?3, body = ?4, author = ?5,"
				 " cover_alt = ?6, src_author = ?7, src_name = ?8, src_url = ?9, src_time = ?10,"
				 " category_id = ?11, cover_id = ?12, featured = ?13, updated_at = ?14, fields = ?17"
				 " WHERE id = ?15 AND site_id = ?16");
		if (!st)
			goto rollback;
		db_bind_text(st, 1, c.v[AF_TITLE]);
		db_bind_text(st, 2, c.slug);
		db_bind_text(st, 3, c.v[AF_SUMMARY]);
		db_bind_text(st, 4, c.body);
		db_bind_text(st, 5, c.v[AF_AUTHOR]);
		db_bind_text(st, 6, c.v[AF_ALT]);
		db_bind_text(st, 7, c.v[AF_SRC_AUTHOR]);
		db_bind_text(st, 8, c.v[AF_SRC_NAME]);
		db_bind_text(st, 9, c.v[AF_SRC_URL]);
		if (in->src_time)
			db_bind_int(st, 10, in->src_time);
		db_bind_int(st, 11, in->category_id);
		if (c.cover_id > 0)
			db_bind_int(st, 12, c.cover_id);
		db_bind_int(st, 13, in->featured ? 1 : 0);
		db_bind_int(st, 14, now);
		db_bind_int(st, 15, id);
		db_bind_int(st, 16, site_id);
		db_bind_text(st, 17, c.fields_text);
	}
	ok = db_step(st) == DB_DONE;
	db_reset(st);
	if (!ok)
		goto rollback;
	/* the intake record belongs to the item, not to a version of its text */
	st = db_stmt(db, "UPDATE items SET intake_unit = ?, intake_name = ?, intake_title = ?, intake_email = ?,"
			 " intake_phone = ?, intake_received_at = ?, deadline_kind = CASE WHEN ?8 <> 0 THEN ?9"
			 " ELSE deadline_kind END WHERE id = ?7");
	if (!st)
		goto rollback;
	for (int i = AF_I_UNIT; i <= AF_I_PHONE; i++)
		db_bind_text(st, 1 + i - AF_I_UNIT, c.v[i]);
	if (in->intake_received_at)
		db_bind_int(st, 6, in->intake_received_at);
	db_bind_int(st, 7, id);
	db_bind_int(st, 8, in->deadline_kind != NULL);
	db_bind_text(st, 9, in->deadline_kind && *in->deadline_kind ? in->deadline_kind : NULL);
	ok = db_step(st) == DB_DONE;
	db_reset(st);
	/* the received time and the kind set the update deadline (deadline.h) */
	if (!ok || item_derive(db, id) || deadline_refresh(db, NULL, id))
		goto rollback;
	if (in->set_attachments && attachments_write(db, a, site_id, id, att, natt))
		goto rollback;
	char obj[32];
	char action[64];
	snprintf(obj, sizeof(obj), "%s:%lld", c.kind->name, (long long)id);
	snprintf(action, sizeof(action), "%s.%s", c.kind->name, cur ? "edit" : "create");
	if (audit_write(db, a, site_id, action, obj, c.v[AF_TITLE]))
		goto rollback;
	if (db_commit(db))
		goto out;
	if (out_id)
		*out_id = id;
	rc = M_OK;
	goto out;
rollback:
	db_rollback(db);
out:
	json_decref(cur);
	clean_release(&c);
	return rc;
}

/* ---- revisions ---- */

json_t *article_revisions(struct db *db, const struct actor *a, int64_t site_id, int64_t id)
{
	json_t *art = article_get_admin(db, a, site_id, id);
	if (!art)
		return NULL;
	json_decref(art);
	struct db_stmt *st = db_stmt(db, "SELECT r.id, r.n, r.title, r.note, r.created_at, u.display_name AS created_by_name"
				       " FROM revisions r LEFT JOIN users u ON u.id = r.created_by"
				       " WHERE r.article_id = ? ORDER BY r.n DESC");
	if (!st)
		return json_array();
	db_bind_int(st, 1, id);
	return db_rows_json(st);
}

json_t *article_revision_get(struct db *db, const struct actor *a, int64_t site_id, int64_t id, int64_t rev_id)
{
	json_t *art = article_get_admin(db, a, site_id, id);
	if (!art)
		return NULL;
	json_decref(art);
	struct db_stmt *st = db_stmt(db, "SELECT r.*, u.display_name AS created_by_name FROM revisions r"
				       " LEFT JOIN users u ON u.id = r.created_by WHERE r.article_id = ? AND r.id = ?");
	if (!st)
		return NULL;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, rev_id);
	return db_one_json(st);
}

int article_revision_restore(struct db *db, const struct actor *a, int64_t site_id, int64_t id,
			     int64_t rev_id, struct errs *e)
{
	json_t *r = article_revision_get(db, a, site_id, id, rev_id);
	json_t *cur = r ? article_get_admin(db, a, site_id, id) : NULL;
	char note[64];
	if (!r || !cur) {
		json_decref(r);
		json_decref(cur);
		return M_NOTFOUND;
	}
	struct article_input in = { 0 };
#define S(k) json_string_value(json_object_get(r, k))
	in.title = S("title");
	in.summary = S("summary");
	in.body = S("body");
	in.author = S("author");
	in.cover_alt = S("cover_alt");
	in.src_author = S("src_author");
	in.src_name = S("src_name");
	in.src_url = S("src_url");
#undef S
	in.src_time = json_integer_value(json_object_get(r, "src_time"));
	json_t *rfields = json_loads(json_string_value(json_object_get(r, "fields")) ? json_string_value(json_object_get(r, "fields")) : "{}", 0, NULL);
	in.fields = rfields;
	in.category_id = json_integer_value(json_object_get(r, "category_id"));
	in.cover_id = json_is_integer(json_object_get(r, "cover_id")) ? json_integer_value(json_object_get(r, "cover_id")) : 0;
	in.featured = (int)json_integer_value(json_object_get(r, "featured"));
	/* the intake record is the item's: keep it as it is now */
	in.intake_unit = json_string_value(json_object_get(cur, "intake_unit"));
	in.intake_name = json_string_value(json_object_get(cur, "intake_name"));
	in.intake_title = json_string_value(json_object_get(cur, "intake_title"));
	in.intake_email = json_string_value(json_object_get(cur, "intake_email"));
	in.intake_phone = json_string_value(json_object_get(cur, "intake_phone"));
	in.intake_received_at = json_integer_value(json_object_get(cur, "intake_received_at"));
	snprintf(note, sizeof(note), "Khôi phục từ phiên bản %lld", (long long)json_integer_value(json_object_get(r, "n")));
	in.note = note;
	int rc = article_save(db, a, site_id, id, &in, e, NULL);
	json_decref(rfields);
	json_decref(r);
	json_decref(cur);
	return rc;
}

/* ---- the public side of the workflow ---- */

json_t *article_get_withdrawn(struct db *db, int64_t site_id, int64_t id)
{
	struct db_stmt *st = db_stmt(db, "SELECT id, title, slug, withdrawn_at, withdrawn_reason FROM items"
				       " WHERE site_id = ? AND id = ? AND state = 'withdrawn'");
	if (!st)
		return NULL;
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, id);
	return db_one_json(st);
}

json_t *article_corrections(struct db *db, int64_t id)
{
	struct db_stmt *st = db_stmt(db, "SELECT id, at, text FROM corrections WHERE article_id = ? ORDER BY at, id");
	if (!st)
		return json_array();
	db_bind_int(st, 1, id);
	return db_rows_json(st);
}

size_t article_from_components(struct db *db, int64_t main_site_id, int64_t limit, article_card_fn *fn, void *arg)
{
	/* Shares are accepted after their article is published (published_at <= decided_at), so
	 * walking the acceptances newest first (shares_target, in order) the newest LIMIT
	 * published are known as soon as an acceptance is older than the LIMIT-th best: only a
	 * few article rows are read, however many shares the years bring. At most the latest 500
	 * acceptances are looked at. PostgreSQL computes the whole LIMIT before the first row comes
	 * back, so the walk asks for a few more than LIMIT first and for more only when they did
	 * not settle it. */
	struct db_stmt *st = db_stmt(db, "SELECT sh.decided_at, a.published_at, a.id FROM shares sh INDEXED BY shares_target"
				       " CROSS JOIN items a ON a.id = sh.article_id"
				       " WHERE sh.to_site_id = ?1 AND sh.state = 'accepted' AND a.state = 'published' AND a.lang = 'vi'"
				       " ORDER BY sh.decided_at DESC LIMIT ?2");
	struct pick *best;
	size_t n = 0;
	if (!st || limit <= 0)
		return 0;
	best = xmalloc(st_mult((size_t)limit + 1, sizeof(*best)));
	for (int64_t page = limit * 2 + 8;; page = page * 5 < 500 ? page * 5 : 500) {
		int64_t rows = 0;
		int settled = 0;
		n = 0;
		db_bind_int(st, 1, main_site_id);
		db_bind_int(st, 2, page);
		while (db_step(st) == DB_ROW) {
			int64_t decided = db_col_int(st, 0);
			struct pick p = { db_col_int(st, 1), db_col_int(st, 2), 0 };
			rows++;
			if (n == (size_t)limit && decided < best[n - 1].published_at) {
				settled = 1; /* every older acceptance was published before the LIMIT-th best */
				break;
			}
			/* insertion into BEST, newest first, kept at LIMIT */
			size_t i = n;
			while (i > 0 && pick_newer(&p, &best[i - 1]) < 0) {
				best[i] = best[i - 1];
				i--;
			}
			best[i] = p;
			if (n < (size_t)limit)
				n++;
		}
		db_reset(st);
		if (settled || rows < page || page >= 500)
			break;
	}
	int64_t *ids = xmalloc(st_mult(n ? n : 1, sizeof(*ids)));
	for (size_t i = 0; i < n; i++)
		ids[i] = best[i].id;
	n = cards_of_ids(db, ids, NULL, NULL, n, 1, fn, arg);
	free(ids);
	free(best);
	return n;
}

const struct article_input_field article_input_fields[] = {
	{ "title", AIN_TEXT, offsetof(struct article_input, title) },
	{ "summary", AIN_TEXT, offsetof(struct article_input, summary) },
	{ "body", AIN_TEXT, offsetof(struct article_input, body) },
	{ "author", AIN_TEXT, offsetof(struct article_input, author) },
	{ "cover_alt", AIN_TEXT, offsetof(struct article_input, cover_alt) },
	{ "src_author", AIN_TEXT, offsetof(struct article_input, src_author) },
	{ "src_name", AIN_TEXT, offsetof(struct article_input, src_name) },
	{ "src_url", AIN_TEXT, offsetof(struct article_input, src_url) },
	{ "src_time", AIN_TIME, offsetof(struct article_input, src_time) },
	{ "intake_unit", AIN_TEXT, offsetof(struct article_input, intake_unit) },
	{ "intake_name", AIN_TEXT, offsetof(struct article_input, intake_name) },
	{ "intake_title", AIN_TEXT, offsetof(struct article_input, intake_title) },
	{ "intake_email", AIN_TEXT, offsetof(struct article_input, intake_email) },
	{ "intake_phone", AIN_TEXT, offsetof(struct article_input, intake_phone) },
	{ "intake_received_at", AIN_TIME, offsetof(struct article_input, intake_received_at) },
	{ "deadline_kind", AIN_TEXT, offsetof(struct article_input, deadline_kind) },
	{ "note", AIN_TEXT, offsetof(struct article_input, note) },
	{ "category_id", AIN_ID, offsetof(struct article_input, category_id) },
	{ "featured", AIN_FLAG, offsetof(struct article_input, featured) },
};
const size_t article_input_nfields = sizeof(article_input_fields) / sizeof(article_input_fields[0]);
