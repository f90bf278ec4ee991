/* web.h — shared pieces of the page handlers: view data common to every page, URLs, cards. */
#ifndef CONG_WEB_H
#define CONG_WEB_H

#include "http/http.h"
#include "base/sb.h"

/* Absolute URL of SITE's home as seen from this request ("http://snv.example:8080/"); malloc'd. */
char *web_site_url(struct req *r, json_t *site);
/* The same, appended to B. */
void web_add_site_url(struct sb *b, struct req *r, json_t *site);
/* "<base domain><:port>" as this request reaches us: what follows "<slug>." in a component
 * site's address. */
void web_add_host_tail(struct sb *b, struct req *r);
/* "/tin/<slug>-<id>", "/chuyen-muc/<slug>-<id>" */
char *web_article_path(json_t *row);
char *web_category_path(json_int_t id, const char *slug);
/* "/<segment>/<slug>-<id>" of an item of KIND (model/kind.h: "/van-ban/…"; news and unknown
 * kinds "/tin/…"); malloc'd. */
char *web_item_path(const char *kind, const char *slug, int64_t id);
/* Parses "<slug>-<id>" (the id is what counts); -1 when there is none. */
int64_t web_slug_id(const char *s, const char **slug_end);

/* View data every public page shares (docs/templates.md); PAGE_TITLE may be NULL (home). */
/* The request site's categories in tree order (category_tree: kept per connection, shared,
 * not to be modified); a new reference. */
json_t *web_categories(struct req *r);
/* The page's language in CTX: "lang" (its code, for <html lang>), "lang_prefix" ("" or "/en", what
 * its own links start with) and "t", its texts ({{t.key}}: locale/<lang>/). */
void web_lang_ctx(struct req *r, json_t *ctx);
json_t *web_public_ctx(struct req *r, const char *page_title, const char *canonical_path);
/* The menu of a CTX of web_public_ctx made the page's own, to change (mark an entry active). */
json_t *web_menu_own(json_t *ctx);
/* Appends {name, url} to ctx.breadcrumbs; URL NULL for the current page. */
void web_crumb(json_t *ctx, const char *name, const char *url);
/* A card's view data (docs/templates.md); a card naming its site (component news) links to
 * that site's host. */
json_t *web_card(struct req *r, const struct article_card *c);
/* Collects the cards of model lists (article_card_fn): pass web_cards_add and the collector;
 * web_cards_list gives list N's cards (a new reference, empty when there were none). */
struct web_cards {
	struct req *r;
	json_t *lists;     /* one array per list */
	struct sb scratch; /* the cards' addresses are written here */
	size_t brief_list; /* this list's cards have only title, url, date, date_iso (SIZE_MAX: none) */
};
void web_cards_init(struct web_cards *wc, struct req *r);
void web_cards_add(const struct article_card *c, void *arg);
json_t *web_cards_list(struct web_cards *wc, size_t list);
void web_cards_release(struct web_cards *wc);

void web_error(struct req *r, int status, const char *title, const char *message);
/* The 410 of a withdrawn item GONE ({title, withdrawn_at, withdrawn_reason}): the reader learns
 * when and why (gỡ bài). WHAT names it ("Bài viết", a kind's label). */
void web_gone(struct req *r, const char *what, json_t *gone);
/* Puts item ID's corrections (with their dates) and attachments into the view object O:
 * corrections, has_corrections, attachments, has_attachments. */
void web_item_notes(struct req *r, json_t *o, int64_t id);

/* The rules of a route enforced before its handler (http.h web_route_gate, set by cong serve):
 * the CSRF token of a POST, then for anything above ROUTE_PUBLIC the signed-in account loaded
 * into r->user and r->actor (with the forced password change and two-factor enrolment) and the
 * role it needs on the request's site. Answers and returns -1 when the request may not go on. */
int admin_gate(struct req *r, int rules);
/* The same account checks from within a handler, for a route whose table entry does not say
 * them (the table's do): NEED_ROLE nonzero, a role on the request's site; the account is loaded once
 * per request. Answers and returns -1 when the request may not go on. */
