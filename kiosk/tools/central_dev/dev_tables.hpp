#pragma once
// Fixed reference tables behind the generated data: ISCO-08 occupations with
// Vietnamese and English labels, invented but plausible Hanoi employers, and
// the wording used to compose vacancies. Read-only; safe from any thread.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace kiosk::dev {

enum class Sector : std::uint8_t {
  electronics,
  mechanical,
  garment,
  food,
  retail,
  logistics,
  finance,
  it,
  hospitality,
  education,
  legal,
  facility,
  call_centre,
  construction,
  transport,
  care,
  overseas,
  beauty,
  business,
};

enum class Education : std::uint8_t {
  none,
  lower_secondary,
  upper_secondary,
  vocational,
  college,
  university,
};

/// "Không yêu cầu", "THCS", "THPT", "Trung cấp", "Cao đẳng", "Đại học".
std::string_view education_label(Education e);

// Occupation traits: which target groups and contract kinds fit the job.
inline constexpr std::uint8_t k_trait_part_time = 1;
inline constexpr std::uint8_t k_trait_seasonal = 2;
inline constexpr std::uint8_t k_trait_disability = 4;
inline constexpr std::uint8_t k_trait_veteran = 8;
inline constexpr std::uint8_t k_trait_law = 16;
inline constexpr std::uint8_t k_trait_second_chance = 32;

struct Occupation {
  std::string_view isco08;
  std::string_view label_vi;
  std::string_view label_en;  // the ISCO-08 unit group title
  Education education;        // usual minimum
  double salary_min_m;        // usual monthly range, million VND
  double salary_max_m;
  std::uint8_t traits;
  std::array<std::string_view, 2> titles;  // job-ad titles; the second may be empty
  std::array<std::string_view, 4> skills;
  std::array<std::string_view, 2> languages;  // per title; empty = none required
};

struct Employer {
  std::string_view name;
  Sector sector;
  std::string_view site;       // industrial park or cluster, empty for city offices
  std::string_view site_ward;  // ward code of `site`
};

/// Target-group codes, in bit order of a vacancy's target-group mask.
enum class TargetGroup : std::uint8_t {
  bo_doi_xuat_ngu,
  nguoi_khuyet_tat,
  lao_dong_ban_thoi_gian,
  sinh_vien_luat,
  sinh_vien_ngoai_ngu,
  thanh_nien,
  nguoi_chap_hanh_xong_an_phat_tu,
  nguoi_sau_cai_nghien,
};
inline constexpr std::size_t k_target_group_count = 8;

constexpr std::uint16_t group_bit(TargetGroup g) {
  return static_cast<std::uint16_t>(1U << static_cast<unsigned>(g));
}

/// "bo_doi_xuat_ngu", …: the API's target-group code.
std::string_view target_group_code(TargetGroup g);

std::span<const Occupation> occupations();
/// Index into occupations() of an ISCO-08 code; nullopt when not in the table.
std::optional<std::size_t> occupation_index(std::string_view isco08);

std::span<const Employer> employers();
/// ISCO-08 codes a sector hires, repeated to weight the common ones.
std::span<const std::string_view> sector_jobs(Sector s);
/// One sentence describing what kind of business an employer of the sector is.
std::string_view sector_profile(Sector s);
/// True for factory sectors whose staff work in shifts and ride company buses.
bool is_factory(Sector s);

/// Benefits in bit order of a vacancy's benefit mask (see k_benefit_*).
std::span<const std::string_view> benefits();
inline constexpr unsigned k_benefit_insurance = 0;
inline constexpr unsigned k_benefit_bus = 3;
inline constexpr unsigned k_benefit_wheelchair = 12;
inline constexpr unsigned k_benefit_flexible = 13;
inline constexpr unsigned k_benefit_language_training = 14;
inline constexpr unsigned k_benefit_departure_loan = 15;
inline constexpr unsigned k_benefit_sales_bonus = 16;
inline constexpr unsigned k_benefit_board = 17;

std::span<const std::string_view> streets();
std::span<const std::string_view> hamlets();

struct OverseasCountry {
  std::string_view name;
  std::string_view language;
  double salary_min_m;
  double salary_max_m;
};
std::span<const OverseasCountry> overseas_countries();

}  // namespace kiosk::dev
