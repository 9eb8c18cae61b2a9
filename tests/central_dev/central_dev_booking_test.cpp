// The write side: bookings and interests, idempotency and capacity.

#include <atomic>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "central_dev_support.hpp"

namespace kiosk::dev::test {
namespace {

int remaining_of(const nlohmann::json& slots, const std::string& slot_id) {
  for (const auto& s : slots["slots"]) {
    if (s["id"] == slot_id) {
      return s["remaining"].get<int>();
    }
  }
  return -1;
}

TEST_F(CentralDev, BookingReplayReturnsTheSameAnswerOnce) {
  start();
  const auto slot = m_central->find_slot_with_remaining(2);
  ASSERT_TRUE(slot);
  const auto body = booking_body(slot->vacancy_id, slot->slot_id);
  const Answer first = post("/api/v1/bookings", body, "key-1");
  ASSERT_EQ(first.status, 201) << first.body;
  const auto j = first.json();
  EXPECT_EQ(j["status"], "confirmed");
  EXPECT_TRUE(j["reference"].get<std::string>().starts_with("HN-"));
  EXPECT_EQ(j["reference"].get<std::string>().size(), 9U);
  EXPECT_EQ(j["slot"]["remaining"], 1);
  EXPECT_EQ(j["vacancy"]["id"], slot->vacancy_id);
  EXPECT_FALSE(j["instructions"].empty());

  const Answer replay = post("/api/v1/bookings", body, "key-1");
  EXPECT_EQ(replay.status, 201);
  EXPECT_EQ(replay.body, first.body);
  EXPECT_EQ(m_central->booking_count(), 1U);
  const auto dev = get("/api/v1/_dev/bookings", false).json();
  ASSERT_EQ(dev["bookings"].size(), 1U);
  EXPECT_EQ(dev["bookings"][0]["citizen_id_masked"], "001******345");
  EXPECT_EQ(dev["bookings"][0]["idempotency_key"], "key-1");
  const auto slots = get("/api/v1/vacancies/" + slot->vacancy_id + "/slots").json();
  EXPECT_EQ(remaining_of(slots, slot->slot_id), 1);
}

TEST_F(CentralDev, SameKeyWithAnotherBodyIsRejected) {
  start();
  const auto slot = m_central->find_slot_with_remaining(2);
  ASSERT_TRUE(slot);
  ASSERT_EQ(post("/api/v1/bookings", booking_body(slot->vacancy_id, slot->slot_id), "k").status,
            201);
  const Answer other =
      post("/api/v1/bookings", booking_body(slot->vacancy_id, slot->slot_id, "001095099999"), "k");
  EXPECT_EQ(other.status, 422);
  EXPECT_EQ(other.error_code(), "idempotency_key_reused");
  EXPECT_EQ(m_central->booking_count(), 1U);
}

TEST_F(CentralDev, FullSlotAndDoubleBookingAreConflicts) {
  start();
  const auto slot = m_central->find_slot_with_remaining(1);
  ASSERT_TRUE(slot);
  ASSERT_EQ(post("/api/v1/bookings", booking_body(slot->vacancy_id, slot->slot_id), "a").status,
            201);
  const Answer full =
      post("/api/v1/bookings", booking_body(slot->vacancy_id, slot->slot_id, "001095099999"), "b");
  EXPECT_EQ(full.status, 409);
  EXPECT_EQ(full.error_code(), "slot_full");

  const auto roomy = m_central->find_slot_with_remaining(3);
  ASSERT_TRUE(roomy);
  ASSERT_EQ(post("/api/v1/bookings", booking_body(roomy->vacancy_id, roomy->slot_id), "c").status,
            201);
  const Answer twice =
      post("/api/v1/bookings", booking_body(roomy->vacancy_id, roomy->slot_id), "d");
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(twice.error_code(), "already_booked");
}

TEST_F(CentralDev, BadBookingRequests) {
  start();
  const auto slot = m_central->find_slot_with_remaining(2);
  ASSERT_TRUE(slot);
  const auto body = booking_body(slot->vacancy_id, slot->slot_id);
  EXPECT_EQ(post("/api/v1/bookings", body, "").error_code(), "idempotency_key_missing");
  auto no_citizen = body;
  no_citizen.erase("citizen");
  EXPECT_EQ(post("/api/v1/bookings", no_citizen, "k1").error_code(), "bad_request");
  auto bad_id = body;
  bad_id["citizen"]["id"] = "12345";
  EXPECT_EQ(post("/api/v1/bookings", bad_id, "k2").status, 400);
  EXPECT_EQ(post("/api/v1/bookings", booking_body("vac-999999", slot->slot_id), "k3").status, 404);
  EXPECT_EQ(
      post("/api/v1/bookings", booking_body(slot->vacancy_id, "slot-000000-9"), "k4").error_code(),
      "not_found");
  const auto raw = client()->Post("/api/v1/bookings", {{"Idempotency-Key", "k5"}}, "{not json",
                                  "application/json");
  ASSERT_TRUE(raw);
  EXPECT_EQ(raw->status, 400);
  EXPECT_EQ(m_central->booking_count(), 0U);
}

TEST_F(CentralDev, ConcurrentBookingsNeverOverbook) {
  start();
  const auto slot = m_central->find_slot_with_remaining(3);
  ASSERT_TRUE(slot);
  std::atomic<int> created{0};
  std::atomic<int> full{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      const Answer a =
          post("/api/v1/bookings",
               booking_body(slot->vacancy_id, slot->slot_id, fmt::format("0010950000{:02}", t)),
               fmt::format("thread-{}", t));
      if (a.status == 201) {
        ++created;
      } else if (a.status == 409 && a.error_code() == "slot_full") {
        ++full;
      }
    });
  }
  for (auto& t : threads) {
    t.join();
  }
  EXPECT_EQ(created.load(), 3);
  EXPECT_EQ(full.load(), 5);
  EXPECT_EQ(m_central->booking_count(), 3U);
  const auto slots = get("/api/v1/vacancies/" + slot->vacancy_id + "/slots").json();
  EXPECT_EQ(remaining_of(slots, slot->slot_id), 0);
}

