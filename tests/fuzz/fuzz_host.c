/* fuzz_host.c — libFuzzer target for Host-header resolution (model/site.c): any Host value
 * against a small in-memory province must resolve to a known site or to none, never crash. */
#include "db/db.h"
#include "model/model.h"
#include "base/util.h"

#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>

static struct db *db;

static void setup(void)
{
	char err[256];
	struct errs e = { 0 };
	int64_t id;
	db = db_open(":memory:", err, sizeof(err));
	if (!db || db_migrate(db, err, sizeof(err)) < 0)
		abort();
	struct site_input m = { 0 }, s = { 0 }, c = { 0 };
	m.name = "Cổng chính";
	m.kind = "main";
	s.name = "Huyện Long Hồ";
	c.name = "Xã Châu Thành";
	c.parent_slug = "longho";
	if (site_add(db, &m, &e, &id, NULL) || site_add(db, &s, &e, &id, NULL) || site_add(db, &c, &e, &id, NULL))
		abort();
	site_add_domain(db, id, "xa.example.org", &e);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!db)
		setup();
	char *host = xstrndup((const char *)data, size);
	json_t *site = site_find_by_host(db, host, "vinhlong.gov.vn");
	if (site && !json_is_integer(json_object_get(site, "id")))
		abort();
	json_decref(site);
	free(host);
	return 0;
}
