#pragma once
// The local cache of vacancies and job-fair sessions, so the kiosk can show
// jobs at once and while offline. Blocking: call from worker threads.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "core/catalog.hpp"

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
};

}  // namespace kiosk
