#pragma once
// Keeps the vacancy catalog fresh on its own thread: shows the cache at
// once, then takes a snapshot from the central API every interval (and on
// demand), saves it, and hands each new catalog to the UI thread.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <random>
#include <thread>

#include "core/catalog.hpp"
#include "core/catalog_sync.hpp"
#include "ports/central_api.hpp"
#include "ports/clock.hpp"
#include "ports/vacancy_store.hpp"

namespace kiosk {

struct SyncResult {
  std::shared_ptr<const Catalog> catalog;
  bool online = false;
};

class SyncService {
 public:
  using Publish = std::function<void(SyncResult)>;

  /// `publish` is called from the sync thread; it must only post the result.
  SyncService(CentralApi& api, VacancyStore& store, const Clock& clock,
              std::chrono::seconds interval, Publish publish);
  ~SyncService();

  void start();
  /// Asks for a sync now (any thread).
  void sync_now();
  /// Stops and joins the sync thread (a request in flight finishes first,
  /// bounded by the API's timeouts). Idempotent.
  void stop();

 private:
  void run(std::stop_token stop);
  std::shared_ptr<const Catalog> load_cache();
  /// One sync attempt; returns how long to wait before the next.
  std::chrono::seconds sync_once(std::shared_ptr<const Catalog>& current, int& failures,
                                 std::mt19937& rng);

  CentralApi& m_api;
  VacancyStore& m_store;
  const Clock& m_clock;
  std::chrono::seconds m_interval;
  Publish m_publish;
  std::mutex m_mutex;
  std::condition_variable_any m_cv;
  bool m_requested = false;
  std::jthread m_thread;
};

}  // namespace kiosk
