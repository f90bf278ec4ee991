/* fuzz_report.c — libFuzzer target for the report and mail builders (src/report, src/mail),
 * which parse only cell values but turn arbitrary text into CSV, SVG, XLSX and MIME.  The input
 * is split at NUL bytes into fields: subject, sender name, body, then table cells / chart
 * categories; the first byte picks the column kinds.  Invariants, abort() on failure:
 *   - CSV parses back (RFC 4180) to the cells, a formula-like text cell behind an apostrophe;
 *   - the SVG has only our tags, entities for & < >, no control characters, balanced tags;
 *   - a message that builds has CRLF lines of at most 78 (headers) and 76 (body) characters,
 *     and its Subject decodes back to the subject; QP and base64 decode back to their input;
 *   - the XLSX (one input in 64, it is slow) is a ZIP whenever it succeeds. */
#include "base/sb.h"
#include "base/utf8.h"
#include "base/util.h"
#include "mail/mail.h"
#include "report/chart.h"
#include "report/table.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FIELDS 40

static void check(int ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "invariant broken: %s\n", what);
		abort();
	}
}

/* ---- CSV read back ---------------------------------------------------------------------- */

/* Parses one CSV record at *P into CELLS (malloc'd strings), returns the count. */
static size_t csv_record(const char **p, char **cells, size_t max)
{
	size_t n = 0;
	for (;;) {
		struct sb f = SB_INIT;
		if (**p == '"') {
			(*p)++;
			for (;;) {
				check(**p != '\0', "unterminated quoted CSV field");
				if (**p == '"' && (*p)[1] == '"') {
					sb_addc(&f, '"');
					*p += 2;
				} else if (**p == '"') {
					(*p)++;
					break;
				} else {
					sb_addc(&f, *(*p)++);
				}
			}
		} else {
			while (**p && **p != ',' && **p != '\r' && **p != '\n') {
				check(**p != '"', "quote in an unquoted CSV field");
				sb_addc(&f, *(*p)++);
			}
		}
		check(n < max, "too many CSV fields");
		cells[n++] = sb_detach(&f, NULL);
		if (**p == ',') {
			(*p)++;
			continue;
		}
		check(**p == '\r' && (*p)[1] == '\n', "CSV record not ended by CRLF");
		*p += 2;
		return n;
	}
}

static int formula_lead(const char *s)
{
	return (*s && strchr("=+-@\t\r", *s)) || !strncmp(s, "\xEF\xBC\x9D", 3) ||
	       !strncmp(s, "\xEF\xBC\x8B", 3) || !strncmp(s, "\xEF\xBC\x8D", 3) ||
	       !strncmp(s, "\xEF\xBC\xA0", 3);
}

static void csv_round_trip(const struct table *t)
{
	struct sb out = SB_INIT;
	char *cells[MAX_FIELDS];
	table_write_csv(t, &out);
	check(!strncmp(out.buf, "\xEF\xBB\xBF", 3), "CSV without BOM");
	const char *p = out.buf + 3;
	for (size_t r = 0; r <= t->nRow; r++) {
		size_t n = csv_record(&p, cells, MAX_FIELDS);
		check(n == t->nCol, "CSV record width");
		for (size_t c = 0; c < n; c++) {
			const char *want = r ? table_cell(t, r - 1, c) : t->aCol[c].title;
			enum table_kind k = r ? t->aCol[c].kind : TABLE_TEXT;
			want = want ? want : "";
			int prot = (k == TABLE_TEXT || !table_cell_valid(k, want)) && formula_lead(want);
			check(!formula_lead(cells[c]) || (k != TABLE_TEXT && table_cell_valid(k, cells[c])),
			      "formula-like CSV cell");
			check(prot ? cells[c][0] == '\'' && !strcmp(cells[c] + 1, want) : !strcmp(cells[c], want),
			      "CSV cell changed");
			free(cells[c]);
		}
	}
	check(*p == '\0', "CSV trailing data");
	sb_release(&out);
}

/* ---- SVG ------------------------------------------------------------------------------- */

