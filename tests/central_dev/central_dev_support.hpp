#pragma once
// Shared fixture: a DevCentral on an ephemeral loopback port and small HTTP
// helpers that talk to it with cpp-httplib.

#include <memory>
#include <string>

#include <gtest/gtest.h>
#include <httplib.h>
#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "tools/central_dev/dev_central.hpp"

namespace kiosk::dev::test {

inline constexpr const char* k_token = "test-token";
inline constexpr const char* k_today = "2026-11-27";

struct Answer {
  int status = 0;  // 0 = no HTTP answer
  std::string body;
  httplib::Headers headers;

  nlohmann::json json() const { return nlohmann::json::parse(body, nullptr, false); }
  std::string header(const std::string& name) const {
    const auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
  std::string error_code() const {
    const auto j = json();
    return j.is_object() && j.contains("error") ? j["error"].value("code", "") : "";
  }
};

inline nlohmann::json booking_body(const std::string& vacancy_id, const std::string& slot_id,
                                   const std::string& citizen_id = "001095012345") {
  return {{"kiosk_id", "kiosk-test-01"},
          {"vacancy_id", vacancy_id},
          {"slot_id", slot_id},
          {"citizen",
           {{"id", citizen_id},
            {"full_name", "Nguyễn Văn An"},
            {"birth_date", "1995-03-15"},
            {"sex", "Nam"}}},
          {"phone", "0912345678"}};
}

class CentralDev : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { spdlog::set_level(spdlog::level::warn); }

  /// Starts a server with `options` (token and today defaulted for tests).
  void start(DevCentralOptions options = {}) {
    if (options.today.empty()) {
      options.today = k_today;
    }
    if (options.token == DevCentralOptions{}.token) {
      options.token = k_token;
    }
    m_central = std::make_unique<DevCentral>(std::move(options));
    const auto port = m_central->start();
    ASSERT_TRUE(port.has_value()) << port.error();
    m_port = *port;
  }

  std::unique_ptr<httplib::Client> client(bool with_token = true) const {
    auto c = std::make_unique<httplib::Client>("127.0.0.1", m_port);
    c->set_connection_timeout(5);
    c->set_read_timeout(20);
    if (with_token) {
      c->set_bearer_token_auth(k_token);
    }
    return c;
  }

  static Answer answer(const httplib::Result& r) {
    if (!r) {
      return {};
    }
    return Answer{r->status, r->body, r->headers};
  }

  Answer get(const std::string& path, bool with_token = true,
             const httplib::Headers& headers = {}) const {
    return answer(client(with_token)->Get(path, headers));
  }

  Answer post(const std::string& path, const nlohmann::json& body, const std::string& key) const {
    httplib::Headers headers;
    if (!key.empty()) {
      headers.emplace("Idempotency-Key", key);
    }
    return answer(client()->Post(path, headers, body.dump(), "application/json"));
  }

  std::unique_ptr<DevCentral> m_central;
  int m_port = 0;
};

}  // namespace kiosk::dev::test
