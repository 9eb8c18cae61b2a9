#pragma once
// A development central API on loopback, a real outbox file and the helpers
// the outbox tests share.

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <thread>

#include <gtest/gtest.h>
#include <spdlog/spdlog.h>

#include "../support/source_test_support.hpp"
#include "adapters/curl/curl_central_api.hpp"
#include "adapters/sqlite/sqlite_booking_outbox.hpp"
#include "tools/central_dev/dev_central.hpp"

namespace kiosk::outbox_test {

// A full card reading; the digits say: male, born in the 1900s, 1995.
inline BookingRequest request_for(const std::string& citizen_id, const dev::DevSlotRef& slot) {
  return BookingRequest(new_uuid_v4(), "hn-test-01", slot.vacancy_id, slot.slot_id, citizen_id,
                        "Nguyễn Thị Outbox Test", Date{1995, 3, 15}, Sex::male, "0912345678");
}

inline std::string file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class OutboxFixture : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { spdlog::set_level(spdlog::level::off); }

  void SetUp() override {
    m_central = std::make_unique<dev::DevCentral>(dev::DevCentralOptions{.vacancies = 120});
    auto port = m_central->start();
    ASSERT_TRUE(port.has_value()) << port.error();
  }

  /// A curl client of the dev server with `total` as its timeout.
  std::shared_ptr<CentralApi> api(std::chrono::milliseconds total = std::chrono::seconds{5},
                                  std::string base_url = {}) {
    CurlApiSettings s;
    s.base_url = base_url.empty() ? m_central->base_url() : base_url;
    s.token = "dev-token";
    s.kiosk_id = "hn-test-01";
    s.connect_timeout = std::chrono::milliseconds{500};
    s.total_timeout = total;
    return std::make_shared<CurlCentralApi>(std::move(s));
  }

  std::unique_ptr<SqliteBookingOutbox> open(std::shared_ptr<CentralApi> client,
                                            const std::string& name = "outbox.db") {
    SqliteOutboxSettings s;
    s.path = m_dir.path() / name;
    s.backoff = BackoffPolicy{std::chrono::seconds{30}, std::chrono::minutes{5}};
    auto outbox = SqliteBookingOutbox::open(std::move(s), std::move(client));
    EXPECT_TRUE(outbox.has_value()) << outbox.error().message;
    return outbox ? std::move(*outbox) : nullptr;
  }

  /// A slot with at least `places` places left (and no booking of ours).
  dev::DevSlotRef roomy_slot(int places = 3) {
    for (int n = places; n < 12; ++n) {
      if (auto slot = m_central->find_slot_with_remaining(n)) {
        return *slot;
      }
    }
    ADD_FAILURE() << "no slot with " << places << " places";
    return {};
  }

  /// Waits up to `limit` for the server to hold `n` bookings.
  bool server_holds(std::size_t n, std::chrono::milliseconds limit = std::chrono::seconds{5}) {
    const auto end = std::chrono::steady_clock::now() + limit;
    while (m_central->booking_count() != n && std::chrono::steady_clock::now() < end) {
      std::this_thread::sleep_for(std::chrono::milliseconds{20});
    }
    return m_central->booking_count() == n;
  }

  std::filesystem::path path(const std::string& name = "outbox.db") const {
    return m_dir.path() / name;
  }

  test_support::TempDir m_dir;
  std::unique_ptr<dev::DevCentral> m_central;
};

}  // namespace kiosk::outbox_test
