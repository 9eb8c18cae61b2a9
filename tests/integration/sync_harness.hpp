#pragma once
// The sync path exactly as the kiosk runs it — SyncService on its own
// thread, CurlCentralApi, a real SQLite file, the UiQueue — against the
// development central API on loopback, with its scripted faults.

#include <unistd.h>

#include <chrono>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <spdlog/sinks/ringbuffer_sink.h>
#include <spdlog/spdlog.h>

#include "adapters/curl/curl_central_api.hpp"
#include "adapters/sqlite/sqlite_vacancy_store.hpp"
#include "adapters/system/system_clock.hpp"
#include "app/sync_service.hpp"
#include "app/ui_queue.hpp"
#include "tools/central_dev/dev_central.hpp"

namespace kiosk::test {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

class SyncHarness : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // The "api"/"store" loggers clone the default logger's sinks.
    s_log = std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(2000);
    spdlog::drop("api");
    spdlog::drop("store");
    auto log = std::make_shared<spdlog::logger>("sync-test", s_log);
    log->set_level(spdlog::level::debug);
    spdlog::set_default_logger(log);
  }

  void SetUp() override {
    m_dir = fs::temp_directory_path() /
            ("kiosk-sync-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
    dev::DevCentralOptions options;
    options.data_dir = KIOSK_DATA_DIR;
    central = std::make_unique<dev::DevCentral>(options);
    const auto port = central->start("127.0.0.1", 0);
    ASSERT_TRUE(port.has_value()) << port.error();
    settings.base_url = central->base_url();
    settings.token = "dev-token";
    settings.kiosk_id = "hn-sync-test";
    settings.connect_timeout = 1000ms;
    settings.total_timeout = 5000ms;
    settings.max_response_bytes = std::size_t{1} << 20;
    options_.sync.page_size = 100;
    options_.sync.max_attempts = 2;
    options_.sync.backoff = BackoffPolicy{50ms, 200ms};
    options_.attempt_backoff = BackoffPolicy{100ms, 400ms};
    options_.random = [] { return 0.5; };
  }

  void TearDown() override {
    if (HasFailure() || std::getenv("KIOSK_TEST_SHOW_LOG") != nullptr) {
      std::cerr << "--- log ---\n" << logged();
    }
    stop_kiosk();
    central->stop();
    std::error_code ec;
    fs::remove_all(m_dir, ec);
  }

  /// Opens the store and the API client and starts the sync thread, whose
  /// results land in `results` through the UI queue.
  void start_kiosk() {
    auto opened = SqliteVacancyStore::open({m_dir / "kiosk.db", 2000ms, false});
    ASSERT_TRUE(opened.has_value()) << opened.error().message;
    store = std::move(*opened);
    api = std::make_unique<CurlCentralApi>(settings);
    sync = std::make_unique<SyncService>(*api, *store, clock, 3600s,
                                         [this](SyncResult r) {
                                           queue.post([this, r = std::move(r)] {
                                             results.push_back(r);
                                           });
                                         },
                                         options_);
    sync->start();
  }

  void stop_kiosk() {
    if (sync) {
      sync->stop();
    }
    queue.clear();
    sync.reset();
    api.reset();
    store.reset();
  }

  /// Drains the queue on this (the UI) thread until a result after the
  /// first `seen` satisfies `pred`; the result, or nullptr after `timeout`.
  const SyncResult* wait_result(std::size_t seen, const std::function<bool(const SyncResult&)>& pred,
                                std::chrono::milliseconds timeout = 20s) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      queue.drain();
      for (std::size_t i = seen; i < results.size(); ++i) {
        if (pred(results[i])) {
          return &results[i];
        }
      }
      std::this_thread::sleep_for(5ms);
    }
    return nullptr;
  }

  /// The first successful sync (online, not the cache load).
  const SyncResult* wait_synced(std::size_t seen = 0) {
    return wait_result(seen, [](const SyncResult& r) { return r.online && !r.from_cache; });
  }

  const SyncResult* wait_failed(std::size_t seen = 0) {
    return wait_result(seen, [](const SyncResult& r) { return !r.online; });
  }

  /// The server's journal entries whose path starts with `prefix`.
  std::vector<dev::DevRequestRecord> requests_to(const std::string& prefix) const {
    std::vector<dev::DevRequestRecord> out;
    for (auto& r : central->requests()) {
      if (r.path.starts_with(prefix)) {
        out.push_back(r);
      }
    }
    return out;
  }

  static std::string logged() {
    std::string out;
    for (const auto& line : s_log->last_formatted()) {
      out += line;
      out += '\n';
    }
    return out;
  }

  /// The cache as a second process (kioskctl) would read it.
  Catalog cached() const {
    auto other = SqliteVacancyStore::open({m_dir / "kiosk.db", 2000ms, false});
    EXPECT_TRUE(other.has_value());
    auto loaded = other ? (*other)->load() : tl::unexpected(StoreFailure{});
    EXPECT_TRUE(loaded.has_value());
    return loaded ? *loaded : Catalog{};
  }

  static const Vacancy* find(const Catalog& c, const std::string& id) {
    for (const auto& v : c.vacancies) {
      if (v.id == id) {
        return &v;
      }
    }
    return nullptr;
  }

  fs::path m_dir;
  std::unique_ptr<dev::DevCentral> central;
  CurlApiSettings settings;
  SyncServiceOptions options_;
  SystemClock clock;
  UiQueue queue;
  std::deque<SyncResult> results;  // a deque: pointers into it stay valid
  std::unique_ptr<SqliteVacancyStore> store;
  std::unique_ptr<CurlCentralApi> api;
  std::unique_ptr<SyncService> sync;
  inline static std::shared_ptr<spdlog::sinks::ringbuffer_sink_mt> s_log;
};

}  // namespace kiosk::test
