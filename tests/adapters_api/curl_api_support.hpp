#pragma once
// Shared fixture for the CurlCentralApi tests: an in-process cpp-httplib
// server on an ephemeral loopback port serving canned answers, a captured
// "api" log, and small JSON builders.

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <httplib.h>
#include <spdlog/sinks/ringbuffer_sink.h>
#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "adapters/curl/curl_central_api.hpp"

namespace kiosk::test {

inline constexpr const char* k_token = "test-token-3f9a";
inline constexpr const char* k_kiosk_id = "kiosk-test-01";

/// A full vacancy as the API sends it.
inline nlohmann::json vacancy_json(const std::string& id, const std::string& title) {
  return {{"id", id},
          {"version", 3},
          {"updated_at", "2026-11-20T09:00:00+07:00"},
          {"published_at", "2026-11-19T09:00:00+07:00"},
          {"expires_at", "2026-12-31T17:00:00+07:00"},
          {"title", title},
          {"employer", {{"id", "emp-1"}, {"name", "Công ty TNHH Điện tử Việt Hưng"}}},
          {"occupation", {{"isco08", "8212"}, {"label", "Lắp ráp thiết bị điện tử"}}},
          {"location",
           {{"province_code", "01"},
            {"ward_code", "00004"},
            {"ward_name", "Phường Ba Đình"},
            {"address", "12 Phố Đội Cấn"},
            {"lat", 21.0355},
            {"lon", 105.8342}}},
          {"salary", {{"min_vnd", 7000000}, {"max_vnd", 9500000}, {"period", "month"}}},
          {"employment_type", "full_time"},
          {"positions", 12},
          {"requirements", {{"min_age", 18}, {"max_age", 35}, {"education", "THPT"}}},
          {"target_groups", {"bo_doi_xuat_ngu"}},
          {"session_ids", {"s-2026-12-28"}},
          {"slots_available", 4}};
}

inline nlohmann::json error_json(const std::string& code, const std::string& message) {
  return {{"error", {{"code", code}, {"message", message}}}};
}

inline void reply_json(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

/// An httplib::Server (or SSLServer) listening on 127.0.0.1:<ephemeral>.
class LoopbackServer {
 public:
  explicit LoopbackServer(std::unique_ptr<httplib::Server> server) : m_server(std::move(server)) {}
  ~LoopbackServer() { stop(); }
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  httplib::Server& server() { return *m_server; }

  /// Binds and starts accepting; the socket listens once this returns.
  int start() {
    m_port = m_server->bind_to_any_port("127.0.0.1");
    if (m_port > 0) {
      m_thread = std::thread([this] { m_server->listen_after_bind(); });
      // stop() is a no-op until the accept loop runs; wait for it so a test
      // that never connects can still stop the server.
      const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{5};
      while (!m_server->is_running() && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds{1});
      }
    }
    return m_port;
  }

  void stop() {
    if (m_thread.joinable()) {
      m_server->stop();
      m_thread.join();
    }
  }

  int port() const { return m_port; }

 private:
  std::unique_ptr<httplib::Server> m_server;
  std::thread m_thread;
  int m_port = -1;
};

class CurlApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // The adapter's "api" logger clones the default logger's sinks, so a ring
    // buffer here sees everything it logs.
    s_log_sink = std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(512);
    spdlog::drop("api");
    auto log = std::make_shared<spdlog::logger>("curl-api-test", s_log_sink);
    log->set_level(spdlog::level::debug);
    spdlog::set_default_logger(log);
  }

  void TearDown() override {
    if (HasFailure() || std::getenv("KIOSK_TEST_SHOW_LOG") != nullptr) {
      std::cerr << "--- api log so far ---\n" << logged();
    }
    m_stopping = true;  // lets sleeping handlers return so the server can stop
    if (m_server) {
      m_server->stop();
    }
  }

  /// Starts a plain HTTP server; routes are added with `server()` before.
  httplib::Server& server() {
    if (!m_server) {
      m_server = std::make_unique<LoopbackServer>(std::make_unique<httplib::Server>());
    }
    return m_server->server();
  }

  /// Uses `custom` (e.g. an SSLServer) instead of the plain one.
  httplib::Server& use_server(std::unique_ptr<httplib::Server> custom) {
    m_server = std::make_unique<LoopbackServer>(std::move(custom));
    return m_server->server();
  }

  void start() {
    ASSERT_TRUE(m_server != nullptr);
    ASSERT_GT(m_server->start(), 0);
  }

  std::string base_url() const {
    return "http://127.0.0.1:" + std::to_string(m_server ? m_server->port() : 0);
  }

  CurlApiSettings settings() const {
    CurlApiSettings s;
    s.base_url = base_url();
    s.token = k_token;
    s.kiosk_id = k_kiosk_id;
    s.connect_timeout = std::chrono::milliseconds{2000};
    s.total_timeout = std::chrono::milliseconds{5000};
    s.max_response_bytes = 1024 * 1024;
    return s;
  }

  /// Everything logged since the suite started, one line per message.
  static std::string logged() {
    std::string out;
    for (const auto& line : s_log_sink->last_formatted()) {
      out += line;
      out += '\n';
    }
    return out;
  }

  /// Sleeps up to `total` in small steps, returning early once the test ends.
  void sleep_unless_stopping(std::chrono::milliseconds total) const {
    const auto until = std::chrono::steady_clock::now() + total;
    while (!m_stopping && std::chrono::steady_clock::now() < until) {
      std::this_thread::sleep_for(std::chrono::milliseconds{20});
    }
  }

  std::unique_ptr<LoopbackServer> m_server;
  std::atomic<bool> m_stopping{false};
  inline static std::shared_ptr<spdlog::sinks::ringbuffer_sink_mt> s_log_sink;
};

}  // namespace kiosk::test
