/* range.h — the Range header of a GET for a file (RFC 9110 §14): "bytes=a-b", "bytes=a-",
 * "bytes=-n". Only one range is served: a request for several gets the whole file (200), which
 * RFC 9110 §14.2 allows a server to do ("a server MAY ignore the Range header field"); a
 * multipart/byteranges answer would cost a body built in memory for what players never ask. */
#ifndef CONG_HTTP_RANGE_H
#define CONG_HTTP_RANGE_H

#include <stdint.h>

enum range_result {
	RANGE_NONE,          /* no header, another unit, several ranges or a malformed one: the whole file */
	RANGE_OK,            /* one satisfiable range: *FIRST..*LAST inclusive, within SIZE */
	RANGE_UNSATISFIABLE, /* one well-formed range that starts at or after SIZE (or a suffix of 0): 416 */
};

/* Reads HEADER (may be NULL) for a file of SIZE bytes. */
enum range_result http_range_parse(const char *header, uint64_t size, uint64_t *first, uint64_t *last);

/* The ETag of a file by its size and modification time (nanoseconds): W/-less, quoted; BUF of
 * at least 48 bytes. */
void http_file_etag(uint64_t size, int64_t mtime_ns, char *buf, unsigned n);

/* 1 when an If-Range value (an ETag or an HTTP date) still names the file of ETAG and
 * modification time MTIME (seconds): the range may be served; 0: send the whole file. */
int http_if_range_ok(const char *if_range, const char *etag, int64_t mtime);

#endif
