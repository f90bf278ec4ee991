/* inforeq.c — requests for information: the kind's hooks and the register (inforeq.h;
 * docs/information-requests.md). The descriptor is in tickets.c.
 *
 * Life cycle (Luật TCTT 2016 Đ28, Đ30; ND 13/2018): a request is received with the rule
 * "tctt-don-gian" (3 working days: to provide a simple request, or to notify the timeline of a
 * complex one). The staff accept it as simple (the due time stays) or complex (a notice of the
 * timeline to the citizen; due 15 working days after receipt, rule "tctt-phuc-tap"), or refuse it
 * with reasons. Processing may be extended ONCE by 15 working days (rule "tctt-gia-han", counted
 * from the due day it replaces) with its reason mailed to the citizen. It ends provided, partly
 * provided or refused, each with its letter (and files). Information found wrong after it was
 * provided is corrected within 5 working days (rule "tctt-dinh-chinh"), then provided again. */
#include "internal.h"
#include "inforeq.h"
#include "ticket.h"
#include "pdata.h"
#include "kind.h"
#include "deadline.h"
#include "calendar.h"
#include "db/db.h"
#include "vn/calendar.h"
#include "base/sb.h"
#include "base/util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define S_ACCEPTED "ir_accepted"
#define S_EXTENDED "ir_extended"
#define S_PROVIDED "ir_provided"
#define S_PARTLY "ir_partly"
#define S_REFUSED "ir_refused"
#define S_CORRECTING "ir_correcting"

#define DK_SIMPLE "tctt-don-gian"
#define DK_COMPLEX "tctt-phuc-tap"
#define DK_EXTENDED "tctt-gia-han"
#define DK_CORRECTION "tctt-dinh-chinh"

/* Their events bear the same names: the history and the register label both. The letters
 * (the events' notes) show on the tracking page to the citizen who proves the e-mail only. */
const struct ticket_state inforeq_states[] = {
	{ S_ACCEPTED, "Đã tiếp nhận, đang giải quyết", 0, 1 },
	{ S_EXTENDED, "Đã gia hạn", 0, 1 },
	{ S_PROVIDED, "Đã cung cấp thông tin", 1, 1 },
	{ S_PARTLY, "Đã cung cấp một phần thông tin", 1, 1 },
	{ S_REFUSED, "Từ chối cung cấp thông tin", 1, 1 },
	{ S_CORRECTING, "Đang đính chính thông tin đã cung cấp", 0, 1 },
	{ NULL, NULL, 0, 0 },
};

const struct kind_choice inforeq_delivery[] = {
	{ "thu-dien-tu", "Gửi qua thư điện tử" },
	{ "tai-co-quan", "Nhận trực tiếp tại trụ sở cơ quan" },
	{ "buu-chinh", "Gửi qua dịch vụ bưu chính" },
	{ "fax", "Gửi qua fax" },
	{ NULL, NULL },
};

/* Luật TCTT Đ28 (a request refused in writing, with its reason) and the cases of Đ6, Đ7, Đ11. */
const struct kind_choice inforeq_refusal_reasons[] = {
	{ "khong-duoc-tiep-can", "Thông tin thuộc loại công dân không được tiếp cận (Luật TCTT Điều 6)" },
	{ "khong-du-dieu-kien", "Thông tin tiếp cận có điều kiện mà người yêu cầu chưa đủ điều kiện (Luật TCTT Điều 7)" },
	{ "da-cong-khai", "Thông tin đã được công khai (có chỉ dẫn nơi tìm)" },
	{ "khong-do-co-quan-tao-ra", "Thông tin không do cơ quan này tạo ra hoặc nắm giữ (có chỉ dẫn cơ quan cung cấp)" },
	{ "vuot-kha-nang", "Yêu cầu vượt quá khả năng đáp ứng hoặc làm ảnh hưởng đến hoạt động bình thường của cơ quan (Luật TCTT Điều 11)" },
	{ "da-cung-cap-hai-lan", "Thông tin đã được cung cấp hai lần cho cùng người yêu cầu mà không có lý do chính đáng (Luật TCTT Điều 11)" },
	{ "phieu-khong-hop-le", "Phiếu yêu cầu không đầy đủ, không rõ ràng và không được bổ sung (Luật TCTT Điều 28)" },
	{ NULL, NULL },
};

static const char *choice_label(const struct kind_choice *c, const char *key)
{
	for (; key && c->key; c++)
		if (strcmp(c->key, key) == 0)
			return c->label;
	return NULL;
}

