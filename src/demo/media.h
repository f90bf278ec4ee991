/* media.h — the demo province's photo galleries, videos and banners (docs/media.md). */
#ifndef CONG_DEMO_MEDIA_H
#define CONG_DEMO_MEDIA_H

struct db;

/* Stores the photos in DATA's media library and publishes the galleries, a video with its
 * transcript and the banners of the main portal and the Sở Nội vụ. 0, or -1 with a sentence on
 * stderr. */
int demo_media_load(struct db *db, const char *data);

#endif