static void svg_check(const char *s)
{
	static const char *const tags[] = { "svg", "title", "desc", "rect", "text", "g", "line" };
	static const char *const ent[] = { "&lt;", "&gt;", "&amp;", "&quot;", "&#39;" };
	int depth = 0;
	for (const char *p = s; *p; p++) {
		check((unsigned char)*p >= 0x20 || *p == '\n', "control character in SVG");
		if (*p == '&') {
			size_t i;
			for (i = 0; i < ARRAY_SIZE(ent); i++)
				if (!strncmp(p, ent[i], strlen(ent[i])))
					break;
			check(i < ARRAY_SIZE(ent), "bare & in SVG");
		} else if (*p == '<') {
			int closing = p[1] == '/';
			const char *name = p + 1 + closing;
			size_t nlen = strspn(name, "abcdefghijklmnopqrstuvwxyz"), i;
			for (i = 0; i < ARRAY_SIZE(tags); i++)
				if (strlen(tags[i]) == nlen && !strncmp(name, tags[i], nlen))
					break;
			check(i < ARRAY_SIZE(tags), "unknown tag in SVG");
			const char *end = strchr(p, '>');
			check(end && !memchr(p + 1, '<', (size_t)(end - p - 1)), "broken tag in SVG");
			depth += closing ? -1 : end[-1] == '/' ? 0 : 1;
			check(depth >= 0, "unbalanced SVG");
			p = end;
		} else {
			check(*p != '>', "bare > in SVG");
		}
	}
	check(depth == 0, "unclosed SVG element");
}

/* ---- mail ------------------------------------------------------------------------------ */

static int b64v(char c)
{
	const char *a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const char *p = c ? strchr(a, c) : NULL;
	return p ? (int)(p - a) : -1;
}

static void b64_decode(struct sb *out, const char *s, size_t len)
{
	unsigned acc = 0;
	int bits = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\r' || s[i] == '\n' || s[i] == '=')
			continue;
		int v = b64v(s[i]);
		check(v >= 0, "bad base64 character");
		acc = acc << 6 | (unsigned)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			sb_addc(out, (char)(acc >> bits & 0xFF));
		}
	}
}

static int hexv(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

static void qp_decode(struct sb *out, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] != '=') {
			sb_addc(out, s[i]);
		} else if (i + 2 < len && s[i + 1] == '\r' && s[i + 2] == '\n') {
			i += 2;
		} else {
			check(i + 2 < len && hexv(s[i + 1]) >= 0 && hexv(s[i + 2]) >= 0, "bad QP escape");
			sb_addc(out, (char)(hexv(s[i + 1]) * 16 + hexv(s[i + 2])));
			i += 2;
		}
	}
}

/* CRLF lines, none longer than HMAX up to the first empty line (when HMAX > 0) nor MAX after. */
static void lines_check(const char *s, size_t len, size_t hmax, size_t max)
{
	int headers = hmax > 0;
	size_t pos = 0;
	while (pos < len) {
		const char *eol = memchr(s + pos, '\n', len - pos);
		check(eol && eol > s + pos && eol[-1] == '\r', "line not ended by CRLF");
		size_t n = (size_t)(eol - s - pos) - 1;
		check(!memchr(s + pos, '\r', n), "bare CR");
		if (n == 0)
			headers = 0;
		check(n <= (headers ? hmax : max), "line too long");
		pos += n + 2;
	}
}

/* TEXT with CRLF, LF and lone CR as CRLF, and a CRLF after a last unterminated line. */
static void canonical(struct sb *out, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\r' || s[i] == '\n') {
			sb_adds(out, "\r\n");
			if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
				i++;
		} else {
			sb_addc(out, s[i]);
		}
	}
	if (len && s[len - 1] != '\n' && s[len - 1] != '\r')
		sb_adds(out, "\r\n");
}

static void encoders_check(const char *s, size_t len)
{
	struct sb enc = SB_INIT, dec = SB_INIT, want = SB_INIT;
	mail_add_qp(&enc, s, len);
	lines_check(enc.buf, enc.len, 0, 76);
	qp_decode(&dec, enc.buf, enc.len);
	canonical(&want, s, len);
	check(dec.len == want.len && !memcmp(dec.buf, want.buf, dec.len), "QP round trip");
	sb_reset(&enc);
	sb_reset(&dec);
	mail_add_base64(&enc, s, len);
	lines_check(enc.buf, enc.len, 0, 76);
	b64_decode(&dec, enc.buf, enc.len);
	check(dec.len == len && !memcmp(dec.buf, s, len), "base64 round trip");
	sb_release(&enc);
	sb_release(&dec);
	sb_release(&want);
}

