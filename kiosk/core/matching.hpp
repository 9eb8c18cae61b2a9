#pragma once
// Matching: hard eligibility first (age from the birth date or birth year,
// the kiosk's active job-fair sessions and target groups, not expired), then
// the person's filters, then a score (occupation fit, distance, pay, working
// time, freshness, open slots) with plain Vietnamese reasons.
//
// Target-group rule: when the query names target groups (a themed job fair
// such as "demobilised soldiers"), a vacancy is eligible only when its own
// target_groups share at least one of them; a vacancy that names no group is
// then out, since nothing says it is meant for that audience. When the query
// names none, target groups do not restrict anything.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/geo.hpp"
#include "core/i18n.hpp"
#include "core/match_filters.hpp"
#include "core/occupations.hpp"
#include "core/time.hpp"
#include "core/vacancy.hpp"

namespace kiosk {

/// Everything that decides one person's list. Build it with
/// match_query_for() (core/match_query.hpp) so the kiosk and kioskctl agree.
struct MatchQuery {
  Date birth_date;
  /// Only birth_date.year is known (an ID-only scan): the person may be
  /// either age they could have today (this year − birth year, or one less)
  /// and is eligible when either fits a vacancy's age range.
  bool birth_year_only = false;
  WallTime now{};
  /// Vacancies must belong to one of these sessions; empty = any session.
  std::vector<std::string> active_session_ids;
  /// Vacancies must name one of these target groups; empty = no restriction.
  std::vector<std::string> target_groups;
  /// Where the person lives (ward centroid); nullopt when unknown.
  std::optional<GeoPoint> home;
  /// ISCO-08 codes the person picked on the occupation grid (4 digits, or a
  /// shorter group prefix); empty = no preference.
  std::vector<std::string> occupations;
  /// Preferred working time (full_time, part_time, …); nullopt = none.
  std::optional<std::string> preferred_employment_type;
  MatchFilters filters;
  std::size_t limit = 200;
  /// The language the reasons are written in.
  Tr tr;
};

struct Match {
  Vacancy vacancy;  // a copy: only the shown `limit` vacancies are copied
  std::optional<double> distance_km;
  std::vector<std::string> reasons;  // two or three short Vietnamese phrases, strongest first
  double score = 0.0;                // 0…100, higher is better (see match_score.hpp)
  OccupationFit occupation_fit = OccupationFit::none;
};

struct MatchResult {
  std::vector<Match> matches;  // the best `limit` of the shown ones, best first
  std::size_t eligible = 0;    // vacancies passing hard eligibility (before filters)
  std::size_t shown = 0;       // of those, how many also pass the filters ("12 of 85")
};

/// Ranks `vacancies` for the query: eligible ones that pass the filters,
/// by score (highest first), then nearer (unknown distance last), then id.
/// O(n + limit·log n); copies only the returned vacancies. Pure; any thread.
MatchResult match_vacancies(std::span<const Vacancy> vacancies, const MatchQuery& query);

/// Whether a vacancy is open to a person of this age (bounds inclusive).
bool age_eligible(const Vacancy& v, int age);

/// The ages the query's person can have today: {youngest, oldest}; equal
/// unless birth_year_only.
std::pair<int, int> possible_ages(const MatchQuery& query);

/// Ward-centroid distance from home to the vacancy's workplace; nullopt
/// when home or the vacancy's position is unknown, and for overseas
/// contracts (their position is the recruiter's office; the work is abroad).
std::optional<double> distance_from_home(const Vacancy& v, const std::optional<GeoPoint>& home);

/// Hard eligibility alone (age, session, target groups, expiry), without
/// the filters.
bool is_eligible(const Vacancy& v, const MatchQuery& query);

/// related_occupations() over the vacancies this person is eligible for,
/// with query.occupations as the chosen codes: chips that never lead to an
/// empty list (unless the filters empty it).
std::vector<RelatedOccupation> related_occupations(std::span<const Vacancy> vacancies,
                                                   const MatchQuery& query, std::size_t limit = 8);

}  // namespace kiosk
