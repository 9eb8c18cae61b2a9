#pragma once
// One sync's changes to a Catalog, and applying them in memory. The store
// applies the same changes to its rows (VacancyStore::apply).

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog.hpp"

namespace kiosk {

/// What one sync changes. Vacancies are upserted by id (an existing one
/// keeps its place in the order, a new one goes to the end), removed ids are
/// deleted (unknown ones are ignored); sessions and occupations are replaced
/// only when set (a 304 Not Modified leaves them as they are).
struct CatalogChanges {
  std::vector<Vacancy> upserted;
  std::vector<std::string> removed;
  std::string sync_token;
  std::optional<WallTime> synced_at;
  std::optional<std::vector<JobFairSession>> sessions;
  std::optional<std::string> sessions_etag;
  std::optional<std::vector<Occupation>> occupations;
  std::optional<std::string> occupations_etag;
};

/// Applies `changes` to `catalog` in place; linear in the catalog's size.
void apply_changes(Catalog& catalog, const CatalogChanges& changes);

/// Drops the vacancies that expired at or before `now`; returns how many.
std::size_t drop_expired(Catalog& catalog, WallTime now);

}  // namespace kiosk
