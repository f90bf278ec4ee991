/* pdata.c — personal data sealed at rest (pdata.h). */
#include "model.h"
#include "pdata.h"
#include "base/log.h"
#include "base/util.h"
#include "base/arena.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define PDATA_KDF_ID 2 /* ops.c's anchors are 1 */
#define TAG_KDF_ID 3
static const char pdata_ctx[8] = { 'c', 'o', 'n', 'g', 'p', 'd', 'a', 't' };
static const char tag_ctx[8] = { 'c', 'o', 'n', 'g', 't', 'a', 'g', 's' };

char *pdata_seal(const char *plain)
{
	unsigned char k[crypto_secretbox_KEYBYTES];
	if (!plain || secret_subkey(PDATA_KDF_ID, pdata_ctx, k, sizeof(k)))
		return NULL;
	size_t n = strlen(plain), blen = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + n;
	unsigned char *box = xmalloc(blen);
	randombytes_buf(box, crypto_secretbox_NONCEBYTES);
	crypto_secretbox_easy(box + crypto_secretbox_NONCEBYTES, (const unsigned char *)plain, n, box, k);
	sodium_memzero(k, sizeof(k));
	size_t b64 = sodium_base64_ENCODED_LEN(blen, sodium_base64_VARIANT_ORIGINAL);
	char *out = xmalloc(3 + b64);
	memcpy(out, "p1:", 3);
	sodium_bin2base64(out + 3, b64, box, blen, sodium_base64_VARIANT_ORIGINAL);
	free(box);
	return out;
}

char *pdata_open(const char *sealed)
{
	unsigned char k[crypto_secretbox_KEYBYTES];
	if (!sealed || strncmp(sealed, "p1:", 3) != 0)
		return NULL;
	size_t slen = strlen(sealed + 3), n = 0;
	unsigned char *box = xmalloc(slen + 1);
	char *plain = NULL;
	if (sodium_base642bin(box, slen + 1, sealed + 3, slen, NULL, &n, NULL, sodium_base64_VARIANT_ORIGINAL) != 0 ||
	    n < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
		goto out;
	if (secret_subkey(PDATA_KDF_ID, pdata_ctx, k, sizeof(k)))
		goto out;
	size_t plen = n - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES;
	plain = xmalloc(plen + 1);
	if (crypto_secretbox_open_easy((unsigned char *)plain, box + crypto_secretbox_NONCEBYTES,
				       n - crypto_secretbox_NONCEBYTES, box, k) != 0) {
		log_error("pdata: sealed personal data does not open with secret.key (was the key replaced?)");
		free(plain);
		plain = NULL;
	} else {
		plain[plen] = '\0';
	}
	sodium_memzero(k, sizeof(k));
out:
	free(box);
	return plain;
}

char *pdata_seal_json(json_t *o)
{
	char *s = json_dumps(o, JSON_COMPACT);
	if (!s)
		return NULL;
	char *sealed = pdata_seal(s);
	sodium_memzero(s, strlen(s));
	json_free_str(s);
	return sealed;
}

json_t *pdata_open_json(const char *sealed)
{
	char *s = pdata_open(sealed);
	if (!s)
		return NULL;
	json_t *o = json_loads(s, 0, NULL);
	sodium_memzero(s, strlen(s));
	free(s);
	if (o && !json_is_object(o)) {
		json_decref(o);
		o = NULL;
	}
	return o;
}

int pdata_tag(const char *purpose, const char *value, char out[PDATA_TAG_LEN + 1])
{
	unsigned char k[crypto_generichash_KEYBYTES], h[PDATA_TAG_LEN / 2];
	if (!value || secret_subkey(TAG_KDF_ID, tag_ctx, k, sizeof(k)))
		return -1;
	while (*value == ' ' || *value == '\t')
		value++;
	size_t n = strlen(value);
	while (n && (value[n - 1] == ' ' || value[n - 1] == '\t'))
		n--;
	char *low = xmalloc(n + 1);
	for (size_t i = 0; i < n; i++)
		low[i] = value[i] >= 'A' && value[i] <= 'Z' ? (char)(value[i] - 'A' + 'a') : value[i];
	low[n] = '\0';
	crypto_generichash_state st;
	crypto_generichash_init(&st, k, sizeof(k), sizeof(h));
	crypto_generichash_update(&st, (const unsigned char *)purpose, strlen(purpose) + 1);
	crypto_generichash_update(&st, (const unsigned char *)low, n);
	crypto_generichash_final(&st, h, sizeof(h));
	sodium_memzero(k, sizeof(k));
	sodium_memzero(low, n);
	free(low);
	sodium_bin2hex(out, PDATA_TAG_LEN + 1, h, sizeof(h));
	return 0;
}