/* ---- the form ---- */

/* An identity card (9 digits), a citizen identity card (12), or a passport (a letter or two and
 * digits, 6 to 12 characters); spaces and dots people type are dropped, letters capitalised. */
static int id_number_clean(const char *in, char out[16])
{
	size_t n = 0, digits = 0, letters_first = 0;
	for (const char *p = in; *p; p++) {
		if (*p == ' ' || *p == '.' || *p == '-')
			continue;
		if (!isalnum((unsigned char)*p) || n >= 15)
			return -1;
		out[n] = (char)toupper((unsigned char)*p);
		if (isdigit((unsigned char)*p))
			digits++;
		else if (digits == 0)
			letters_first++;
		else
			return -1; /* a letter after a digit */
		n++;
	}
	out[n] = '\0';
	if (letters_first == 0)
		return n == 9 || n == 12 ? 0 : -1;
	return letters_first <= 2 && n >= 6 && n <= 12 && digits >= 5 ? 0 : -1;
}

void inforeq_check(struct db *db, const struct ticket_kind *tk, int64_t site_id, int64_t item_id, json_t *fields,
		   struct errs *e)
{
	(void)db, (void)tk, (void)site_id, (void)item_id;
	const char *id = kind_text(fields, "giay_to");
	char clean[16];
	if (*id) {
		if (id_number_clean(id, clean))
			errs_add(e, "giay_to", "inforeq_id_invalid");
		else
			json_object_set_new(fields, "giay_to", json_string(clean));
	}
	const char *how = kind_text(fields, "hinh_thuc");
	if (strcmp(how, "fax") == 0 && !*kind_text(fields, "so_fax"))
		errs_add(e, "so_fax", "inforeq_fax_required");
}

/* ---- the life cycle ---- */

static const char *in_str(json_t *in, const char *key)
{
	const char *s = json_string_value(json_object_get(in, key));
	return s ? s : "";
}

static int is(const struct ticket *t, const char *state)
{
	return strcmp(t->state, state) == 0;
}

/* Sets T's deadline rule to KIND counted from FROM (a time), in the caller's transaction. */
static int set_due(struct db *db, struct ticket *t, const char *kind, int64_t from)
{
	struct vn_calendar *cal = calendar_load(db);
	int64_t due = 0;
	int ok = deadline_due(db, cal, t->site_id, kind, 1, from, 0, &due, NULL) == 0;
	vn_calendar_free(cal);
	struct db_stmt *st = db_stmt(db, "UPDATE tickets SET deadline_kind = ?2, due_at = ?3 WHERE id = ?1");
	if (!st || !ok)
		return -1;
	db_bind_int(st, 1, t->id);
	db_bind_text(st, 2, kind);
	db_bind_int(st, 3, due);
	if (db_step_done(st))
		return -1;
	snprintf(t->deadline_kind, sizeof(t->deadline_kind), "%s", kind);
	t->due_at = due;
	return 0;
}

/* A step: the state, its event (public, its letter mailed with SUBJECT), the files sent with it. */
static int step(struct db *db, const struct actor *a, struct ticket *t, const char *state, int closes, const char *letter,
		const char *subject, json_t *in, int64_t now)
{
	if (ticket_set_state(db, t, state, closes, now) || ticket_event(db, a, t, state, letter, 1, subject, now))
		return M_ERROR;
	json_t *files = json_object_get(in, "files");
	if (json_array_size(files) && ticket_files_attach(db, a, t, ticket_last_event(db, t), files, now))
		return M_ERROR;
	return M_OK;
}

static char *letter_of(json_t *in, const char *key, struct errs *e, const char *field)
{
	char *s = text_clean(in_str(in, key), 1);
	if (!s || !*s) {
		free(s);
		if (field)
			errs_add(e, field, "required");
		return NULL;
	}
	return s;
}

