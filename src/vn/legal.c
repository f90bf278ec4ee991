/* legal.c — the relation table and the validity rules of legal.h. The status only moves forward
 * in time (not yet → in force → partly → wholly expired), and only on a day some input names,
 * so the next change is the first of those days whose status differs from today's. */
#include "legal.h"
#include "base/util.h"

#include <string.h>

#include "base/banned.h"

static const struct {
	const char *key, *label;
} statuses[] = {
	[LEGAL_NOT_YET] = { "chua_co_hieu_luc", "Chưa có hiệu lực" },
	[LEGAL_IN_FORCE] = { "con_hieu_luc", "Còn hiệu lực" },
	[LEGAL_PARTLY_EXPIRED] = { "het_hieu_luc_mot_phan", "Hết hiệu lực một phần" },
	[LEGAL_EXPIRED] = { "het_hieu_luc_toan_bo", "Hết hiệu lực toàn bộ" },
};

static int status_valid(enum legal_status s)
{
	return s >= LEGAL_NOT_YET && s <= LEGAL_EXPIRED;
}

const char *legal_status_key(enum legal_status s)
{
	return status_valid(s) ? statuses[s].key : "";
}

const char *legal_status_label(enum legal_status s)
{
	return status_valid(s) ? statuses[s].label : "";
}

enum legal_status legal_status_from_key(const char *key)
{
	for (int s = LEGAL_NOT_YET; s <= LEGAL_EXPIRED; s++)
		if (strcmp(key, statuses[s].key) == 0)
			return (enum legal_status)s;
	return 0;
}

const struct legal_rel_info legal_rels[LEGAL_REL_COUNT] = {
	{ LEGAL_REL_CAN_CU, "can_cu", "Căn cứ", "Là căn cứ của", LEGAL_EFFECT_NONE },
	{ LEGAL_REL_HUONG_DAN, "huong_dan", "Hướng dẫn", "Được hướng dẫn bởi", LEGAL_EFFECT_NONE },
	{ LEGAL_REL_SUA_DOI, "sua_doi", "Sửa đổi, bổ sung", "Được sửa đổi, bổ sung bởi", LEGAL_EFFECT_PART },
	{ LEGAL_REL_THAY_THE, "thay_the", "Thay thế", "Bị thay thế bởi", LEGAL_EFFECT_WHOLE },
	{ LEGAL_REL_BAI_BO, "bai_bo", "Bãi bỏ", "Bị bãi bỏ bởi", LEGAL_EFFECT_WHOLE },
	{ LEGAL_REL_DINH_CHINH, "dinh_chinh", "Đính chính", "Được đính chính bởi", LEGAL_EFFECT_NONE },
};

const struct legal_rel_info *legal_rel_info(enum legal_rel rel)
{
	if (rel < LEGAL_REL_CAN_CU || rel > LEGAL_REL_DINH_CHINH)
		return NULL;
	return &legal_rels[rel - 1];
}

enum legal_rel legal_rel_from_key(const char *key)
{
	for (size_t i = 0; i < ARRAY_SIZE(legal_rels); i++)
		if (strcmp(key, legal_rels[i].key) == 0)
			return legal_rels[i].rel;
	return 0;
}

const char *legal_rel_label_from(enum legal_rel rel)
{
	const struct legal_rel_info *r = legal_rel_info(rel);
	return r ? r->label_from : "";
}

const char *legal_rel_label_to(enum legal_rel rel)
{
	const struct legal_rel_info *r = legal_rel_info(rel);
	return r ? r->label_to : "";
}

static enum legal_effect act_effect(const struct legal_act *a)
{
	const struct legal_rel_info *r = legal_rel_info(a->rel);
	return r && a->effective ? r->effect : LEGAL_EFFECT_NONE;
}

/* The earliest act of EFFECT in force on TODAY: its index (lowest on a tie), -1 when none. */
static int earliest_act(const struct legal_act *acts, size_t n_act, enum legal_effect effect, int32_t today)
{
	int best = -1;
	for (size_t i = 0; i < n_act; i++)
		if (act_effect(&acts[i]) == effect && acts[i].effective <= today &&
		    (best < 0 || acts[i].effective < acts[best].effective))
			best = (int)i;
	return best;
}

struct legal_validity legal_validity_at(const struct legal_dates *d, const struct legal_act *acts,
					size_t n_act, int32_t today)
{
	int32_t start = d->effective ? d->effective : d->issued;
	int whole = earliest_act(acts, n_act, LEGAL_EFFECT_WHOLE, today);

	if (d->expires && d->expires <= today && (whole < 0 || d->expires <= acts[whole].effective))
		return (struct legal_validity){ LEGAL_EXPIRED, d->expires, -1 };
	if (whole >= 0)
		return (struct legal_validity){ LEGAL_EXPIRED, acts[whole].effective, whole };
	if (start && today < start)
		return (struct legal_validity){ LEGAL_NOT_YET, d->issued && d->issued <= today ? d->issued : 0, -1 };
	int part = earliest_act(acts, n_act, LEGAL_EFFECT_PART, today);
	if (part >= 0) {
		int32_t since = acts[part].effective;
		return (struct legal_validity){ LEGAL_PARTLY_EXPIRED, start > since ? start : since, part };
	}
	return (struct legal_validity){ LEGAL_IN_FORCE, start, -1 };
}

int32_t legal_validity_next_change(const struct legal_dates *d, const struct legal_act *acts,
				   size_t n_act, int32_t today)
{
	enum legal_status now = legal_validity_at(d, acts, n_act, today).status;
	int32_t next = 0;
	/* the days an input names: the document's start and expiry, the acting documents' starts */
	for (size_t i = 0; i <= n_act + 1; i++) {
		int32_t day;
		if (i == n_act)
			day = d->effective ? d->effective : d->issued;
		else if (i == n_act + 1)
			day = d->expires;
		else
			day = act_effect(&acts[i]) != LEGAL_EFFECT_NONE ? acts[i].effective : 0;
		if (!day || day <= today || (next && day >= next))
			continue;
		if (legal_validity_at(d, acts, n_act, day).status != now)
			next = day;
	}
	return next;
}
