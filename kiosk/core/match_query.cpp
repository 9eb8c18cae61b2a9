#include "core/match_query.hpp"

namespace kiosk {

MatchPerson match_person_from_card(const CitizenId& card, const WardTable* wards) {
  MatchPerson person;
  person.birth_date = card.birth_date;
  person.birth_year_only = card.birth_year_only;
  if (wards != nullptr && !card.address.empty()) {
    if (const Ward* ward = wards->find_in_address(card.address)) {
      person.home = ward->centroid;
    }
  }
  return person;
}

std::optional<MatchPerson> match_person_from_id_number(std::string_view id, int this_year) {
  auto card = citizen_from_id_only(id, this_year);
  if (!card) {
    return std::nullopt;
  }
  return match_person_from_card(*card, nullptr);
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
