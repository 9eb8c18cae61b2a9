#include "core/time.hpp"

#include <array>
#include <charconv>

#include <fmt/format.h>

namespace kiosk {
namespace {

using namespace std::chrono;

bool all_digits(std::string_view s) {
  for (const char c : s) {
    if (c < '0' || c > '9') {
      return false;
    }
  }
  return !s.empty();
}

int to_int(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

year_month_day to_ymd(const Date& d) {
  return year_month_day{year{d.year}, month{static_cast<unsigned>(d.month)},
                        day{static_cast<unsigned>(d.day)}};
}

}  // namespace

bool is_valid_date(const Date& d) {
  return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
         to_ymd(d).ok();
}

std::optional<Date> parse_ddmmyyyy(std::string_view text) {
  if (text.size() != 8 || !all_digits(text)) {
    return std::nullopt;
  }
  const Date d{to_int(text.substr(4, 4)), to_int(text.substr(2, 2)), to_int(text.substr(0, 2))};
  if (!is_valid_date(d)) {
    return std::nullopt;
  }
  return d;
}

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !all_digits(text.substr(0, 4)) ||
      !all_digits(text.substr(5, 2)) || !all_digits(text.substr(8, 2))) {
    return std::nullopt;
  }
  const Date d{to_int(text.substr(0, 4)), to_int(text.substr(5, 2)), to_int(text.substr(8, 2))};
  if (!is_valid_date(d)) {
    return std::nullopt;
  }
  return d;
}

std::string format_iso_date(const Date& d) {
  return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
}

std::string format_vn_date(const Date& d) {
  return fmt::format("{:02}/{:02}/{:04}", d.day, d.month, d.year);
}

int age_on(const Date& birth, const Date& on) {
  int age = on.year - birth.year;
  if (on.month < birth.month || (on.month == birth.month && on.day < birth.day)) {
    --age;
  }
  return age;
}

std::optional<WallTime> parse_iso8601(std::string_view text) {
  // YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)
  if (text.size() < 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':') {
    return std::nullopt;
  }
  const auto date = parse_iso_date(text.substr(0, 10));
  if (!date || !all_digits(text.substr(11, 2)) || !all_digits(text.substr(14, 2)) ||
      !all_digits(text.substr(17, 2))) {
    return std::nullopt;
  }
  const int hh = to_int(text.substr(11, 2));
  const int mm = to_int(text.substr(14, 2));
  const int ss = to_int(text.substr(17, 2));
  if (hh > 23 || mm > 59 || ss > 60) {
    return std::nullopt;
  }
  std::string_view rest = text.substr(19);
  if (!rest.empty() && rest.front() == '.') {
    std::size_t i = 1;
    while (i < rest.size() && rest[i] >= '0' && rest[i] <= '9') {
      ++i;
    }
    rest.remove_prefix(i);
  }
  seconds offset{0};
  if (rest == "Z") {
    offset = seconds{0};
  } else if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':' &&
             all_digits(rest.substr(1, 2)) && all_digits(rest.substr(4, 2))) {
    offset = hours{to_int(rest.substr(1, 2))} + minutes{to_int(rest.substr(4, 2))};
    if (rest[0] == '-') {
      offset = -offset;
    }
  } else {
    return std::nullopt;
  }
  const sys_days days{to_ymd(*date)};
  return WallTime{days.time_since_epoch() + hours{hh} + minutes{mm} + seconds{ss} - offset};
}

std::string format_iso8601_vn(WallTime t) {
  const auto local = t + k_vietnam_utc_offset;
  const auto days = floor<std::chrono::days>(local);
  const year_month_day ymd{days};
  const hh_mm_ss hms{local - days};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}+07:00", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                     hms.hours().count(), hms.minutes().count(), hms.seconds().count());
}

Date vn_date(WallTime t) {
  const year_month_day ymd{floor<days>(t + k_vietnam_utc_offset)};
  return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

std::string format_vn_hhmm(WallTime t) {
  const auto local = t + k_vietnam_utc_offset;
  const hh_mm_ss hms{local - floor<days>(local)};
  return fmt::format("{:02}:{:02}", hms.hours().count(), hms.minutes().count());
}

std::string format_vn_weekday_date(WallTime t) {
  return format_weekday_date(t, Tr());
}

std::string format_weekday_date(WallTime t, const Tr& tr) {
  static constexpr std::array<const char*, 7> k_weekdays = {
      N_("Chủ Nhật"), N_("Thứ Hai"), N_("Thứ Ba"), N_("Thứ Tư"),
      N_("Thứ Năm"),  N_("Thứ Sáu"), N_("Thứ Bảy")};
  const auto local_days = floor<days>(t + k_vietnam_utc_offset);
  const weekday wd{local_days};
  // Day/month/year in both languages (British English writes dates so too).
  return fmt::format("{}, {}", tr.tr(k_weekdays[wd.c_encoding()]), format_vn_date(vn_date(t)));
}

}  // namespace kiosk