int admin_require(struct req *r, int need_role);
/* admin_require, then the site's administrators (and the system administrator) only. */
int admin_require_siteadmin(struct req *r);
/* The id of the first path capture ("/quan-tri/x/<id>"), or -1 when it is not one. */
int64_t admin_capture_id(struct req *r);
/* The error page of a model call's refusal: 403 (M_DENIED), 404 (M_NOTFOUND), else 500. */
void admin_model_error(struct req *r, int rc);
json_t *admin_ctx(struct req *r, const char *page_title);
/* Checks the CSRF token of a POST; answers 403 and returns -1 when it is missing or wrong.
 * admin_gate() does it for every POST route. */
int csrf_check(struct req *r);
/* The site's categories in tree order, each with "label" (indented by depth), "selected" (id ==
 * SELECTED) and "public_url". */
json_t *admin_category_tree(struct req *r, json_int_t selected);
/* Puts field errors into ctx.errors {field: message} and ctx.has_errors. */
void admin_errors(struct req *r, json_t *ctx, const struct errs *e);

/* The public pages' languages (web/public/lang.c, docs/languages.md): the header's switch
 * (ctx "lang_switch", each language's home; web_public_ctx calls it), the hreflang alternates of
 * item ID's published versions (ctx "alternates"; the switch then lands on them), the redirect
 * of an item in ITEM_LANG asked for on another language's page (to PATH in its own; 1 when
 * answered), whether the page is in another language than Vietnamese, and such a page's list
 * of the site's items in it (of kind K or any, in CATEGORY_ID or any). */
void web_lang_switch(struct req *r, json_t *ctx);
void web_lang_alternates(struct req *r, json_t *ctx, int64_t id);
int web_lang_redirect(struct req *r, const char *item_lang, const char *path);
int web_lang_page(struct req *r);
struct kind;
void web_lang_list(struct req *r, const struct kind *k, int64_t category_id, const char *title, const char *canon);

/* Handlers (web/public/ and web/admin/). */
/* web/admin/api_tokens.c: the JSON API's tokens */
void admin_api_tokens(struct req *r);
void admin_api_token_create(struct req *r);
void admin_api_token_revoke(struct req *r);
void page_home(struct req *r);
void page_category(struct req *r);
void page_article(struct req *r);
void page_article_print(struct req *r);
void page_search(struct req *r);
void page_item_list(struct req *r);
/* A kind's own additions to its public pages (web/public/kind_views.c): ITEM_VIEW before the
 * item page renders (ROW: the stored item, ITEM: the view, CTX: the page's), LIST_VIEW before
 * the list renders. Either may be NULL. */
struct kind;
struct kind_field;
struct kind_view {
	const char *kind;
	void (*item_view)(struct req *r, const struct kind *k, json_t *row, json_t *item, json_t *ctx);
	void (*list_view)(struct req *r, const struct kind *k, json_t *ctx);
	/* a page of its own in place of the generic list (not the exports): nonzero when it answered */
	int (*list_page)(struct req *r, const struct kind *k);
};
const struct kind_view *kind_view_find(const char *kind);
/* Administrative procedures (web/public/procedures.c): the national portal's link, the steps. */
void procedure_item_view(struct req *r, const struct kind *k, json_t *row, json_t *item, json_t *ctx);
void procedure_list_view(struct req *r, const struct kind *k, json_t *ctx);
/* Field F's value V as a page shows it: files as {id, url, title, name, alt, mime, ext,
 * size_label, is_image, is_video, is_audio, is_vtt, variants} (a table's files too); with SITE_URL
 * (exports), files as their absolute address. A file not of SITE_ID: null. New reference. */
json_t *kind_value_view(struct req *r, int64_t site_id, const struct kind_field *f, json_t *v, const char *site_url);
/* Table field F's rows V (as stored, or kind_value_view's with the files' views) as an accessible table's view: {table_key, table_label, columns:
 * [{column_label}], rows: [{cells: [{cell_text, cell_iso?, cell_url?} or {cell_file}]}]} (names
 * no enclosing view uses, so a template never finds an outer value for a missing one). */
