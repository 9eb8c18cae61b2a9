#pragma once
// Dates and instants for the development central server. Vietnam keeps UTC+7
// all year, so every instant is held as seconds on Vietnam's wall clock and
// printed with a fixed "+07:00" offset.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::dev {

/// Seconds since 1970-01-01T00:00:00 on Vietnam's wall clock (UTC+7).
using LocalSeconds = std::int64_t;

inline constexpr std::int64_t k_seconds_per_day = 86400;

/// Days since 1970-01-01 of "YYYY-MM-DD"; nullopt unless exactly that shape
/// and a real calendar date.
std::optional<std::int64_t> parse_day(std::string_view text);

/// Today's date in Vietnam, as days since 1970-01-01.
std::int64_t today_in_vietnam();

/// Seconds since midnight on Vietnam's wall clock, now.
std::int64_t vietnam_time_of_day();

std::string format_day(std::int64_t day);          // 2026-11-27
std::string format_day_compact(std::int64_t day);  // 20261127
std::string format_day_vn(std::int64_t day);       // 27/11/2026
std::string format_timestamp(LocalSeconds t);      // 2026-11-27T08:30:00+07:00

}  // namespace kiosk::dev
