#include "app/sync_service.hpp"

#include <algorithm>
#include <random>

#include <pthread.h>

#include "core/log.hpp"

namespace kiosk {

SyncService::SyncService(CentralApi& api, VacancyStore& store, const Clock& clock,
                         std::chrono::seconds interval, Publish publish)
    : m_api(api), m_store(store), m_clock(clock), m_interval(interval),
      m_publish(std::move(publish)) {}

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

void SyncService::run(std::stop_token stop) {
  // Nothing escapes this thread: every step turns failures into log lines.
  std::shared_ptr<const Catalog> current;
  try {
    current = load_cache();
  } catch (...) {
    logger("store")->error("cache load crashed");
  }
  std::mt19937 rng{std::random_device{}()};
  int failures = 0;
  while (!stop.stop_requested()) {
    std::chrono::seconds wait = m_interval;
    try {
      wait = sync_once(current, failures, rng);
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

std::shared_ptr<const Catalog> SyncService::load_cache() {
  auto cached = m_store.load();
  if (!cached) {
    logger("store")->error("cache unreadable: {}", cached.error().message);
    return nullptr;
  }
  auto catalog = std::make_shared<const Catalog>(std::move(*cached));
  logger("store")->info("cache: {} vacancies", catalog->vacancies.size());
  m_publish(SyncResult{catalog, true});
  return catalog;
}

std::chrono::seconds SyncService::sync_once(std::shared_ptr<const Catalog>& current, int& failures,
                                            std::mt19937& rng) {
  auto fetched = fetch_catalog(m_api, m_clock);
  if (fetched) {
    failures = 0;
    logger("api")->info("sync: {} vacancies, {} sessions", fetched->vacancies.size(),
                        fetched->sessions.size());
    if (auto saved = m_store.save(*fetched); !saved) {
      logger("store")->error("cache not saved: {}", saved.error().message);
    }
    current = std::make_shared<const Catalog>(std::move(*fetched));
    m_publish(SyncResult{current, true});
    return m_interval;
  }
  ++failures;
  logger("api")->warn("sync failed: {}", fetched.error().message);
  m_publish(SyncResult{current, false});
  // Full-jitter backoff, capped by the normal interval; the API's
  // Retry-After is a floor.
  const auto cap = std::min<std::int64_t>(m_interval.count(), 5LL << std::min(failures, 6));
  auto wait = std::chrono::seconds{std::uniform_int_distribution<std::int64_t>(1, cap)(rng)};
  if (fetched.error().retry_after) {
    wait = std::max(wait, *fetched.error().retry_after);
  }
  return wait;
}

}  // namespace kiosk