json_t *kind_table_view(struct req *r, int64_t site_id, const struct kind *k, const struct kind_field *f, json_t *v);
/* A kind's fields as a form shows them (templates/admin/kind_input: label, value from FORM, the
 * error from ERRORS {name: message}, the input's type), and as a form sent them (strings, a table
 * as rows; files uploaded stored in the library, their errors in E): web/admin/articles.c. The
 * public forms of tickets use them too. */
json_t *kind_form_fields(struct req *r, const struct kind *k, json_t *form, json_t *errors);
json_t *kind_form_raw(struct req *r, const struct kind *k, struct errs *e);
/* The browser's CSRF token (made, and set as a cookie, when it has none): every form carries it. */
const char *web_csrf_token(struct req *r);

/* #17 visit statistics (docs/visits.md): the footer's counter and the EMC tracker in a public
 * page's CTX, with its CSP (web/public/visits.c); the counter's page; the admin's page, its
 * "store now" and its settings (web/admin/visits.c). */
void web_visits_ctx(struct req *r, json_t *ctx);
void page_visit_counter(struct req *r);
void admin_visits(struct req *r);
void admin_visits_flush(struct req *r);
void admin_visits_settings(struct req *r);
void page_item(struct req *r);
void page_item_print(struct req *r);
void page_static(struct req *r);
void page_media(struct req *r);
void page_robots(struct req *r);
void page_favicon(struct req *r);
void page_health(struct req *r);
/* A site's webhooks (web/admin/webhooks.c; issue #16). */
void admin_webhooks(struct req *r);
void admin_webhook_add(struct req *r);
void admin_webhook_edit(struct req *r);
void admin_webhook_save(struct req *r);
void admin_webhook_secret(struct req *r);
void admin_webhook_rotate(struct req *r);
void admin_webhook_test(struct req *r);
void admin_webhook_delete(struct req *r);
void admin_webhook_delivery(struct req *r);
void admin_webhook_redeliver(struct req *r);
/* Royalties, nhuận bút (web/admin/royalties.c; issue #17): the pages, and the publish form's
 * genre and coefficient for web/admin/articles.c — the fields put into a "publish" ACTION's view,
 * whether the form sent them, and the publish action with them in one transaction (errors on
 * nb_genre, nb_coef). */
void admin_royalties(struct req *r);
void admin_royalty_settings_save(struct req *r);
void admin_royalty_genres(struct req *r);
void admin_royalty_genre_save(struct req *r);
void admin_royalty_people(struct req *r);
void admin_royalty_person_add(struct req *r);
void admin_royalty_item(struct req *r);
void admin_royalty_item_save(struct req *r);
void admin_royalty_period(struct req *r);
void admin_royalty_period_save(struct req *r);
void admin_royalty_period_pay(struct req *r);
void admin_royalty_period_print(struct req *r);
void admin_royalty_period_xlsx(struct req *r);
void admin_royalty_period_csv(struct req *r); /* b-polish: the statement as CSV */
void royalty_publish_fields(struct req *r, json_t *action);
int royalty_publish_given(struct req *r);
struct act_input;
int royalty_publish_save(struct req *r, int64_t item_id, const struct act_input *in, struct errs *e);
void admin_signin_form(struct req *r);
void admin_signin(struct req *r);
void admin_signout(struct req *r);
void admin_password_form(struct req *r);
void admin_password(struct req *r);
void admin_language(struct req *r);
void admin_mailbox(struct req *r); /* #16: the account's reminder mailbox */ /* #16: the account's admin language */
void admin_totp_code_form(struct req *r);
void admin_totp_code(struct req *r);
void admin_totp_form(struct req *r);
void admin_totp_enrol(struct req *r);
void admin_totp_disable(struct req *r);
void admin_totp_reset(struct req *r);
void admin_dashboard(struct req *r);
void admin_listings(struct req *r);
void admin_listing_set(struct req *r);
void admin_article_new(struct req *r);
void admin_article_edit(struct req *r);
void admin_article_save(struct req *r);
void admin_article_act(struct req *r);
void admin_article_propose(struct req *r);
void admin_article_restore(struct req *r);
void admin_article_compare(struct req *r);
void admin_shares(struct req *r);
void admin_share_decide(struct req *r);
void admin_accounts(struct req *r);
void admin_account_create(struct req *r);
void admin_account_grant(struct req *r);
void admin_account_revoke(struct req *r);
void admin_account_handover(struct req *r);
/* admin/accounts.c: the account list (review, XLSX), its actions, the account rules' settings */
void admin_account_list(struct req *r);
void admin_account_list_xlsx(struct req *r);
void admin_account_disable(struct req *r);
void admin_account_enable(struct req *r);
void admin_account_unlock(struct req *r);
void admin_account_settings(struct req *r);
void admin_account_settings_save(struct req *r);
void admin_settings(struct req *r);
void admin_settings_save(struct req *r);
/* Translations (web/admin/translations.c, model/translation.h): the edit page's "Bản dịch" box
 * of item ID into CTX ("translations", or "translation_of" for a translation); making one,
 * marking it current; the site's languages and English rules (CTX of the settings form, RULES
 * the text typed or NULL: the stored); the coverage report. */
