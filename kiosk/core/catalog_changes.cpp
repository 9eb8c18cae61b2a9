#include "core/catalog_changes.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace kiosk {

namespace {

// Upserts by id (keys are copies, so none dangles while the list grows):
// existing ids are replaced in place, new ones appended in arrival order
// (a later copy of the same id wins).
void upsert(std::vector<Vacancy>& list, const std::vector<Vacancy>& upserted) {
  std::unordered_map<std::string, std::size_t> index_of;
  index_of.reserve(list.size() + upserted.size());
  for (std::size_t i = 0; i < list.size(); ++i) {
    index_of.emplace(list[i].id, i);
  }
  for (const Vacancy& v : upserted) {
    const auto [it, inserted] = index_of.emplace(v.id, list.size());
    if (inserted) {
      list.push_back(v);
    } else {
      list[it->second] = v;
    }
  }
}

}  // namespace

void apply_changes(Catalog& catalog, const CatalogChanges& changes) {
  auto& list = catalog.vacancies;
  if (!changes.upserted.empty()) {
    upsert(list, changes.upserted);
  }
  if (!changes.removed.empty()) {
    const std::unordered_set<std::string> gone(changes.removed.begin(), changes.removed.end());
    std::erase_if(list, [&](const Vacancy& v) { return gone.contains(v.id); });
  }
  catalog.sync_token = changes.sync_token;
  if (changes.synced_at) {
    catalog.synced_at = changes.synced_at;
  }
  if (changes.sessions) {
    catalog.sessions = *changes.sessions;
  }
  if (changes.sessions_etag) {
    catalog.sessions_etag = *changes.sessions_etag;
  }
  if (changes.occupations) {
    catalog.occupations = *changes.occupations;
  }
  if (changes.occupations_etag) {
    catalog.occupations_etag = *changes.occupations_etag;
  }
}

std::size_t drop_expired(Catalog& catalog, WallTime now) {
  return std::erase_if(catalog.vacancies, [now](const Vacancy& v) {
    return v.expires_at != WallTime{} && v.expires_at <= now;
  });
}

}  // namespace kiosk