TEST_F(CentralDev, InterestsFollowTheSameIdempotencyRules) {
  start();
  nlohmann::json body = booking_body("vac-000003", "");
  body.erase("slot_id");
  const Answer first = post("/api/v1/interests", body, "i-1");
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.json()["status"], "registered");
  EXPECT_EQ(first.json()["vacancy"]["id"], "vac-000003");
  EXPECT_EQ(post("/api/v1/interests", body, "i-1").body, first.body);
  body["phone"] = "0987654321";
  EXPECT_EQ(post("/api/v1/interests", body, "i-1").error_code(), "idempotency_key_reused");
  EXPECT_EQ(post("/api/v1/interests", body, "i-2").error_code(), "already_registered");
  EXPECT_EQ(m_central->interest_count(), 1U);
  EXPECT_EQ(get("/api/v1/_dev/bookings", false).json()["interests"].size(), 1U);
}

}  // namespace
}  // namespace kiosk::dev::test

namespace kiosk::dev::test {
namespace {

// A card read by a scanner that typed only its number: the body carries the
// birth year its digits say instead of the name and birth date.
nlohmann::json number_only_body(const std::string& vacancy_id, const std::string& slot_id) {
  auto body = booking_body(vacancy_id, slot_id);
  auto& c = body["citizen"];
  c.erase("full_name");
  c.erase("birth_date");
  c["birth_year"] = 1995;
  c["id_number_only"] = true;
  return body;
}

TEST_F(CentralDev, BookingWithTheCardNumberOnlyIsAccepted) {
  start();
  const auto slot = m_central->find_slot_with_remaining(1);
  ASSERT_TRUE(slot);
  const Answer ok = post("/api/v1/bookings", number_only_body(slot->vacancy_id, slot->slot_id), "n1");
  EXPECT_EQ(ok.status, 201) << ok.body;

  auto no_year = number_only_body(slot->vacancy_id, slot->slot_id);
  no_year["citizen"].erase("birth_year");
  const Answer bad = post("/api/v1/bookings", no_year, "n2");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("birth_year"), std::string::npos);

  auto odd_flag = number_only_body(slot->vacancy_id, slot->slot_id);
  odd_flag["citizen"]["id_number_only"] = "yes";
  EXPECT_EQ(post("/api/v1/bookings", odd_flag, "n3").status, 400);

  // Without the flag a name is still required.
  auto no_name = number_only_body(slot->vacancy_id, slot->slot_id);
  no_name["citizen"].erase("id_number_only");
  EXPECT_EQ(post("/api/v1/bookings", no_name, "n4").status, 400);
}

}  // namespace
}  // namespace kiosk::dev::test