void admin_translation_box(struct req *r, json_t *ctx, int64_t id);
void admin_translation_create(struct req *r);
void admin_translation_current(struct req *r);
void admin_languages_ctx(struct req *r, json_t *ctx, const char *rules);
void admin_languages(struct req *r);
void admin_languages_save(struct req *r);
void admin_translations(struct req *r);
void admin_audit(struct req *r);
void page_vendor(struct req *r);
void admin_categories(struct req *r);
void admin_category_save(struct req *r);
void page_attachment(struct req *r);
void admin_media(struct req *r);
void admin_media_upload(struct req *r);
void admin_media_editor_upload(struct req *r);
void admin_media_update(struct req *r);
void admin_media_delete(struct req *r);
void admin_calendar(struct req *r);
void admin_calendar_set(struct req *r);
void admin_calendar_unset(struct req *r);
void admin_calendar_seed(struct req *r);
/* web/admin/ops.c: planned maintenance notices and incidents */
void admin_maintenance(struct req *r);
void admin_maintenance_add(struct req *r);
void admin_maintenance_cancel(struct req *r);
void admin_incidents(struct req *r);
void admin_incident_add(struct req *r);
void admin_incident_recipients(struct req *r);
void admin_deadlines(struct req *r);
void admin_deadline_report(struct req *r);
void admin_deadline_rules(struct req *r);
void admin_deadline_rule_save(struct req *r);
void admin_deadline_category(struct req *r);
void admin_deadline_mail(struct req *r);
void admin_deadline_mail_save(struct req *r);
void admin_deadline_recipients(struct req *r);
void admin_deadline_mail_test(struct req *r);
void admin_review(struct req *r);
void admin_review_mark(struct req *r);
void admin_import_form(struct req *r);
void admin_import(struct req *r);
void admin_backups(struct req *r);
void admin_backups_save(struct req *r);
/* The newest backup's failure for the system administrator's dashboard, or NULL (web/admin/backups.c). */
json_t *admin_backup_alert(struct req *r);
void admin_import_template(struct req *r);

/* Rendered fragments (a list's rows, its filter form) kept with the request's store connection
 * until the database changes (db_memo_get): the fragment of KEY (its length in *LEN) or NULL;
 * keep one; the prefix every key of this request starts with (WHAT, the templates, site, scheme
 * and host its links may carry). */
const char *web_fragment_get(struct req *r, const char *key, size_t *len);
void web_fragment_put(struct req *r, const char *key, const char *text, size_t len);
/* The same for a value kept as JSON (the site's menu): borrowed, NULL when none; web_keep_json
 * keeps a deep copy of V. */
json_t *web_kept_json(struct req *r, const char *key);
void web_keep_json(struct req *r, const char *key, json_t *v);
void web_fragment_prefix(struct req *r, struct sb *key, char what);
struct table;
/* Sends table T as a download named FILENAME (no extension, ASCII) in HOW: "csv", else XLSX;
 * 0, or -1 after a 500 when the workbook cannot be made (logged). */
