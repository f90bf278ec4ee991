/* prefs.c — the display preferences' cookie, read and written (prefs.h). The value is two words
 * joined by a dot, size then contrast: short, readable, and nothing a cookie may not hold. */
#include "http/prefs.h"

#include <stdio.h>
#include <string.h>

#include "base/banned.h"

static const char *const size_words[PREFS_NSIZES] = { "thuong", "lon", "rat-lon" };

const char *prefs_size_word(enum prefs_size s)
{
	return (unsigned)s < PREFS_NSIZES ? size_words[s] : size_words[0];
}

int prefs_size_from_word(const char *w)
{
	for (int i = 0; w && i < PREFS_NSIZES; i++)
		if (strcmp(w, size_words[i]) == 0)
			return i;
	return -1;
}

void prefs_parse(const char *value, struct prefs *p)
{
	p->size = PREFS_SIZE_NORMAL;
	p->contrast = 0;
	if (!value)
		return;
	const char *dot = strchr(value, '.');
	if (!dot || strchr(dot + 1, '.'))
		return;
	char size[16];
	size_t n = (size_t)(dot - value);
	if (n >= sizeof(size))
		return;
	memcpy(size, value, n);
	size[n] = '\0';
	int s = prefs_size_from_word(size);
	if (s > 0)
		p->size = (enum prefs_size)s;
	p->contrast = strcmp(dot + 1, "cao") == 0;
}

const char *prefs_format(const struct prefs *p, char *buf, size_t n)
{
	if (!prefs_set(p)) {
		if (n)
			buf[0] = '\0';
		return buf;
	}
	snprintf(buf, n, "%s.%s", prefs_size_word(p->size), p->contrast ? "cao" : "thuong");
	return buf;
}

int prefs_set(const struct prefs *p)
{
	return p->size != PREFS_SIZE_NORMAL || p->contrast;
}

const char *prefs_html_class(const struct prefs *p)
{
	/* [size][contrast]: constants, so that the page's view data can point at them */
	static const char *const classes[PREFS_NSIZES][2] = {
		{ "", "tuong-phan-cao" },
		{ "chu-lon", "chu-lon tuong-phan-cao" },
		{ "chu-rat-lon", "chu-rat-lon tuong-phan-cao" },
	};
	return classes[(unsigned)p->size < PREFS_NSIZES ? p->size : 0][p->contrast ? 1 : 0];
}
