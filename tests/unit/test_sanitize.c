/* test_sanitize.c — the HTML sanitizer (src/render/sanitize.c): cases for every rule, html_to_text,
 * the report, and the XSS corpus tests/data/xss/payloads.txt, each output parsed again with
 * gumbo and checked against the allow-list and for idempotence. */
#include "t.h"

#include "base/sb.h"
#include "base/utf8.h"
#include "base/util.h"
#include "render/sanitize.h"

#include <gumbo.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define XSS_CORPUS "tests/data/xss/payloads.txt"

struct scase {
	const char *in, *want;
};

static char *san(const char *in)
{
	return html_sanitize(in, strlen(in), NULL);
}

/* Checks every case: the expected output, and that sanitizing it again changes nothing. */
static void check_cases(const struct scase *c, size_t n, const char *file, int line)
{
	for (size_t i = 0; i < n; i++) {
		char *got = san(c[i].in);
		if (!t_check_str(got, c[i].want, c[i].in, file, line)) {
			free(got);
			continue;
		}
		char *again = san(got);
		t_check_str(again, got, "idempotence", file, line);
		free(again);
		free(got);
	}
}

#define CHECK_CASES(c) check_cases((c), ARRAY_SIZE(c), __FILE__, __LINE__)

/* ---- the allow-list checker used by the corpus (independent of the sanitizer's code) ---- */

static const char *const ok_tags[] = {
	"p", "br", "h2", "h3", "h4", "strong", "em", "u", "s", "sub", "sup", "blockquote", "ul",
	"ol", "li", "a", "img", "figure", "figcaption", "table", "caption", "thead", "tbody",
	"tfoot", "tr", "th", "td", "hr", "pre", "code",
};

static const char *const ok_attrs[] = {
	"a:href", "a:title", "a:rel", "img:src", "img:alt", "img:width", "img:height", "img:title",
	"th:colspan", "th:rowspan", "th:scope", "td:colspan", "td:rowspan", "ol:start",
};

static int in_list(const char *s, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(s, list[i]))
			return 1;
	return 0;
}

/* The scheme rule, written again from the specification. */
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

/* Parses HTML as the public page will (inside a <div>) and writes the first violation of the
 * allow-list to WHY; returns 1 when there is none. */
