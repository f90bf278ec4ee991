/* test_links.c — which addresses the dead-link check may reach (model/links.h), the links
 * form's address check. (The units of the boundary map: test_units.c.) */
#include "t.h"
#include "model/links.h"
#include "model/kind.h"
#include "model/model.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

static int blocked(const char *ip)
{
	struct sockaddr_storage ss;
	memset(&ss, 0, sizeof(ss));
	if (strchr(ip, ':')) {
		struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;
		s6->sin6_family = AF_INET6;
		if (inet_pton(AF_INET6, ip, &s6->sin6_addr) != 1)
			return -1;
	} else {
		struct sockaddr_in *s4 = (struct sockaddr_in *)&ss;
		s4->sin_family = AF_INET;
		if (inet_pton(AF_INET, ip, &s4->sin_addr) != 1)
			return -1;
	}
	return link_addr_blocked((struct sockaddr *)&ss);
}

TEST(links_private_addresses_are_not_reached)
{
	static const char *const no[] = { "127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.0.1", "172.31.255.255",
					   "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1",
					   "255.255.255.255", "192.0.2.10", "198.18.0.1", "::1", "::", "fe80::1",
					   "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.1.2.3",
					   "64:ff9b::a9fe:a9fe", "2001:db8::1", NULL };
	static const char *const yes[] = { "8.8.8.8", "1.1.1.1", "203.162.4.190", "172.32.0.1", "172.15.255.255",
					   "100.128.0.1", "2001:4860:4860::8888", "::ffff:8.8.8.8", NULL };
	for (int i = 0; no[i]; i++)
		if (!CHECK(blocked(no[i]) == 1))
			t_case(no[i], 0, "should be blocked");
	for (int i = 0; yes[i]; i++)
		if (!CHECK(blocked(yes[i]) == 0))
			t_case(yes[i], 0, "should be allowed");
}

static int url_errs(const char *u)
{
	struct errs e = { 0 };
	json_t *f = json_pack("{ss}", "dia_chi", u);
	link_fields_check(kind_find("link"), f, &e);
	json_decref(f);
	return e.n;
}

TEST(links_addresses_checked_by_libcurl)
{
	CHECK(url_errs("https://chinhphu.vn") == 0);
	CHECK(url_errs("http://vinhlong.gov.vn/portal/p/home.html?a=1#x") == 0);
	CHECK(url_errs("https://xn--vnh-long-9ya.vn/") == 0);
	CHECK(url_errs("ftp://example.gov.vn/") == 1);
	CHECK(url_errs("javascript:alert(1)") == 1);
	CHECK(url_errs("https://") == 1);
	CHECK(url_errs("https://a b.vn/") == 1);
	CHECK(url_errs("https://user:pw@example.gov.vn/") == 1);
	CHECK(url_errs("https://user@example.gov.vn/") == 1);
}
