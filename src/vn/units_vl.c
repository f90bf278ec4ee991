/* units_vl.c — Vĩnh Long's district-level units and their communes, wards and towns (units.h),
 * with their codes, as the General Statistics Office's list of Vietnam's administrative units has
 * them on 01/03/2025 (Danh mục các đơn vị hành chính Việt Nam; read from npm dvhcvn 1.2.20250301,
 * which tests/unit/test_units.c checks this file against: every unit, name, type and code, nothing
 * missing, nothing extra, the GSO's spelling — "Xã Hoà Lộc" next to "Xã Hòa Ninh", "Xã Lục Sỹ
 * Thành"). Listed in the list's order (by code).
 *
 * NOT the July 2025 reform: from 01/07/2025 the district level was abolished and Vĩnh Long merged
 * with Bến Tre and Trà Vinh (a new Vĩnh Long province, communes merged). The demo keeps the units
 * before it, the structure its district and commune sites follow (docs/links.md).
 *
 * The boxes place each district roughly where it lies (north up: the city in the north-east on
 * the Tiền river, Bình Minh and Trà Ôn along the Hậu river in the south-west and south): a
 * schematic, not a map. */
#include "vn/units.h"

const char *const admin_province_name = "Tỉnh Vĩnh Long";
const char *const admin_province_code = "86";
const char *const admin_units_source = "Danh mục các đơn vị hành chính Việt Nam của Tổng cục Thống kê, cập nhật "
				       "đến ngày 01/03/2025 (trước khi sắp xếp lại đơn vị hành chính từ ngày 01/07/2025)";

