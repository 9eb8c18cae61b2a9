#pragma once
// Small hand-made vacancies, a card payload and the ward table for core tests.

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "core/geo.hpp"
#include "core/vacancy.hpp"

namespace kiosk::testing {

/// A citizen-ID payload (made-up person, born 15/03/1995, Phường Yên Hòa).
inline constexpr const char* k_card =
    "001095012345|123456789|Nguyễn Văn An|15031995|Nam|Số 12 ngõ 34 Trần Duy Hưng, Phường Yên "
    "Hòa, Thành phố Hà Nội|01082021";

/// Hanoi's 126 wards and communes (KIOSK_WARDS_FILE, set by the test target).
inline std::shared_ptr<const WardTable> load_wards() {
  std::ifstream in(KIOSK_WARDS_FILE);
  std::stringstream ss;
  ss << in.rdbuf();
  return std::make_shared<const WardTable>(*WardTable::from_json(ss.str()));
}

inline Vacancy make_vacancy(std::string id, double lat, double lon, int min_age, int max_age,
                            std::string session = "pgd-20261127") {
  Vacancy v;
  v.id = std::move(id);
  v.title = "Công nhân lắp ráp " + v.id;
  v.employer_name = "Công ty TNHH Điện tử Thăng Long";
  v.expires_at = *parse_iso8601("2027-01-31T17:00:00+07:00");
  v.lat = lat;
  v.lon = lon;
  v.min_age = min_age;
  v.max_age = max_age;
  v.session_ids = {std::move(session)};
  v.slots_available = 5;
  return v;
}

}  // namespace kiosk::testing