int web_send_table(struct req *r, struct table *t, const char *how, const char *filename);
/* Renders template TPL alone with VIEW, appended to OUT: 0, or -1 when there is no such template. */
int web_render_part(struct req *r, const char *tpl, json_t *view, struct sb *out);

/* Statistics and access to information (web/public/statistics.c, web/admin/access_info.c). */
void statistics_item_view(struct req *r, const struct kind *k, json_t *row, json_t *item, json_t *ctx);
void page_stat_table(struct req *r);
void page_access_info(struct req *r);
/* The accessibility chrome (web/public/a11y.c, docs/accessibility.md): the display preferences'
 * route, the statement page, and the view data every public page gets from them ("html_class",
 * "a11y", "share": web_public_ctx calls it). */
void page_prefs(struct req *r);
void page_a11y(struct req *r);
void web_a11y_ctx(struct req *r, json_t *ctx);
/* The open data page and its DCAT-like description (web/public/opendata.c, docs/open-data.md). */
void page_open_data(struct req *r);
/* The installation's open data licence, the system administrator's (web/admin/open_data.c). */
void admin_open_data(struct req *r);
void admin_open_data_save(struct req *r);
/* The anti-abuse part of a public form FORM (a name: "cau-hoi", "gop-y"), for
 * templates/partials/challenge: a fresh signed challenge, ERROR (NULL: none) as its question's
 * message; puts the CSRF token and static/js/challenge.js into CTX and lets the page run it. NULL
 * when the key is unusable (answer 500). web_challenge_check checks what the form sent: the
 * honeypot left empty, the proof of work or the answer (errors under "challenge"); 0 when it
 * holds. The submission spends the token in its transaction (challenge_spend). */
json_t *web_challenge_view(struct req *r, json_t *ctx, const char *form, const char *error);
int web_challenge_check(struct req *r, const char *form, struct errs *e);
/* The Q&A and feedback lists' link to their forms (web/public/qa.c). */
void qa_list_view(struct req *r, const struct kind *k, json_t *ctx);
void feedback_list_view(struct req *r, const struct kind *k, json_t *ctx);
/* What citizens send (web/public/tickets.c) and the staff's inbox (web/admin/inbox.c). */
void page_ticket_form(struct req *r);
void page_ticket_submit(struct req *r);
void page_ticket_status(struct req *r);
void page_ticket_status_owner(struct req *r);
void page_ticket_optout(struct req *r);
void admin_inbox(struct req *r);
void admin_ticket(struct req *r);
void admin_ticket_act(struct req *r);
void admin_ticket_settings(struct req *r);
void admin_ticket_settings_save(struct req *r);
/* a consultation's page (web/public/consultation.c), the export of its comments,
 * the site's moderation of comments. */
void consultation_item_view(struct req *r, const struct kind *k, json_t *row, json_t *item, json_t *ctx);
void admin_consultation_export(struct req *r);
void admin_moderation(struct req *r);
void admin_moderation_save(struct req *r);
/* Requests for information and the files sent with tickets' steps (web/admin/inforeq.c,
 * web/public/ticket_files.c). */
void admin_inforeq_register(struct req *r);
void admin_ticket_file(struct req *r);
void page_ticket_file(struct req *r);
/* The files a form sent under KEY (at most MAX; 0: any number), written privately
 * (ticket_file_put) and appended to FILES; a refused one's reason under KEY in E. M_OK, or
 * M_ERROR when one could not be written. */
int web_ticket_files(struct req *r, const char *key, size_t max, struct errs *e, json_t *files);
/* Sends the private file at PATH as a download named NAME: never cached, never indexed. */
void web_send_private_file(struct req *r, const char *path, const char *name, const char *mime);
void admin_access_info(struct req *r);
void admin_access_info_save(struct req *r);
/* schedules (web/public/schedule.c) and the directory (web/public/directory.c) */
void page_schedule_week(struct req *r);
void page_schedule_ics(struct req *r);
void page_unit_tree(struct req *r);
void page_spokespeople(struct req *r);
void page_contact(struct req *r);
void page_official(struct req *r);
json_t *directory_official_view(json_t *row);
void unit_item_view(struct req *r, const struct kind *k, json_t *row, json_t *item, json_t *ctx);
void official_item_view(struct req *r, const struct kind *k, json_t *row, json_t *item, json_t *ctx);
/* web/public/nav.c: the sections of the menu and the footer's links (called by web_public_ctx),
 * the home page's blocks per kind, the site map, the boundary map, the fixed pages' addresses,
 * the grouped list of links (the links kind's list view) */