static int allowed_only(const char *html, char *why, size_t whylen)
{
	GumboOptions opt = kGumboDefaultOptions;
	opt.fragment_context = GUMBO_TAG_DIV;
	GumboOutput *g = gumbo_parse_with_options(&opt, html, strlen(html));
	const GumboNode **stack = xmalloc(sizeof(*stack) * 64);
	size_t n = 0, cap = 64;
	int ok = 1;

	*why = '\0';
	stack[n++] = g->root;
	while (n && ok) {
		const GumboNode *node = stack[--n];
		if (node->type == GUMBO_NODE_COMMENT || node->type == GUMBO_NODE_TEMPLATE) {
			snprintf(why, whylen, "comment or template in output");
			ok = 0;
			break;
		}
		if (node->type != GUMBO_NODE_ELEMENT)
			continue;
		const GumboElement *el = &node->v.element;
		const char *tag = gumbo_normalized_tagname(el->tag);
		if (node != g->root) {
			if (el->tag_namespace != GUMBO_NAMESPACE_HTML || el->tag == GUMBO_TAG_UNKNOWN ||
			    !in_list(tag, ok_tags, ARRAY_SIZE(ok_tags))) {
				snprintf(why, whylen, "element <%s>", el->tag == GUMBO_TAG_UNKNOWN ? "?" : tag);
				ok = 0;
				break;
			}
			for (unsigned k = 0; k < el->attributes.length; k++) {
				const GumboAttribute *at = el->attributes.data[k];
				char pair[96];
				snprintf(pair, sizeof(pair), "%s:%s", tag, at->name);
				if (!strncasecmp(at->name, "on", 2) || !in_list(pair, ok_attrs, ARRAY_SIZE(ok_attrs)) ||
				    (!strcmp(at->name, "href") && !url_ok(at->value, 0)) ||
				    (!strcmp(at->name, "src") && !url_ok(at->value, 1))) {
					snprintf(why, whylen, "attribute %s=\"%.40s\"", pair, at->value);
					ok = 0;
					break;
				}
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
	gumbo_destroy_output(&opt, g);
	return ok;
}

/* ---- elements ---- */

TEST(sanitize_allowed_elements_kept)
{
	static const struct scase c[] = {
		{ "<p>a</p>", "<p>a</p>" },
		{ "<h2>a</h2><h3>b</h3><h4>c</h4>", "<h2>a</h2><h3>b</h3><h4>c</h4>" },
		{ "<p><strong>a</strong><em>b</em><u>c</u><s>d</s><sub>e</sub><sup>f</sup><code>g</code></p>",
		  "<p><strong>a</strong><em>b</em><u>c</u><s>d</s><sub>e</sub><sup>f</sup><code>g</code></p>" },
		{ "<blockquote><p>q</p></blockquote>", "<blockquote><p>q</p></blockquote>" },
		{ "<ul><li>a</li><li>b</li></ul><ol><li>c</li></ol>", "<ul><li>a</li><li>b</li></ul><ol><li>c</li></ol>" },
		{ "<figure><img src=\"/media/a.jpg\" alt=\"x\"><figcaption>c</figcaption></figure>",
		  "<figure><img src=\"/media/a.jpg\" alt=\"x\"><figcaption>c</figcaption></figure>" },
		{ "<table><caption>t</caption><thead><tr><th>h</th></tr></thead><tbody><tr><td>1</td></tr></tbody>"
		  "<tfoot><tr><td>f</td></tr></tfoot></table>",
		  "<table><caption>t</caption><thead><tr><th>h</th></tr></thead><tbody><tr><td>1</td></tr></tbody>"
		  "<tfoot><tr><td>f</td></tr></tfoot></table>" },
		{ "<hr><pre>x\n  y</pre>", "<hr><pre>\nx\n  y</pre>" },
		{ "<p>a<br>b<br/>c</br>d</p>", "<p>a<br>b<br>c<br>d</p>" },
		{ "<p><a href=\"/x\">l</a></p>", "<p><a href=\"/x\">l</a></p>" },
		{ "<p></p>", "<p></p>" },                       /* empty paragraphs may stay */
		{ "<p>&nbsp;</p>", "<p>\xC2\xA0</p>" },
	};
	CHECK_CASES(c);
}

TEST(sanitize_renamed_elements)
{
	static const struct scase c[] = {
		{ "<h1>a</h1>", "<h2>a</h2>" },
		{ "<h5>a</h5><h6>b</h6>", "<h4>a</h4><h4>b</h4>" },
		{ "<p><b>a</b><i>b</i></p>", "<p><strong>a</strong><em>b</em></p>" },
		{ "<p><strike>a</strike></p>", "<p><s>a</s></p>" },
		{ "<H1 CLASS=x>A</H1>", "<h2>A</h2>" },
	};
	CHECK_CASES(c);
}

TEST(sanitize_unwrapped_elements)
{
	static const struct scase c[] = {
		{ "<p>a<span style=\"color:red\">b</span>c</p>", "<p>abc</p>" },
		{ "<p><font face=x>a</font> <small>b</small> <mark>c</mark> <q>d</q></p>", "<p>a b c d</p>" },
		{ "<p>a<ins>b</ins><del>c</del></p>", "<p>abc</p>" },
		{ "<div>a</div><div>b</div>", "<p>a</p><p>b</p>" },
		{ "<section><article><p>x</p></article></section>", "<p>x</p>" },
		{ "<ul><li><div>a</div><div>b</div></li></ul>", "<ul><li>a\nb</li></ul>" },
		/* The parser closes <p> at <div> and reopens <strong> around the rest. */
		{ "<p><strong>a<div>b</div>c</strong></p>",
		  "<p><strong>a</strong></p><p><strong>b</strong></p><p><strong>c</strong></p><p></p>" },
		{ "<blockquote>a<center>b</center></blockquote>", "<blockquote>a\nb</blockquote>" },
		{ "<p><xss>x</xss><custom-el a=1>y</custom-el></p>", "<p>xy</p>" },
		{ "<dl><dt>t</dt><dd>d</dd></dl>", "<p>t</p><p>d</p>" },
		{ "<p><label>a</label><wbr>b</p>", "<p>ab</p>" },
		{ "<video>fallback<source src=x></video>", "<p>fallback</p>" },
	};
	CHECK_CASES(c);
}

TEST(sanitize_dropped_with_content)
{
	static const char *const tags[] = {
		"script", "style", "template", "iframe", "object", "noscript", "svg", "math",
		"button", "select", "textarea", "title", "noembed", "noframes", "applet",
	};
	for (size_t i = 0; i < ARRAY_SIZE(tags); i++) {
		char in[128];
		snprintf(in, sizeof(in), "<p>a<%s>secret</%s>b</p>", tags[i], tags[i]);
		char *got = san(in);
		CHECK_STR(got, "<p>ab</p>");
		free(got);
	}
	static const struct scase c[] = {
		{ "<p>a<embed src=/x.swf>b</p>", "<p>ab</p>" },
		{ "<p>a<input value=secret>b</p>", "<p>ab</p>" },
		{ "<form action=/x><input name=a><button>b</button><textarea>t</textarea></form>", "" },
		{ "<meta http-equiv=refresh content=0><link rel=stylesheet href=/x><base href=/y><p>a</p>", "<p>a</p>" },
		{ "<head><title>t</title></head><body><p>a</p></body>", "<p>a</p>" },
		{ "<svg><text>in svg</text></svg><math><mi>x</mi></math><p>a</p>", "<p>a</p>" },
		{ "<p>a<!-- comment -->b</p>", "<p>ab</p>" },
		{ "<p>a<?php echo 1; ?>b</p>", "<p>ab</p>" },
		{ "<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]--><p>a</p>", "<p>a</p>" },
		{ "<p class=MsoNormal style='mso-margin-top-alt:auto'>a<o:p></o:p></p>", "<p>a</p>" },
		{ "<p><o:p>&nbsp;</o:p></p>", "<p>\xC2\xA0</p>" },
	};
	CHECK_CASES(c);
}

/* ---- attributes ---- */

TEST(sanitize_attributes)
{
	static const struct scase c[] = {
		{ "<p style=\"color:red\" class=x id=y onclick=\"alert(1)\" data-x=1 title=t>a</p>", "<p>a</p>" },
		{ "<p><a href=\"/x\" title=\"T\" target=_blank class=c id=i>a</a></p>",
		  "<p><a href=\"/x\" title=\"T\">a</a></p>" },
		{ "<p><img title=t height=20 width=10 alt=\"A\" src=\"/media/a.png\" srcset=\"/media/b.png 2x\" style=x></p>",
		  "<p><img src=\"/media/a.png\" title=\"t\" height=\"20\" width=\"10\" alt=\"A\"></p>" },
		{ "<table><tr><th colspan=2 rowspan=3 scope=col abbr=x>h</th><td colspan=2 rowspan=3 scope=row headers=x>d</td></tr></table>",
		  "<table><tbody><tr><th colspan=\"2\" rowspan=\"3\" scope=\"col\">h</th><td colspan=\"2\" rowspan=\"3\">d</td></tr></tbody></table>" },
		{ "<ol start=5 type=a reversed><li>x</li></ol>", "<ol start=\"5\"><li>x</li></ol>" },
		{ "<ul start=5><li value=3>x</li></ul>", "<ul><li>x</li></ul>" },
		{ "<table border=1 width=100 style=x><tr><td>1</td></tr></table>",
		  "<table><tbody><tr><td>1</td></tr></tbody></table>" },
		{ "<table><tr><th scope=ROWGROUP>a</th><th scope=\"x\">b</th></tr></table>",
		  "<table><tbody><tr><th scope=\"rowgroup\">a</th><th>b</th></tr></tbody></table>" },
	};
	CHECK_CASES(c);
}

TEST(sanitize_numbers)
{
	static const struct scase c[] = {
		{ "<p><img src=/media/a width=800px height=\" 60\"></p>", "<p><img src=\"/media/a\"></p>" },
		{ "<p><img src=/media/a width=9999 height=0></p>", "<p><img src=\"/media/a\" width=\"5000\"></p>" },
		{ "<p><img src=/media/a width=0800 height=99999999999999999999999></p>",
		  "<p><img src=\"/media/a\" width=\"800\" height=\"5000\"></p>" },
		{ "<p><img src=/media/a width=-5 height=1.5></p>", "<p><img src=\"/media/a\"></p>" },
		{ "<table><tr><td colspan=0 rowspan=500>x</td><td colspan=100>y</td></tr></table>",
		  "<table><tbody><tr><td rowspan=\"100\">x</td><td colspan=\"100\">y</td></tr></tbody></table>" },
		{ "<ol start=0><li>x</li></ol><ol start=+3><li>y</li></ol>", "<ol><li>x</li></ol><ol><li>y</li></ol>" },
	};
	CHECK_CASES(c);
}

/* ---- URLs ---- */

TEST(sanitize_urls)
{
	static const struct scase c[] = {
		{ "<a href=\"http://a.vn/x\">l</a>", "<p><a href=\"http://a.vn/x\" rel=\"noopener nofollow\">l</a></p>" },
		{ "<a href=\"HTTPS://a.vn\">l</a>", "<p><a href=\"HTTPS://a.vn\" rel=\"noopener nofollow\">l</a></p>" },
		{ "<a href=\"mailto:vp@a.gov.vn\">l</a>", "<p><a href=\"mailto:vp@a.gov.vn\">l</a></p>" },
		{ "<a href=\"tel:+842633822\">l</a>", "<p><a href=\"tel:+842633822\">l</a></p>" },
		{ "<a href=\"/tin-tuc/a.html?x=1&amp;y=2\">l</a>", "<p><a href=\"/tin-tuc/a.html?x=1&amp;y=2\">l</a></p>" },
		{ "<a href=\"#muc-1\">l</a>", "<p><a href=\"#muc-1\">l</a></p>" },
		{ "<a href=\"  /x \n\">l</a>", "<p><a href=\"/x\">l</a></p>" },
		{ "<a href=\"/x\ny\">l</a>", "<p><a href=\"/xy\">l</a></p>" },
		{ "<a href=\"//evil.vn\">l</a>", "<p>l</p>" },
		{ "<a href=\"/\\evil.vn\">l</a>", "<p>l</p>" },
		{ "<a href=\"tin-tuc/a\">l</a>", "<p>l</p>" },
		{ "<a href=\"javascript:alert(1)\">l</a>", "<p>l</p>" },
		{ "<a href=\"JaVaScRiPt:alert(1)\">l</a>", "<p>l</p>" },
		{ "<a href=\"java&#x09;script:alert(1)\">l</a>", "<p>l</p>" },
		{ "<a href=\"&#x20;javascript:alert(1)\">l</a>", "<p>l</p>" },
		{ "<a href=\"&#106;avascript:alert(1)\">l</a>", "<p>l</p>" },
		{ "<a href=\"javascript&colon;alert(1)\">l</a>", "<p>l</p>" },
		{ "<a href=\"vbscript:x\">l</a><a href=\"data:text/html,x\">m</a>", "<p>lm</p>" },
		{ "<a name=\"top\">l</a>", "<p>l</p>" },
		{ "<a href=\"\">l</a>", "<p>l</p>" },
		{ "<p><img src=\"https://a.vn/x.png\"><img src=\"/media/ab/c.jpg\"></p>",
		  "<p><img src=\"https://a.vn/x.png\"><img src=\"/media/ab/c.jpg\"></p>" },
		{ "<p>a<img src=\"/static/x.png\">b</p>", "<p>ab</p>" },
		{ "<p>a<img src=\"javascript:alert(1)\">b</p>", "<p>ab</p>" },
		{ "<p>a<img src=\"data:image/png;base64,AAAA\">b</p>", "<p>ab</p>" },
		{ "<p>a<img src=\"//evil.vn/x.png\">b</p>", "<p>ab</p>" },
		{ "<p>a<img src=\"/media/../x\">b<img src=\"/media/%2E%2e/x\">c</p>", "<p>abc</p>" },
		{ "<p>a<img>b<img alt=x>c</p>", "<p>abc</p>" },
		{ "<p><img src=\"mailto:x@y\"></p>", "<p></p>" },
	};
	CHECK_CASES(c);
}

/* ---- nesting that the next parse would rearrange ---- */

TEST(sanitize_nesting)
{
	static const struct scase c[] = {
		{ "<li>a</li>", "<p>a</p>" },                             /* li outside a list */
		{ "<ul><span><li>a</li></span></ul>", "<ul><li>a</li></ul>" },
		{ "<figcaption>c</figcaption>", "<p>c</p>" },
		{ "<h2><div><h3>x</h3></div></h2>", "<h2>x</h2>" },        /* heading in heading */
		{ "<p><marquee><p>y</p></marquee></p>", "<p>y</p>" },      /* p in p */
		{ "<p>a<marquee><p>b</p></marquee>c</p>", "<p>a\nb\nc</p>" },
		{ "<a href=\"/x\">a<span><a href=\"/y\">b</a></span></a>", "<p><a href=\"/x\">a</a><a href=\"/y\">b</a></p>" },
		{ "<p><strong><table><tr><td>x</td></tr></table></strong></p>",
		  "<p><strong></strong></p><table><tbody><tr><td>x</td></tr></tbody></table><p></p>" },
		{ "<strong>a<p>b</p>c</strong>", "<p><strong>a\nb\nc</strong></p>" },
		{ "<table><tr><td>1</td></tr></table>", "<table><tbody><tr><td>1</td></tr></tbody></table>" },
		{ "<table><b>x</b><tr><td>1</td></tr></table>",
		  "<p><strong>x</strong></p><table><tbody><tr><td>1</td></tr></tbody></table>" },
		{ "<table><colgroup><col span=2></colgroup><tr><td>1</td></tr></table>",
		  "<table><tbody><tr><td>1</td></tr></tbody></table>" },
		{ "<table> <tr> <td>1</td> </tr> </table>", "<table><tbody><tr><td>1</td></tr></tbody></table>" },
		{ "<pre>\n\nx</pre>", "<pre>\n\nx</pre>" },                 /* a leading newline survives */
		/* <hr> closes the paragraph; the stray </p> then makes an empty one, as browsers do. */
		{ "<p>a<hr>b</p>", "<p>a</p><hr><p>b</p><p></p>" },
		{ "<p><em>a<hr>b</em></p>", "<p><em>a</em></p><hr><p><em>b</em></p><p></p>" },
		{ "<ul><li>a<ul><li>b</li></ul></li></ul>", "<ul><li>a<ul><li>b</li></ul></li></ul>" },
		{ "<table><tr><td><table><tr><td>in</td></tr></table></td></tr></table>",
		  "<table><tbody><tr><td><table><tbody><tr><td>in</td></tr></tbody></table></td></tr></tbody></table>" },
		{ "<caption>c</caption><tr><td>x</td></tr>", "<p>cx</p>" },
	};
	CHECK_CASES(c);
}

/* Loose text and inline elements at the top level get a paragraph; white space between blocks
 * stays outside, and the ends are trimmed. */
TEST(sanitize_top_level_text)
{
	static const struct scase c[] = {
		{ "a <b>b</b> c", "<p>a <strong>b</strong> c</p>" },
		{ "  a<p>b</p>c  ", "<p>a</p><p>b</p><p>c</p>" },
		{ "<p>a</p>\n<p>b</p>\n", "<p>a</p>\n<p>b</p>" },
		{ "x\n<ul><li>y</li></ul>", "<p>x</p>\n<ul><li>y</li></ul>" },
		{ "<br>", "<p><br></p>" },
		{ "<span> </span>", "" },
		{ "<!-- only a comment -->", "" },
		{ "<img src=\"/media/a.jpg\" alt=\"A\">", "<p><img src=\"/media/a.jpg\" alt=\"A\"></p>" },
	};
	CHECK_CASES(c);
}

/* ---- text ---- */

TEST(sanitize_escaping)
{
	static const struct scase c[] = {
		{ "<p>a &lt; b &amp; c &gt; d \"e\" 'f'</p>", "<p>a &lt; b &amp; c &gt; d &quot;e&quot; &#39;f&#39;</p>" },
		{ "<p>1 < 2</p>", "<p>1 &lt; 2</p>" },
		{ "<p><a href=\"/x?a=&quot;&lt;\" title=\"'&quot;<>\">l</a></p>",
		  "<p><a href=\"/x?a=&quot;&lt;\" title=\"&#39;&quot;&lt;&gt;\">l</a></p>" },
		{ "<p><img src=/media/a alt=\"&lt;script&gt;\"></p>", "<p><img src=\"/media/a\" alt=\"&lt;script&gt;\"></p>" },
		{ "<p>&copy; &#x1F600; &unknown; &amp</p>", "<p>\xC2\xA9 \xF0\x9F\x98\x80 &amp;unknown; &amp;</p>" },
	};
	CHECK_CASES(c);
}

TEST(sanitize_nfc)
{
	static const struct scase c[] = {
		{ "<p>Vie&#x323;&#x302;t Nam</p>", "<p>Vi\xE1\xBB\x87t Nam</p>" },            /* NFD from entities */
		{ "<p>e<span>&#x301;</span></p>", "<p>\xC3\xA9</p>" },                        /* across unwrapping */
		{ "<p>Vi\xE1\xBB\x87t</p>", "<p>Vi\xE1\xBB\x87t</p>" },
		{ "<p>&#x338;x</p>", "<p>&#x338;x</p>" },  /* would compose with '>' if written raw */
		{ "<p>a<br>&#x301;b</p>", "<p>a<br>&#x301;b</p>" },
		{ "<p>a&#0;b&#x80;c\x01" "d</p>", "<p>a\xEF\xBF\xBD" "b\xE2\x82\xAC" "c\xEF\xBF\xBD" "d</p>" },
		{ "<p>bad \xC3 utf8</p>", "<p>bad \xEF\xBF\xBD utf8</p>" },
		{ "<p>cr\r\nlf</p>", "<p>cr\nlf</p>" },
		{ "<p title=\"e&#x301;\"><a href=\"/x\" title=\"e&#x301;\">a</a></p>", "<p><a href=\"/x\" title=\"\xC3\xA9\">a</a></p>" },
	};
	CHECK_CASES(c);
	/* The whole output is NFC, as the brief of the public pages assumes. */
	for (size_t i = 0; i < ARRAY_SIZE(c); i++) {
		char *got = san(c[i].in);
		char *nfc = utf8_nfc(got, strlen(got));
		CHECK_STR(nfc, got);
		free(nfc);
		free(got);
	}
}

/* Old articles and editors without JavaScript send plain text (no '<' at all). */
TEST(sanitize_plain_text)
{
	static const struct scase c[] = {
		{ "", "" },
		{ "   \n\n  ", "" },
		{ "Một dòng", "<p>Một dòng</p>" },
		{ "a\nb", "<p>a<br>b</p>" },
		{ "a\n\nb", "<p>a</p>\n<p>b</p>" },
		{ "a\r\nb\r\n\r\n\r\nc", "<p>a<br>b</p>\n<p>c</p>" },
		{ "\n\n a \n \t \nb\n", "<p> a </p>\n<p>b</p>" },
		{ "AT&T & \"q\" 'a' > b", "<p>AT&amp;T &amp; &quot;q&quot; &#39;a&#39; &gt; b</p>" },
		{ "&lt;script&gt;", "<p>&amp;lt;script&amp;gt;</p>" },
		{ "e\xCC\x81", "<p>\xC3\xA9</p>" },
		{ "\xCC\x81x", "<p>&#x301;x</p>" },
		{ "bad\xFF\x01text\x7F", "<p>bad\xEF\xBF\xBDtext\xEF\xBF\xBD</p>" },
	};
	CHECK_CASES(c);
}

/* ---- limits ---- */

static size_t count(const char *s, const char *needle)
{
	size_t n = 0;
	for (const char *p = s; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

TEST(sanitize_depth_is_capped)
{
	struct sb in = SB_INIT;
	for (int i = 0; i < 150; i++)
		sb_adds(&in, "<blockquote>");
	sb_adds(&in, "deep");
	char *got = san(in.buf);
	CHECK(count(got, "<blockquote>") == 100);
	CHECK(count(got, "</blockquote>") == 100);
	CHECK(strstr(got, "deep") != NULL);
	char *again = san(got);
	CHECK_STR(again, got);
	free(again);
	free(got);

	/* Inline elements at the top level sit in a paragraph: the cap counts it. */
	sb_reset(&in);
	for (int i = 0; i < 120; i++)
		sb_adds(&in, "<b>");
	sb_adds(&in, "x");
	got = san(in.buf);
	CHECK(count(got, "<strong>") == 99);
	again = san(got);
	CHECK_STR(again, got);
	free(again);
	free(got);
	sb_release(&in);
}

TEST(sanitize_very_deep_input_is_text)
{
	/* A megabyte of unclosed <div> would take the parser minutes (its scope checks are linear
	 * in the depth); past 512 levels the input is shown as text instead. */
	struct sb in = SB_INIT;
	for (int i = 0; i < 200000; i++)
		sb_adds(&in, "<div>");
	sb_adds(&in, "x");
	char *got = html_sanitize(in.buf, in.len, NULL);
	CHECK(!strncmp(got, "<p>&lt;div&gt;&lt;div&gt;", 25));
	char *again = san(got);
	CHECK_STR(again, got);
	char *text = html_to_text(in.buf, in.len);
	CHECK(!strncmp(text, "<div><div>", 10));
	free(text);
	free(again);
	free(got);

	/* Sloppy but real HTML (unclosed <p> and <li> by the thousand) is still parsed. */
	sb_reset(&in);
	sb_adds(&in, "<ul>");
	for (int i = 0; i < 2000; i++)
		sb_adds(&in, "<li>x<p>y");
	got = html_sanitize(in.buf, in.len, NULL);
	CHECK(count(got, "<li>") == 2000);
	free(got);
	sb_release(&in);
}

/* ---- report ---- */

TEST(sanitize_report)
{
	struct sanitize_report r;
	const char *in = "<p style=x onclick=y>a<span>b</span><script>c</script></p>"
			 "<img src=/media/a.jpg><img src=/media/b.jpg alt=\"  \"><img src=/media/c.jpg alt=\"C\">"
			 "<a href=\"javascript:x\">d</a><img src=\"javascript:y\">";
	char *got = html_sanitize(in, strlen(in), &r);
	CHECK(r.images_without_alt == 2);
	CHECK(r.removed_elements == 4);   /* span, script, the <a>, the last <img> */
	CHECK(r.removed_attributes == 4); /* style, onclick, href, src */
	free(got);
	free(html_sanitize("x", 1, NULL)); /* REPORT may be NULL */
	got = html_sanitize("<p>clean</p>", 12, &r);
	CHECK(r.images_without_alt == 0 && r.removed_elements == 0 && r.removed_attributes == 0);
	free(got);
}

/* ---- TinyMCE and Word ---- */

TEST(sanitize_tinymce_markup)
{
	static const struct scase c[] = {
		{ "<p style=\"text-align: center;\"><span style=\"font-size: 14pt; color: #e03e2d;\"><strong>UBND</strong></span></p>",
		  "<p><strong>UBND</strong></p>" },
		{ "<p>Ng\xC3\xA0y&nbsp;15/3, <a href=\"https://baochinhphu.vn/x\" target=\"_blank\" rel=\"noopener\">B\xC3\xA1o</a>.</p>",
		  "<p>Ng\xC3\xA0y\xC2\xA0" "15/3, <a href=\"https://baochinhphu.vn/x\" rel=\"noopener nofollow\">B\xC3\xA1o</a>.</p>" },
		{ "<figure class=\"image align-center\"><img src=\"/media/ab/cd.jpg\" alt=\"H\" width=\"800\" height=\"533\" />\n"
		  "<figcaption>To\xC3\xA0n c\xE1\xBA\xA3nh</figcaption>\n</figure>",
		  "<figure><img src=\"/media/ab/cd.jpg\" alt=\"H\" width=\"800\" height=\"533\">\n"
		  "<figcaption>To\xC3\xA0n c\xE1\xBA\xA3nh</figcaption>\n</figure>" },
		{ "<table style=\"border-collapse: collapse; width: 100%;\" border=\"1\">\n<tbody>\n<tr>\n"
		  "<td style=\"width: 50%;\">STT</td>\n<td style=\"width: 50%;\">N\xE1\xBB\x99i dung</td>\n</tr>\n</tbody>\n</table>",
		  "<table><tbody><tr><td>STT</td><td>N\xE1\xBB\x99i dung</td></tr></tbody></table>" },
		{ "<p class=\"MsoNormal\" style=\"margin-bottom:0cm\"><span lang=\"VI\" style=\"font-family:&quot;Times New Roman&quot;\">"
		  "C\xC4\x83n c\xE1\xBB\xA9<o:p></o:p></span></p>",
		  "<p>C\xC4\x83n c\xE1\xBB\xA9</p>" },
	};
	CHECK_CASES(c);
}

/* ---- html_to_text ---- */

TEST(sanitize_html_to_text)
{
	static const struct scase c[] = {
		{ "", "" },
		{ "<p>a</p><p>b</p>", "a\n\nb" },
		{ "<p>a<br>b</p>", "a\nb" },
		{ "<p>  a \n  b  </p>", "a b" },
		{ "<h2>T</h2><ul><li>x</li><li>y</li></ul><p>z</p>", "T\n\nx\ny\n\nz" },
		{ "<p>a &amp; b &lt;c&gt; &#x1EC7;</p>", "a & b <c> \xE1\xBB\x87" },
		{ "<p>x<script>bad()</script><style>p{}</style>y</p>", "xy" },
		{ "<pre>a\n  b</pre><p>c</p>", "a\n  b\n\nc" },
		{ "<table><tr><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr></table>", "1\t2\n3\t4" },
		{ "<div>a</div><div>b</div>", "a\nb" },
		{ "<p>&nbsp;</p><p>a&nbsp;b</p>", "a b" },
		{ "<p>Vie&#x323;&#x302;t</p>", "Vi\xE1\xBB\x87t" },
		{ "plain &amp; text\n\n\nnext", "plain &amp; text\n\nnext" },  /* as html_sanitize reads it */
		{ "<p>a</p>\n\n<p>b</p>", "a\n\nb" },
	};
	for (size_t i = 0; i < ARRAY_SIZE(c); i++) {
		char *got = html_to_text(c[i].in, strlen(c[i].in));
		t_check_str(got, c[i].want, c[i].in, __FILE__, __LINE__);
		free(got);
	}
}

/* ---- the XSS corpus ---- */

/* Sanitizes one payload and checks the output; 1 when it holds, else WHY says what survived. */
static int payload_holds(const char *in, char *why, size_t whylen)
{
	char *out = san(in);
	int ok = allowed_only(out, why, whylen);
	if (ok) {
		char *again = san(out);
		if (strcmp(again, out)) {
			snprintf(why, whylen, "not idempotent: \"%.60s\" -> \"%.60s\"", out, again);
			ok = 0;
		}
		free(again);
	}
	free(out);
	return ok;
}

static char **corpus_load(size_t *n)
{
	FILE *f = fopen(XSS_CORPUS, "r");
	char **lines = NULL;
	size_t cap = 0;
	char *line = NULL;
	size_t lcap = 0;
	ssize_t len;

	*n = 0;
	if (!f)
		return NULL;
	while ((len = getline(&line, &lcap, f)) >= 0) {
		if (len && line[len - 1] == '\n')
			line[--len] = '\0';
		if (*n == cap) {
			cap = cap ? cap * 2 : 256;
			lines = xrealloc(lines, cap * sizeof(*lines));
		}
		lines[(*n)++] = xstrdup(line);
	}
	free(line);
	fclose(f);
	return lines;
}

TEST(sanitize_xss_corpus)
{
	size_t n, payloads = 0, survived = 0;
	char **lines = corpus_load(&n);
	if (!CHECK(lines != NULL)) {
		printf("    cannot read %s (run from the repository root)\n", XSS_CORPUS);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		char name[32], why[200];
		if (!*lines[i])
			continue;
		payloads++;
		snprintf(name, sizeof(name), "xss: %zu", i + 1);
		int ok = payload_holds(lines[i], why, sizeof(why));
		survived += !ok;
		t_case(name, ok, ok ? NULL : why);
	}
	CHECK(payloads >= 120);
	printf("sanitizer: %zu payloads, %zu survived\n", payloads, survived);
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

/* ---- threads ---- */

struct worker {
	char **lines;
	size_t n;
	char **want;
	int mismatches;
};

static void *worker_run(void *arg)
{
	struct worker *w = arg;
	for (int round = 0; round < 3; round++)
		for (size_t i = 0; i < w->n; i++) {
			char *got = san(w->lines[i]);
			w->mismatches += strcmp(got, w->want[i]) != 0;
			free(got);
			char *text = html_to_text(w->lines[i], strlen(w->lines[i]));
			free(text);
		}
	return NULL;
}

TEST(sanitize_threads)
{
	size_t n;
	char **lines = corpus_load(&n);
	if (!CHECK(lines != NULL))
		return;
	char **want = xcalloc(n, sizeof(*want));
	for (size_t i = 0; i < n; i++)
		want[i] = san(lines[i]);
	struct worker w[4];
	pthread_t th[4];
	for (int i = 0; i < 4; i++) {
		w[i] = (struct worker){ lines, n, want, 0 };
		CHECK(pthread_create(&th[i], NULL, worker_run, &w[i]) == 0);
	}
	for (int i = 0; i < 4; i++) {
		pthread_join(th[i], NULL);
		CHECK(w[i].mismatches == 0);
	}
	for (size_t i = 0; i < n; i++) {
		free(lines[i]);
		free(want[i]);
	}
	free(lines);
	free(want);
}
