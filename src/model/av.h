/* av.h — the rules of the media kinds (docs/media.md): a video or audio item needs captions or
 * a transcript before it is published (TT 26/2020/TT-BTTTT; WCAG 2.1 §1.2.1–1.2.3), and an
 * embedded player must come from the site's allow-list (model/embed.h). */
#ifndef CONG_MODEL_AV_H
#define CONG_MODEL_AV_H

#include <jansson.h>
#include <stdint.h>

struct db;
struct errs;
struct kind;

/* The video kind's publish_check (kind.h): a file or a player of another site; an uploaded
 * file's WebVTT captions; a player's host allowed and its captions file or transcript. */
void video_publish_check(struct db *db, const struct kind *k, int64_t site_id, json_t *fields, struct errs *e);

#endif