struct kind;
void nav_menu_ctx(struct req *r, json_t *ctx);
void nav_footer_ctx(struct req *r, json_t *ctx);
json_t *nav_home_blocks(struct req *r, json_t *news_sections, int *news_on);
/* /lien-ket unfiltered: the links grouped (web/public/nav.c); 0 when the generic list answers. */
int links_list_page(struct req *r, const struct kind *k);
void page_sitemap(struct req *r);
/* /sitemap.xml, and the pages /sitemap-<n>.xml of a site with more addresses than one sitemap
 * holds (page_item_list hands those on: the router matches whole segments only). */
void page_sitemap_xml(struct req *r);
void page_boundary_map(struct req *r);
void page_fixed(struct req *r);
/* Feeds (web/public/feeds.c, docs/feeds.md): the site's, a category's, a kind's, in RSS 2.0 or
 * Atom by the path's last segment. */
void page_feed(struct req *r);
/* Puts into CTX "feeds": the RSS and Atom alternates of the page for the layout's head, at
 * BASE + "/rss.xml" and "/atom.xml" (BASE "" for the site's, "/chuyen-muc/<slug>-<id>",
 * "/<segment>"), titled "RSS: TITLE" and "Atom: TITLE". */
void web_feed_links(json_t *ctx, const char *base, const char *title);
/* web/admin/nav.c: the broken links (and checking them now), the sections of the menu and home */
void admin_links_broken(struct req *r);
void admin_links_check(struct req *r);
void admin_sections(struct req *r);
void admin_sections_save(struct req *r);
/* Banners and their click redirect (web/public/banners.c): the site's banners showing now for
 * the page's view ({header|sidebar|footer: {label, items}}), or NULL. */
json_t *web_banners(struct req *r);
void page_banner_click(struct req *r);

/* A site's media settings and its banners' clicks (web/admin/media_admin.c). */
void admin_media_settings(struct req *r);
void admin_media_settings_save(struct req *r);
void admin_banner_clicks(struct req *r);

/* The media kinds' pages (web/public/media_pages.c). */
void gallery_item_view(struct req *r, const struct kind *k, json_t *row, json_t *item, json_t *ctx);
void video_item_view(struct req *r, const struct kind *k, json_t *row, json_t *item, json_t *ctx);
void page_gallery_photo(struct req *r);

/* The satisfaction rating and the polls' pages (web/public/polls.c), the ratings' results
 * (web/admin/ratings.c); docs/ratings-polls.md. */
void poll_item_view(struct req *r, const struct kind *k, json_t *row, json_t *item, json_t *ctx);
void page_poll_vote(struct req *r);
void page_rating_form(struct req *r);
void page_rating_submit(struct req *r);
void admin_ratings(struct req *r);
void admin_ratings_export(struct req *r);

/* Page metadata (web/public/metadata.c, model/metadata.h, docs/metadata.md): Dublin Core
 * (TT 24/2011), Open Graph and schema.org JSON-LD as the layout's head_meta, og and json_ld. */
struct meta_item;
/* A page's defaults from the site, for any public page (web_public_ctx calls it): a WebPage,
 * or on HOME the site's GovernmentOrganization. */
void web_meta_page(struct req *r, json_t *ctx, int home);
/* The metadata of the item M shown on the page of CTX (web_public_ctx's): {head_meta, og,
 * json_ld}, new, for web_meta_set (a page may keep it with the item's fragments). IMAGE_ALT: the
 * text of M's image, or NULL. */