int inforeq_act(struct db *db, const struct actor *a, struct ticket *t, const char *action, json_t *in, int64_t now,
		struct errs *e)
{
	int received = is(t, TICKET_RECEIVED), accepted = is(t, S_ACCEPTED), processing = is(t, TICKET_OPEN),
	    extended = is(t, S_EXTENDED), correcting = is(t, S_CORRECTING), provided = is(t, S_PROVIDED) || is(t, S_PARTLY);
	int working = accepted || processing || extended;
	int rc = M_OK;
	char *letter = NULL;
	if (strcmp(action, "accept") == 0 && received) {
		const char *how = in_str(in, "result");
		int complex = strcmp(how, "complex") == 0;
		if (!complex && strcmp(how, "simple") != 0) {
			errs_add(e, "result", "required");
			return M_INVALID;
		}
		letter = text_clean(in_str(in, "body"), 1);
		if (complex && (!letter || !*letter)) {
			/* the timeline is notified in writing (Luật TCTT Đ30) */
			errs_add(e, "body", "inforeq_timeline_required");
			free(letter);
			return M_INVALID;
		}
		struct sb note = SB_INIT;
		sb_adds(&note, complex ? "Yêu cầu phức tạp: thông tin được cung cấp trong 15 ngày làm việc kể từ ngày tiếp nhận."
				       : "Yêu cầu đơn giản: thông tin được cung cấp trong 3 ngày làm việc kể từ ngày tiếp nhận.");
		if (letter && *letter)
			sb_addf(&note, "\n%s", letter);
		if (set_due(db, t, complex ? DK_COMPLEX : DK_SIMPLE, t->received_at))
			rc = M_ERROR;
		else
			rc = step(db, a, t, S_ACCEPTED, 0, note.buf,
				  complex ? "Thông báo thời hạn cung cấp thông tin" : "Yêu cầu cung cấp thông tin đã được chấp nhận", in, now);
		sb_release(&note);
	} else if (strcmp(action, "process") == 0 && accepted) {
		if (ticket_set_state(db, t, TICKET_OPEN, 0, now) || ticket_event(db, a, t, "processing", "", 0, NULL, now))
			rc = M_ERROR;
	} else if (strcmp(action, "extend") == 0 && (accepted || processing) && strcmp(t->deadline_kind, DK_COMPLEX) == 0) {
		/* once, for a complex request, from the due day it replaces */
		if (!(letter = letter_of(in, "reason_text", e, "reason_text")))
			return M_INVALID;
		struct sb note = SB_INIT;
		sb_addf(&note, "Gia hạn thêm 15 ngày làm việc. Lý do: %s", letter);
		if (set_due(db, t, DK_EXTENDED, t->due_at))
			rc = M_ERROR;
		else
			rc = step(db, a, t, S_EXTENDED, 0, note.buf, "Gia hạn cung cấp thông tin", in, now);
		sb_release(&note);
	} else if (strcmp(action, "refuse") == 0 && (received || working)) {
		const char *reason = choice_label(inforeq_refusal_reasons, in_str(in, "reason"));
		if (!reason)
			errs_add(e, "reason", "required");
		letter = letter_of(in, "body", e, "body");
		if (e->n) {
			free(letter);
			return M_INVALID;
		}
		struct sb note = SB_INIT;
		sb_addf(&note, "Lý do: %s.\n%s", reason, letter);
		rc = step(db, a, t, S_REFUSED, 1, note.buf, "Từ chối cung cấp thông tin", in, now);
		sb_release(&note);
	} else if (strcmp(action, "provide") == 0 && (working || correcting)) {
		const char *how = in_str(in, "result");
		int partly = strcmp(how, "partial") == 0;
		if (!partly && strcmp(how, "full") != 0)
			errs_add(e, "result", "required");
		letter = letter_of(in, "body", e, "body");
		if (e->n) {
			free(letter);
			return M_INVALID;
		}
		rc = step(db, a, t, partly ? S_PARTLY : S_PROVIDED, 1, letter,
			  correcting ? "Thông tin đã được đính chính, cung cấp lại"
				     : partly ? "Đã cung cấp một phần thông tin" : "Đã cung cấp thông tin", in, now);
	} else if (strcmp(action, "correct") == 0 && provided) {
		if (!(letter = letter_of(in, "reason_text", e, "reason_text")))
			return M_INVALID;
		if (set_due(db, t, DK_CORRECTION, now))
			rc = M_ERROR;
		else
			rc = step(db, a, t, S_CORRECTING, 0, letter, "Đính chính thông tin đã cung cấp", in, now);
	} else if (strcmp(action, "accept") == 0 || strcmp(action, "process") == 0 || strcmp(action, "extend") == 0 ||
		   strcmp(action, "refuse") == 0 || strcmp(action, "provide") == 0 || strcmp(action, "correct") == 0) {
		errs_add(e, "action", strcmp(action, "extend") == 0 ? "inforeq_extend_once" : "ticket_state_changed");
		rc = M_INVALID;
	} else {
		rc = M_NOTFOUND;
	}
	free(letter);
	return rc;
}

/* ---- the forms of the actions, for the staff's page ---- */

