#pragma once
// Small hand-made vacancies for core tests.

#include <string>

#include "core/vacancy.hpp"

namespace kiosk::testing {

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
