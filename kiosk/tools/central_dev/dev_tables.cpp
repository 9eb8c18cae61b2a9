// Employers, sector wording and small vocabularies for the generated data.
// Every company name is invented; industrial parks and wards are real places.

#include "tools/central_dev/dev_tables.hpp"

namespace kiosk::dev {
namespace {

using S = Sector;

// Hand-aligned tables.
// clang-format off

constexpr Employer k_employers[] = {
    {"Công ty TNHH Điện tử Kotobuki Việt Nam", S::electronics, "KCN Quang Minh", "08974"},
    {"Công ty TNHH Linh kiện Điện tử Tân Phát", S::electronics, "KCN Nội Bài", "00433"},
    {"Công ty TNHH Công nghệ Seiwa Hà Nội", S::electronics, "Khu công nghệ cao Hòa Lạc", "09988"},
    {"Công ty TNHH Daeho Vina", S::electronics, "KCN Thạch Thất - Quốc Oai", "09895"},
    {"Công ty TNHH Cơ khí Chính xác Đông Anh", S::mechanical, "Cụm công nghiệp Đông Anh", "00454"},
    {"Công ty TNHH Phụ tùng Ô tô Sumiden Hà Nội", S::mechanical, "KCN Phú Nghĩa", "10030"},
    {"Công ty CP Cơ khí Xây lắp Long Biên", S::mechanical, "", ""},
    {"Công ty CP May Xuất khẩu Phú Xuyên", S::garment, "Cụm công nghiệp Phú Xuyên", "10273"},
    {"Công ty TNHH May mặc Minh Anh", S::garment, "Cụm công nghiệp Thanh Oai", "10114"},
    {"Công ty CP Dệt may Sóc Sơn", S::garment, "Cụm công nghiệp Sóc Sơn", "00376"},
    {"Công ty TNHH Thời trang Hà Thành", S::garment, "", ""},
    {"Công ty CP Thực phẩm Hà Thành", S::food, "Cụm công nghiệp Hoài Đức", "09832"},
    {"Công ty TNHH Bánh kẹo Tràng An Xanh", S::food, "Cụm công nghiệp Thường Tín", "10183"},
    {"Công ty CP Sữa Ba Vì Xanh", S::food, "Cụm công nghiệp Ba Vì", "09700"},
    {"Công ty TNHH Chế biến Thực phẩm Gia Lâm", S::food, "Cụm công nghiệp Gia Lâm", "00565"},
    {"Công ty CP Siêu thị Ánh Dương", S::retail, "", ""},
    {"Công ty CP Chuỗi cửa hàng tiện lợi Sao Việt", S::retail, "", ""},
    {"Công ty CP Điện máy Hà Thành", S::retail, "", ""},
    {"Công ty TNHH Bán lẻ Phương Đông", S::retail, "", ""},
    {"Công ty CP Chuyển phát nhanh Sao Bắc", S::logistics, "", ""},
    {"Công ty TNHH Logistics Nội Bài Xanh", S::logistics, "KCN Nội Bài", "00433"},
    {"Công ty CP Kho vận Long Biên", S::logistics, "", ""},
    {"Công ty TNHH Giao nhận Nhanh Thủ Đô", S::logistics, "", ""},
    {"Ngân hàng TMCP Phát triển Thủ Đô", S::finance, "", ""},
    {"Ngân hàng TMCP Thịnh An", S::finance, "", ""},
    {"Công ty Tài chính TNHH An Phú", S::finance, "", ""},
    {"Công ty CP Bảo hiểm Nhân thọ Hồng Lạc", S::finance, "", ""},
    {"Công ty CP Phần mềm Hà Nội Tech", S::it, "", ""},
    {"Công ty TNHH Giải pháp Công nghệ Lạc Hồng", S::it, "", ""},
    {"Công ty CP Công nghệ Số Cầu Giấy", S::it, "", ""},
    {"Công ty TNHH Khách sạn Hoàng Thành", S::hospitality, "", ""},
    {"Công ty TNHH Ẩm thực Hồ Tây", S::hospitality, "", ""},
    {"Công ty CP Nhà hàng Rừng Xanh", S::hospitality, "", ""},
    {"Công ty CP Cà phê Phố Cổ", S::hospitality, "", ""},
    {"Trung tâm Anh ngữ Sunrise Hà Nội", S::education, "", ""},
    {"Hệ thống Trường Mầm non Hoa Sen", S::education, "", ""},
    {"Trường Cao đẳng Kỹ thuật Tây Hồ", S::education, "", ""},
    {"Trung tâm Ngoại ngữ Global Link", S::education, "", ""},
    {"Công ty Luật TNHH Minh Đức và Cộng sự", S::legal, "", ""},
    {"Văn phòng Luật sư Trung Chính", S::legal, "", ""},
    {"Công ty Luật Hợp danh Việt Tín", S::legal, "", ""},
    {"Công ty TNHH Dịch vụ Bảo vệ Thăng Long", S::facility, "", ""},
    {"Công ty CP Dịch vụ Vệ sinh Công nghiệp Xanh Sạch", S::facility, "", ""},
    {"Công ty CP Quản lý Tòa nhà Sông Hồng Land", S::facility, "", ""},
    {"Công ty CP Dịch vụ Tổng đài Việt Kết Nối", S::call_centre, "", ""},
    {"Công ty TNHH Chăm sóc Khách hàng ViCall", S::call_centre, "", ""},
    {"Công ty CP Xây dựng Hạ tầng Sông Đáy", S::construction, "", ""},
    {"Tổng công ty Xây lắp Thủ Đô", S::construction, "", ""},
    {"Hợp tác xã Vận tải Taxi Thủ Đô", S::transport, "", ""},
    {"Công ty CP Xe khách Hà Nội Express", S::transport, "", ""},
    {"Công ty TNHH Vận tải Hàng hóa Bắc Thăng Long", S::transport, "", ""},
    {"Bệnh viện Đa khoa Tư nhân Hồng Phúc", S::care, "", ""},
    {"Công ty CP Chăm sóc Người cao tuổi An Khang", S::care, "", ""},
    {"Công ty CP Cung ứng Nhân lực Quốc tế Thành Đô", S::overseas, "", ""},
    {"Công ty CP Hợp tác Lao động Sao Kim", S::overseas, "", ""},
    {"Hệ thống Salon Tóc Ngọc Mai", S::beauty, "", ""},
    {"Công ty CP Tập đoàn Thương mại Đông Đô", S::business, "", ""},
    {"Công ty TNHH Kiểm toán và Tư vấn Nam Việt", S::business, "", ""},
};

struct SectorInfo {
  std::span<const std::string_view> jobs;
  std::string_view profile;
};

constexpr std::string_view k_electronics[] = {"8212", "8212", "8212", "8212", "8212", "8212",
                                              "9329", "9329", "3114", "2152", "3122", "4321",
                                              "9321", "8189", "2141"};
constexpr std::string_view k_mechanical[] = {"8211", "8211", "8211", "7223", "7223", "7212", "7212",
                                             "3115", "2144", "8189", "8189", "9329", "8344", "3122",
                                             "8142"};
constexpr std::string_view k_garment[] = {"8153", "8153", "8153", "8153", "8153", "8153",
                                          "7531", "7531", "9321", "3122", "4321", "9329"};
constexpr std::string_view k_food[] = {"8160", "8160", "8160", "8160", "8160", "9321", "9321",
                                       "9329", "7512", "4321", "8344", "2141", "8142"};
constexpr std::string_view k_retail[] = {"5223", "5223", "5223", "5223", "5223", "5230", "5230",
                                         "5230", "4321", "1420", "9333", "5244", "9112"};
constexpr std::string_view k_logistics[] = {"9621", "9621", "9621", "9621", "9621", "4321", "4321",
                                            "9333", "9333", "8332", "8344", "4323", "8322"};
constexpr std::string_view k_finance[] = {"4211", "4211", "4211", "2411", "3313", "3322",
                                          "3322", "4222", "1211", "5244", "2619"};
constexpr std::string_view k_it[] = {"2512", "2512", "2512", "2513", "2513", "3512",
                                     "3512", "2522", "2166", "4132", "4222"};
constexpr std::string_view k_hospitality[] = {"5131", "5131", "5131", "5131", "5120", "5120",
                                              "9412", "9412", "5132", "4224", "9112", "5230"};
constexpr std::string_view k_education[] = {"2353", "2353", "2353", "2310", "2342",
                                            "2341", "5311", "4110", "2643"};
constexpr std::string_view k_legal[] = {"2611", "2611", "2611", "2619", "2619",
                                        "3411", "3411", "4110", "2643"};
constexpr std::string_view k_facility[] = {"5414", "5414", "5414", "5414", "9112", "9112",
                                           "9112", "5153", "7411", "7126", "9214", "7127"};
constexpr std::string_view k_call_centre[] = {"4222", "4222", "4222", "4222", "4222", "5244",
                                              "5244", "5244", "4132", "4132", "2423"};
constexpr std::string_view k_construction[] = {"9313", "9313", "9313", "7112", "7112", "7411",
                                               "7126", "7115", "7131", "3112", "2142", "7212",
                                               "2151", "3113"};
constexpr std::string_view k_transport[] = {"8322", "8322", "8322", "8322", "8331", "8331",
                                            "8332", "8332", "7231", "7231", "4323"};
constexpr std::string_view k_care[] = {"2221", "2221", "5321", "5321", "5322",
                                       "5322", "4226", "5311", "9112"};
constexpr std::string_view k_overseas[] = {"8160", "8153", "7212", "9329", "9329",
                                           "5322", "9211", "9313", "8211"};
constexpr std::string_view k_beauty[] = {"5142", "5142", "5142", "5141", "5141", "5141", "4226",
                                         "5230"};
constexpr std::string_view k_business[] = {"4110", "4110", "4120", "2423", "2431", "3313", "4311",
                                           "2411", "1221", "3322", "4226", "2512"};

constexpr SectorInfo k_sectors[] = {
    {k_electronics,
     "Doanh nghiệp sản xuất linh kiện điện tử xuất khẩu, nhà xưởng sạch, có điều hòa."},
    {k_mechanical,
     "Doanh nghiệp gia công cơ khí chính xác và sản xuất phụ tùng."},
    {k_garment,
     "Doanh nghiệp may mặc xuất khẩu sang Mỹ, EU và Nhật Bản."},
    {k_food,
     "Doanh nghiệp chế biến thực phẩm đạt chứng nhận an toàn vệ sinh thực phẩm."},
    {k_retail,
     "Hệ thống bán lẻ với nhiều cửa hàng trên địa bàn Hà Nội."},
    {k_logistics,
     "Doanh nghiệp chuyển phát và kho vận phục vụ thương mại điện tử."},
    {k_finance,
     "Tổ chức tài chính có mạng lưới chi nhánh, phòng giao dịch tại Hà Nội."},
    {k_it,
     "Doanh nghiệp phát triển phần mềm cho khách hàng trong và ngoài nước."},
    {k_hospitality,
     "Doanh nghiệp nhà hàng, khách sạn phục vụ khách trong nước và quốc tế."},
    {k_education,
     "Đơn vị giáo dục, đào tạo có nhiều cơ sở tại Hà Nội."},
    {k_legal,
     "Tổ chức hành nghề luật sư tư vấn cho doanh nghiệp và cá nhân."},
    {k_facility,
     "Doanh nghiệp cung cấp dịch vụ bảo vệ, vệ sinh và quản lý tòa nhà."},
    {k_call_centre,
     "Doanh nghiệp cung cấp dịch vụ tổng đài chăm sóc khách hàng."},
    {k_construction,
     "Doanh nghiệp thi công công trình dân dụng và hạ tầng."},
    {k_transport,
     "Doanh nghiệp vận tải hành khách và hàng hóa."},
    {k_care,
     "Cơ sở y tế, chăm sóc sức khỏe người bệnh và người cao tuổi."},
    {k_overseas,
     "Doanh nghiệp dịch vụ đưa người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng."},
    {k_beauty,
     "Hệ thống chăm sóc sắc đẹp với nhiều chi nhánh tại Hà Nội."},
    {k_business,
     "Doanh nghiệp thương mại, dịch vụ có trụ sở tại Hà Nội."},
};

constexpr std::string_view k_benefits[] = {
    "Đóng BHXH, BHYT, BHTN theo quy định",
    "Thưởng tháng lương thứ 13",
    "Hỗ trợ ăn ca",
    "Xe đưa đón công nhân",
    "Hỗ trợ nhà ở cho lao động ở xa",
    "Phụ cấp chuyên cần",
    "Du lịch, nghỉ mát hằng năm",
    "Khám sức khỏe định kỳ",
    "Xét tăng lương hằng năm",
    "Đào tạo nghề miễn phí",
    "Phụ cấp xăng xe, điện thoại",
    "12 ngày nghỉ phép năm",
    "Nơi làm việc có lối đi cho xe lăn",
    "Ca làm linh hoạt",
    "Được đào tạo ngoại ngữ trước khi xuất cảnh",
    "Hỗ trợ vay vốn chi phí xuất cảnh",
    "Thưởng theo doanh số",
    "Bao ăn ở",
};

constexpr std::string_view k_streets[] = {
    "Nguyễn Trãi",    "Trần Phú",        "Lê Văn Lương",  "Quang Trung",     "Nguyễn Văn Cừ",
    "Giải Phóng",     "Láng Hạ",         "Trường Chinh",  "Xuân Thủy",       "Phạm Văn Đồng",
    "Hoàng Quốc Việt", "Kim Mã",         "Nguyễn Chí Thanh", "Tây Sơn",      "Lạc Long Quân",
    "Âu Cơ",          "Nguyễn Văn Linh", "Ngọc Lâm",      "Minh Khai",       "Tam Trinh",
    "Nguyễn Xiển",    "Tố Hữu",          "Lê Trọng Tấn",  "Hồ Tùng Mậu",     "Phạm Hùng",
    "Trần Duy Hưng",  "Hoàng Hoa Thám",  "Đội Cấn",       "Bạch Mai",        "Lê Duẩn",
};

constexpr std::string_view k_hamlets[] = {"thôn Đông", "thôn Đoài", "thôn Thượng", "thôn Hạ",
                                          "thôn Trung", "thôn Nam", "thôn Bắc", "thôn Chợ"};

constexpr OverseasCountry k_countries[] = {
    {"Nhật Bản", "Tiếng Nhật N4 (được đào tạo trước khi xuất cảnh)", 28, 35},
    {"Hàn Quốc", "Tiếng Hàn (đạt kỳ thi EPS-TOPIK)", 35, 45},
    {"Đài Loan (Trung Quốc)", "Tiếng Trung giao tiếp cơ bản", 22, 30},
};

constexpr std::string_view k_target_groups[] = {
    "bo_doi_xuat_ngu",    "nguoi_khuyet_tat", "lao_dong_ban_thoi_gian",
    "sinh_vien_luat",     "sinh_vien_ngoai_ngu", "thanh_nien",
    "nguoi_chap_hanh_xong_an_phat_tu", "nguoi_sau_cai_nghien",
};

constexpr std::string_view k_education_labels[] = {"Không yêu cầu", "THCS",     "THPT",
                                                   "Trung cấp",     "Cao đẳng", "Đại học"};

// clang-format on

static_assert(std::size(k_sectors) == static_cast<std::size_t>(Sector::business) + 1);
static_assert(std::size(k_target_groups) == k_target_group_count);
static_assert(std::size(k_benefits) == k_benefit_board + 1);

}  // namespace

std::string_view education_label(Education e) {
  return k_education_labels[static_cast<std::size_t>(e)];
}

std::string_view target_group_code(TargetGroup g) {
  return k_target_groups[static_cast<std::size_t>(g)];
}

std::span<const Employer> employers() {
  return k_employers;
}

std::span<const std::string_view> sector_jobs(Sector s) {
  return k_sectors[static_cast<std::size_t>(s)].jobs;
}

std::string_view sector_profile(Sector s) {
  return k_sectors[static_cast<std::size_t>(s)].profile;
}

bool is_factory(Sector s) {
  return s == Sector::electronics || s == Sector::mechanical || s == Sector::garment ||
         s == Sector::food;
}

std::span<const std::string_view> benefits() {
  return k_benefits;
}

std::span<const std::string_view> streets() {
  return k_streets;
}

std::span<const std::string_view> hamlets() {
  return k_hamlets;
}

std::span<const OverseasCountry> overseas_countries() {
  return k_countries;
}

}  // namespace kiosk::dev
