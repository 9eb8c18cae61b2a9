#include "core/match_filters.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "core/text.hpp"

namespace kiosk {
namespace {

struct EducationName {
  std::string_view code;
  std::string_view label;  // as the central API sends it
  std::string_view folded_label;
  EducationLevel level;
};

constexpr std::array<EducationName, 6> k_education = {{
    {"none", "Không yêu cầu", "khong yeu cau", EducationLevel::none},
    {"lower_secondary", "THCS", "thcs", EducationLevel::lower_secondary},
    {"upper_secondary", "THPT", "thpt", EducationLevel::upper_secondary},
    {"vocational", "Trung cấp", "trung cap", EducationLevel::vocational},
    {"college", "Cao đẳng", "cao dang", EducationLevel::college},
    {"university", "Đại học", "dai hoc", EducationLevel::university},
}};

std::optional<std::int64_t> to_monthly(std::int64_t amount, std::string_view period) {
  if (amount <= 0) {
    return std::nullopt;
  }
  if (period.empty() || period == "month") {
    return amount;
  }
  if (period == "day") {
    return amount * 26;
  }
  if (period == "hour") {
    return amount * 208;
  }
  if (period == "week") {
    return amount * 52 / 12;
  }
  if (period == "year") {
    return amount / 12;
  }
  return std::nullopt;
}

bool contains(const std::vector<std::string>& set, std::string_view value) {
  return std::find(set.begin(), set.end(), value) != set.end();
}

bool in_groups(const std::vector<std::string>& prefixes, std::string_view isco08) {
  return std::any_of(prefixes.begin(), prefixes.end(),
                     [&](const std::string& p) { return isco08.starts_with(p); });
}

}  // namespace

std::optional<EducationLevel> parse_education(std::string_view text) {
  // Exact texts first: folding costs about a microsecond, too much to pay
  // for each of 50,000 vacancies while a filter is on.
  for (const auto& e : k_education) {
    if (text == e.code || text == e.label) {
      return e.level;
    }
  }
  const std::string folded = fold_for_search(text);
  for (const auto& e : k_education) {
    if (folded == e.folded_label || folded == e.code) {
      return e.level;
    }
  }
  if (folded == "sau dai hoc" || folded == "thac si" || folded == "tien si") {
    return EducationLevel::university;
  }
  return std::nullopt;
}

std::string_view education_code(EducationLevel level) {
  return k_education[static_cast<std::size_t>(level)].code;
}

std::optional<std::int64_t> monthly_pay_vnd(const Vacancy& v) {
  const std::int64_t best = v.salary_max_vnd > 0 ? v.salary_max_vnd : v.salary_min_vnd;
  return to_monthly(best, v.salary_period);
}

std::optional<std::int64_t> monthly_min_pay_vnd(const Vacancy& v) {
  return to_monthly(v.salary_min_vnd, v.salary_period);
}

bool MatchFilters::any() const {
  return !occupation_groups.empty() || !ward_codes.empty() || max_distance_km.has_value() ||
         !employment_types.empty() || min_salary_vnd_month.has_value() || education.has_value() ||
         text_hits.has_value();
}

bool passes_filters(const Vacancy& v, const MatchFilters& filters, std::optional<double> km,
                    bool home_known) {
  if (!filters.occupation_groups.empty() && !in_groups(filters.occupation_groups, v.isco08)) {
    return false;
  }
  if (!filters.ward_codes.empty() && !contains(filters.ward_codes, v.ward_code)) {
    return false;
  }
  if (filters.max_distance_km && home_known && (!km || *km > *filters.max_distance_km)) {
    return false;
  }
  if (!filters.employment_types.empty() && !contains(filters.employment_types, v.employment_type)) {
    return false;
  }
  if (filters.min_salary_vnd_month) {
    const auto pay = monthly_pay_vnd(v);
    if (!pay || *pay < *filters.min_salary_vnd_month) {
      return false;
    }
  }
  if (filters.education && !v.education.empty()) {
    const auto required = parse_education(v.education);
    if (required && *required > *filters.education) {
      return false;
    }
  }
  return true;
}

}  // namespace kiosk