static json_t *input(const char *name, const char *label, const char *type, int required, const char *hint)
{
	json_t *o = json_pack("{sssssssb}", "name", name, "label", label, "type", type, "required", required);
	if (hint)
		json_object_set_new(o, "hint", json_string(hint));
	return o;
}

static json_t *options(const struct kind_choice *c)
{
	json_t *a = json_array();
	for (; c->key; c++)
		json_array_append_new(a, json_pack("{ssss}", "key", c->key, "label", c->label));
	return a;
}

static json_t *action(const char *name, const char *label, const char *button, const char *hint)
{
	json_t *o = json_pack("{sssssss[]}", "action", name, "label", label, "button", button, "inputs");
	if (hint)
		json_object_set_new(o, "hint", json_string(hint));
	return o;
}

static void add_input(json_t *act, json_t *in)
{
	json_array_append_new(json_object_get(act, "inputs"), in);
}

static const struct kind_choice how_accept[] = {
	{ "simple", "Yêu cầu đơn giản — cung cấp trong 3 ngày làm việc" },
	{ "complex", "Yêu cầu phức tạp — thông báo thời hạn, cung cấp trong 15 ngày làm việc" },
	{ NULL, NULL },
};
static const struct kind_choice how_provide[] = {
	{ "full", "Cung cấp toàn bộ thông tin yêu cầu" },
	{ "partial", "Cung cấp một phần (nêu lý do phần không cung cấp)" },
	{ NULL, NULL },
};

json_t *inforeq_actions(const struct ticket_kind *tk, const struct ticket *t)
{
	(void)tk;
	json_t *acts = json_array(), *x, *sel;
	int received = is(t, TICKET_RECEIVED), accepted = is(t, S_ACCEPTED), processing = is(t, TICKET_OPEN),
	    extended = is(t, S_EXTENDED), correcting = is(t, S_CORRECTING), provided = is(t, S_PROVIDED) || is(t, S_PARTLY);
	if (received) {
		x = action("accept", "Tiếp nhận và phân loại yêu cầu", "Tiếp nhận",
			   "Yêu cầu phức tạp: gửi người yêu cầu thông báo thời hạn, địa điểm, hình thức cung cấp và chi phí (nếu có).");
		sel = input("result", "Loại yêu cầu", "select", 1, NULL);
		json_object_set_new(sel, "options", options(how_accept));
		add_input(x, sel);
		add_input(x, input("body", "Thông báo gửi người yêu cầu", "textarea", 0, "Bắt buộc với yêu cầu phức tạp"));
		json_array_append_new(acts, x);
	}
	if (accepted)
		json_array_append_new(acts, action("process", "Bắt đầu giải quyết", "Bắt đầu giải quyết", NULL));
	if ((accepted || processing) && strcmp(t->deadline_kind, DK_COMPLEX) == 0) {
		x = action("extend", "Gia hạn (một lần, thêm 15 ngày làm việc)", "Gia hạn",
			   "Lý do gia hạn được ghi vào sổ theo dõi và gửi cho người yêu cầu.");
		add_input(x, input("reason_text", "Lý do gia hạn", "textarea", 1, NULL));
		json_array_append_new(acts, x);
	}
	if (accepted || processing || extended || correcting) {
		x = action("provide", correcting ? "Cung cấp lại thông tin đã đính chính" : "Cung cấp thông tin", "Gửi văn bản trả lời",
			   "Văn bản và tệp gửi kèm được lưu riêng, chỉ người yêu cầu (với mã theo dõi và thư điện tử) và cán bộ xem được.");
		sel = input("result", "Kết quả", "select", 1, NULL);
		json_object_set_new(sel, "options", options(how_provide));
		add_input(x, sel);
		add_input(x, input("body", "Văn bản trả lời", "textarea", 1, NULL));
		add_input(x, input("file", "Tệp gửi kèm", "file", 0, "PDF, văn bản, bảng tính hoặc ảnh; nhiều tệp"));
		json_array_append_new(acts, x);
	}
	if (received || accepted || processing || extended) {
		x = action("refuse", "Từ chối cung cấp thông tin", "Từ chối", "Văn bản từ chối phải nêu rõ lý do (Luật TCTT Điều 28).");
		sel = input("reason", "Lý do", "select", 1, NULL);
		json_object_set_new(sel, "options", options(inforeq_refusal_reasons));
		add_input(x, sel);
		add_input(x, input("body", "Văn bản từ chối", "textarea", 1, NULL));
		add_input(x, input("file", "Tệp gửi kèm", "file", 0, NULL));
		json_array_append_new(acts, x);
	}
	if (provided) {
		x = action("correct", "Đính chính thông tin đã cung cấp", "Mở đính chính",
			   "Thông tin đã cung cấp không chính xác: đính chính và cung cấp lại trong 5 ngày làm việc.");
		add_input(x, input("reason_text", "Thông tin không chính xác và cách đính chính", "textarea", 1, NULL));
		json_array_append_new(acts, x);
	}
	return acts;
}

