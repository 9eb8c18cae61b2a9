#include "core/spoken_text.hpp"

#include <fmt/format.h>

namespace kiosk {
namespace {

// 8000000 -> "8", 8500000 -> "8 phẩy 5": millions as they are read aloud.
std::string millions(std::int64_t vnd) {
  const std::int64_t whole = vnd / 1'000'000;
  const std::int64_t tenths = (vnd % 1'000'000) / 100'000;
  return tenths == 0 ? fmt::format("{}", whole) : fmt::format("{} phẩy {}", whole, tenths);
}

std::string spoken_pay(const Vacancy& v) {
  if (v.salary_min_vnd <= 0) {
    return "Lương thoả thuận.";
  }
  const char* per = v.salary_period == "day"    ? "một ngày"
                    : v.salary_period == "hour" ? "một giờ"
                                                : "một tháng";
  if (v.salary_max_vnd > v.salary_min_vnd) {
    return fmt::format("Lương từ {} đến {} triệu đồng {}.", millions(v.salary_min_vnd),
                       millions(v.salary_max_vnd), per);
  }
  return fmt::format("Lương {} triệu đồng {}.", millions(v.salary_min_vnd), per);
}

}  // namespace

std::string spoken_vacancy_vi(const Vacancy& v) {
  std::string text = v.title + ". ";
  if (!v.employer_name.empty()) {
    text += "Đơn vị tuyển dụng: " + v.employer_name + ". ";
  }
  text += spoken_pay(v) + " ";
  if (!v.ward_name.empty()) {
    text += "Nơi làm việc: " + v.ward_name + ". ";
  }
  if (!v.employment_type.empty()) {
    text += employment_type_label(v.employment_type) + ". ";
  }
  if (v.slots_available > 0) {
    text += fmt::format("Còn {} suất phỏng vấn.", v.slots_available);
  }
  return text;
}

}  // namespace kiosk
