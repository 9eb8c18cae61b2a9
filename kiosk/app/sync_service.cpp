#include "app/sync_service.hpp"

#include <algorithm>

#include <pthread.h>

#include "core/log.hpp"

namespace kiosk {

SyncService::SyncService(CentralApi& api, VacancyStore& store, const Clock& clock,
                         std::chrono::seconds interval, Publish publish,
                         SyncServiceOptions options)
    : m_api(api), m_store(store), m_clock(clock), m_interval(interval),
      m_publish(std::move(publish)), m_options(std::move(options)) {
  if (!m_options.random) {
    m_options.random = default_unit_random();
  }
  m_options.attempt_backoff.cap =
      std::max<std::chrono::milliseconds>(m_options.attempt_backoff.base, m_interval);
}

SyncService::~SyncService() { stop(); }

void SyncService::stop() {
  if (m_thread.joinable()) {
    m_thread.request_stop();
    m_cv.notify_all();
    m_thread.join();
  }
}

void SyncService::start() {
  m_thread = std::jthread([this](std::stop_token stop) { run(stop); });
  pthread_setname_np(m_thread.native_handle(), "sync");
}

void SyncService::sync_now() {
  {
    std::lock_guard lock(m_mutex);
    m_requested = true;
  }
  m_cv.notify_all();
}

bool SyncService::sleep_unless_stopped(std::chrono::milliseconds delay,
                                       const std::stop_token& stop) {
  std::unique_lock lock(m_mutex);
  m_cv.wait_for(lock, stop, delay, [] { return false; });
  return !stop.stop_requested();
}

void SyncService::run(std::stop_token stop) {
  // Nothing escapes this thread: every step turns failures into log lines.
  std::shared_ptr<const Catalog> current;
  try {
    current = load_cache();
  } catch (...) {
    logger("store")->error("cache load crashed");
  }
  CatalogSync sync(m_api, m_clock, m_options.sync, m_options.random,
                   [this, stop](std::chrono::milliseconds d) {
                     return sleep_unless_stopped(d, stop);
                   });
  int failures = 0;
  while (!stop.stop_requested()) {
    std::chrono::milliseconds wait = m_interval;
    try {
      wait = sync_once(current, failures, sync);
    } catch (const std::exception& e) {
      logger("api")->error("sync crashed: {}", e.what());
    } catch (...) {
      logger("api")->error("sync crashed with an unknown exception");
    }
    std::unique_lock lock(m_mutex);
    m_cv.wait_for(lock, stop, wait, [this] { return m_requested; });
    m_requested = false;
  }
}

void SyncService::publish(SyncResult result) {
  if (result.catalog != m_indexed) {
    m_indexed = result.catalog;
    m_index = result.catalog ? std::make_shared<const SearchIndex>(
                                   SearchIndex::build(result.catalog->vacancies))
                             : nullptr;
  }
  result.search_index = m_index;
  m_publish(std::move(result));
}

std::shared_ptr<const Catalog> SyncService::load_cache() {
  if (auto purged = m_store.purge_expired(m_clock.wall()); !purged) {
    logger("store")->warn("expired vacancies not purged: {}", purged.error().message);
  }
  auto cached = m_store.load();
  if (!cached) {
    logger("store")->error("cache unreadable: {}", cached.error().message);
    return nullptr;
  }
  drop_expired(*cached, m_clock.wall());
  auto catalog = std::make_shared<const Catalog>(std::move(*cached));
  logger("store")->info("cache: {} vacancies, {} occupations", catalog->vacancies.size(),
                        catalog->occupations.size());
  publish(SyncResult{catalog, true, true, 0, {}, nullptr});
  return catalog;
}

void SyncService::store_outcome(const SyncOutcome& outcome) {
  // A snapshot, or a store that missed the last write, is written whole;
  // otherwise only the rows that changed.
  const bool whole = outcome.snapshot || m_store_stale;
  auto saved = whole ? m_store.save(outcome.catalog) : m_store.apply(outcome.changes);
  m_store_stale = !saved.has_value();
  if (!saved) {
    logger("store")->error("cache not updated: {}", saved.error().message);
    return;
  }
  if (auto purged = m_store.purge_expired(m_clock.wall()); !purged) {
    logger("store")->warn("expired vacancies not purged: {}", purged.error().message);
  }
}

std::chrono::milliseconds SyncService::sync_once(std::shared_ptr<const Catalog>& current,
                                                 int& failures, CatalogSync& sync) {
  auto outcome = sync.run(current.get());
  if (outcome) {
    failures = 0;
    logger("api")->info("sync ({}): {} upserted, {} removed, {} vacancies, {} sessions, {} "
                        "occupations, {} skipped",
                        outcome->snapshot ? "snapshot" : "changes",
                        outcome->changes.upserted.size(), outcome->changes.removed.size(),
                        outcome->catalog.vacancies.size(), outcome->catalog.sessions.size(),
                        outcome->catalog.occupations.size(), outcome->skipped);
    store_outcome(*outcome);
    drop_expired(outcome->catalog, m_clock.wall());
    current = std::make_shared<const Catalog>(std::move(outcome->catalog));
    publish(SyncResult{current, true, false, outcome->skipped, {}, nullptr});
    return m_interval;
  }
  const ApiFailure& failure = outcome.error();
  logger("api")->warn("sync failed, the catalog stays as it was: {}", failure.message);
  publish(SyncResult{current, false, false, 0, failure.message, nullptr});
  const auto wait =
      backoff_delay(m_options.attempt_backoff, failures, m_options.random, failure.retry_after);
  ++failures;
  return std::max(wait, std::chrono::milliseconds{100});
}

}  // namespace kiosk
