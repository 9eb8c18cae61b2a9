#pragma once
// The generated world of the development central server: Hanoi's wards, the
// job-fair sessions around "today" and the vacancies with their interview
// slots. Generation is deterministic for a given seed, today and count, and
// each vacancy depends only on (seed, today, its number), so the first
// vacancies are the same whatever the count.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "tools/central_dev/dev_tables.hpp"
#include "tools/central_dev/dev_time.hpp"

namespace kiosk::dev {

struct Ward {
  std::string code;       // "00004"
  std::string full_name;  // "Phường Ba Đình"
  bool commune = false;   // xã rather than phường
  double lat = 0;
  double lon = 0;
};

enum class EmploymentType : std::uint8_t { full_time, part_time, seasonal, overseas_contract };

/// "full_time", "part_time", "seasonal", "overseas_contract".
std::string_view employment_type_code(EmploymentType t);

// Session indices, in chronological order of DevData::sessions.
inline constexpr std::size_t k_session_previous = 0;  // last week's general session
inline constexpr std::size_t k_session_general = 1;   // today's, every vacancy is in it
inline constexpr std::size_t k_session_veterans = 2;
inline constexpr std::size_t k_session_part_time = 3;
inline constexpr std::size_t k_session_disability = 4;
inline constexpr std::size_t k_session_law = 5;
inline constexpr std::size_t k_session_languages = 6;
inline constexpr std::size_t k_session_count = 7;

struct DevSession {
  std::string id;  // "pgd-20261127", themed ones "pgd-20261127-bdxn"
  std::string title;
  std::string venue;
  std::uint16_t groups = 0;  // target-group mask
  std::int64_t day = 0;
  LocalSeconds starts_at = 0;
  LocalSeconds ends_at = 0;
};

struct DevSlot {
  LocalSeconds starts_at = 0;  // 30-minute window
  int capacity = 0;
  int taken = 0;             // confirmed bookings, including those made before start-up
  std::uint8_t session = 0;  // index of the session whose venue hosts the slot
  bool at_employer = false;  // at the vacancy's own address instead
};

struct DevVacancy {
  std::uint32_t number = 0;  // id "vac-%06u"
  std::uint16_t occupation = 0;
  std::uint16_t employer = 0;
  std::uint16_t ward = 0;
  std::uint8_t title = 0;
  std::uint8_t country = 0;  // overseas contracts only
  std::uint8_t street = 0;
  std::uint16_t house_number = 0;
  double lat = 0;
  double lon = 0;
  std::int64_t salary_min = 0;
  std::int64_t salary_max = 0;
  bool hourly = false;
  EmploymentType type = EmploymentType::full_time;
  int positions = 0;
  int min_age = 18;
  int max_age = 0;  // 0 = no upper limit
  Education education = Education::none;
  int experience_months = 0;
  std::array<std::uint8_t, 4> skill_order{};  // permutation of the occupation's skills
  std::uint8_t skills_must = 1;               // first n of skill_order
  std::uint8_t skills_nice = 1;               // the next n
  bool language = false;                      // the title's language is required
  std::uint32_t benefits = 0;                 // mask over benefits()
  std::uint16_t groups = 0;                   // target-group mask
  std::uint8_t sessions = 0;                  // mask over DevData::sessions
  LocalSeconds published_at = 0;
  LocalSeconds updated_at = 0;
  LocalSeconds expires_at = 0;
  std::vector<DevSlot> slots;

  // Mutable state, changed by the server under its lock.
  std::int64_t version = 1;
  bool removed = false;
  LocalSeconds removed_at = 0;
  std::uint64_t change_seq = 0;  // 0 = unchanged since generation
};

struct DevData {
  std::int64_t today = 0;  // days since 1970-01-01
  std::vector<Ward> wards;
  std::vector<std::uint16_t> urban_wards;                    // indices of phường
  std::vector<std::uint16_t> rural_wards;                    // indices of xã
  std::vector<std::array<std::uint16_t, 2>> employer_wards;  // per employers() entry
  std::vector<DevSession> sessions;
  std::vector<DevVacancy> vacancies;  // vacancies[i].number == i + 1
};

struct DevDataOptions {
  std::size_t vacancies = 600;
  std::uint64_t seed = 42;
  std::int64_t today = 0;
  std::string data_dir;  // holds hanoi_wards.json
};

/// Reads `<data_dir>/hanoi_wards.json`; an error text when missing or malformed.
tl::expected<std::vector<Ward>, std::string> load_wards(const std::string& data_dir);

/// Builds the whole data set; fails only when the wards cannot be loaded.
tl::expected<DevData, std::string> generate_dev_data(const DevDataOptions& options);

/// One vacancy of `data` (wards, employer places and sessions must be set),
/// from a per-day seed; used by generate_dev_data().
DevVacancy make_vacancy(const DevData& data, std::uint64_t day_seed, std::uint32_t number);

/// "vac-000123".
std::string vacancy_id(std::uint32_t number);
/// Index of "vac-000123" in a list of `count`; nullopt when malformed or out of range.
std::optional<std::size_t> vacancy_index(std::string_view id, std::size_t count);
/// "slot-000123-2" for the second slot (index 1) of vacancy 123.
std::string slot_id(std::uint32_t number, std::size_t slot_index);

}  // namespace kiosk::dev
