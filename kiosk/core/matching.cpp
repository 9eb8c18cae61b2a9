#include "core/matching.hpp"

#include <algorithm>
#include <cstdint>
#include <tuple>

#include "core/match_score.hpp"

namespace kiosk {
namespace {

bool shares_any(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return std::any_of(a.begin(), a.end(), [&](const std::string& x) {
    return std::find(b.begin(), b.end(), x) != b.end();
  });
}

// The hard rules with the person's possible ages worked out once.
class Eligibility {
 public:
  explicit Eligibility(const MatchQuery& query) : m_query(query) {
    std::tie(m_youngest, m_oldest) = possible_ages(query);
  }

  bool operator()(const Vacancy& v) const {
    if (v.expires_at <= m_query.now) {
      return false;
    }
    // Some age the person may have must lie in [min_age, max_age].
    if ((v.min_age && m_oldest < *v.min_age) || (v.max_age && m_youngest > *v.max_age)) {
      return false;
    }
    if (!m_query.active_session_ids.empty() &&
        !shares_any(v.session_ids, m_query.active_session_ids)) {
      return false;
    }
    return m_query.target_groups.empty() || shares_any(v.target_groups, m_query.target_groups);
  }

 private:
  const MatchQuery& m_query;
  int m_youngest = 0;
  int m_oldest = 0;
};

struct Candidate {
  const Vacancy* vacancy;
  double score;
  std::optional<double> km;
  OccupationFit fit;
};

bool ranks_before(const Candidate& a, const Candidate& b) {
  if (a.score != b.score) {
    return a.score > b.score;
  }
  if (a.km.has_value() != b.km.has_value()) {
    return a.km.has_value();
  }
  if (a.km && *a.km != *b.km) {
    return *a.km < *b.km;
  }
  return a.vacancy->id < b.vacancy->id;
}

// Walks the sorted text-search hits alongside the vacancy positions.
class TextHits {
 public:
  explicit TextHits(const std::optional<std::vector<std::uint32_t>>& hits) : m_hits(hits) {}

  bool contains(std::size_t position) {
    if (!m_hits) {
      return true;
    }
    while (m_next < m_hits->size() && (*m_hits)[m_next] < position) {
      ++m_next;
    }
    return m_next < m_hits->size() && (*m_hits)[m_next] == position;
  }

 private:
  const std::optional<std::vector<std::uint32_t>>& m_hits;
  std::size_t m_next = 0;
};

}  // namespace

bool age_eligible(const Vacancy& v, int age) {
  return (!v.min_age || age >= *v.min_age) && (!v.max_age || age <= *v.max_age);
}

std::pair<int, int> possible_ages(const MatchQuery& query) {
  const Date today = vn_date(query.now);
  if (query.birth_year_only) {
    const int oldest = today.year - query.birth_date.year;
    return {oldest - 1, oldest};
  }
  const int age = age_on(query.birth_date, today);
  return {age, age};
}

std::optional<double> distance_from_home(const Vacancy& v, const std::optional<GeoPoint>& home) {
  // An overseas contract's place in Hanoi is the recruiting agency's office;
  // the work itself is abroad, so it is near nobody.
  if (!home || !v.lat || !v.lon || v.employment_type == "overseas_contract") {
    return std::nullopt;
  }
  return distance_km(*home, GeoPoint{*v.lat, *v.lon});
}

bool is_eligible(const Vacancy& v, const MatchQuery& query) {
  return Eligibility(query)(v);
}

MatchResult match_vacancies(std::span<const Vacancy> vacancies, const MatchQuery& query) {
  const Eligibility eligible(query);
  TextHits text_hits(query.filters.text_hits);
  const bool home_known = query.home.has_value();
  MatchResult out;
  std::vector<Candidate> candidates;
  candidates.reserve(vacancies.size());
  for (std::size_t i = 0; i < vacancies.size(); ++i) {
    const Vacancy& v = vacancies[i];
    if (!eligible(v)) {
      continue;
    }
    ++out.eligible;
    const std::optional<double> km = distance_from_home(v, query.home);
    if (!passes_filters(v, query.filters, km, home_known) || !text_hits.contains(i)) {
      continue;
    }
    const OccupationFit fit = occupation_fit(v.isco08, query.occupations);
    candidates.push_back({&v, score_parts(v, query, km, fit).total(), km, fit});
  }
  out.shown = candidates.size();
  const std::size_t n = std::min(query.limit, candidates.size());
  std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(n),
                    candidates.end(), ranks_before);
  out.matches.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Candidate& c = candidates[i];
    const ScoreParts parts = score_parts(*c.vacancy, query, c.km, c.fit);
    out.matches.push_back(Match{
        *c.vacancy, c.km, reasons_for(*c.vacancy, query, c.km, c.fit, parts), c.score, c.fit});
  }
  return out;
}

std::vector<RelatedOccupation> related_occupations(std::span<const Vacancy> vacancies,
                                                   const MatchQuery& query, std::size_t limit) {
  const Eligibility eligible(query);
  return kiosk::related_occupations(
      vacancies, query.occupations, [&](const Vacancy& v) { return eligible(v); }, limit);
}

}  // namespace kiosk
