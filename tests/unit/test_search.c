/* test_search.c — the search of issue #4 over a fixed small corpus made through the model: a
 * table of queries with the results they must find, rank first, leave out; filters and pages;
 * bad queries; snippets; the index in step with publishing; suggestions. */
#include "t.h"
#include "base/sb.h"
#include "base/util.h"
#include "db/db.h"
#include "model/model.h"
#include "search/search.h"
#include "tdb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int cases_run, cases_ok;

/* One recorded case, counted for the closing "search: N/M cases passed" line. */
static void scase(const char *name, int ok, const char *detail)
{
	char label[600];
	snprintf(label, sizeof(label), "search: %s", name);
	t_case(label, ok, detail);
	cases_run++;
	cases_ok += ok;
}

/* A fresh migrated store (tdb.h): a SQLite file of this run, or a PostgreSQL database when
 * CONG_TEST_PG is set, so that the same cases run on both engines. */
static struct db *fresh_db(void)
{
	return t_fresh_db();
}

static void drop_db(struct db *db)
{
	if (db)
		db_close(db);
}

static int64_t day(int y, int m, int d)
{
	struct tm tm = { 0 };
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = 3;
	return (int64_t)timegm(&tm);
}

/* ---- the corpus ---- */

enum { S_MAIN, S_SNV, S_LONGHO, S_N };
enum { C_MAIN_NEWS, C_MAIN_DOCS, C_SNV_NEWS, C_SNV_CHILD, C_SNV_DOCS, C_LH_NEWS, C_N };
static const char *site_keys[S_N] = { "main", "snv", "longho" };
static const char *cat_keys[C_N] = { "main_news", "main_docs", "snv_news", "snv_child", "snv_docs", "lh_news" };
static int64_t site_id[S_N], cat_id[C_N];

/* NFD spellings (as some phones send them) */
#define NFD_KHUYEN "Khuye\xcc\x82\xcc\x81n"         /* Khuyến: e + circumflex + acute */
#define NFD_HOC "ho\xcc\xa3\x63"                    /* học: o + dot below + c */
#define NFD_TAI "ta\xcc\x80i"                       /* tài */
#define NFD_QUY "Quy\xcc\x83"                       /* Quỹ */
#define NFD_BONG "bo\xcc\x82\xcc\x89ng"             /* bổng */

static const struct art {
	const char *key;
	int site, cat;
	const char *title, *summary, *body;
	int y, m, d;
	int publish; /* 0: stays a draft here */
} corpus[] = {
	{ "table", S_SNV, C_SNV_CHILD, "Bàn giao công trình trường học", "", "<p>Công trình gồm mười phòng.</p>", 2024, 5, 1, 1 },
	{ "sell", S_SNV, C_SNV_CHILD, "Phiên chợ bán nông sản", "", "<p>Nông dân mang sản phẩm ra chợ.</p>", 2024, 5, 2, 1 },
	{ "sell_body", S_SNV, C_SNV_NEWS, "Chợ phiên cuối tuần", "", "<p>Bà con bán rau sạch.</p>", 2024, 4, 20, 1 },
	{ "friend", S_MAIN, C_MAIN_NEWS, "Kết nối bạn trẻ khởi nghiệp", "", "<p>Chương trình dành cho thanh niên.</p>", 2024, 5, 3, 1 },
	{ "board", S_LONGHO, C_LH_NEWS, "Ban chỉ đạo phòng chống thiên tai họp", "", "<p>Chuẩn bị ứng phó mùa mưa.</p>", 2024, 5, 4, 1 },
	{ "hoa_new", S_SNV, C_SNV_CHILD, "Hội nghị hoà giải ở cơ sở", "", "<p>Tập huấn kỹ năng cho tổ viên.</p>", 2024, 5, 5, 1 },
	{ "hoa_old", S_MAIN, C_MAIN_NEWS, "Khen thưởng hòa giải viên xuất sắc", "", "<p>Mười hai cá nhân được khen.</p>", 2024, 5, 6, 1 },
	{ "thuy_new", S_LONGHO, C_LH_NEWS, "Nghiệm thu công trình thuỷ lợi", "", "<p>Công trình tưới cho vùng lúa.</p>", 2024, 5, 7, 1 },
	{ "thuy_old", S_SNV, C_SNV_NEWS, "Nạo vét kênh thủy lợi vùng trũng", "", "<p>Kênh dài ba cây số.</p>", 2024, 5, 8, 1 },
	{ "quy", S_SNV, C_SNV_CHILD, "Sơ kết quý I năm 2024", "", "<p>Các chỉ tiêu đều đạt.</p>", 2024, 5, 9, 1 },
	{ "quy_old", S_MAIN, C_MAIN_NEWS, "Tổng kết qúy III", "", "<p>Kết quả khả quan.</p>", 2024, 5, 10, 1 },
	{ "danang", S_MAIN, C_MAIN_NEWS, "Đoàn công tác thăm Đà Nẵng", "", "<p>Trao đổi kinh nghiệm quản lý.</p>", 2024, 5, 11, 1 },
	{ "duong_road", S_LONGHO, C_LH_NEWS, "Khánh thành đường giao thông nông thôn", "", "<p>Mặt đường rộng bốn mét.</p>", 2024, 5, 12, 1 },
	{ "duong_name", S_SNV, C_SNV_CHILD, "Ông Dương Văn Lành nhận bằng khen", "", "<p>Gương người tốt việc tốt.</p>", 2024, 5, 13, 1 },
	{ "nfd", S_SNV, C_SNV_CHILD, NFD_KHUYEN " " NFD_HOC " khuyến " NFD_TAI, "",
	  "<p>" NFD_QUY " khuyến " NFD_HOC " trao " NFD_HOC " " NFD_BONG ".</p>", 2024, 5, 14, 1 },
	{ "upper", S_SNV, C_SNV_CHILD, "THÔNG BÁO TUYỂN DỤNG VIÊN CHỨC", "", "<p>HỒ SƠ NỘP TRƯỚC NGÀY 30.</p>", 2024, 5, 15, 1 },
	{ "qd12_24", S_MAIN, C_MAIN_DOCS, "Quyết định số 12/2024/QĐ-UBND về phân cấp quản lý", "",
	  "<p>Quyết định có hiệu lực từ ngày ký.</p>", 2024, 5, 16, 1 },
	{ "qd12_23", S_SNV, C_SNV_DOCS, "Quyết định số 12/2023/QĐ-UBND về quy chế làm việc", "",
	  "<p>Quyết định có hiệu lực từ ngày ký.</p>", 2023, 5, 16, 1 },
	{ "qd13_24", S_SNV, C_SNV_DOCS, "Quyết định số 13/2024/QĐ-UBND về giá đất", "",
	  "<p>Quyết định có hiệu lực từ ngày ký.</p>", 2024, 5, 17, 1 },
	{ "eth", S_MAIN, C_MAIN_DOCS, "Quyết định số 7/2024/Q\xc3\x90-UBND về giờ làm việc mùa hè", "", /* Ð U+00D0 */
	  "<p>Quyết định có hiệu lực từ ngày ký.</p>", 2024, 4, 1, 1 },
	{ "nq05", S_MAIN, C_MAIN_NEWS, "Triển khai chính sách hỗ trợ nhà ở", "",
	  "<p>Căn cứ Nghị quyết số 05/2024/NQ-HĐND của HĐND tỉnh.</p>", 2024, 5, 18, 1 },
	{ "cchc", S_SNV, C_SNV_CHILD, "Cải cách hành chính trong năm mới", "", "<p>Rút ngắn thời gian giải quyết.</p>", 2024, 5, 19, 1 },
	{ "scattered", S_MAIN, C_MAIN_NEWS, "Hành chính công và cải cách thể chế", "", "<p>Nâng cao chất lượng phục vụ.</p>", 2024, 5, 20, 1 },
	{ "lehoi_vh", S_LONGHO, C_LH_NEWS, "Lễ hội văn hoá dân gian", "", "<p>Nhiều trò chơi truyền thống.</p>", 2024, 5, 21, 1 },
	{ "lehoi_at", S_LONGHO, C_LH_NEWS, "Lễ hội ẩm thực đường phố", "", "<p>Hơn năm mươi gian hàng.</p>", 2024, 5, 22, 1 },
	{ "tc23", S_SNV, C_SNV_CHILD, "Tiêm chủng mở rộng đợt một", "", "<p>Trẻ dưới một tuổi.</p>", 2023, 3, 1, 1 },
	{ "tc24", S_LONGHO, C_LH_NEWS, "Tiêm chủng mở rộng đợt hai", "", "<p>Tại các trạm y tế.</p>", 2024, 6, 1, 1 },
	{ "tc25", S_MAIN, C_MAIN_NEWS, "Tiêm chủng mở rộng đợt ba", "", "<p>Đợt cuối năm.</p>", 2025, 1, 10, 1 },
	{ "draft", S_SNV, C_SNV_CHILD, "Tiêm chủng cho người lớn", "", "<p>Bản nháp chưa duyệt.</p>", 2024, 7, 1, 0 },
	{ "withdrawn", S_SNV, C_SNV_CHILD, "Thông báo lịch tiếp công dân", "", "<p>Lãnh đạo tiếp công dân vào thứ năm.</p>", 2024, 7, 2, 1 },
	{ "fresh", S_SNV, C_SNV_CHILD, "Hướng dẫn khai sinh trực tuyến", "", "<p>Nộp hồ sơ qua cổng dịch vụ công.</p>", 2024, 7, 3, 0 },
	{ "escape", S_MAIN, C_MAIN_NEWS, "Giá sàn & giá trần", "", "<p>Quy định về sàn &amp; trần &lt;giá&gt; mới.</p>", 2024, 7, 4, 1 },
	{ "khuyenhoc_body", S_LONGHO, C_LH_NEWS, "Trao học bổng cho học sinh nghèo", "", "<p>Quỹ khuyến học của xã hỗ trợ.</p>", 2024, 7, 5, 1 },
	{ "long", S_SNV, C_SNV_CHILD, "Phát triển nông nghiệp địa phương", "", NULL, 2024, 7, 6, 1 },
	{ "summary", S_LONGHO, C_LH_NEWS, "Tin vắn trong tuần", "Sáp nhập ấp Phú Thạnh", "<p>Các tin ngắn.</p>", 2024, 7, 7, 1 },
	{ "scheduled", S_SNV, C_SNV_CHILD, "Lịch cắt điện định kỳ", "", "<p>Điện lực thông báo.</p>", 2024, 7, 8, 0 },
};
#define N_ART (sizeof(corpus) / sizeof(corpus[0]))
static int64_t art_id[N_ART];