json_t *web_meta_build(struct req *r, const struct meta_item *m, json_t *ctx, const char *image_alt);
/* The same for ROW (item_get_public's) of kind K with its clean FIELDS (may be NULL). */
json_t *web_meta_item(struct req *r, const struct kind *k, json_t *row, json_t *fields, json_t *ctx);
void web_meta_set(json_t *ctx, json_t *meta);
/* LD as the text of a <script type="application/ld+json"> block: JSON with '<', '>' and '&'
 * escaped (\u003c…), so that no text in it ends the block or opens a comment. malloc'd. */
char *web_json_ld_text(json_t *ld);
void page_metadata_export(struct req *r);

/* Sites hosted elsewhere, pulled by their feeds (#16, VL Đ33; docs/external-feeds.md): the
 * main portal's register (web/admin/extfeeds.c) and the member sites' news
 * (web/public/extnews.c). web_ext_news: the LIMIT newest items as the home shows them (an empty
 * array on another site than the main portal). */
void admin_extsites(struct req *r);
void admin_extsite_add(struct req *r);
void admin_extsite_edit(struct req *r);
void admin_extsite_save(struct req *r);
void admin_extsite_delete(struct req *r);
void admin_extsite_pull(struct req *r);
void page_ext_news(struct req *r);
json_t *web_ext_news(struct req *r, int64_t limit);
/* E-mail subscriptions (web/public/subscriptions.c, web/admin/subscriptions.c,
 * model/subscription.h; docs/subscriptions.md). */
void page_subscribe_form(struct req *r);
void page_subscribe(struct req *r);
void page_subscribe_confirm_form(struct req *r);
void page_subscribe_confirm(struct req *r);
void page_unsubscribe_form(struct req *r);
void page_unsubscribe(struct req *r);
void admin_subscriptions(struct req *r);
void admin_subscription_remove(struct req *r);
/* #16, the smaller remainders (b-m16): all of an address's subscriptions, a site's digest hour */
void page_subscription_manage_form(struct req *r);
void page_subscription_manage(struct req *r);
void admin_subscription_hour(struct req *r);
/* "Nhận tin qua thư" on a list page: CTX's subscribe_url, the subscribe form pre-filled with
 * category CATEGORY_ID (> 0) or else kind K (NULL: the whole site). */
void web_subscribe_link(struct req *r, json_t *ctx, int64_t category_id, const struct kind *k);

/* Periodic reports (#17; web/admin/reports.c, model/report.h, docs/reports.md). */
void admin_reports(struct req *r);
void admin_report_print(struct req *r);
void admin_report_freeze(struct req *r);
/* Intake by e-mail (#17; web/admin/mailintake.c, model/mailintake.h, docs/email-intake.md). */
void admin_mail_intake(struct req *r);
void admin_mail_intake_entry(struct req *r);
void admin_mail_intake_draft(struct req *r);
void admin_mail_intake_refuse(struct req *r);
void admin_mail_intake_settings(struct req *r);
void admin_mail_intake_settings_save(struct req *r);
void admin_mail_intake_pull(struct req *r);
/* issue #17: information obligations, requests (web/admin/obligations.c), editorial boards and
 * focal points (web/admin/editorial.c) */
void admin_obligations(struct req *r);
void admin_obligation_add(struct req *r);
void admin_obligation_report(struct req *r);
void admin_obligation(struct req *r);
void admin_obligation_save(struct req *r);
void admin_obligation_provide(struct req *r);
void admin_requests(struct req *r);
void admin_request_send(struct req *r);
void admin_request(struct req *r);
void admin_request_answer(struct req *r);
void admin_request_close(struct req *r);
void admin_boards(struct req *r);
void admin_board_member(struct req *r);
void admin_board_member_remove(struct req *r);
void admin_board_decision(struct req *r);
void admin_board_focal(struct req *r);
void admin_boards_province(struct req *r);
void admin_boards_province_xlsx(struct req *r);
void admin_boards_stale_days(struct req *r);
/* #16: the site's own texts per language on the settings page (web/admin/site_texts.c) */
void admin_settings_page(struct req *r, int status, json_t *texts_typed, const struct errs *e);
void admin_site_texts_ctx(struct req *r, json_t *ctx, json_t *typed, const struct errs *e);
void admin_site_texts_save(struct req *r);

#endif
