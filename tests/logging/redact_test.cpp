// The redaction layer (core/redact.hpp): each kind of personal data and
// secret is masked; ordinary log text stays readable.

#include <atomic>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "core/redact.hpp"

namespace kiosk {
namespace {

using namespace std::chrono;

constexpr year_month_day k_today{year{2026}, month{11}, day{27}};

std::string masked(std::string_view text) {
  return redact_patterns(text, k_today);
}

TEST(Redact, CitizenIdNumbers) {
  EXPECT_EQ(masked("id 001095012345 ok"), "id 001******345 ok");
  EXPECT_EQ(masked("cmnd=123456789;"), "cmnd=123***789;");
  EXPECT_EQ(masked("CCCD001095012345"), "CCCD001******345");
  // Other lengths stay: counts, ports, sequence numbers.
  EXPECT_EQ(masked("seq 1234567890123 port 8080 n=42"), "seq 1234567890123 port 8080 n=42");
}

TEST(Redact, WholeCitizenIdPayload) {
  const std::string payload =
      "001095012345|123456789|Nguyễn Văn An|15031995|Nam|Số 12 ngõ 34 Trần Duy Hưng, Phường Yên "
      "Hòa, Thành phố Hà Nội|01082021";
  const std::string out = masked("scan rejected: '" + payload + "' (too old)");
  EXPECT_EQ(out, "scan rejected: '[cccd 001******345]' (too old)");
  // A malformed one, and one with 2024 extras.
  EXPECT_EQ(masked("raw=Nguyen|x|y|z|w end"), "raw=[cccd] end");
  EXPECT_EQ(masked("p " + payload + "|extra|more"), "p [cccd 001******345]");
  // One or two pipes are not a payload.
  EXPECT_EQ(masked("a|b|c"), "a|b|c");
}

TEST(Redact, PhoneNumbers) {
  EXPECT_EQ(masked("phone 0912345678."), "phone *******678.");
  EXPECT_EQ(masked("phone 0912 345 678"), "phone **** *** 678");
  EXPECT_EQ(masked("phone 0912.345.678"), "phone ****.***.678");
  EXPECT_EQ(masked("tel +84 912 345 678"), "tel +** *** *** 678");
  EXPECT_EQ(masked("tel +84912345678"), "tel +********678");
  EXPECT_EQ(masked("tel 84912345678"), "tel ********678");
  EXPECT_EQ(masked("landline 024 3825 1234"), "landline *** **** *234");
  // Not phones: a short number, a count.
  EXPECT_EQ(masked("took 0.25 s, 012 items"), "took 0.25 s, 012 items");
}

TEST(Redact, BirthDatesButNotRecentDates) {
  EXPECT_EQ(masked("born 15/03/1995"), "born **/**/****");
  EXPECT_EQ(masked("born 5-3-1995"), "born *-*-****");
  EXPECT_EQ(masked("born 15.03.1995"), "born **.**.****");
  EXPECT_EQ(masked("born 1995-03-15"), "born ****-**-**");
  EXPECT_EQ(masked("dob=15031995"), "dob=********");
  // Within the last 14 years, or in the future: timestamps and schedules.
  EXPECT_EQ(masked("sync at 2026-11-27T08:30:00Z"), "sync at 2026-11-27T08:30:00Z");
  EXPECT_EQ(masked("slot 28/12/2026 09:00"), "slot 28/12/2026 09:00");
  EXPECT_EQ(masked("issued 01/08/2021"), "issued 01/08/2021");
  EXPECT_EQ(masked("code 27112026"), "code 27112026");
  // Exactly 14 years ago counts; the day after does not.
  EXPECT_EQ(masked("2012-11-27"), "****-**-**");
  EXPECT_EQ(masked("2012-11-28"), "2012-11-28");
  // Not a calendar date.
  EXPECT_EQ(masked("31/02/1990"), "31/02/1990");
}

TEST(Redact, TokensAndSecrets) {
  EXPECT_EQ(masked("Authorization: Bearer abc.def"), "Authorization: [redacted]");
  EXPECT_EQ(masked("header authorization: Basic dXNlcjpwYXNz\nnext"),
            "header authorization: [redacted]\nnext");
  EXPECT_EQ(masked("sent bearer dev-token to api"), "sent bearer [redacted] to api");
  EXPECT_EQ(masked("GET /x?token=s3cr3t&limit=5"), "GET /x?token=[redacted]&limit=5");
  EXPECT_EQ(masked(R"({"access_token": "abc", "n": 1})"),
            R"({"access_token": "[redacted]", "n": 1})");
  EXPECT_EQ(masked("password=hunter2 pin: 1234"), "password=[redacted] pin: [redacted]");
  EXPECT_EQ(masked("key 0123456789abcdef0123456789abcdef!"), "key [secret]!");
  EXPECT_EQ(masked("k dGhpcyBpcyBhIHNlY3JldCBrZXkgZm9yIHRlc3Rz9Q=="), "k [secret]");
  // Kept: UUIDs (idempotency keys, record ids), paths, token_file settings.
  EXPECT_EQ(masked("key 3f2b8c1e-4d5a-4f6b-9c7d-1e2f3a4b5c6d"),
            "key 3f2b8c1e-4d5a-4f6b-9c7d-1e2f3a4b5c6d");
  EXPECT_EQ(masked("token_file=/etc/kiosk/api_token"), "token_file=/etc/kiosk/api_token");
  EXPECT_EQ(masked("cache /var/lib/kiosk/cache/vacancies.sqlite3"),
            "cache /var/lib/kiosk/cache/vacancies.sqlite3");
}

TEST(Redact, AddressesByPattern) {
  EXPECT_EQ(masked("addr Số 12 ngõ 34 Trần Duy Hưng, Phường Yên Hòa"), "addr [address]");
  EXPECT_EQ(masked("addr \"ngõ 5 Láng Hạ, Đống Đa\" ok"), "addr \"[address]\" ok");
  EXPECT_EQ(masked("Thôn Đông, xã Sóc Sơn"), "[address]");
  // Wards, cities and the centre's own name stay.
  EXPECT_EQ(masked("centre Trung tâm Dịch vụ việc làm Hà Nội, Phường Cầu Giấy"),
            "centre Trung tâm Dịch vụ việc làm Hà Nội, Phường Cầu Giấy");
  EXPECT_EQ(masked("Số lượng 5"), "Số lượng 5");
}

TEST(Redact, HeldValuesWhileTheHandleLives) {
  Redactor redactor([] { return k_today; });
  {
    auto hold = redactor.hold({"Nguyễn Văn An",
                               "Số 12 ngõ 34 Trần Duy Hưng, Phường Yên Hòa, Thành phố Hà Nội",
                               "0987654321", "ab"});
    EXPECT_EQ(redactor.held_sessions(), 1u);
    EXPECT_EQ(redactor.redact("name Nguyễn Văn An."), "name [held].");
    EXPECT_EQ(redactor.redact("name NGUYEN VAN AN / nguyen van an"), "name [held] / [held]");
    EXPECT_EQ(redactor.redact("NGUYỄN VĂN AN, nguyễn văn an"), "[held], [held]");
    EXPECT_EQ(redactor.redact("street Số 12 ngõ 34 Trần Duy Hưng"), "street [held]");
    EXPECT_EQ(redactor.redact("street so 12 ngo 34 tran duy hung"), "street [held]");
    // Too short to hold: "ab" stays; a ward alone stays.
    EXPECT_EQ(redactor.redact("ab Phường Yên Hòa"), "ab Phường Yên Hòa");
    auto moved = std::move(hold);
    EXPECT_EQ(redactor.redact("An: Nguyễn Văn An"), "An: [held]");
  }
  EXPECT_EQ(redactor.held_sessions(), 0u);
  EXPECT_EQ(redactor.redact("name Nguyễn Văn An"), "name Nguyễn Văn An");
}

TEST(Redact, ReleaseIsIdempotentAndSessionsAreIndependent) {
  Redactor redactor([] { return k_today; });
  auto first = redactor.hold({"Trần Thị Bình"});
  auto second = redactor.hold({"Lê Văn Cường"});
  first.release();
  first.release();
  EXPECT_EQ(redactor.redact("Trần Thị Bình, Lê Văn Cường"), "Trần Thị Bình, [held]");
}

TEST(Redact, ManyThreadsRedactWhileSessionsComeAndGo) {
  Redactor redactor([] { return k_today; });
  std::atomic<bool> leaked{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 500; ++i) {
        const auto out = redactor.redact("id 001095012345 name Phạm Văn Đức");
        leaked = leaked || out.find("001095012345") != std::string::npos;
      }
    });
  }
  for (int i = 0; i < 200; ++i) {
    auto hold = redactor.hold({"Phạm Văn Đức"});
    EXPECT_EQ(redactor.redact("Phạm Văn Đức"), "[held]");
  }
  for (auto& thread : threads) {
    thread.join();
  }
  EXPECT_FALSE(leaked);
  EXPECT_EQ(redactor.held_sessions(), 0u);
}

}  // namespace
}  // namespace kiosk
