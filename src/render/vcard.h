/* vcard.h — writing vCard 4.0 (RFC 6350) for the officials' "add to contacts" links: content
 * lines ended by CRLF and folded at 75 octets (never inside a UTF-8 character), text values
 * escaped (\\ \, \; \n), structured values (N, ORG) with their components escaped one by one. */
#ifndef CONG_RENDER_VCARD_H
#define CONG_RENDER_VCARD_H

#include <stddef.h>

struct sb;

/* Appends NAME (with its parameters, "TEL;TYPE=work,voice") ":" and the escaped text VALUE as one
 * folded content line. Nothing when VALUE is NULL or empty. */
void vcard_text(struct sb *out, const char *name, const char *value);
/* The same for a structured value of N components (each escaped; separated by ';'). */
void vcard_struct(struct sb *out, const char *name, const char *const *parts, size_t n);
/* A line whose value is written as is (a URI, "4.0"): folded, not escaped. */
void vcard_raw(struct sb *out, const char *name, const char *value);
/* N's components of a Vietnamese full name written family name first ("Nguyễn Văn An"):
 * family "Nguyễn", given "An", additional "Văn". Writes malloc'd strings into OUT[0..2]. */
void vcard_name_parts(const char *full, char *out[3]);

#endif