static int art_index(const char *key)
{
	for (size_t i = 0; i < N_ART; i++)
		if (strcmp(corpus[i].key, key) == 0)
			return (int)i;
	return -1;
}

static const char *art_key(int64_t id)
{
	for (size_t i = 0; i < N_ART; i++)
		if (art_id[i] == id)
			return corpus[i].key;
	return "?";
}

static int64_t add_site(struct db *db, const char *name, const char *kind)
{
	struct site_input in = { 0 };
	struct errs e = { 0 };
	int64_t id = 0;
	in.name = name;
	in.kind = kind;
	return site_add(db, &in, &e, &id, NULL) ? 0 : id;
}

static int64_t add_cat(struct db *db, int64_t site, const char *name, int64_t parent)
{
	struct category_input ci = { name, NULL, "", parent, 1, NULL };
	struct errs e = { 0 };
	int64_t id = 0;
	return category_save(db, &actor_cli, site, 0, &ci, &e, &id) == M_OK ? id : 0;
}

/* A long body whose only "đặc sản" is far from the start, for the snippet's window. */
static char *long_body(void)
{
	static char buf[8192];
	size_t n = 0;
	n += (size_t)snprintf(buf + n, sizeof(buf) - n, "<p>");
	for (int i = 0; i < 20; i++)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "Người dân chăm sóc vườn cây quanh năm. ");
	n += (size_t)snprintf(buf + n, sizeof(buf) - n, "Bưởi là đặc sản lâu đời của vùng. ");
	for (int i = 0; i < 10; i++)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "Người dân chăm sóc vườn cây quanh năm. ");
	snprintf(buf + n, sizeof(buf) - n, "</p>");
	return buf;
}

static int build_corpus(struct db *db)
{
	site_id[S_MAIN] = add_site(db, "Cổng Thông tin điện tử tỉnh", "main");
	site_id[S_SNV] = add_site(db, "Sở Nội vụ", NULL);
	site_id[S_LONGHO] = add_site(db, "Huyện Long Hồ", NULL);
	if (!site_id[S_MAIN] || !site_id[S_SNV] || !site_id[S_LONGHO])
		return -1;
	cat_id[C_MAIN_NEWS] = add_cat(db, site_id[S_MAIN], "Tin tức", 0);
	cat_id[C_MAIN_DOCS] = add_cat(db, site_id[S_MAIN], "Văn bản", 0);
	cat_id[C_SNV_NEWS] = add_cat(db, site_id[S_SNV], "Tin tức", 0);
	cat_id[C_SNV_CHILD] = add_cat(db, site_id[S_SNV], "Tin hoạt động", cat_id[C_SNV_NEWS]);
	cat_id[C_SNV_DOCS] = add_cat(db, site_id[S_SNV], "Văn bản", 0);
	cat_id[C_LH_NEWS] = add_cat(db, site_id[S_LONGHO], "Tin tức", 0);
	for (int i = 0; i < C_N; i++)
		if (!cat_id[i])
			return -1;
	for (size_t i = 0; i < N_ART; i++) {
		const struct art *a = &corpus[i];
		struct article_input in = { 0 };
		struct errs e = { 0 };
		in.title = a->title;
		in.summary = a->summary;
		in.body = a->body ? a->body : long_body();
		in.category_id = cat_id[a->cat];
		if (article_save(db, &actor_cli, site_id[a->site], 0, &in, &e, &art_id[i]) != M_OK) {
			printf("  corpus: cannot save %s (%s: %s)\n", a->key, e.n ? e.e[0].field : "",
			       e.n ? e.e[0].key : "");
			return -1;
		}
		if (a->publish &&
		    article_publish_cli(db, site_id[a->site], art_id[i], day(a->y, a->m, a->d)) != M_OK) {
			printf("  corpus: cannot publish %s\n", a->key);
			return -1;
		}
	}
	return 0;
}

/* PostgreSQL: whether search_vocab has every folded word of the index with its number of items,
 * and nothing else (ts_stat counts them from the tsvectors). */
static int pg_vocab_in_step(struct db *db)
{
	struct db_stmt *st = db_prepare(db, "SELECT count(*) FROM ((SELECT term, doc FROM search_vocab"
					    " EXCEPT SELECT word, ndoc FROM ts_stat('SELECT tsv_f FROM search_fts'))"
					    " UNION ALL (SELECT word, ndoc FROM ts_stat('SELECT tsv_f FROM search_fts')"
					    " EXCEPT SELECT term, doc FROM search_vocab)) AS d");
	int ok = st && db_step(st) == DB_ROW && db_col_int(st, 0) == 0;
	db_finalize(st);
	return ok;
}

