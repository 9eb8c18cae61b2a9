#pragma once
// Hand-made vacancies and queries for the matching tests: one fixed "now"
// (Friday 27/11/2026, 09:00 in Hanoi) and a home in Cầu Giấy.

#include <string>

#include "core/matching.hpp"

namespace kiosk::match_testing {

inline WallTime test_now() {
  return *parse_iso8601("2026-11-27T09:00:00+07:00");
}

inline GeoPoint test_home() {
  return GeoPoint{21.03, 105.80};
}

/// A point about `km` kilometres north of test_home().
inline GeoPoint north_of_home(double km) {
  return GeoPoint{21.03 + km / 111.195, 105.80};
}

/// An open, age 18–60, session "pgd-1" vacancy at `where`, with 5 slots and
/// nothing else that scores (no pay, no publication date, no occupation).
inline Vacancy vacancy_at(std::string id, GeoPoint where, std::string isco08 = "") {
  Vacancy v;
  v.id = std::move(id);
  v.title = "Việc làm " + v.id;
  v.isco08 = std::move(isco08);
  v.employment_type = "full_time";
  v.expires_at = *parse_iso8601("2027-01-31T17:00:00+07:00");
  v.lat = where.lat;
  v.lon = where.lon;
  v.min_age = 18;
  v.max_age = 60;
  v.session_ids = {"pgd-1"};
  v.slots_available = 5;
  return v;
}

/// A 36-year-old living at test_home(), now = test_now(), any session.
inline MatchQuery adult_query() {
  MatchQuery q;
  q.birth_date = Date{1990, 1, 1};
  q.now = test_now();
  q.home = test_home();
  return q;
}

}  // namespace kiosk::match_testing