/* ---- the register ---- */


static void set_day(json_t *o, const char *key, int64_t t)
{
	char buf[16];
	if (!t) {
		json_object_set_new(o, key, json_string(""));
		return;
	}
	time_format_vn_date(t, buf, sizeof(buf));
	json_object_set_new(o, key, json_string(buf));
}

json_t *inforeq_register(struct db *db, const struct actor *a, int64_t site_id, int32_t from, int32_t to,
			 int with_personal, int64_t now)
{
	if (actor_level(db, a, site_id) < LVL_REPORTER)
		return NULL;
	struct db_stmt *st = db_stmt(db, "SELECT t.id, t.code, t.number, t.number_year, t.state, t.fields, t.personal, t.received_at,"
				       " t.due_at, t.closed_at, (SELECT e.note FROM ticket_events e WHERE e.ticket_id = t.id AND e.public = 1"
				       " AND e.action <> 'received' ORDER BY e.id DESC LIMIT 1) AS result"
				       " FROM tickets t WHERE t.site_id = ?1 AND t.kind = 'info_request'"
				       " AND t.received_at >= ?2 AND t.received_at < ?3 ORDER BY t.number_year, t.number, t.id");
	if (!st)
		return NULL;
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, vn_time_of_days(from));
	db_bind_int(st, 3, vn_time_of_days(to + 1));
	json_t *rows = db_rows_json(st), *row, *out = json_array();
	size_t i;
	json_array_foreach(rows, i, row) {
		json_t *f = json_loads(json_string_value(json_object_get(row, "fields")), 0, NULL);
		json_t *p = pdata_open_json(json_string_value(json_object_get(row, "personal")));
		const char *state = json_string_value(json_object_get(row, "state"));
		const char *name = p ? kind_text(p, "ho_ten") : "";
		char *shown = with_personal ? xstrdup(name) : ticket_initials(name);
		int64_t due = json_integer_value(json_object_get(row, "due_at")), closed = json_integer_value(json_object_get(row, "closed_at"));
		const char *delivery = choice_label(inforeq_delivery, kind_text(f, "hinh_thuc"));
		json_t *o = json_pack("{sOsOsOsOsssssssssssbss}", "id", json_object_get(row, "id"), "code", json_object_get(row, "code"),
				      "number", json_object_get(row, "number"), "number_year", json_object_get(row, "number_year"),
				      "requester", *shown ? shown : "—", "info", kind_text(f, "thong_tin"), "purpose",
				      kind_text(f, "muc_dich"), "delivery", delivery ? delivery : "", "state", state, "overdue",
				      due && !closed && due < now, "state_label", ticket_state_label(state));
		const char *result = json_string_value(json_object_get(row, "result"));
		json_object_set_new(o, "result", json_string(closed && result ? result : ""));
		set_day(o, "received", json_integer_value(json_object_get(row, "received_at")));
		set_day(o, "due", closed ? 0 : due);
		set_day(o, "closed", closed);
		char iso[11];
		vn_date_format(vn_days_to_date(vn_days_of_time(json_integer_value(json_object_get(row, "received_at")))), iso);
		json_object_set_new(o, "received_iso", json_string(iso));
		if (closed) {
			vn_date_format(vn_days_to_date(vn_days_of_time(closed)), iso);
			json_object_set_new(o, "closed_iso", json_string(iso));
		}
		if (!closed && due) {
			vn_date_format(vn_days_to_date(vn_days_of_time(due)), iso);
			json_object_set_new(o, "due_iso", json_string(iso));
		}
		json_array_append_new(out, o);
		free(shown);
		json_decref(f);
		json_decref(p);
	}
	json_decref(rows);
	if (with_personal && json_array_size(out)) {
		char detail[48];
		snprintf(detail, sizeof(detail), "%zu", json_array_size(out));
		if (db_begin(db) || audit_write(db, a, site_id, "inforeq.register_personal_view", "so-theo-doi", detail) ||
		    db_commit(db)) {
			db_rollback(db);
			json_decref(out);
			return NULL;
		}
	}
	return out;
}