/* SQLite: whether search_vocab (kept by search_index_article and search_reindex) counts every
 * word of the index in as many items as FTS5 itself does (fts5vocab reads the doclists), bigrams
 * and filter tokens aside. */
static int lite_vocab_in_step(struct db *db)
{
	if (db_exec(db, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.sv USING fts5vocab(main, search_fts, 'row')"))
		return 0;
	struct db_stmt *st = db_prepare(db, "WITH f AS (SELECT term, doc FROM temp.sv WHERE instr(term, char(450)) = 0"
					    " AND term NOT LIKE 'zsite%' AND term NOT LIKE 'zkind%')"
					    " SELECT (SELECT count(*) FROM (SELECT term, doc FROM search_vocab EXCEPT SELECT term, doc FROM f))"
					    " + (SELECT count(*) FROM (SELECT term, doc FROM f EXCEPT SELECT term, doc FROM search_vocab))");
	int ok = st && db_step(st) == DB_ROW && db_col_int(st, 0) == 0;
	if (st && !ok) {
		db_finalize(st);
		st = db_prepare(db, "SELECT term, doc FROM search_vocab EXCEPT SELECT term, doc FROM temp.sv"
				    " UNION ALL SELECT * FROM (SELECT term, doc FROM temp.sv WHERE instr(term, char(450)) = 0"
				    " AND term NOT LIKE 'z%' EXCEPT SELECT term, doc FROM search_vocab) LIMIT 6");
		while (st && db_step(st) == DB_ROW)
			printf("  vocab: %s %lld in search_vocab, not so in the index\n", db_col_text(st, 0), (long long)db_col_int(st, 1));
	}
	db_finalize(st);
	return ok;
}

/* SQLite: the whole index as text — every item's stored row (search_doc), the vocabulary, and
 * every token FTS5 holds with its item, column and position (fts5vocab 'instance'); malloc'd. */
static char *lite_index_text(struct db *db)
{
	static const char *const sql[] = {
		"SELECT id || ':' || bytes || ':' || hex(z) FROM search_doc ORDER BY id",
		"SELECT term || ':' || doc FROM search_vocab ORDER BY term",
		"SELECT term || ':' || doc || ':' || col || ':' || offset FROM temp.si ORDER BY term, doc, col, offset",
	};
	struct sb b = SB_INIT;
	if (db_exec(db, "DROP TABLE IF EXISTS temp.si") ||
	    db_exec(db, "CREATE VIRTUAL TABLE temp.si USING fts5vocab(main, search_fts, 'instance')"))
		return xstrdup("(no index)");
	for (size_t i = 0; i < ARRAY_SIZE(sql); i++) {
		struct db_stmt *st = db_prepare(db, sql[i]);
		while (st && db_step(st) == DB_ROW) {
			sb_adds(&b, db_col_text(st, 0));
			sb_addc(&b, '\n');
		}
		db_finalize(st);
		sb_adds(&b, "--\n");
	}
	db_exec(db, "DROP TABLE IF EXISTS temp.si");
	return sb_detach(&b, NULL);
}

static void cancel_after_two(int64_t done, int64_t total, void *arg)
{
	int *calls = arg;
	(void)total;
	if (done > 0 && ++*calls == 2)
		search_reindex_cancel();
}

/* ---- running and checking ---- */

/* Ids of the results of R, in order (at most 64). */
static size_t result_ids(json_t *r, int64_t *ids)
{
	json_t *rows = json_object_get(r, "results"), *row;
	size_t i, n = 0;
	json_array_foreach(rows, i, row) {
		if (n < 64)
			ids[n++] = json_integer_value(json_object_get(row, "id"));
	}
	return n;
}

/* Parses "k1 k2 …" into ids; "-" is the empty list. Returns the count or -1 on an unknown key. */
static int key_list(const char *s, int64_t *ids)
{
	char buf[512];
	int n = 0;
	if (!s || strcmp(s, "-") == 0)
		return 0;
	snprintf(buf, sizeof(buf), "%s", s);
	for (char *save = NULL, *k = strtok_r(buf, " ", &save); k; k = strtok_r(NULL, " ", &save)) {
		int i = art_index(k);
		if (i < 0)
			return -1;
		ids[n++] = art_id[i];
	}
	return n;
}

static int has_id(const int64_t *ids, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

static void describe(struct sb *d, const int64_t *ids, size_t n)
{
	sb_addc(d, '[');
	for (size_t i = 0; i < n; i++)
		sb_addf(d, "%s%s", i ? " " : "", art_key(ids[i]));
	sb_addc(d, ']');
}

struct scase_def {
	const char *q;
	const char *top;  /* these first, in any order */
	const char *set;  /* exactly these, in any order ("-": nothing) */
	const char *not;  /* none of these */
	const char *site, *cat, *from, *to, *kind;
	int limit, offset;
	int64_t total; /* checked when > 0 or when set is "-" */
	int nresults;  /* number of rows on this page, checked when >= 0 ... */
	int check_rows;
};

static int64_t key_id(const char *key, const char *const *keys, const int64_t *ids, int n)
{
	for (int i = 0; key && i < n; i++)
		if (strcmp(keys[i], key) == 0)
			return ids[i];
	return 0;
}

static int64_t date_arg(const char *s)
{
	int y, m, d;
	return s && sscanf(s, "%d-%d-%d", &y, &m, &d) == 3 ? day(y, m, d) - 3 * 3600 : 0;
}

static void run_case(struct db *db, const struct scase_def *c)
{
	struct search_params p = { 0 };
	int64_t got[64], top[64], set[64], not[64];
	struct sb d = SB_INIT, name = SB_INIT;
	int ok = 1;
	p.q = c->q;
	p.site_id = key_id(c->site, site_keys, site_id, S_N);
	p.category_id = key_id(c->cat, cat_keys, cat_id, C_N);
	p.from = date_arg(c->from);
	p.to = date_arg(c->to);
	p.kind = c->kind;
	p.limit = c->limit ? c->limit : 50;
	p.offset = c->offset;
	sb_adds(&name, c->q);
	if (c->site || c->cat || c->from || c->to || c->kind || c->limit || c->offset)
		sb_addf(&name, " {%s%s%s%s%s%s%s%s%s%s limit=%d offset=%d}", c->site ? " site=" : "", c->site ? c->site : "",
			c->cat ? " cat=" : "", c->cat ? c->cat : "", c->from ? " from=" : "", c->from ? c->from : "",
			c->to ? " to=" : "", c->to ? c->to : "", c->kind ? " kind=" : "", c->kind ? c->kind : "",
			c->limit, c->offset);

	json_t *r = search_run(db, &p);
	size_t n = r ? result_ids(r, got) : 0;
	int64_t total = r ? json_integer_value(json_object_get(r, "total")) : -1;
	int ntop = key_list(c->top, top), nset = key_list(c->set, set), nnot = key_list(c->not, not);
	if (!r || ntop < 0 || nset < 0 || nnot < 0) {
		scase(name.buf, 0, !r ? "search_run returned NULL" : "unknown key in the case");
		goto out;
	}
	if (ntop > 0) { /* the first NTOP results are the TOP ids */
		int t = (size_t)ntop <= n;
		for (int i = 0; t && i < ntop; i++)
			t = has_id(top, (size_t)ntop, got[i]);
		if (!t) {
			sb_adds(&d, "rank: want first ");
			describe(&d, top, (size_t)ntop);
			sb_adds(&d, "; ");
			ok = 0;
		}
	}
	if (c->set) {
		int s = (size_t)nset == n && total == nset;
		for (int i = 0; s && i < nset; i++)
			s = has_id(got, n, set[i]);
		if (!s) {
			sb_adds(&d, "set: want ");
			describe(&d, set, (size_t)nset);
			sb_adds(&d, "; ");
			ok = 0;
		}
	}
	for (int i = 0; i < nnot; i++)
		if (has_id(got, n, not[i])) {
			sb_addf(&d, "must not find %s; ", art_key(not[i]));
			ok = 0;
		}
	if (c->total > 0 && total != c->total) {
		sb_addf(&d, "total: want %lld; ", (long long)c->total);
		ok = 0;
	}
	if (c->check_rows && (int)n != c->nresults) {
		sb_addf(&d, "rows: want %d; ", c->nresults);
		ok = 0;
	}
	if (!ok) {
		sb_addf(&d, "got total %lld ", (long long)total);
		describe(&d, got, n);
	}
	scase(name.buf, ok, ok ? NULL : d.buf);
out:
	json_decref(r);
	sb_release(&d);
	sb_release(&name);
}

/* The table: every matching rule of issue #4 on the corpus above. */
static const struct scase_def table[] = {
	/* diacritics: none finds every spelling; some rank the exact spelling first */
	{ .q = "ban", .set = "table sell sell_body friend board" },
	{ .q = "bán", .top = "sell sell_body", .set = "table sell sell_body friend board" }, /* exact in the body too */
	{ .q = "bàn", .top = "table", .set = "table sell sell_body friend board" },
	{ .q = "bạn", .top = "friend", .set = "table sell sell_body friend board" },
	{ .q = "BÁN", .top = "sell sell_body", .set = "table sell sell_body friend board" },
	{ .q = "Bán", .top = "sell sell_body" },
	{ .q = "ba\xcc\x81n", .top = "sell sell_body", .set = "table sell sell_body friend board" }, /* NFD bán */
	{ .q = "BA\xcc\x80N", .top = "table" },                                    /* NFD BÀN */
	/* tone placement: hoà = hòa, thuỷ = thủy, quý = qúy */
	{ .q = "hoà giải", .set = "hoa_new hoa_old" },
	{ .q = "hòa giải", .set = "hoa_new hoa_old" },
	{ .q = "hoa giai", .set = "hoa_new hoa_old" },
	{ .q = "HOÀ GIẢI", .set = "hoa_new hoa_old" },
	{ .q = "ho\xcc\x80" "a gia\xcc\x89i", .set = "hoa_new hoa_old" }, /* NFD, old placement */
	{ .q = "hoà giải \xcc\x80", .set = "hoa_new hoa_old" }, /* a stray combining grave after a space */
	{ .q = "hoà", .top = "hoa_new hoa_old", .set = "hoa_new hoa_old lehoi_vh" },
	{ .q = "hòa", .top = "hoa_new hoa_old", .set = "hoa_new hoa_old lehoi_vh" },
	{ .q = "văn hóa", .set = "lehoi_vh" },
	{ .q = "thuỷ lợi", .set = "thuy_new thuy_old" },
	{ .q = "thủy lợi", .set = "thuy_new thuy_old" },
	{ .q = "thuy loi", .set = "thuy_new thuy_old" },
	{ .q = "THỦY LỢI", .set = "thuy_new thuy_old" },
	{ .q = "thu\xcc\x89y lo\xcc\x9b\xcc\xa3i", .set = "thuy_new thuy_old" }, /* NFD thủy lợi */
	{ .q = "quý", .top = "quy quy_old", .set = "quy quy_old qd12_23 escape nfd khuyenhoc_body" },
	{ .q = "qúy", .top = "quy quy_old", .set = "quy quy_old qd12_23 escape nfd khuyenhoc_body" },
	{ .q = "QUÝ", .top = "quy quy_old" },
	{ .q = "quy", .set = "quy quy_old qd12_23 escape nfd khuyenhoc_body" },
	/* đ = d, case */
	{ .q = "đà nẵng", .set = "danang" },
	{ .q = "da nang", .set = "danang" },
	{ .q = "ĐÀ NẴNG", .set = "danang" },
	{ .q = "\xc4\x90" "a\xcc\x80 Na\xcc\x86\xcc\x83ng", .set = "danang" }, /* NFD Đà Nẵng */
	{ .q = "dà nẵng", .set = "danang" },
	{ .q = "đường", .top = "duong_road lehoi_at", .set = "duong_road lehoi_at duong_name" },
	{ .q = "duong", .set = "duong_road lehoi_at duong_name" },
	{ .q = "ĐƯỜNG", .top = "duong_road lehoi_at" },
	{ .q = "Dương", .top = "duong_name", .set = "duong_road lehoi_at duong_name" },
	/* stored from NFD, searched in NFC and NFD; title above body */
	{ .q = "khuyến học", .top = "nfd", .set = "nfd khuyenhoc_body" },
	{ .q = "khuyen hoc", .top = "nfd", .set = "nfd khuyenhoc_body" },
	{ .q = "khuyến tài", .set = "nfd" },
	{ .q = "khuye\xcc\x82\xcc\x81n ta\xcc\x80i", .set = "nfd" },
	{ .q = "học bổng", .set = "nfd khuyenhoc_body" },
	{ .q = "tuyển dụng", .set = "upper" },
	{ .q = "TUYEN DUNG", .set = "upper" },
	{ .q = "Tuyển Dụng Viên Chức", .set = "upper" },
	{ .q = "hồ sơ", .top = "upper", .set = "upper nq05", .not = "fresh" }, /* nq05: "hỗ trợ", "số" */
	{ .q = "\"hồ sơ\"", .set = "upper", .not = "fresh" },
	{ .q = "sáp nhập", .set = "summary" }, /* the summary is searched too */
	/* document numbers in any common form */
	{ .q = "12/2024/QĐ-UBND", .set = "qd12_24" },
	{ .q = "12/2024/qd-ubnd", .set = "qd12_24" },
	{ .q = "12/2024/QD-UBND", .set = "qd12_24" },
	{ .q = "QĐ 12/2024", .set = "qd12_24" },
	{ .q = "qd 12/2024", .set = "qd12_24" },
	{ .q = "Quyết định 12/2024", .set = "qd12_24" },
	{ .q = "số 12/2024/QĐ-UBND", .set = "qd12_24" },
	{ .q = "QĐ-UBND 12/2024", .set = "qd12_24" },
	{ .q = "12 / 2024 / QĐ - UBND", .set = "qd12_24" },
	{ .q = "Q\xc3\x90 7/2024", .set = "eth" }, /* Ð U+00D0 typed too */
	{ .q = "12/2024", .set = "qd12_24", .not = "qd12_23 qd13_24" },
	{ .q = "12/2023/QĐ-UBND", .set = "qd12_23" },
	{ .q = "13/2024/QĐ-UBND", .set = "qd13_24" },
	{ .q = "QĐ-UBND", .set = "qd12_24 qd12_23 qd13_24 eth" },
	{ .q = "7/2024/QĐ-UBND", .set = "eth" }, /* written with Ð (U+00D0), as text from old fonts is */
	{ .q = "7/2024/qd-ubnd", .set = "eth" },
	{ .q = "05/2024/NQ-HĐND", .set = "nq05" },
	{ .q = "05/2024/nq-hdnd", .set = "nq05" },
	{ .q = "NQ 05/2024", .set = "nq05" },
	{ .q = "14/2024/QĐ-UBND", .set = "-" },
	/* phrases */
	{ .q = "\"cải cách hành chính\"", .set = "cchc" },
	{ .q = "cải cách hành chính", .set = "cchc scattered" },
	{ .q = "\"cai cach hanh chinh\"", .set = "cchc" },
	{ .q = "\"hành chính cải cách\"", .set = "-" },
	{ .q = "\"cải cách hành chính", .set = "cchc" }, /* unbalanced: to the end */
	{ .q = "\"hoà giải\"", .set = "hoa_new hoa_old" },
	{ .q = "\"lễ hội văn hoá\"", .set = "lehoi_vh" },
	/* exclusions */
	{ .q = "lễ hội", .set = "lehoi_vh lehoi_at" },
	{ .q = "lễ hội -ẩm", .set = "lehoi_vh" },
	{ .q = "le hoi -am", .set = "lehoi_vh" },
	{ .q = "lễ hội -\"ẩm thực\"", .set = "lehoi_vh" },
	{ .q = "lễ hội -đường", .set = "lehoi_vh" },
	{ .q = "lễ hội -dương", .set = "lehoi_vh lehoi_at" }, /* "-dương" leaves out that spelling only */
	{ .q = "tiêm chủng -hai", .set = "tc23 tc25" },
	{ .q = "tiêm chủng -đợt", .set = "-" },
	{ .q = "-tiêm", .set = "-" },
	/* filters: site, category (with subcategories), dates, kind; drafts never */
	{ .q = "tiêm chủng", .set = "tc23 tc24 tc25", .not = "draft" },
	{ .q = "tiêm chủng", .site = "snv", .set = "tc23" },
	{ .q = "tiêm chủng", .site = "longho", .set = "tc24" },
	{ .q = "tiêm chủng", .site = "main", .set = "tc25" },
	{ .q = "tiêm chủng", .cat = "snv_news", .set = "tc23" },
	{ .q = "tiêm chủng", .cat = "snv_child", .set = "tc23" },
	{ .q = "tiêm chủng", .cat = "snv_docs", .set = "-" },
	{ .q = "tiêm chủng", .from = "2024-01-01", .set = "tc24 tc25" },
	{ .q = "tiêm chủng", .to = "2024-01-01", .set = "tc23" },
	{ .q = "tiêm chủng", .from = "2024-01-01", .to = "2025-01-01", .set = "tc24" },
	{ .q = "tiêm chủng", .kind = "article", .set = "tc23 tc24 tc25" },
	{ .q = "tiêm chủng", .kind = "page", .set = "-" },
	{ .q = "QĐ-UBND", .site = "snv", .set = "qd12_23 qd13_24" },
	{ .q = "công trình", .site = "longho", .set = "thuy_new" },
	/* pages: the count stays, the rows move */
	{ .q = "tiêm chủng", .limit = 1, .offset = 0, .total = 3, .nresults = 1, .check_rows = 1 },
	{ .q = "tiêm chủng", .limit = 1, .offset = 2, .total = 3, .nresults = 1, .check_rows = 1 },
	{ .q = "tiêm chủng", .limit = 2, .offset = 2, .total = 3, .nresults = 1, .check_rows = 1 },
	{ .q = "tiêm chủng", .limit = 1, .offset = 3, .total = 3, .nresults = 0, .check_rows = 1 },
};

TEST(search_table)
{
	struct db *db = fresh_db();
	if (!CHECK(db != NULL) || !CHECK(build_corpus(db) == 0))
		goto out;
	for (size_t i = 0; i < ARRAY_SIZE(table); i++)
		run_case(db, &table[i]);

	/* pages cover the whole result once */
	{
		int64_t seen[3] = { 0 };
		int ok = 1;
		for (int off = 0; off < 3; off++) {
			struct search_params p = { .q = "tiêm chủng", .limit = 1, .offset = off };
			json_t *r = search_run(db, &p);
			int64_t ids[64];
			size_t n = result_ids(r, ids);
			ok &= n == 1 && !has_id(seen, (size_t)off, ids[0]);
			if (n)
				seen[off] = ids[0];
			json_decref(r);
		}
		ok &= has_id(seen, 3, art_id[art_index("tc23")]) && has_id(seen, 3, art_id[art_index("tc24")]) &&
		      has_id(seen, 3, art_id[art_index("tc25")]);
		scase("tiêm chủng: three pages of one hold the three items once", ok, NULL);
	}

	/* snippets: escaped text, <mark> around every spelling of the query's words */
	{
		struct search_params p = { .q = "sàn", .limit = 50 };
		json_t *r = search_run(db, &p), *row, *hit = NULL;
		size_t i;
		json_array_foreach(json_object_get(r, "results"), i, row)
			if (json_integer_value(json_object_get(row, "id")) == art_id[art_index("escape")])
				hit = row;
		const char *snip = hit ? json_string_value(json_object_get(hit, "snippet_html")) : NULL;
		const char *title = hit ? json_string_value(json_object_get(hit, "title_html")) : NULL;
		char detail[512];
		snprintf(detail, sizeof(detail), "snippet_html=%s title_html=%s", snip ? snip : "(none)",
			 title ? title : "(none)");
		scase("sàn: snippet escapes & and < and marks the word",
		      snip && strstr(snip, "<mark>sàn</mark>") && strstr(snip, "&amp;") && strstr(snip, "&lt;giá&gt;") &&
			      !strstr(snip, "<giá>") && !strstr(snip, " & "),
		      detail);
		scase("sàn: title_html escapes & and marks the word",
		      title && strcmp(title, "Giá <mark>sàn</mark> &amp; giá trần") == 0, detail);
		json_decref(r);
	}
	{
		struct search_params p = { .q = "hoa giai", .limit = 50 };
		json_t *r = search_run(db, &p), *row;
		size_t i;
		int ok = 0;
		char detail[512] = "";
		json_array_foreach(json_object_get(r, "results"), i, row)
			if (json_integer_value(json_object_get(row, "id")) == art_id[art_index("hoa_new")]) {
				const char *t = json_string_value(json_object_get(row, "title_html"));
				ok = t && strstr(t, "<mark>hoà</mark> <mark>giải</mark>");
				snprintf(detail, sizeof(detail), "title_html=%s", t ? t : "(none)");
			}
		scase("hoa giai: title_html marks hoà giải", ok, detail);
		json_decref(r);
	}
	{
		struct search_params p = { .q = "đặc sản", .limit = 50 };
		json_t *r = search_run(db, &p), *row;
		size_t i;
		int ok = 0;
		char detail[1024] = "not found";
		json_array_foreach(json_object_get(r, "results"), i, row)
			if (json_integer_value(json_object_get(row, "id")) == art_id[art_index("long")]) {
				const char *s = json_string_value(json_object_get(row, "snippet_html"));
				ok = s && strncmp(s, "… ", strlen("… ")) == 0 && strstr(s, "<mark>đặc</mark> <mark>sản</mark>") &&
				     strlen(s) < strlen(long_body()) / 2;
				snprintf(detail, sizeof(detail), "snippet_html=%s", s ? s : "(none)");
			}
		scase("đặc sản: the snippet is a window around the hit", ok, detail);
		json_decref(r);
	}

	{
		struct search_params p = { .q = "sáp nhập", .limit = 50 };
		json_t *r = search_run(db, &p), *row = json_array_get(json_object_get(r, "results"), 0);
		const char *snip = row ? json_string_value(json_object_get(row, "snippet_html")) : NULL;
		char detail[512];
		snprintf(detail, sizeof(detail), "snippet_html=%s", snip ? snip : "(none)");
		scase("sáp nhập: a match in the summary is highlighted in the snippet",
		      snip && strstr(snip, "<mark>Sáp</mark> <mark>nhập</mark>") /* as written: the case is kept */, detail);
		json_decref(r);
	}

	/* the index follows publishing at once: withdrawn goes, republished and new come */
	{
		struct search_params p = { .q = "tiếp công dân", .limit = 10 };
		int64_t wid = art_id[art_index("withdrawn")], ids[64];
		json_t *r = search_run(db, &p);
		size_t n = result_ids(r, ids);
		scase("tiếp công dân: found while published", n == 1 && ids[0] == wid, NULL);
		json_decref(r);
		struct act_input why = { "Thông tin đã cũ", NULL, 0 };
		struct errs e = { 0 };
		int rc = article_act(db, &actor_cli, site_id[S_SNV], wid, "withdraw", &why, &e);
		r = search_run(db, &p);
		n = result_ids(r, ids);
		scase("tiếp công dân: gone at once after withdraw", rc == M_OK && n == 0 &&
		      json_integer_value(json_object_get(r, "total")) == 0, NULL);
		json_decref(r);
		struct act_input again = { "", NULL, 0 };
		rc = article_act(db, &actor_cli, site_id[S_SNV], wid, "publish", &again, &e);
		r = search_run(db, &p);
		n = result_ids(r, ids);
		scase("tiếp công dân: back at once when published again", rc == M_OK && n == 1 && ids[0] == wid, NULL);
		json_decref(r);
	}
	{
		struct search_params p = { .q = "khai sinh", .limit = 10 };
		int64_t fid = art_id[art_index("fresh")], ids[64];
		json_t *r = search_run(db, &p);
		size_t n = result_ids(r, ids);
		scase("khai sinh: a draft is not found", n == 0, NULL);
		json_decref(r);
		int rc = article_publish_cli(db, site_id[S_SNV], fid, day(2024, 8, 1));
		r = search_run(db, &p);
		n = result_ids(r, ids);
		scase("khai sinh: found at once when published", rc == M_OK && n == 1 && ids[0] == fid, NULL);
		json_decref(r);
	}

	/* a change to a published item shows once it is published, not before */
	{
		int i = art_index("danang");
		struct article_input in = { 0 };
		struct errs e = { 0 };
		struct act_input none = { "", NULL, 0 };
		in.title = "Đoàn công tác thăm cố đô Huế";
		in.body = corpus[i].body;
		in.category_id = cat_id[corpus[i].cat];
		int64_t sid = site_id[corpus[i].site], ids[64];
		int rc = article_save(db, &actor_cli, sid, art_id[i], &in, &e, NULL);
		struct search_params p = { .q = "cố đô Huế", .limit = 10 };
		json_t *r = search_run(db, &p);
		scase("cố đô Huế: a pending change is not searchable", rc == M_OK && result_ids(r, ids) == 0, NULL);
		json_decref(r);
		rc |= article_act(db, &actor_cli, sid, art_id[i], "submit", &none, &e);
		rc |= article_act(db, &actor_cli, sid, art_id[i], "edited", &none, &e);
		rc |= article_act(db, &actor_cli, sid, art_id[i], "publish", &none, &e);
		r = search_run(db, &p);
		size_t n = result_ids(r, ids);
		scase("cố đô Huế: found once the change is published", rc == M_OK && n == 1 && ids[0] == art_id[i], NULL);
		json_decref(r);
		p.q = "Đà Nẵng";
		r = search_run(db, &p);
		scase("Đà Nẵng: the old title is no longer found", result_ids(r, ids) == 0, NULL);
		json_decref(r);
	}
	/* scheduled items enter the index when the scheduler publishes them */
	{
		int i = art_index("scheduled");
		int64_t sid = site_id[corpus[i].site], when = (int64_t)time(NULL) + 3600, ids[64];
		struct errs e = { 0 };
		struct act_input none = { "", NULL, 0 }, at = { "", NULL, when };
		int rc = article_act(db, &actor_cli, sid, art_id[i], "submit", &none, &e);
		rc |= article_act(db, &actor_cli, sid, art_id[i], "edited", &none, &e);
		rc |= article_act(db, &actor_cli, sid, art_id[i], "schedule", &at, &e);
		struct search_params p = { .q = "cắt điện", .limit = 10 };
		json_t *r = search_run(db, &p);
		scase("cắt điện: not found while scheduled", rc == M_OK && result_ids(r, ids) == 0, NULL);
		json_decref(r);
		int due = article_publish_due(db, when + 1);
		r = search_run(db, &p);
		size_t n = result_ids(r, ids);
		scase("cắt điện: found once the scheduler publishes it", due == 1 && n == 1 && ids[0] == art_id[i], NULL);
		json_decref(r);
	}
	/* PostgreSQL keeps its suggestion vocabulary row by row (search_index_article): after the
	 * withdrawals, changes and publications above it still counts what the index holds */
	if (db_is_pg(db))
		CHECK(pg_vocab_in_step(db));
	else
		scase("search_vocab counts what the index holds, after withdrawals, changes and publications",
		      lite_vocab_in_step(db), NULL);
	/* a full reindex gives the same answers */
	{
		static const char *qs[] = { "tiêm chủng", "ban", "12/2024/QĐ-UBND", "tiếp công dân", "khai sinh", "Huế" };
		int64_t before[ARRAY_SIZE(qs)], after[ARRAY_SIZE(qs)];
		for (size_t k = 0; k < ARRAY_SIZE(qs); k++) {
			struct search_params p = { .q = qs[k], .limit = 10 };
			json_t *r = search_run(db, &p);
			before[k] = json_integer_value(json_object_get(r, "total"));
			json_decref(r);
		}
		int rc = search_reindex(db, NULL, NULL), same = 1;
		for (size_t k = 0; k < ARRAY_SIZE(qs); k++) {
			struct search_params p = { .q = qs[k], .limit = 10 };
			json_t *r = search_run(db, &p);
			after[k] = json_integer_value(json_object_get(r, "total"));
			same &= after[k] == before[k] && after[k] > 0;
			json_decref(r);
		}
		scase("search_reindex: the same totals before and after", rc == 0 && same, NULL);
		if (!db_is_pg(db))
			scase("search_vocab counts what the index holds, after a rebuild", lite_vocab_in_step(db), NULL);
	}

	/* one site's search is the search of every site with the other sites' items left out, in
	 * the same order (the site token ranks nothing) */
	{
		static const char *qs[] = { "tiêm chủng", "ban", "hoà giải", "\"cải cách hành chính\"", "ubnd", "lễ hội -ẩm",
					    "12/2024/QĐ-UBND", "Huế", "bán" };
		int same = 1;
		char detail[256] = "";
		for (size_t k = 0; k < ARRAY_SIZE(qs); k++)
			for (int si = 0; si < S_N; si++) {
				struct search_params all = { .q = qs[k], .limit = 1000 }, one = all;
				one.site_id = site_id[si];
				json_t *ra = search_run(db, &all), *ro = search_run(db, &one), *row;
				int64_t want[64], got[64];
				size_t nw = 0, ng = result_ids(ro, got), i;
				json_array_foreach(json_object_get(ra, "results"), i, row) {
					if (json_integer_value(json_object_get(row, "site_id")) == site_id[si] && nw < 64)
						want[nw++] = json_integer_value(json_object_get(row, "id"));
				}
				int ok = nw == ng && memcmp(want, got, nw * sizeof(*want)) == 0 &&
					 json_integer_value(json_object_get(ro, "total")) == (int64_t)nw;
				if (!ok && same)
					snprintf(detail, sizeof(detail), "%s on %s: %zu filtered, %zu on the site", qs[k],
						 site_keys[si], nw, ng);
				same &= ok;
				json_decref(ra);
				json_decref(ro);
			}
		scase("one site's results are every site's results of that site, in the same order", same, detail);
	}

	/* a rebuild stopped half-way goes on where it stopped, the live index answering and following
	 * changes meanwhile, and ends with the index an uninterrupted rebuild makes */
	if (!db_is_pg(db)) {
		struct search_params p = { .q = "hoà giải", .limit = 10 };
		json_t *r = search_run(db, &p);
		int64_t before = json_integer_value(json_object_get(r, "total"));
		json_decref(r);
		int calls = 0;
		search_reindex_batch(5);
		int rc1 = search_reindex(db, cancel_after_two, &calls);
		char *at = db_setting_get(db, "search_rebuild_at");
		r = search_run(db, &p);
		int64_t during = json_integer_value(json_object_get(r, "total"));
		json_decref(r);
		scase("a rebuild stopped after two batches: stopped, its place kept, search answers from the live index",
		      rc1 == 1 && at && strcmp(at, "0") != 0 && during == before && before > 0, at);
		free(at);
		/* a change while it is stopped: an item the rebuild has passed is withdrawn */
		struct errs e = { 0 };
		struct act_input why = { "Thông tin đã cũ", NULL, 0 };
		int wrc = article_act(db, &actor_cli, site_id[S_SNV], art_id[art_index("hoa_new")], "withdraw", &why, &e);
		r = search_run(db, &p);
		int64_t live = json_integer_value(json_object_get(r, "total"));
		json_decref(r);
		int rc2 = search_reindex(db, NULL, NULL);
		search_reindex_batch(0);
		r = search_run(db, &p);
		int64_t after = json_integer_value(json_object_get(r, "total"));
		json_decref(r);
		char *resumed = lite_index_text(db);
		int rc3 = search_reindex(db, NULL, NULL);
		char *whole = lite_index_text(db);
		char *left = db_setting_get(db, "search_rebuild_at");
		struct db_stmt *lt = db_prepare(db, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'search_old%'"
						    " OR name LIKE 'search_new%'");
		int64_t leftovers = lt && db_step(lt) == DB_ROW ? db_col_int(lt, 0) : -1;
		db_finalize(lt);
		char d[160];
		snprintf(d, sizeof(d), "rc %d %d %d, withdraw %d, totals %lld %lld %lld, %zu bytes, %lld tables left", rc1,
			 rc2, rc3, wrc, (long long)before, (long long)live, (long long)after, strlen(whole), (long long)leftovers);
		scase("the rebuild goes on, the change made meanwhile in it, gives the index a whole rebuild gives, and"
		      " leaves no old or new tables",
		      rc2 == 0 && rc3 == 0 && wrc == M_OK && live == before - 1 && after == live && !left && leftovers == 0 &&
		      strcmp(resumed, whole) == 0 && strlen(whole) > 1000, d);
		free(left);
		free(resumed);
		free(whole);
	}

	/* suggestions when nothing matches: the closest folded terms */
	{
		static const struct {
			const char *q, *want;
		} sug[] = {
			{ "hoi ngi", "hoi nghi" },
			{ "Hội ngị", "hoi nghi" },
			{ "tiem chumg", "tiem chung" },
			{ "thuy loj", "thuy loi" },
			{ "Tiêm chủg", "tiem chung" },
			{ "\"cai cachh hanh chinh\"", "\"cai cach hanh chinh\"" },
		};
		for (size_t i = 0; i < ARRAY_SIZE(sug); i++) {
			struct search_params p = { .q = sug[i].q, .limit = 10 };
			json_t *r = search_run(db, &p);
			json_t *s = json_object_get(r, "suggestions");
			const char *first = json_string_value(json_array_get(s, 0));
			char name[128], detail[256];
			snprintf(name, sizeof(name), "%s: suggests %s", sug[i].q, sug[i].want);
			snprintf(detail, sizeof(detail), "total %lld, suggestions[0] = %s",
				 (long long)json_integer_value(json_object_get(r, "total")), first ? first : "(none)");
			scase(name, json_integer_value(json_object_get(r, "total")) == 0 && first &&
			      strcmp(first, sug[i].want) == 0, detail);
			json_decref(r);
		}
		struct search_params p = { .q = "tiêm chủng", .limit = 10 };
		json_t *r = search_run(db, &p);
		scase("tiêm chủng: no suggestion when something matches",
		      json_array_size(json_object_get(r, "suggestions")) == 0, NULL);
		json_decref(r);
	}
out:
	drop_db(db);
}

/* With enough items, a rebuild makes a dictionary for search_doc (search_dict); every change after
 * it reads its rows back with that dictionary: withdrawn, changed and new items are found as
 * they should be, and the vocabulary still counts what the index holds. */
TEST(search_doc_dictionary)
{
	struct db *db = fresh_db();
	if (db && db_is_pg(db)) /* SQLite's index only: PostgreSQL keeps its texts */
		goto out;
	if (!CHECK(db != NULL) || !CHECK(build_corpus(db) == 0))
		goto out;
	static const char *const words[] = { "hội", "nghị", "tổng", "kết", "công", "tác", "năm", "phường", "xã", "huyện",
					     "tỉnh", "ủy", "ban", "nhân", "dân", "thủy", "lợi", "giáo", "dục", "y", "tế" };
	int64_t extra[150];
	int ok = 1;
	for (int i = 0; i < 150 && ok; i++) {
		char title[128], body[1024];
		snprintf(title, sizeof(title), "Bản tin số %d %s %s", i, words[i % 21], words[(i * 7) % 21]);
		int n = snprintf(body, sizeof(body), "<p>");
		for (int k = 0; k < 60; k++)
			n += snprintf(body + n, sizeof(body) - (size_t)n, "%s ", words[(i * 13 + k * 5) % 21]);
		snprintf(body + n, sizeof(body) - (size_t)n, "mã%d.</p>", i);
		struct article_input in = { 0 };
		struct errs e = { 0 };
		in.title = title;
		in.summary = "Tin ngắn.";
		in.body = body;
		in.category_id = cat_id[C_SNV_NEWS];
		ok = article_save(db, &actor_cli, site_id[S_SNV], 0, &in, &e, &extra[i]) == M_OK &&
		     article_publish_cli(db, site_id[S_SNV], extra[i], day(2024, 8, 1)) == M_OK;
	}
	if (!CHECK(ok) || !CHECK(search_reindex(db, NULL, NULL) == 0))
		goto out;
	struct db_stmt *st = db_prepare(db, "SELECT count(*) FROM search_dict");
	int64_t dicts = st && db_step(st) == DB_ROW ? db_col_int(st, 0) : -1;
	db_finalize(st);
	CHECK(dicts == 1);
	struct search_params p = { .q = "mã77", .limit = 10 };
	json_t *r = search_run(db, &p);
	CHECK(json_integer_value(json_object_get(r, "total")) == 1);
	json_decref(r);
	struct act_input why = { "Thông tin đã cũ", NULL, 0 };
	struct errs e = { 0 };
	CHECK(article_act(db, &actor_cli, site_id[S_SNV], extra[77], "withdraw", &why, &e) == M_OK);
	r = search_run(db, &p);
	CHECK(json_integer_value(json_object_get(r, "total")) == 0);
	json_decref(r);
	CHECK(lite_vocab_in_step(db));
	/* a row of search_doc that cannot be read back (damaged by hand): the change still goes
	 * through, and the index is to be rebuilt */
	CHECK(db_exec(db, "DELETE FROM settings WHERE key = 'search_reindex_needed'") == 0);
	st = db_prepare(db, "UPDATE search_doc SET z = x'28b52ffd00' WHERE id = ?");
	if (CHECK(st != NULL)) {
		db_bind_int(st, 1, extra[78]);
		CHECK(db_step(st) == DB_DONE);
	}
	db_finalize(st);
	CHECK(article_act(db, &actor_cli, site_id[S_SNV], extra[78], "withdraw", &why, &e) == M_OK);
	char *need = db_setting_get(db, "search_reindex_needed");
	CHECK(need && strcmp(need, "1") == 0);
	free(need);
out:
	drop_db(db);
}

/* ---- the parser ---- */

TEST(search_parse_words)
{
	struct search_query q;
	search_parse("12/2024/QĐ-UBND", &q);
	scase("parse 12/2024/QĐ-UBND: one phrase of four words",
	      q.nparts == 1 && q.parts[0].nwords == 4 && strcmp(q.parts[0].words[2], "qđ") == 0 &&
		      strcmp(q.parts[0].folded[2], "qd") == 0 && q.parts[0].has_marks,
	      NULL);
	search_query_release(&q);
	search_parse("Hòa THỦY qúy", &q);
	scase("parse Hòa THỦY qúy: lower case, one tone placement",
	      q.nparts == 3 && strcmp(q.parts[0].words[0], "hoà") == 0 && strcmp(q.parts[1].words[0], "thuỷ") == 0 &&
		      strcmp(q.parts[2].words[0], "quý") == 0 && strcmp(q.parts[2].folded[0], "quy") == 0,
	      NULL);
	search_query_release(&q);
	search_parse("-bán \"a b\" c", &q);
	scase("parse -bán \"a b\" c: a negated word, a phrase, a word",
	      q.nparts == 3 && q.parts[0].negated && !q.parts[1].negated && q.parts[1].nwords == 2 &&
		      q.parts[2].nwords == 1,
	      NULL);
	search_query_release(&q);
	search_parse("-bán -\"a b\"", &q);
	char *e = search_match_expr(&q);
	scase("parse -bán -\"a b\": no positive part, no expression", q.nparts == 2 && e == NULL, e);
	free(e);
	search_query_release(&q);
}

/* ---- bad queries: a normal answer, never an error or a crash ---- */

static int valid_answer(json_t *r, int64_t limit)
{
	if (!json_is_object(r))
		return 0;
	json_t *total = json_object_get(r, "total"), *rows = json_object_get(r, "results");
	if (!json_is_integer(total) || json_integer_value(total) < 0 || !json_is_array(rows) ||
	    (int64_t)json_array_size(rows) > limit)
		return 0;
	if (json_integer_value(total) == 0 && json_array_size(rows))
		return 0;
	size_t i;
	json_t *row;
	json_array_foreach(rows, i, row)
		if (!json_is_string(json_object_get(row, "snippet_html")) || !json_is_string(json_object_get(row, "title_html")))
			return 0;
	return 1;
}

/* 1 when the expression's double quotes pair up and its parentheses (outside quotes) balance. */
static int expr_balanced(const char *e)
{
	int in = 0, depth = 0;
	for (const char *c = e; *c; c++) {
		if (*c == '"') {
			if (in && c[1] == '"')
				c++; /* an escaped quote */
			else
				in = !in;
		} else if (!in && *c == '(') {
			depth++;
		} else if (!in && *c == ')') {
			if (--depth < 0)
				return 0;
		}
	}
	return !in && depth == 0;
}

TEST(search_bad_queries)
{
	struct db *db = fresh_db();
	if (!CHECK(db != NULL) || !CHECK(build_corpus(db) == 0))
		goto out;
	static char long_q[2101], long_word[2001], many_words[1200], many_parts[400], junk[256];
	for (int i = 0; i < 2000; i++)
		long_q[i] = "hoà giải \"-*()"[i % 14];
	memset(long_word, 'a', 2000);
	for (int i = 0; i < 60; i++)
		strcat(many_words, "tiêm ");
	for (int i = 0; i < 40; i++)
		strcat(many_parts, "-a b ");
	for (int i = 0; i < 255; i++)
		junk[i] = (char)(i + 1);
	static const struct {
		const char *label, *q;
	} bad[] = {
		{ "empty", "" },
		{ "NULL", NULL },
		{ "spaces", "   \t \n " },
		{ "2,000 characters", long_q },
		{ "a 2,000-letter word", long_word },
		{ "60 words", many_words },
		{ "80 parts", many_parts },
		{ "unbalanced quote", "\"hoà giải" },
		{ "lone quote", "\"" },
		{ "two quotes", "\"\"" },
		{ "three quotes", "\"a\" \"" },
		{ "only punctuation", "!!! ??? ... ,,, ;;; :::" },
		{ "sql", "\" OR 1=1 --" },
		{ "sql 2", "'; DROP TABLE items; --" },
		{ "column filter", "title_x:foo" },
		{ "column set", "{title_f}:x" },
		{ "column set 2", "{title_x body_x} : \"a\"" },
		{ "near", "NEAR(a b)" },
		{ "near 2", "NEAR(\"hoà\" \"giải\", 2)" },
		{ "star", "*" },
		{ "prefix star", "hoà*" },
		{ "caret", "^" },
		{ "caret word", "^tiêm" },
		{ "operators", "AND OR NOT" },
		{ "operators 2", "tiêm AND OR NOT chủng" },
		{ "parens", "((((" },
		{ "parens 2", "))) tiêm (((" },
		{ "minus alone", "-" },
		{ "minus minus", "-- -" },
		{ "minus quote", "-\"" },
		{ "plus", "+tiêm +chủng" },
		{ "colon", ":" },
		{ "rank", "rank:1" },
		{ "emoji", "😀 hoà 👍" },
		{ "other scripts", "中文 русский عربى" },
		{ "combining marks only", "\xcc\x81\xcc\x80\xcc\xa3" },
		{ "controls", "ti\x01\x02\x1b[0mêm" },
		{ "invalid UTF-8", "\xff\xfe\xc3\x28 ti\xe2\x82" },
		{ "overlong UTF-8", "\xc0\xaf\xe0\x80\xaf" },
		{ "junk bytes 1-255", junk },
	};
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		struct search_params p = { .q = bad[i].q, .limit = 10 };
		json_t *r = search_run(db, &p);
		struct search_query q;
		search_parse(bad[i].q, &q);
		char *e = search_match_expr(&q);
		int ok = valid_answer(r, 10) && (!e || expr_balanced(e));
		char name[128], detail[256];
		snprintf(name, sizeof(name), "bad query: %s", bad[i].label);
		snprintf(detail, sizeof(detail), "total %lld, expression %s",
			 (long long)json_integer_value(json_object_get(r, "total")), e ? e : "(none)");
		scase(name, ok, detail);
		free(e);
		search_query_release(&q);
		json_decref(r);
	}
	/* odd filters and pages */
	struct search_params p = { .q = "tiêm chủng", .limit = 10, .offset = -5, .site_id = 999, .category_id = -1,
				   .from = -1, .to = 1, .kind = "" };
	json_t *r = search_run(db, &p);
	scase("bad filters: unknown site, negative offset, empty range", valid_answer(r, 10) &&
	      json_integer_value(json_object_get(r, "total")) == 0, NULL);
	json_decref(r);
	printf("search: %d/%d cases passed\n", cases_ok, cases_run);
out:
	drop_db(db);
}
