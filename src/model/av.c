/* av.c — the rules of the media kinds (av.h). */
#include "internal.h"
#include "kind.h"
#include "model/av.h"
#include "model/embed.h"

#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

static int has_file(json_t *fields, const char *key)
{
	return json_integer_value(json_object_get(fields, key)) > 0;
}

static int has_text(json_t *fields, const char *key)
{
	const char *v = json_string_value(json_object_get(fields, key));
	return v && *v;
}

void video_publish_check(struct db *db, const struct kind *k, int64_t site_id, json_t *fields, struct errs *e)
{
	(void)k;
	int file = has_file(fields, "tep_phat"), captions = has_file(fields, "phu_de"), embed = has_text(fields, "nhung");
	if (!file && !embed) {
		errs_add(e, "tep_phat", "video_source_required");
		errs_add(e, "action", "video_source_required");
		return;
	}
	if (file && !captions) {
		errs_add(e, "phu_de", "video_captions_required");
		errs_add(e, "action", "video_captions_required");
	}
	if (embed) {
		char *hosts = embed_hosts(db, site_id);
		struct embed em;
		enum embed_rc rc = embed_resolve(json_string_value(json_object_get(fields, "nhung")), hosts, &em);
		free(hosts);
		if (rc == EMBED_OK)
			embed_free(&em);
		const char *why = rc == EMBED_REFUSED ? "embed_host_refused" : rc == EMBED_INVALID ? "embed_url_invalid" : NULL;
		if (why) {
			errs_add(e, "nhung", why);
			errs_add(e, "action", why);
		}
		if (!file && !captions && !has_text(fields, "ban_ghi")) {
			errs_add(e, "ban_ghi", "video_transcript_required");
			errs_add(e, "action", "video_transcript_required");
		}
	}
}
