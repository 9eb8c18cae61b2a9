#pragma once
// Calendar dates and wall-clock instants as the kiosk uses them. Vietnam keeps
// UTC+7 all year (no daylight saving), so local time is a fixed offset.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/i18n.hpp"

namespace kiosk {

using WallTime = std::chrono::sys_seconds;
inline constexpr std::chrono::seconds k_vietnam_utc_offset{7 * 3600};

/// A validated calendar date (proleptic Gregorian).
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;
};

/// True when the date exists in the calendar (30 Feb does not).
bool is_valid_date(const Date& d);

/// Parses "DDMMYYYY" as printed in the citizen-ID QR; nullopt unless eight
/// digits forming a real date.
std::optional<Date> parse_ddmmyyyy(std::string_view text);

/// Parses "YYYY-MM-DD"; nullopt unless a real date.
std::optional<Date> parse_iso_date(std::string_view text);

std::string format_iso_date(const Date& d);       // 2026-11-27
std::string format_vn_date(const Date& d);        // 27/11/2026

/// Whole years between `birth` and `on` (birthday not yet reached counts down).
int age_on(const Date& birth, const Date& on);

/// Parses ISO-8601 date-times such as "2026-11-27T08:30:00+07:00" or "…Z"
/// (fractional seconds ignored). nullopt on anything else.
std::optional<WallTime> parse_iso8601(std::string_view text);

/// "2026-11-27T08:30:00+07:00" in Vietnam time.
std::string format_iso8601_vn(WallTime t);

/// The Vietnam-local calendar date of an instant.
Date vn_date(WallTime t);

/// "08:30" in Vietnam time.
std::string format_vn_hhmm(WallTime t);

/// "Thứ Sáu, 27/11/2026" in Vietnam time.
std::string format_vn_weekday_date(WallTime t);
/// The same in the translator's language ("Friday, 27/11/2026").
std::string format_weekday_date(WallTime t, const Tr& tr);

}  // namespace kiosk
