#pragma once
// Keeping a Catalog in step with the central API (DESIGN §3.2): a snapshot
// paged by cursor, then the changes feed with tombstones; 410 Gone falls
// back to a snapshot; sessions and the occupation taxonomy are fetched with
// If-None-Match so an unchanged copy is not sent again.

#include <chrono>
#include <cstddef>
#include <functional>

#include <tl/expected.hpp>

#include "core/backoff.hpp"
#include "core/catalog.hpp"
#include "core/catalog_changes.hpp"
#include "ports/central_api.hpp"
#include "ports/clock.hpp"

namespace kiosk {

/// Fetches the job-fair sessions and every snapshot page; fails as a whole
/// when any call fails (the previous catalog stays in use). No retries, no
/// taxonomy. Blocking: call from a worker thread.
tl::expected<Catalog, ApiFailure> fetch_catalog(CentralApi& api, const Clock& clock,
                                                int page_size = 500);

struct SyncSettings {
  int page_size = 500;
  /// Tries per request, the first included; retryable failures only (see
  /// is_retryable), with backoff_delay between them.
  int max_attempts = 3;
  BackoffPolicy backoff{};
};

/// Waits `delay`; returns false when the wait was cut short because the
/// caller is stopping (the sync then gives up with the last failure).
using Sleeper = std::function<bool(std::chrono::milliseconds)>;

/// What one successful sync produced.
struct SyncOutcome {
  bool snapshot = false;  // true: `catalog` replaces everything; false: `changes` apply
  Catalog catalog;        // the complete new catalog, for the UI
  CatalogChanges changes;  // when !snapshot: what changed, for the store
  std::size_t skipped = 0;  // malformed vacancies, tombstones and taxonomy entries left out
};

/// One sync attempt at a time; not thread-safe (the sync thread owns it).
class CatalogSync {
 public:
  CatalogSync(CentralApi& api, const Clock& clock, SyncSettings settings, UnitRandom random,
              Sleeper sleep);

  /// Brings `current` (null when nothing is cached) up to date: changes
  /// since its sync_token when it has one, else (or after a 410) a full
  /// snapshot. Fails as a whole on the first call that still fails after its
  /// retries; `current` is never modified. A taxonomy endpoint that answers
  /// 404 is tolerated (the cached taxonomy stays). Blocking.
  tl::expected<SyncOutcome, ApiFailure> run(const Catalog* current);

 private:
  template <typename Call>
  auto with_retries(const char* what, Call call) -> decltype(call());
  tl::expected<void, ApiFailure> fetch_lists(const Catalog* current, SyncOutcome& out);
  tl::expected<void, ApiFailure> fetch_snapshot(SyncOutcome& out);
  tl::expected<void, ApiFailure> fetch_changes(const std::string& since, SyncOutcome& out);

  CentralApi& m_api;
  const Clock& m_clock;
  SyncSettings m_settings;
  UnitRandom m_random;
  Sleeper m_sleep;
};

}  // namespace kiosk
