#include "tools/corpus/citizen_payload.hpp"

#include <array>
#include <fstream>
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace kiosk::corpus {
namespace {

using Names = std::span<const std::string_view>;

constexpr std::array<std::string_view, 18> k_family = {
    "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê",  "Lê", "Phạm", "Hoàng",
    "Huỳnh",  "Phan",   "Vũ",     "Võ",   "Đặng", "Bùi", "Đỗ", "Hồ",   "Ngô"};
constexpr std::array<std::string_view, 4> k_family_rare = {"Dương", "Lý", "Đinh", "Trịnh"};
constexpr std::array<std::string_view, 10> k_middle_male = {
    "Văn", "Văn", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Công", "Xuân", "Tiến"};
constexpr std::array<std::string_view, 8> k_middle_female = {"Thị",   "Thị",  "Thị", "Ngọc",
                                                             "Thanh", "Minh", "Thu", "Hồng"};
constexpr std::array<std::string_view, 24> k_given_male = {
    "An",  "Anh",   "Bình",  "Cường", "Dũng",  "Đạt",   "Đức",  "Giang",
    "Hải", "Hiếu",  "Hoàng", "Hùng",  "Huy",   "Khánh", "Long", "Minh",
    "Nam", "Phong", "Quân",  "Sơn",   "Thắng", "Tuấn",  "Tùng", "Việt"};
constexpr std::array<std::string_view, 24> k_given_female = {
    "Anh",   "Chi",   "Dung",   "Giang", "Hà",   "Hạnh", "Hằng",  "Hoa",
    "Hương", "Huyền", "Lan",    "Linh",  "Loan", "Mai",  "Ngân",  "Ngọc",
    "Nhung", "Oanh",  "Phương", "Quỳnh", "Thảo", "Thủy", "Trang", "Yến"};
constexpr std::array<std::string_view, 30> k_streets = {
    "Trần Duy Hưng", "Nguyễn Trãi",     "Láng",           "Kim Mã",   "Giải Phóng",
    "Phạm Văn Đồng", "Hoàng Quốc Việt", "Xuân Thủy",      "Cầu Giấy", "Tây Sơn",
    "Tôn Đức Thắng", "Lê Duẩn",         "Bà Triệu",       "Hàng Bài", "Nguyễn Chí Thanh",
    "Đội Cấn",       "Hoàng Hoa Thám",  "Lạc Long Quân",  "Âu Cơ",    "Nguyễn Văn Cừ",
    "Minh Khai",     "Trường Chinh",    "Lê Văn Lương",   "Tố Hữu",   "Quang Trung",
    "Nguyễn Xiển",   "Khuất Duy Tiến",  "Vũ Trọng Phụng", "Kim Ngưu", "Ngọc Khánh"};
// Districts that cards issued before the 2025 reform still print.
constexpr std::array<std::string_view, 16> k_old_districts = {
    "Quận Ba Đình",    "Quận Hoàn Kiếm",   "Quận Tây Hồ",       "Quận Long Biên",
    "Quận Cầu Giấy",   "Quận Đống Đa",     "Quận Hai Bà Trưng", "Quận Hoàng Mai",
    "Quận Thanh Xuân", "Quận Nam Từ Liêm", "Quận Bắc Từ Liêm",  "Quận Hà Đông",
    "Huyện Đông Anh",  "Huyện Gia Lâm",    "Huyện Thanh Trì",   "Huyện Sóc Sơn"};
constexpr std::array<std::string_view, 8> k_villages = {"Thôn Đông",  "Thôn Đoài", "Thôn Thượng",
                                                        "Thôn Hạ",    "Xóm Mới",   "Xóm Chùa",
                                                        "Thôn Trung", "Xóm Bến"};
// Province codes of the ID (first three digits): mostly Hà Nội (001).
constexpr std::array<std::string_view, 12> k_provinces = {"001", "001", "001", "001", "001", "036",
                                                          "038", "034", "033", "030", "040", "079"};

std::string_view pick(CorpusRandom& random, Names names) {
  return names[static_cast<std::size_t>(random.next() % names.size())];
}

int days_in_month(int month, int year) {
  constexpr std::array<int, 12> k_days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : k_days[static_cast<std::size_t>(month - 1)];
}

struct Ymd {
  int year = 2000;
  int month = 1;
  int day = 1;
};

Ymd random_date(CorpusRandom& random, int first_year, int last_year) {
  Ymd date;
  date.year = random.between(first_year, last_year);
  date.month = random.between(1, 12);
  date.day = random.between(1, days_in_month(date.month, date.year));
  return date;
}

std::string ddmmyyyy(const Ymd& date) {
  return fmt::format("{:02}{:02}{:04}", date.day, date.month, date.year);
}

}  // namespace

tl::expected<std::vector<Ward>, std::string> load_hanoi_wards(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    return tl::unexpected("cannot open " + path);
  }
  const nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
  if (doc.is_discarded() || !doc.contains("wards") || !doc["wards"].is_array()) {
    return tl::unexpected(path + ": not a ward list");
  }
  std::vector<Ward> wards;
  for (const auto& item : doc["wards"]) {
    if (item.contains("full_name") && item["full_name"].is_string()) {
      wards.push_back(Ward{item["full_name"].get<std::string>(), item.value("kind", "") == "xa"});
    }
  }
  if (wards.empty()) {
    return tl::unexpected(path + ": no wards");
  }
  return wards;
}

std::string PayloadMaker::make_name(CorpusRandom& random, bool female) const {
  std::string name(random.chance(0.1) ? pick(random, k_family_rare) : pick(random, k_family));
  const Names middle = female ? Names(k_middle_female) : Names(k_middle_male);
  const Names given = female ? Names(k_given_female) : Names(k_given_male);
  name += ' ';
  name += pick(random, middle);
  if (random.chance(0.3)) {
    name += ' ';
    name += pick(random, given);  // a two-part given name ("Ngọc Anh")
  }
  name += ' ';
  name += pick(random, given);
  return name;
}

std::string PayloadMaker::make_street_part(CorpusRandom& random) const {
  const int house = random.between(1, 199);
  const std::string_view street = pick(random, k_streets);
  switch (random.between(0, 3)) {
    case 0:
      return fmt::format("Số {} {}", house, street);
    case 1:
      return fmt::format("Số {} ngõ {} đường {}", house, random.between(1, 300), street);
    case 2:
      return fmt::format("Số {}, ngách {}/{}, ngõ {} phố {}", house, random.between(1, 60),
                         random.between(1, 40), random.between(1, 300), street);
    default:
      return fmt::format("Tổ {}", random.between(1, 40));
  }
}

std::string PayloadMaker::make_address(CorpusRandom& random) const {
  const Ward& ward = m_wards[static_cast<std::size_t>(random.next() % m_wards.size())];
  const std::string local =
      ward.commune ? std::string(pick(random, k_villages)) : make_street_part(random);
  if (random.chance(0.4)) {
    // A card issued before July 2025 still names the old district.
    return fmt::format("{}, {}, {}, Hà Nội", local, ward.full_name, pick(random, k_old_districts));
  }
  return fmt::format("{}, {}, Thành phố Hà Nội", local, ward.full_name);
}

std::string PayloadMaker::make(CorpusRandom& random) const {
  const bool female = random.chance(0.5);
  const Ymd birth = random_date(random, 1960, 2007);
  const int century_digit = (birth.year >= 2000 ? 2 : 0) + (female ? 1 : 0);
  const std::string id = fmt::format("{}{}{:02}{}", pick(random, k_provinces), century_digit,
                                     birth.year % 100, random.digits(6));
  std::string old_id;
  if (random.chance(0.5)) {
    old_id = random.digits(9);
  } else if (random.chance(0.2)) {
    old_id = "001" + random.digits(9);
  }
  const Ymd issue = random_date(random, std::max(2021, birth.year + 15), 2025);
  std::string payload =
      fmt::format("{}|{}|{}|{}|{}|{}|{}", id, old_id, make_name(random, female), ddmmyyyy(birth),
                  female ? "Nữ" : "Nam", make_address(random), ddmmyyyy(issue));
  if (issue.year >= 2024 && random.chance(0.5)) {
    // 2024 cards may carry further fields (kept opaque by the parser): here
    // the card's expiry date.
    const int expiry_year = birth.year + (birth.year + 25 > issue.year ? 25 : 40);
    payload += '|' + ddmmyyyy(Ymd{expiry_year, birth.month, std::min(birth.day, 28)});
  }
  return payload;
}

}  // namespace kiosk::corpus