/* The decoded Subject of MSG. */
static char *subject_of(const char *msg)
{
	const char *p = strstr(msg, "\r\nSubject:");
	struct sb raw = SB_INIT, out = SB_INIT;
	check(p != NULL, "no Subject");
	p += 10;
	do {
		const char *eol = strstr(p, "\r\n");
		sb_add(&raw, p, (size_t)(eol - p));
		p = eol + 2;
	} while (*p == ' ');
	/* tokens are separated by one space; encoded-words are joined without it */
	const char *q = raw.buf + (raw.len && raw.buf[0] == ' ');
	int prev_ew = 0;
	while (*q) {
		size_t n = strcspn(q, " ");
		int ew = n >= 12 && !strncmp(q, "=?UTF-8?B?", 10) && !strncmp(q + n - 2, "?=", 2);
		if (out.len && !(ew && prev_ew))
			sb_addc(&out, ' ');
		if (ew)
			b64_decode(&out, q + 10, n - 12);
		else
			sb_add(&out, q, n);
		prev_ew = ew;
		q += n + (q[n] == ' ');
	}
	sb_release(&raw);
	return sb_detach(&out, NULL);
}

static void mail_check(char **f, size_t nf)
{
	const char *to[] = { "snv@vinhlong.gov.vn", "bientap.snv@vinhlong.gov.vn" };
	struct mail_config cfg = { .url = "smtp://127.0.0.1", .from = "khong-tra-loi@vinhlong.gov.vn",
				   .from_name = nf > 1 ? f[1] : NULL };
	struct mail_message m = { to, 2, f[0], nf > 2 ? f[2] : "", nf > 3 ? f[3] : NULL, NULL };
	struct sb out = SB_INIT;
	char err[200];
	if (mail_build(&cfg, &m, 1795316400, &out, err, sizeof(err)) == 0) {
		lines_check(out.buf, out.len, 78, 76);
		char *subj = subject_of(out.buf);
		check(!strcmp(subj, f[0]), "Subject does not decode back");
		free(subj);
	} else {
		/* refused only for control characters or bad UTF-8 */
		int bad = !utf8_valid(f[0], strlen(f[0])) || strpbrk(f[0], "\r\n") ||
			  (nf > 1 && !utf8_valid(f[1], strlen(f[1]))) ||
			  (nf > 2 && !utf8_valid(f[2], strlen(f[2]))) ||
			  (nf > 3 && !utf8_valid(f[3], strlen(f[3])));
		for (size_t i = 0; i < 2 && i < nf; i++)
			for (const char *p = f[i]; *p; p++)
				bad |= (unsigned char)*p < 0x20 || *p == 0x7F;
		check(bad, "a good message refused");
	}
	sb_release(&out);
}

/* ---- the target ------------------------------------------------------------------------ */

static void report_check(const uint8_t *data, size_t size, char **f, size_t nf)
{
	struct table t;
	size_t ncol = 1 + data[0] % 4;
	table_init(&t, f[0]);
	for (size_t c = 0; c < ncol; c++)
		table_add_column(&t, c < nf ? f[c] : "", (enum table_kind)((data[0] >> (2 * c)) % 5));
	const char *row[4];
	for (size_t i = ncol; i + ncol <= nf; i += ncol) {
		for (size_t c = 0; c < ncol; c++)
			row[c] = f[i + c];
		table_add_row(&t, row);
	}
	csv_round_trip(&t);
	if (size % 64 == 0) {
		struct sb x = SB_INIT;
		char err[200];
		if (table_write_xlsx(&t, &x, err, sizeof(err)) == 0)
			check(x.len > 4 && !memcmp(x.buf, "PK\x03\x04", 4), "XLSX not a ZIP");
		sb_release(&x);
	}
	table_release(&t);

	const char *series[] = { nf > 1 ? f[1] : "a", nf > 2 ? f[2] : "b", "c" };
	int64_t vals[3 * MAX_FIELDS];
	for (size_t i = 0; i < 3 * MAX_FIELDS; i++)
		vals[i] = i < size ? (int64_t)data[i] * (data[i] & 1 ? 1000003 : 1) : 0;
	struct chart_hbar ch = { f[0], f[0], nf > 1 ? f[1] : "", "—", series, 1 + data[0] % 3,
				 (const char *const *)f, nf, vals };
	struct sb svg = SB_INIT;
	if (chart_hbar_svg(&ch, &svg) == 0)
		svg_check(svg.buf);
	sb_release(&svg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *f[MAX_FIELDS];
	size_t nf = 0, start = 0;
	if (size == 0)
		return 0;
	for (size_t i = 1; i <= size && nf < MAX_FIELDS; i++)
		if (i == size || data[i] == 0) {
			f[nf++] = xstrndup((const char *)data + start + (start == 0), i - start - (start == 0));
			start = i + 1;
		}
	encoders_check((const char *)data, size);
	mail_check(f, nf);
	report_check(data, size, f, nf);
	for (size_t i = 0; i < nf; i++)
		free(f[i]);
	return 0;
}
