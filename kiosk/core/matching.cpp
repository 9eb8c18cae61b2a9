#include "core/matching.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace kiosk {
namespace {

bool in_active_session(const Vacancy& v, const std::vector<std::string>& active) {
  if (active.empty()) {
    return true;
  }
  return std::any_of(v.session_ids.begin(), v.session_ids.end(), [&](const std::string& id) {
    return std::find(active.begin(), active.end(), id) != active.end();
  });
}

std::vector<std::string> reasons_for(const Vacancy& v, std::optional<double> km) {
  std::vector<std::string> reasons;
  if (km) {
    if (*km < 3.0) {
      reasons.emplace_back("Gần nhà bạn");
    } else {
      reasons.push_back(fmt::format("Cách nhà bạn khoảng {:.0f} km", std::max(1.0, *km)));
    }
  }
  reasons.emplace_back("Phù hợp độ tuổi của bạn");
  if (v.slots_available > 0) {
    reasons.push_back(fmt::format("Còn {} suất phỏng vấn", v.slots_available));
  }
  return reasons;
}

}  // namespace

bool age_eligible(const Vacancy& v, int age) {
  return (!v.min_age || age >= *v.min_age) && (!v.max_age || age <= *v.max_age);
}

MatchResult match_vacancies(std::span<const Vacancy> vacancies, const MatchQuery& query) {
  const int age = age_on(query.birth_date, vn_date(query.now));
  struct Candidate {
    const Vacancy* vacancy;
    std::optional<double> km;
  };
  std::vector<Candidate> candidates;
  for (const auto& v : vacancies) {
    if (v.expires_at <= query.now || !age_eligible(v, age) ||
        !in_active_session(v, query.active_session_ids)) {
      continue;
    }
    std::optional<double> km;
    if (query.home && v.lat && v.lon) {
      km = distance_km(*query.home, GeoPoint{*v.lat, *v.lon});
    }
    candidates.push_back({&v, km});
  }
  const auto closer = [](const Candidate& a, const Candidate& b) {
    if (a.km.has_value() != b.km.has_value()) {
      return a.km.has_value();
    }
    if (a.km && *a.km != *b.km) {
      return *a.km < *b.km;
    }
    return a.vacancy->id < b.vacancy->id;
  };
  const std::size_t n = std::min(query.limit, candidates.size());
  std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(n),
                    candidates.end(), closer);
  MatchResult out;
  out.eligible = candidates.size();
  out.matches.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    out.matches.push_back(Match{*candidates[i].vacancy, candidates[i].km,
                                reasons_for(*candidates[i].vacancy, candidates[i].km)});
  }
  return out;
}

}  // namespace kiosk
