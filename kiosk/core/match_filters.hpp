#pragma once
// The filters a person can touch on the matches screen (occupation group,
// area, working time, minimum pay, education), as plain data, and the pay
// and education readings they rest on.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/vacancy.hpp"

namespace kiosk {

/// Education levels in the order of the Vietnamese school system.
enum class EducationLevel {
  none,             // "Không yêu cầu"
  lower_secondary,  // "THCS"
  upper_secondary,  // "THPT"
  vocational,       // "Trung cấp"
  college,          // "Cao đẳng"
  university,       // "Đại học" (and above)
};

/// Reads a level from a code ("upper_secondary") or the label the central
/// API sends ("THPT", "Trung cấp", "Đại học", "Không yêu cầu"; case and
/// diacritics ignored). Nullopt for anything else (an unknown requirement).
std::optional<EducationLevel> parse_education(std::string_view text);

/// The stable code of a level ("upper_secondary").
std::string_view education_code(EducationLevel level);

/// The vacancy's best pay as a monthly amount in VND: salary_max_vnd, or
/// salary_min_vnd when no maximum is given, converted from its period
/// ("month" or empty: as is; "day": ×26; "hour": ×208, i.e. 8 h × 26 days;
/// "week": ×52/12; "year": /12). Nullopt when no amount is given or the
/// period is unknown ("thỏa thuận").
std::optional<std::int64_t> monthly_pay_vnd(const Vacancy& v);

/// The same conversion of salary_min_vnd (the lowest pay offered).
std::optional<std::int64_t> monthly_min_pay_vnd(const Vacancy& v);

/// What the person narrowed the list to; every member is optional and an
/// empty or unset one does not filter. A vacancy must pass all of them.
struct MatchFilters {
  /// ISCO-08 prefixes (a major "7" or sub-major "72" group, or longer); the
  /// vacancy's code must start with one of them.
  std::vector<std::string> occupation_groups;
  /// The vacancy's ward_code must be one of these.
  std::vector<std::string> ward_codes;
  /// Ward-centroid distance from home at most this; vacancies without a
  /// position are out. Ignored when the person's home is unknown (the
  /// screen does not offer it then).
  std::optional<double> max_distance_km;
  /// employment_type must be one of these (full_time, part_time, …).
  std::vector<std::string> employment_types;
  /// monthly_pay_vnd() must be at least this; unknown pay is out.
  std::optional<std::int64_t> min_salary_vnd_month;
  /// The person's highest education: vacancies requiring more are out;
  /// a requirement that parse_education() cannot read stays in.
  std::optional<EducationLevel> education;
  /// Free-text search hits: positions (ascending, as SearchIndex::search()
  /// returns them) in the very span given to match_vacancies().
  std::optional<std::vector<std::uint32_t>> text_hits;

  /// True when at least one filter is set.
  bool any() const;
};

/// Whether the vacancy passes every filter except text_hits (which is
/// positional; match_vacancies() applies it). `km` is the distance from
/// home, nullopt when home or the vacancy's position is unknown;
/// `home_known` tells the two apart for max_distance_km.
bool passes_filters(const Vacancy& v, const MatchFilters& filters, std::optional<double> km,
                    bool home_known);

}  // namespace kiosk
