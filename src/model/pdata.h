/* pdata.h — personal data at rest (ND 13/2023; ĐT Đ10): what identifies a citizen (a name, an
 * e-mail, a phone number, an address, an ID number) is stored sealed (libsodium secretbox, XSalsa20
 * and Poly1305) under a key derived from DATA/secret.key (model.h: secret_subkey), never in clear:
 * a copy of the database alone gives none of it. Lookups that need equality (how many questions
 * an e-mail sent today; does this e-mail own that tracking code) use a keyed BLAKE2b tag of the
 * folded value, which gives nothing back either. */
#ifndef CONG_MODEL_PDATA_H
#define CONG_MODEL_PDATA_H

#include <jansson.h>

#define PDATA_TAG_LEN 32 /* hex characters of a tag */

/* "p1:" + base64(nonce || secretbox(PLAIN)); malloc'd, NULL when the key is unusable (logged). */
char *pdata_seal(const char *plain);
/* The text sealed in SEALED; malloc'd, NULL when it does not open (another key, damaged). */
char *pdata_open(const char *sealed);
/* The same for a JSON object (serialised compactly): NULL on error. */
char *pdata_seal_json(json_t *o);
json_t *pdata_open_json(const char *sealed);
/* The tag of VALUE for PURPOSE ("email", "addr"): trimmed and lower-cased (ASCII) first, so
 * that "A@B.vn " and "a@b.vn" have one tag; OUT holds PDATA_TAG_LEN + 1. 0, or -1. */
int pdata_tag(const char *purpose, const char *value, char out[PDATA_TAG_LEN + 1]);

#endif
