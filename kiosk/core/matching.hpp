#pragma once
// The first matching rule: hard eligibility (age from the birth date, the
// kiosk's active job-fair sessions, not expired), then nearest first.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/geo.hpp"
#include "core/time.hpp"
#include "core/vacancy.hpp"

namespace kiosk {

struct MatchQuery {
  Date birth_date;
  WallTime now{};
  /// Vacancies must belong to one of these sessions; empty = any session.
  std::vector<std::string> active_session_ids;
  /// Where the person lives (ward centroid); nullopt when unknown.
  std::optional<GeoPoint> home;
  std::size_t limit = 200;
};

struct Match {
  Vacancy vacancy;
  std::optional<double> distance_km;
  std::vector<std::string> reasons;  // two or three short Vietnamese phrases
};

struct MatchResult {
  std::vector<Match> matches;  // the best `limit` of them, in order
  std::size_t eligible = 0;    // how many vacancies passed eligibility in all
};

/// Eligible vacancies, nearest first (unknown distance last, then by id).
MatchResult match_vacancies(std::span<const Vacancy> vacancies, const MatchQuery& query);

/// Whether a vacancy is open to a person of this age (bounds inclusive).
bool age_eligible(const Vacancy& v, int age);

}  // namespace kiosk
