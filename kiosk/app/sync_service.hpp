#pragma once
// Keeps the vacancy catalog fresh on its own thread: shows the cache at
// once, then syncs with the central API every interval (and on demand):
// a snapshot first, then only the changes; each result is stored (only the
// changed rows) and handed to the UI thread. Nothing here ever runs on, or
// waits for, the UI thread.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/backoff.hpp"
#include "core/catalog.hpp"
#include "core/catalog_sync.hpp"
#include "core/search.hpp"
#include "ports/central_api.hpp"
#include "ports/clock.hpp"
#include "ports/vacancy_store.hpp"

namespace kiosk {

struct SyncResult {
  std::shared_ptr<const Catalog> catalog;  // expired vacancies already dropped
  bool online = false;  // the last attempt reached the API (or: the cache, before any attempt)
  bool from_cache = false;  // this is the cache loaded at start-up
  std::size_t skipped = 0;  // malformed entries the last successful sync left out
  std::string failure;  // why the last attempt failed; empty when it succeeded
  /// The free-text index over catalog->vacancies, built on the sync thread
  /// so the UI never pays for it; null when there is no catalog.
  std::shared_ptr<const SearchIndex> search_index;
};

/// How SyncService retries. The defaults suit a kiosk; tests shrink them.
struct SyncServiceOptions {
  SyncSettings sync{};  // page size and the retries of each request
  /// Between failed attempts: full jitter from `base` doubling up to the
  /// sync interval, never less than the API's Retry-After.
  BackoffPolicy attempt_backoff{std::chrono::seconds{5}, std::chrono::seconds{300}};
  UnitRandom random{};  // empty: default_unit_random()
};

class SyncService {
 public:
  using Publish = std::function<void(SyncResult)>;

  /// `publish` is called from the sync thread; it must only post the result
  /// (e.g. to the UiQueue). `api` and `store` are used from the sync thread
  /// only, and must outlive the service.
  SyncService(CentralApi& api, VacancyStore& store, const Clock& clock,
              std::chrono::seconds interval, Publish publish, SyncServiceOptions options = {});
  ~SyncService();
  SyncService(const SyncService&) = delete;
  SyncService& operator=(const SyncService&) = delete;

  /// Starts the "sync" thread: it loads and publishes the cache, then syncs.
  void start();
  /// Asks for a sync as soon as the current wait ends (any thread; never
  /// blocks beyond a short lock). Does not cut a Retry-After short.
  void sync_now();
  /// Stops and joins the sync thread (a request in flight finishes first,
  /// bounded by the API's timeouts). Idempotent.
  void stop();

 private:
  void run(std::stop_token stop);
  std::shared_ptr<const Catalog> load_cache();
  /// One sync attempt; returns how long to wait before the next.
  std::chrono::milliseconds sync_once(std::shared_ptr<const Catalog>& current, int& failures,
                                      CatalogSync& sync);
  void store_outcome(const SyncOutcome& outcome);
  /// Sleeps up to `delay`; false when stopping. Sync thread only.
  bool sleep_unless_stopped(std::chrono::milliseconds delay, const std::stop_token& stop);

  CentralApi& m_api;
  VacancyStore& m_store;
  const Clock& m_clock;
  std::chrono::seconds m_interval;
  /// Publishes `result` with the search index of its catalog, built once
  /// per catalog (sync thread).
  void publish(SyncResult result);

  Publish m_publish;
  std::shared_ptr<const Catalog> m_indexed;  // the catalog m_index was built for
  std::shared_ptr<const SearchIndex> m_index;
  SyncServiceOptions m_options;
  bool m_store_stale = false;  // the last store write failed: rewrite it whole
  std::mutex m_mutex;
  std::condition_variable_any m_cv;
  bool m_requested = false;
  std::jthread m_thread;
};

}  // namespace kiosk
