/* units_vl.c — Vĩnh Long's district-level units and their communes (units.h). The boxes place
 * each district roughly where it lies (north up: the city in the north-east on the Tiền river,
 * Bình Minh and Trà Ôn along the Hậu river in the south-west and south): a schematic, not a map.
 * Listed in the order of the official lists. */
#include "vn/units.h"

const char *const admin_province_name = "Tỉnh Vĩnh Long";

static const char *const tp_vinhlong[] = {
	"Phường 1", "Phường 2", "Phường 3", "Phường 4", "Phường 5", "Phường 8", "Phường 9",
	"Phường Tân Ngãi", "Phường Tân Hòa", "Phường Tân Hội", "Phường Trường An", NULL,
};
static const char *const tx_binhminh[] = {
	"Phường Cái Vồn", "Phường Thành Phước", "Phường Đông Thuận", "Xã Đông Bình", "Xã Đông Thạnh",
	"Xã Đông Thành", "Xã Mỹ Hòa", "Xã Thuận An", NULL,
};
static const char *const h_longho[] = {
	"Thị trấn Long Hồ", "Xã An Bình", "Xã Bình Hòa Phước", "Xã Đồng Phú", "Xã Hòa Ninh", "Xã Hòa Phú",
	"Xã Lộc Hòa", "Xã Long An", "Xã Long Phước", "Xã Phú Đức", "Xã Phú Quới", "Xã Phước Hậu",
	"Xã Tân Hạnh", "Xã Thạnh Quới", "Xã Thanh Đức", NULL,
};
static const char *const h_mangthit[] = {
	"Thị trấn Cái Nhum", "Xã An Phước", "Xã Bình Phước", "Xã Chánh An", "Xã Chánh Hội", "Xã Hòa Tịnh",
	"Xã Long Mỹ", "Xã Mỹ An", "Xã Mỹ Phước", "Xã Nhơn Phú", "Xã Tân An Hội", "Xã Tân Long",
	"Xã Tân Long Hội", NULL,
};
static const char *const h_vungliem[] = {
	"Thị trấn Vũng Liêm", "Xã Hiếu Nghĩa", "Xã Hiếu Nhơn", "Xã Hiếu Phụng", "Xã Hiếu Thành",
	"Xã Hiếu Thuận", "Xã Quới An", "Xã Quới Thiện", "Xã Tân An Luông", "Xã Tân Quới Trung",
	"Xã Thanh Bình", "Xã Trung An", "Xã Trung Chánh", "Xã Trung Hiệp", "Xã Trung Hiếu", "Xã Trung Ngãi",
	"Xã Trung Nghĩa", "Xã Trung Thành", "Xã Trung Thành Đông", "Xã Trung Thành Tây", NULL,
};
static const char *const h_tambinh[] = {
	"Thị trấn Tam Bình", "Xã Bình Ninh", "Xã Hậu Lộc", "Xã Hòa Hiệp", "Xã Hòa Lộc", "Xã Hòa Thạnh",
	"Xã Loan Mỹ", "Xã Long Phú", "Xã Mỹ Lộc", "Xã Mỹ Thạnh Trung", "Xã Ngãi Tứ", "Xã Phú Lộc",
	"Xã Phú Thịnh", "Xã Song Phú", "Xã Tân Lộc", "Xã Tân Phú", "Xã Tường Lộc", NULL,
};
static const char *const h_traon[] = {
	"Thị trấn Trà Ôn", "Xã Hòa Bình", "Xã Hựu Thành", "Xã Lục Sĩ Thành", "Xã Nhơn Bình", "Xã Phú Thành",
	"Xã Tân Mỹ", "Xã Thiện Mỹ", "Xã Thới Hòa", "Xã Thuận Thới", "Xã Tích Thiện", "Xã Trà Côn",
	"Xã Vĩnh Xuân", "Xã Xuân Hiệp", NULL,
};
static const char *const h_binhtan[] = {
	"Thị trấn Tân Quới", "Xã Mỹ Thuận", "Xã Nguyễn Văn Thảnh", "Xã Tân An Thạnh", "Xã Tân Bình",
	"Xã Tân Hưng", "Xã Tân Lược", "Xã Tân Thành", "Xã Thành Đông", "Xã Thành Lợi", "Xã Thành Trung", NULL,
};

const struct admin_district admin_districts[] = {
	{ "Thành phố Vĩnh Long", tp_vinhlong, 400, 20, 180, 130 },
	{ "Huyện Long Hồ", h_longho, 200, 20, 200, 130 },
	{ "Huyện Mang Thít", h_mangthit, 380, 150, 200, 130 },
	{ "Huyện Vũng Liêm", h_vungliem, 350, 280, 230, 120 },
	{ "Huyện Tam Bình", h_tambinh, 180, 150, 200, 130 },
	{ "Thị xã Bình Minh", tx_binhminh, 20, 150, 160, 130 },
	{ "Huyện Trà Ôn", h_traon, 120, 280, 230, 120 },
	{ "Huyện Bình Tân", h_binhtan, 20, 20, 180, 130 },
};
const size_t admin_ndistricts = sizeof(admin_districts) / sizeof(admin_districts[0]);
