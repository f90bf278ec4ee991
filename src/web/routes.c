/* routes.c — every URL of Cổng, in one table; each handler's file documents its parameters. */
#include "web.h"

const struct route web_routes[] = {
	{ ROUTE_GET, "/", page_home },
	{ ROUTE_GET, "/chuyen-muc/*", page_category },
	{ ROUTE_GET, "/tin/*", page_article },
	{ ROUTE_GET, "/tin/*/ban-in", page_article_print },
	{ ROUTE_GET | ROUTE_ANY_HOST, "/static/*", page_static },
	{ ROUTE_GET | ROUTE_ANY_HOST, "/static/*/*", page_static },
	{ ROUTE_GET | ROUTE_ANY_HOST, "/media/*", page_media },
	{ ROUTE_GET | ROUTE_ANY_HOST, "/robots.txt", page_robots },
	{ ROUTE_GET | ROUTE_ANY_HOST, "/favicon.ico", page_favicon },
	{ ROUTE_GET | ROUTE_ANY_HOST, "/healthz", page_health },
	{ ROUTE_GET, "/quan-tri/dang-nhap", admin_signin_form },
	{ ROUTE_POST, "/quan-tri/dang-nhap", admin_signin },
	{ ROUTE_POST, "/quan-tri/dang-xuat", admin_signout },
	{ ROUTE_GET, "/quan-tri/doi-mat-khau", admin_password_form },
	{ ROUTE_POST, "/quan-tri/doi-mat-khau", admin_password },
	{ ROUTE_GET, "/quan-tri/", admin_dashboard },
	{ ROUTE_GET, "/quan-tri/bai-viet/moi", admin_article_new },
	{ ROUTE_POST, "/quan-tri/bai-viet/moi", admin_article_save },
	{ ROUTE_GET, "/quan-tri/bai-viet/*", admin_article_edit },
	{ ROUTE_POST, "/quan-tri/bai-viet/*", admin_article_save },
	{ ROUTE_POST, "/quan-tri/bai-viet/*/xuat-ban", admin_article_publish },
	{ ROUTE_POST, "/quan-tri/bai-viet/*/go", admin_article_unpublish },
	{ ROUTE_GET, "/quan-tri/chuyen-muc", admin_categories },
	{ ROUTE_POST, "/quan-tri/chuyen-muc", admin_category_save },
};
const size_t web_nroutes = sizeof(web_routes) / sizeof(web_routes[0]);
