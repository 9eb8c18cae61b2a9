#pragma once
// The local cache of vacancies and job-fair sessions, so the kiosk can show
// jobs at once and while offline. Blocking: call from worker threads.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "core/catalog.hpp"
#include "core/catalog_changes.hpp"

namespace kiosk {

enum class StoreError { unavailable, corrupt, io };

struct StoreFailure {
  StoreError kind = StoreError::io;
  std::string message;
};

class VacancyStore {
 public:
  virtual ~VacancyStore() = default;

  /// Replaces the cached catalog atomically (all or nothing).
  virtual tl::expected<void, StoreFailure> save(const Catalog& catalog) = 0;

  /// The cached catalog; an empty one when nothing was cached yet.
  virtual tl::expected<Catalog, StoreFailure> load() = 0;

  /// Applies one sync's changes in a single transaction (all or nothing),
  /// touching only the rows that change. The default loads, edits and saves
  /// the whole catalog, for stores that cannot do better.
  virtual tl::expected<void, StoreFailure> apply(const CatalogChanges& changes) {
    auto catalog = load();
    if (!catalog) {
      return tl::unexpected(std::move(catalog.error()));
    }
    apply_changes(*catalog, changes);
    return save(*catalog);
  }

  /// Deletes vacancies that expired before `now`; returns how many. The
  /// default does nothing (the matcher hides expired ones anyway).
  virtual tl::expected<std::size_t, StoreFailure> purge_expired(WallTime now) {
    static_cast<void>(now);
    return std::size_t{0};
  }
};

}  // namespace kiosk
