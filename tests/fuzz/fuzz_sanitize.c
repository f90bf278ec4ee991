/* fuzz_sanitize.c — libFuzzer target for the XSS wall (src/render/sanitize.c).
 * Invariants, abort() on failure: the output reparsed by gumbo holds only allowed elements and
 * attributes, no on* attribute, no comment, only allowed URL schemes; sanitizing the output
 * again gives it back unchanged (idempotence); the output is NFC; html_to_text never fails. */
#include "base/utf8.h"
#include "base/util.h"
#include "render/sanitize.h"

#include <gumbo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const allowed_tags[] = {
	"p", "br", "h2", "h3", "h4", "strong", "em", "u", "s", "sub", "sup", "blockquote", "ul",
	"ol", "li", "a", "img", "figure", "figcaption", "table", "caption", "thead", "tbody",
	"tfoot", "tr", "th", "td", "hr", "pre", "code",
};

/* "tag:attr" pairs that may appear. */
static const char *const allowed_attrs[] = {
	"a:href", "a:title", "a:rel", "img:src", "img:alt", "img:width", "img:height", "img:title",
	"th:colspan", "th:rowspan", "th:scope", "td:colspan", "td:rowspan", "ol:start",
};

static int url_ok(const char *v, int is_src)
{
	char b[32];
	size_t n = 0;
	for (; *v && n < sizeof(b) - 1; v++) {
		unsigned char c = (unsigned char)*v;
		if (c <= 0x20 || c == 0x7f)
			continue;
		b[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	b[n] = '\0';
	if (!strncmp(b, "http:", 5) || !strncmp(b, "https:", 6))
		return 1;
	if (is_src)
		return !strncmp(b, "/media/", 7);
	if (!strncmp(b, "mailto:", 7) || !strncmp(b, "tel:", 4) || b[0] == '#')
		return 1;
	return b[0] == '/' && b[1] != '/' && b[1] != '\\';
}

static void check_tree(const GumboNode *root)
{
	const GumboNode **stack = xmalloc(sizeof(*stack) * 16);
	size_t n = 0, cap = 16;
	stack[n++] = root;
	while (n) {
		const GumboNode *node = stack[--n];
		if (node->type == GUMBO_NODE_COMMENT || node->type == GUMBO_NODE_TEMPLATE)
			abort();
		if (node->type != GUMBO_NODE_ELEMENT)
			continue;
		const GumboElement *el = &node->v.element;
		const char *tag = gumbo_normalized_tagname(el->tag);
		if (node != root) {
			size_t i;
			if (el->tag_namespace != GUMBO_NAMESPACE_HTML || el->tag == GUMBO_TAG_UNKNOWN)
				abort();
			for (i = 0; i < ARRAY_SIZE(allowed_tags); i++)
				if (!strcmp(tag, allowed_tags[i]))
					break;
			if (i == ARRAY_SIZE(allowed_tags))
				abort();
			for (unsigned k = 0; k < el->attributes.length; k++) {
				const GumboAttribute *at = el->attributes.data[k];
				char pair[64];
				snprintf(pair, sizeof(pair), "%s:%s", tag, at->name);
				if ((at->name[0] | 32) == 'o' && (at->name[1] | 32) == 'n')
					abort();
				for (i = 0; i < ARRAY_SIZE(allowed_attrs); i++)
					if (!strcmp(pair, allowed_attrs[i]))
						break;
				if (i == ARRAY_SIZE(allowed_attrs))
					abort();
				if (!strcmp(at->name, "href") && !url_ok(at->value, 0))
					abort();
				if (!strcmp(at->name, "src") && !url_ok(at->value, 1))
					abort();
			}
		}
		for (unsigned k = 0; k < el->children.length; k++) {
			if (n == cap) {
				cap *= 2;
				stack = xrealloc(stack, sizeof(*stack) * cap);
			}
			stack[n++] = el->children.data[k];
		}
	}
	free(stack);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sanitize_report rep;
	char *out = html_sanitize((const char *)data, size, &rep);
	size_t len = strlen(out);

	GumboOptions opt = kGumboDefaultOptions;
	opt.fragment_context = GUMBO_TAG_DIV;
	GumboOutput *g = gumbo_parse_with_options(&opt, out, len);
	check_tree(g->root);
	gumbo_destroy_output(&opt, g);

	char *again = html_sanitize(out, len, NULL);
	if (strcmp(out, again)) {
		fprintf(stderr, "not idempotent:\n1: %s\n2: %s\n", out, again);
		abort();
	}
	char *nfc = utf8_nfc(out, len);
	if (!nfc || strcmp(nfc, out)) {
		fprintf(stderr, "not NFC: %s\n", out);
		abort();
	}
	free(nfc);
	if (rep.removed_elements < 0 || rep.removed_attributes < 0 || rep.images_without_alt < 0)
		abort();
	free(html_to_text((const char *)data, size));
	free(again);
	free(out);
	return 0;
}
