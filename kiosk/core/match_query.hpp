#pragma once
// The one place that turns a person and the kiosk's profile into a
// MatchQuery, used by the Journey and by `kioskctl match`, so the tool
// ranks exactly as the kiosk shows.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/citizen_id.hpp"
#include "core/geo.hpp"
#include "core/matching.hpp"
#include "core/time.hpp"
#include "core/vacancy.hpp"

namespace kiosk {

/// What matching needs to know about a person, nothing more (no ID number,
/// no name). Personal data all the same: keep it for one session.
struct MatchPerson {
  Date birth_date;
  bool birth_year_only = false;  // only birth_date.year is known
  std::optional<GeoPoint> home;  // ward centroid; nullopt when unknown
};

/// The person from a parsed card: birth date (or year, when the card was
/// read from the ID number alone), and home as the centroid of the ward
/// WardTable::find_in_address() reads in the address (none when `wards` is
/// null or no ward matches).
MatchPerson match_person_from_card(const CitizenId& card, const WardTable* wards);

/// The person behind a bare 12-digit ID (an `id_only` scan): the birth year
/// its digits encode, year-only, home unknown. Nullopt unless the ID is 12
/// digits whose year lies between 1900 and `this_year`.
std::optional<MatchPerson> match_person_from_id_number(std::string_view id, int this_year);

/// What the profile says about which vacancies this kiosk offers.
struct MatchScope {
  std::vector<std::string> session_ids;    // [session] session_ids; empty: today's sessions
  std::vector<std::string> target_groups;  // [session] target_groups; empty: any
};

/// Ids of the sessions whose Vietnam-local dates include `day`.
std::vector<std::string> sessions_on(std::span<const JobFairSession> sessions, Date day);

/// The query for one person: birth date (or year-only), home, now, the
/// profile's session ids (when it names none: the catalog's sessions
/// running today, as sessions_on(sessions, vn_date(now)); when none runs
/// today either, the list stays empty and every session counts) and target
/// groups. Occupations, working-time preference, filters and limit keep
/// their defaults for the caller (the screen) to set.
MatchQuery match_query_for(const MatchPerson& person, const MatchScope& scope,
                           std::span<const JobFairSession> sessions, WallTime now);

}  // namespace kiosk
