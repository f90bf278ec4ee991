/* vtt.h — a check of WebVTT files (captions, subtitles, transcripts of audio and video; W3C
 * WebVTT §4, the parts that decide whether a player will show them): UTF-8, the "WEBVTT"
 * signature line, blocks separated by blank lines, each cue with a timing line
 * "hh:mm:ss.ttt --> hh:mm:ss.ttt [settings]" (hours optional, minutes and seconds below 60, the
 * end after the start), cue text that is not empty, cue start times in order. NOTE, STYLE and
 * REGION blocks are allowed. */
#ifndef CONG_MODEL_VTT_H
#define CONG_MODEL_VTT_H

#include <stddef.h>
#include <stdint.h>

struct vtt_result {
	size_t cues;        /* how many cues */
	size_t line;        /* the line of the error (1-based), 0 when valid */
	int64_t last_end;   /* milliseconds: the last cue's end */
	const char *error;  /* a message key of locale/vi/, NULL when valid */
};

/* 0 when BYTES is a valid WebVTT file with at least one cue; -1 with R's line and error set. */
int vtt_check(const char *bytes, size_t len, struct vtt_result *r);

/* Reads "[hh:]mm:ss.ttt" at S (exactly that: the WebVTT timestamp) into *MS; returns the bytes
 * read, 0 when S does not start with one. */
size_t vtt_timestamp(const char *s, size_t len, int64_t *ms);

/* The cues' text without timings, tags or notes, one cue a line (a transcript to show under a
 * player when the item has none of its own); malloc'd, NULL when BYTES is not valid. */
char *vtt_text(const char *bytes, size_t len);

#endif
