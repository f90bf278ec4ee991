/* cp.h — what folding (slug.c) and tone placement (tone.c) know of one code point, computed once
 * by their general paths, for the code points where a string's result is the concatenation of
 * its code points' (no composition across them): ASCII, Latin-1, Latin Extended-A and -B, Latin
 * Extended Additional (every Vietnamese letter) and General Punctuation. */
#ifndef CONG_VN_CP_H
#define CONG_VN_CP_H

#include <stdint.h>

struct vn_cp {
	unsigned char ok;      /* 0: not in the table's ranges, or a combining mark: the general path */
	unsigned char plain;   /* NFC as it is, and no tone of oa/oe/uy/qu to move: tone.c copies it */
	unsigned char fold_len;
	char fold[13];         /* vn_fold of the code point alone */
};

/* The code point's entry, or NULL outside the table. Thread-safe. */
const struct vn_cp *vn_cp_info(int32_t cp);

/* The general paths (the whole string through utf8proc), for tests: vn_fold and
 * vn_tone_normalize give the same, faster. */
char *vn_fold_general(const char *s);
char *vn_tone_normalize_general(const char *s);

#endif
