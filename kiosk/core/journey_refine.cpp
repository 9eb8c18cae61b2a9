// The Journey's refinement: search, the occupation grid, the filters a
// person can touch, and choosing the home ward. Everything re-ranks at once
// (ranking 50,000 vacancies takes a few milliseconds), so the list answers
// every keystroke and every tap.

#include <algorithm>
#include <unordered_map>

#include "core/journey.hpp"
#include "core/log.hpp"
#include "core/match_query.hpp"
#include "core/occupations.hpp"
#include "core/overloaded.hpp"
#include "core/text.hpp"

namespace kiosk {
namespace {

constexpr std::size_t k_related_chips = 6;
constexpr std::size_t k_grid_tiles = 48;
// m_home_ward when the person said their ward is none of the list's.
constexpr const char* k_no_home = "-";

MatchFilters to_match_filters(const TouchFilters& t, bool home_known) {
  MatchFilters f;
  if (t.occupation_group != 0) {
    f.occupation_groups = {std::string(1, t.occupation_group)};
  }
  if (t.max_km > 0 && home_known) {
    f.max_distance_km = t.max_km;
  }
  if (!t.employment_type.empty()) {
    f.employment_types = {t.employment_type};
  }
  if (t.min_salary_million > 0) {
    f.min_salary_vnd_month = std::int64_t{t.min_salary_million} * 1'000'000;
  }
  f.education = t.education;
  return f;
}

// The taxonomy's Vietnamese name when the catalog has one, else the label
// the vacancies carry.
std::string label_of(const Catalog& catalog, const std::string& code, const std::string& fallback) {
  for (const auto& o : catalog.occupations) {
    if (o.isco08 == code && !o.label_vi.empty()) {
      return o.label_vi;
    }
  }
  return fallback;
}

// Every query word must begin a word of the name.
bool name_matches(const std::vector<std::string>& name_words,
                  const std::vector<std::string>& query_words) {
  return std::all_of(query_words.begin(), query_words.end(), [&](const std::string& q) {
    return std::any_of(name_words.begin(), name_words.end(),
                       [&](const std::string& w) { return w.starts_with(q); });
  });
}

}  // namespace

int TouchFilters::active() const {
  return (occupation_group != 0 ? 1 : 0) + (max_km > 0 ? 1 : 0) +
         (!employment_type.empty() ? 1 : 0) + (min_salary_million > 0 ? 1 : 0) +
         (education ? 1 : 0);
}

MatchQuery Journey::base_query() const {
  MatchPerson person = match_person_from_card(*m_person, m_config.wards.get());
  if (m_home_ward == k_no_home) {
    person.home.reset();
  } else if (!m_home_ward.empty() && m_config.wards) {
    if (const Ward* ward = m_config.wards->find_by_code(m_home_ward)) {
      person.home = ward->centroid;
    }
  }
  MatchQuery query =
      match_query_for(person, MatchScope{m_config.active_session_ids, m_config.target_groups},
                      m_catalog->sessions, m_ports.clock.wall());
  query.occupations = m_occupations;
  query.tr = tr();
  return query;
}

void Journey::compute_matches() {
  m_view.matches.clear();
  m_view.related.clear();
  m_view.chosen_occupations.clear();
  if (!m_catalog || !m_person) {
    return;
  }
  MatchQuery query = base_query();
  m_view.home_known = query.home.has_value();
  query.filters = to_match_filters(m_view.filters, m_view.home_known);
  if (m_index && !fold_to_words(m_view.search_text).empty()) {
    query.filters.text_hits = m_index->search(m_view.search_text);
  }
  auto result = match_vacancies(m_catalog->vacancies, query);
  m_view.matches = std::move(result.matches);
  m_view.matches_total = result.eligible;
  m_view.matches_shown = result.shown;
  for (const auto& code : m_occupations) {
    std::string fallback = code;
    for (const auto& v : m_catalog->vacancies) {
      if (v.isco08 == code) {
        fallback = v.occupation_label;
        break;
      }
    }
    m_view.chosen_occupations.push_back({code, label_of(*m_catalog, code, fallback), 0, true});
  }
  for (auto& r : related_occupations(m_catalog->vacancies, query, k_related_chips)) {
    m_view.related.push_back(
        {r.isco08, label_of(*m_catalog, r.isco08, r.label), r.vacancies, false});
  }
  // Counts only: what was typed or chosen says something about the person.
  logger("flow")->info("{} shown of {} eligible ({} vacancies; search {}, {} filters, {} "
                       "occupations)",
                       result.shown, result.eligible, m_catalog->vacancies.size(),
                       query.filters.text_hits ? "on" : "off", m_view.filters.active(),
                       m_occupations.size());
}

void Journey::fill_occupation_grid() {
  m_view.occupation_grid.clear();
  m_view.occupation_groups.clear();
  if (!m_catalog || !m_person) {
    return;
  }
  const MatchQuery query = base_query();
  std::unordered_map<std::string, std::size_t> at;
  std::vector<OccupationChoice> tiles;
  for (const auto& v : m_catalog->vacancies) {
    if (v.isco08.empty() || !is_eligible(v, query)) {
      continue;
    }
    const auto [it, fresh] = at.emplace(v.isco08, tiles.size());
    if (fresh) {
      tiles.push_back({v.isco08, v.occupation_label, 0, false});
    }
    ++tiles[it->second].vacancies;
  }
  for (auto& t : tiles) {
    t.label = label_of(*m_catalog, t.isco08, t.label);
    t.chosen = std::find(m_occupations.begin(), m_occupations.end(), t.isco08) !=
               m_occupations.end();
    if (std::find(m_view.occupation_groups.begin(), m_view.occupation_groups.end(),
                  t.isco08[0]) == m_view.occupation_groups.end()) {
      m_view.occupation_groups.push_back(t.isco08[0]);
    }
  }
  std::sort(m_view.occupation_groups.begin(), m_view.occupation_groups.end());
  // The commonest first; the person's picks always stay on the grid.
  std::stable_sort(tiles.begin(), tiles.end(), [](const auto& a, const auto& b) {
    return a.chosen != b.chosen ? a.chosen : a.vacancies > b.vacancies;
  });
  if (tiles.size() > k_grid_tiles) {
    tiles.resize(k_grid_tiles);
  }
  m_view.occupation_grid = std::move(tiles);
}

void Journey::fill_wards() {
  m_view.wards.clear();
  if (!m_config.wards) {
    return;
  }
  const auto query = fold_to_words(m_view.ward_search);
  for (const auto& w : m_config.wards->wards()) {
    if (query.empty() || name_matches(fold_to_words(w.full_name), query)) {
      m_view.wards.push_back({w.code, w.full_name});
    }
  }
  std::sort(m_view.wards.begin(), m_view.wards.end(), [](const auto& a, const auto& b) {
    return fold_for_search(a.name) < fold_for_search(b.name);
  });
}

bool Journey::refine(const Intent& intent) {
  const Screen s = m_view.screen;
  return std::visit(
      Overloaded{
          [&](const intent::SetSearch& i) {
            if (s == Screen::matches) {
              m_view.search_text = i.text;
              compute_matches();
            }
            return true;
          },
          [&](const intent::ShowKeyboard& i) {
            if (s == Screen::matches || s == Screen::ward || s == Screen::confirm) {
              m_view.keyboard_open = i.open;
            }
            return true;
          },
          [&](const intent::OpenOccupations&) {
            if (s == Screen::matches) {
              m_view.keyboard_open = false;
              fill_occupation_grid();
              go(Screen::occupations);
            }
            return true;
          },
          [&](const intent::ToggleOccupation& i) {
            if (s != Screen::matches && s != Screen::occupations) {
              return true;
            }
            const auto it = std::find(m_occupations.begin(), m_occupations.end(), i.isco08);
            if (it != m_occupations.end()) {
              m_occupations.erase(it);
            } else if (is_isco_prefix(i.isco08)) {
              m_occupations.push_back(i.isco08);
            }
            for (auto& t : m_view.occupation_grid) {
              t.chosen = std::find(m_occupations.begin(), m_occupations.end(), t.isco08) !=
                         m_occupations.end();
            }
            compute_matches();
            return true;
          },
          [&](const intent::OpenFilters&) {
            if (s == Screen::matches) {
              m_view.keyboard_open = false;
              fill_occupation_grid();  // for the occupation groups present
              go(Screen::filters);
            }
            return true;
          },
          [&](const intent::SetFilters& i) {
            if (s == Screen::filters || s == Screen::matches) {
              m_view.filters = i.filters;
              compute_matches();
            }
            return true;
          },
          [&](const intent::ShowMatches&) {
            if (s == Screen::occupations || s == Screen::filters) {
              go(Screen::matches);
            }
            return true;
          },
          [&](const intent::OpenWardPicker&) {
            if (s == Screen::consent && m_config.wards) {
              m_view.ward_search.clear();
              m_view.keyboard_open = false;
              fill_wards();
              go(Screen::ward);
            }
            return true;
          },
          [&](const intent::SetWardSearch& i) {
            if (s == Screen::ward) {
              m_view.ward_search = i.text;
              fill_wards();
            }
            return true;
          },
          [&](const intent::ChooseWard& i) {
            if (s != Screen::ward) {
              return true;
            }
            const Ward* ward = m_config.wards ? m_config.wards->find_by_code(i.code) : nullptr;
            m_home_ward = ward ? ward->code : k_no_home;
            m_view.home_area = ward ? ward->full_name : "";
            m_view.keyboard_open = false;
            go(Screen::consent);
            return true;
          },
          [](const auto&) { return false; },
      },
      intent);
}

}  // namespace kiosk
