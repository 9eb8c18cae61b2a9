#include "core/match_query.hpp"

namespace kiosk {

MatchPerson match_person_from_card(const CitizenId& card, const WardTable* wards) {
  MatchPerson person;
  person.birth_date = card.birth_date;
  if (wards != nullptr && !card.address.empty()) {
    if (const Ward* ward = wards->find_in_address(card.address)) {
      person.home = ward->centroid;
    }
  }
  return person;
}

std::optional<MatchPerson> match_person_from_id_number(std::string_view id, int this_year) {
  const auto facts = id_facts(id);
  if (!facts || facts->birth_year < 1900 || facts->birth_year > this_year) {
    return std::nullopt;
  }
  MatchPerson person;
  person.birth_date = Date{facts->birth_year, 1, 1};
  person.birth_year_only = true;
  return person;
}

std::vector<std::string> sessions_on(std::span<const JobFairSession> sessions, Date day) {
  std::vector<std::string> ids;
  for (const auto& s : sessions) {
    if (vn_date(s.starts_at) <= day && day <= vn_date(s.ends_at)) {
      ids.push_back(s.id);
    }
  }
  return ids;
}

MatchQuery match_query_for(const MatchPerson& person, const MatchScope& scope,
                           std::span<const JobFairSession> sessions, WallTime now) {
  MatchQuery query;
  query.birth_date = person.birth_date;
  query.birth_year_only = person.birth_year_only;
  query.now = now;
  query.home = person.home;
  query.active_session_ids = scope.session_ids;
  if (query.active_session_ids.empty()) {
    // No sessions named by the profile: offer what the centre runs today.
    query.active_session_ids = sessions_on(sessions, vn_date(now));
  }
  query.target_groups = scope.target_groups;
  return query;
}

}  // namespace kiosk