static const struct admin_unit tp_vinhlong[] = {
	{ "29542", "Phường 9" }, { "29545", "Phường 5" }, { "29551", "Phường 1" },
	{ "29554", "Phường 4" }, { "29557", "Phường 3" }, { "29560", "Phường 8" },
	{ "29563", "Phường Tân Ngãi" }, { "29566", "Phường Tân Hòa" }, { "29569", "Phường Tân Hội" },
	{ "29572", "Phường Trường An" }, { NULL, NULL },
};
static const struct admin_unit h_longho[] = {
	{ "29578", "Xã Đồng Phú" }, { "29581", "Xã Bình Hòa Phước" }, { "29584", "Xã Hòa Ninh" },
	{ "29587", "Xã An Bình" }, { "29590", "Xã Thanh Đức" }, { "29593", "Xã Tân Hạnh" },
	{ "29596", "Xã Phước Hậu" }, { "29599", "Xã Long Phước" }, { "29602", "Thị trấn Long Hồ" },
	{ "29605", "Xã Lộc Hòa" }, { "29608", "Xã Long An" }, { "29611", "Xã Phú Quới" },
	{ "29614", "Xã Thạnh Quới" }, { "29617", "Xã Hòa Phú" }, { NULL, NULL },
};
static const struct admin_unit h_mangthit[] = {
	{ "29623", "Xã Mỹ An" }, { "29626", "Xã Mỹ Phước" }, { "29629", "Xã An Phước" },
	{ "29632", "Xã Nhơn Phú" }, { "29635", "Xã Long Mỹ" }, { "29638", "Xã Hòa Tịnh" },
	{ "29641", "Thị trấn Cái Nhum" }, { "29644", "Xã Bình Phước" }, { "29647", "Xã Chánh An" },
	{ "29650", "Xã Tân An Hội" }, { "29653", "Xã Tân Long" }, { "29656", "Xã Tân Long Hội" }, { NULL, NULL },
};
static const struct admin_unit h_vungliem[] = {
	{ "29659", "Thị trấn Vũng Liêm" }, { "29662", "Xã Tân Quới Trung" },
	{ "29665", "Xã Quới Thiện" }, { "29668", "Xã Quới An" }, { "29671", "Xã Trung Chánh" },
	{ "29674", "Xã Tân An Luông" }, { "29677", "Xã Thanh Bình" },
	{ "29680", "Xã Trung Thành Tây" }, { "29683", "Xã Trung Hiệp" }, { "29686", "Xã Hiếu Phụng" },
	{ "29689", "Xã Trung Thành Đông" }, { "29692", "Xã Trung Thành" },
	{ "29695", "Xã Trung Hiếu" }, { "29698", "Xã Trung Ngãi" }, { "29701", "Xã Hiếu Thuận" },
	{ "29704", "Xã Trung Nghĩa" }, { "29707", "Xã Trung An" }, { "29710", "Xã Hiếu Nhơn" },
	{ "29713", "Xã Hiếu Thành" }, { "29716", "Xã Hiếu Nghĩa" }, { NULL, NULL },
};
static const struct admin_unit h_tambinh[] = {
	{ "29719", "Thị trấn Tam Bình" }, { "29722", "Xã Tân Lộc" }, { "29725", "Xã Phú Thịnh" },
	{ "29728", "Xã Hậu Lộc" }, { "29731", "Xã Hòa Thạnh" }, { "29734", "Xã Hoà Lộc" },
	{ "29737", "Xã Phú Lộc" }, { "29740", "Xã Song Phú" }, { "29743", "Xã Hòa Hiệp" },
	{ "29746", "Xã Mỹ Lộc" }, { "29749", "Xã Tân Phú" }, { "29752", "Xã Long Phú" },
	{ "29755", "Xã Mỹ Thạnh Trung" }, { "29761", "Xã Loan Mỹ" }, { "29764", "Xã Ngãi Tứ" },
	{ "29767", "Xã Bình Ninh" }, { NULL, NULL },
};
static const struct admin_unit tx_binhminh[] = {
	{ "29770", "Phường Cái Vồn" }, { "29771", "Phường Thành Phước" }, { "29806", "Xã Thuận An" },
	{ "29809", "Xã Đông Thạnh" }, { "29812", "Xã Đông Bình" }, { "29813", "Phường Đông Thuận" },
	{ "29815", "Xã Mỹ Hòa" }, { "29818", "Xã Đông Thành" }, { NULL, NULL },
};
static const struct admin_unit h_traon[] = {
	{ "29821", "Thị trấn Trà Ôn" }, { "29824", "Xã Xuân Hiệp" }, { "29827", "Xã Nhơn Bình" },
	{ "29830", "Xã Hòa Bình" }, { "29833", "Xã Thới Hòa" }, { "29836", "Xã Trà Côn" },
	{ "29839", "Xã Tân Mỹ" }, { "29842", "Xã Hựu Thành" }, { "29845", "Xã Vĩnh Xuân" },
	{ "29848", "Xã Thuận Thới" }, { "29851", "Xã Phú Thành" }, { "29857", "Xã Lục Sỹ Thành" },
	{ "29860", "Xã Tích Thiện" }, { NULL, NULL },
};
static const struct admin_unit h_binhtan[] = {
	{ "29776", "Xã Tân Thành" }, { "29779", "Xã Thành Trung" }, { "29782", "Xã Tân An Thạnh" },
	{ "29785", "Xã Tân Lược" }, { "29788", "Xã Nguyễn Văn Thảnh" }, { "29791", "Xã Thành Lợi" },
	{ "29794", "Xã Mỹ Thuận" }, { "29797", "Xã Tân Bình" }, { "29800", "Thị trấn Tân Quới" }, { NULL, NULL },
};

const struct admin_district admin_districts[] = {
	{ "855", "Thành phố Vĩnh Long", tp_vinhlong, 400, 20, 180, 130 },
	{ "857", "Huyện Long Hồ", h_longho, 200, 20, 200, 130 },
	{ "858", "Huyện Mang Thít", h_mangthit, 380, 150, 200, 130 },
	{ "859", "Huyện Vũng Liêm", h_vungliem, 350, 280, 230, 120 },
	{ "860", "Huyện Tam Bình", h_tambinh, 180, 150, 200, 130 },
	{ "861", "Thị xã Bình Minh", tx_binhminh, 20, 150, 160, 130 },
	{ "862", "Huyện Trà Ôn", h_traon, 120, 280, 230, 120 },
	{ "863", "Huyện Bình Tân", h_binhtan, 20, 20, 180, 130 },
};
const size_t admin_ndistricts = sizeof(admin_districts) / sizeof(admin_districts[0]);
