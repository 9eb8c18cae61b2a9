#pragma once
// Vacancies, job-fair sessions and interview slots as the central API
// describes them (DESIGN §3.2), with tolerant JSON readers.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>
#include <tl/expected.hpp>

#include "core/time.hpp"

namespace kiosk {

struct Vacancy {
  std::string id;
  std::int64_t version = 0;
  WallTime updated_at{};
  WallTime published_at{};
  WallTime expires_at{};
  std::string title;
  std::string employer_id;
  std::string employer_name;
  std::string isco08;
  std::string occupation_label;
  std::string province_code;
  std::string ward_code;
  std::string ward_name;
  std::string address;
  std::optional<double> lat;
  std::optional<double> lon;
  std::int64_t salary_min_vnd = 0;
  std::int64_t salary_max_vnd = 0;
  std::string salary_period;
  std::string salary_text;
  std::string employment_type;  // full_time | part_time | seasonal | overseas_contract
  int positions = 0;
  std::optional<int> min_age;
  std::optional<int> max_age;
  std::string education;
  int experience_months = 0;
  std::vector<std::string> skills_must;
  std::vector<std::string> benefits;
  std::vector<std::string> target_groups;
  std::vector<std::string> session_ids;
  std::string description;
  int slots_available = 0;
};

/// Reads one vacancy; unknown fields are ignored, optional ones may be
/// missing. Returns a short reason when a required field is absent or of the
/// wrong type (the caller skips and counts it).
tl::expected<Vacancy, std::string> vacancy_from_json(const nlohmann::json& j);

/// The same shape the API sends, so a cached vacancy reads back identically.
nlohmann::json to_json(const Vacancy& v);

/// "full_time" -> "Toàn thời gian".
std::string employment_type_label(const std::string& type);

struct JobFairSession {
  std::string id;
  std::string title;
  std::vector<std::string> target_groups;
  std::string venue;
  WallTime starts_at{};
  WallTime ends_at{};
};

tl::expected<JobFairSession, std::string> session_from_json(const nlohmann::json& j);

struct Slot {
  std::string id;
  WallTime starts_at{};
  WallTime ends_at{};
  std::string venue;
  std::string booth;
  int capacity = 0;
  int remaining = 0;
};

tl::expected<Slot, std::string> slot_from_json(const nlohmann::json& j);

/// One entry of the occupation taxonomy (GET /api/v1/taxonomy/occupations):
/// an ISCO-08 unit group (4 digits; VSCO follows ISCO-08) and its labels.
struct Occupation {
  std::string isco08;
  std::string label_vi;
  std::string label_en;
};

/// Reads {"isco08","label_vi","label_en"}; a short reason when isco08 is
/// missing or not 1 to 4 digits, or label_vi is missing (skip and count it).
tl::expected<Occupation, std::string> occupation_from_json(const nlohmann::json& j);

/// The same shape occupation_from_json reads.
nlohmann::json to_json(const Occupation& o);

}  // namespace kiosk
