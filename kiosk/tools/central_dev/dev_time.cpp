#include "tools/central_dev/dev_time.hpp"

#include <chrono>

#include <fmt/format.h>

namespace kiosk::dev {
namespace {

constexpr std::int64_t k_vietnam_offset_seconds = 7 * 3600;

std::chrono::year_month_day civil(std::int64_t day) {
  return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{day}}};
}

std::int64_t vietnam_now_seconds() {
  const auto now = std::chrono::system_clock::now();
  return std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count() +
         k_vietnam_offset_seconds;
}

// Floor division, so instants before 1970 still land on the right day.
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

}  // namespace

std::optional<std::int64_t> parse_day(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (std::size_t i = 0; i < lengths[p]; ++i) {
      const char c = text[starts[p] + i];
      if (c < '0' || c > '9') {
        return std::nullopt;
      }
      parts[p] = parts[p] * 10 + (c - '0');
    }
  }
  const std::chrono::year_month_day ymd{std::chrono::year{parts[0]},
                                        std::chrono::month{static_cast<unsigned>(parts[1])},
                                        std::chrono::day{static_cast<unsigned>(parts[2])}};
  if (!ymd.ok()) {
    return std::nullopt;
  }
  return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

std::int64_t today_in_vietnam() {
  return floor_div(vietnam_now_seconds(), k_seconds_per_day);
}

std::int64_t vietnam_time_of_day() {
  return vietnam_now_seconds() - today_in_vietnam() * k_seconds_per_day;
}

std::string format_day(std::int64_t day) {
  const auto ymd = civil(day);
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

std::string format_day_compact(std::int64_t day) {
  const auto ymd = civil(day);
  return fmt::format("{:04}{:02}{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

std::string format_day_vn(std::int64_t day) {
  const auto ymd = civil(day);
  return fmt::format("{:02}/{:02}/{:04}", static_cast<unsigned>(ymd.day()),
                     static_cast<unsigned>(ymd.month()), static_cast<int>(ymd.year()));
}

std::string format_timestamp(LocalSeconds t) {
  const std::int64_t day = floor_div(t, k_seconds_per_day);
  const std::int64_t rest = t - day * k_seconds_per_day;
  return fmt::format("{}T{:02}:{:02}:{:02}+07:00", format_day(day), rest / 3600, (rest / 60) % 60,
                     rest % 60);
}

}  // namespace kiosk::dev
