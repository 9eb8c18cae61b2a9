// Staff unlock: the slow-down and lock-out after wrong PINs at exact
// instants, unlocking by PIN slot or staff card, auto-lock after inactivity,
// the audit trail; and the staff card's text and payload.

#include <vector>

#include <gtest/gtest.h>

#include "core/staff_card.hpp"
#include "core/staff_lock.hpp"

namespace kiosk {
namespace {

using namespace std::chrono_literals;

const SteadyTime k_t0 = SteadyTime{} + 1000h;

class StaffLockTest : public ::testing::Test {
 protected:
  StaffLock lock{StaffLockSettings{}, [this](const StaffAuditEvent& e) { events.push_back(e); }};
  std::vector<StaffAuditEvent> events;

  StaffCard card(std::string id = "staff-017") {
    return StaffCard{std::move(id), "Lan", WallTime{}};
  }
};

TEST_F(StaffLockTest, StartsLockedAndARightPinUnlocksWithItsSlot) {
  EXPECT_FALSE(lock.unlocked());
  EXPECT_TRUE(lock.can_try(k_t0));
  EXPECT_TRUE(lock.on_pin_result(true, 2, k_t0));
  ASSERT_TRUE(lock.unlocked_by());
  EXPECT_EQ(lock.unlocked_by()->label(), "pin-slot 2");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].describe(), "pin-slot 2 pin_accepted");
  EXPECT_EQ(events[0].at, k_t0);
}

TEST_F(StaffLockTest, WrongPinsSlowDownThenLockOutAtExactTimes) {
  auto t = k_t0;
  // Three free mistakes.
  for (int i = 0; i < 2; ++i) {
    EXPECT_FALSE(lock.on_pin_result(false, 0, t));
    EXPECT_TRUE(lock.can_try(t));
    t += 1s;
  }
  EXPECT_FALSE(lock.on_pin_result(false, 0, t));  // 3rd: the next must wait 5 s
  EXPECT_FALSE(lock.can_try(t));
  EXPECT_EQ(lock.wait_left(t), 5s);
  EXPECT_EQ(lock.wait_left(t + 4500ms), 1s);  // rounded up
  EXPECT_FALSE(lock.can_try(t + 4999ms));
  t += 5s;
  EXPECT_TRUE(lock.can_try(t));
  EXPECT_FALSE(lock.on_pin_result(false, 0, t));  // 4th: 10 s
  EXPECT_EQ(lock.wait_left(t), 10s);
  t += 10s;
  EXPECT_FALSE(lock.on_pin_result(false, 0, t));  // 5th: 20 s
  EXPECT_EQ(lock.wait_left(t), 20s);
  EXPECT_FALSE(lock.locked_out(t));
  t += 20s;
  EXPECT_FALSE(lock.on_pin_result(false, 0, t));  // 6th: locked out for 5 minutes
  EXPECT_TRUE(lock.locked_out(t));
  EXPECT_EQ(lock.wait_left(t), 300s);
  EXPECT_FALSE(lock.can_try(t + 299s));
  EXPECT_TRUE(lock.can_try(t + 300s));
  EXPECT_FALSE(lock.locked_out(t + 300s));
  t += 300s;
  // After a lock-out every wrong PIN locks out again.
  EXPECT_FALSE(lock.on_pin_result(false, 0, t));
  EXPECT_EQ(lock.wait_left(t), 300s);
  EXPECT_EQ(lock.wrong_pins(), 7);

  ASSERT_EQ(events.size(), 7u);
  EXPECT_EQ(events[2].describe(), "pin pin_rejected (wrong PIN 3 in a row; next try in 5 s)");
  EXPECT_EQ(events[4].describe(), "pin pin_rejected (wrong PIN 5 in a row; next try in 20 s)");
  EXPECT_EQ(events[5].describe(), "pin pin_rejected (wrong PIN 6 in a row; locked out for 300 s)");
}

TEST_F(StaffLockTest, AnAttemptDuringAWaitIsRefusedEvenWhenRightAndNotCounted) {
  for (int i = 0; i < 3; ++i) {
    lock.on_pin_result(false, 0, k_t0);
  }
  EXPECT_FALSE(lock.on_pin_result(true, 1, k_t0 + 2s));
  EXPECT_FALSE(lock.unlocked());
  EXPECT_EQ(lock.wrong_pins(), 3);
  EXPECT_EQ(lock.wait_left(k_t0 + 2s), 3s);  // the wait did not grow either
  EXPECT_EQ(events.back().describe(), "pin pin_refused (3 s still to wait)");
  EXPECT_TRUE(lock.on_pin_result(true, 1, k_t0 + 5s));
  EXPECT_EQ(lock.wrong_pins(), 0);
}

TEST_F(StaffLockTest, ARightPinResetsTheCount) {
  lock.on_pin_result(false, 0, k_t0);
  lock.on_pin_result(false, 0, k_t0);
  lock.on_pin_result(true, 1, k_t0);
  lock.lock(k_t0 + 1s);
  lock.on_pin_result(false, 0, k_t0 + 2s);
  lock.on_pin_result(false, 0, k_t0 + 2s);
  EXPECT_TRUE(lock.can_try(k_t0 + 2s));
}

TEST_F(StaffLockTest, AValidCardUnlocksEvenDuringALockOut) {
  for (int i = 0; i < 6; ++i) {
    lock.on_pin_result(false, 0, k_t0 + std::chrono::seconds(100 * i));
  }
  const auto t = k_t0 + 600s;
  ASSERT_TRUE(lock.locked_out(t));
  EXPECT_TRUE(lock.on_card(card(), t));
  EXPECT_EQ(lock.unlocked_by()->label(), "card staff-017");
  EXPECT_TRUE(lock.can_try(t));
  EXPECT_EQ(lock.wrong_pins(), 0);
  EXPECT_EQ(events.back().describe(), "card staff-017 card_accepted");
}

TEST_F(StaffLockTest, ARejectedCardIsAuditedAndDoesNotUnlock) {
  EXPECT_FALSE(lock.on_card(tl::unexpected(StaffCardError::expired), k_t0));
  EXPECT_FALSE(lock.on_card(tl::unexpected(StaffCardError::bad_signature), k_t0));
  EXPECT_FALSE(lock.unlocked());
  EXPECT_EQ(lock.wrong_pins(), 0);  // cards do not count towards the PIN lock-out
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].describe(), "card card_rejected (expired)");
  EXPECT_EQ(events[1].describe(), "card card_rejected (bad_signature)");
}

TEST_F(StaffLockTest, LocksItselfAfter120sOfInactivity) {
  lock.on_card(card(), k_t0);
  EXPECT_EQ(lock.next_deadline(), k_t0 + 120s);
  EXPECT_FALSE(lock.tick(k_t0 + 119s));
  EXPECT_TRUE(lock.unlocked());
  EXPECT_TRUE(lock.tick(k_t0 + 120s));
  EXPECT_FALSE(lock.unlocked());
  EXPECT_FALSE(lock.next_deadline());
  EXPECT_EQ(events.back().describe(), "card staff-017 locked_idle (120 s without activity)");
  EXPECT_EQ(events.back().at, k_t0 + 120s);
}

TEST_F(StaffLockTest, ActivityAndActionsPostponeTheIdleLock) {
  lock.on_pin_result(true, 3, k_t0);
  lock.on_activity(k_t0 + 100s);
  EXPECT_FALSE(lock.tick(k_t0 + 200s));
  lock.record_action("print test slip", k_t0 + 210s);
  EXPECT_EQ(events.back().describe(), "pin-slot 3 action (print test slip)");
  EXPECT_EQ(lock.next_deadline(), k_t0 + 330s);
  EXPECT_FALSE(lock.tick(k_t0 + 329s));
  EXPECT_TRUE(lock.tick(k_t0 + 330s));
}

TEST_F(StaffLockTest, ActivityWhileLockedDoesNothing) {
  lock.on_activity(k_t0);
  lock.record_action("sync now", k_t0);
  EXPECT_FALSE(lock.tick(k_t0 + 1000s));
  EXPECT_TRUE(events.empty());
}

TEST_F(StaffLockTest, IdleLockIsConfigurable) {
  StaffLockSettings settings;
  settings.idle_lock = 30s;
  StaffLock short_lock(settings);
  short_lock.on_pin_result(true, 1, k_t0);
  EXPECT_FALSE(short_lock.tick(k_t0 + 29s));
  EXPECT_TRUE(short_lock.tick(k_t0 + 30s));
}

TEST_F(StaffLockTest, StaffLocksByHand) {
  lock.on_pin_result(true, 1, k_t0);
  lock.lock(k_t0 + 5s);
  EXPECT_FALSE(lock.unlocked());
  EXPECT_EQ(events.back().describe(), "pin-slot 1 locked");
}

// ---- staff card text and payload ----

TEST(StaffCardText, SplitsPrefixPayloadAndSignature) {
  const auto parts = split_staff_card("KIOSK-STAFF:1:eyJpZCI6MX0.c2ln");
  ASSERT_TRUE(parts);
  EXPECT_EQ(parts->signed_part, "KIOSK-STAFF:1:eyJpZCI6MX0");
  EXPECT_EQ(parts->payload, "eyJpZCI6MX0");
  EXPECT_EQ(parts->signature, "c2ln");
}

TEST(StaffCardText, OtherCodesAndBrokenCardsAreToldApart) {
  EXPECT_EQ(split_staff_card("001095012345|123456789|Nguyễn Văn An").error(),
            StaffCardError::not_a_staff_card);
  EXPECT_EQ(split_staff_card("").error(), StaffCardError::not_a_staff_card);
  EXPECT_EQ(split_staff_card("KIOSK-STAFF:2:abc.def").error(), StaffCardError::malformed);
  EXPECT_EQ(split_staff_card("KIOSK-STAFF:1:abcdef").error(), StaffCardError::malformed);
  EXPECT_EQ(split_staff_card("KIOSK-STAFF:1:.def").error(), StaffCardError::malformed);
  EXPECT_EQ(split_staff_card("KIOSK-STAFF:1:abc.").error(), StaffCardError::malformed);
  EXPECT_EQ(split_staff_card("KIOSK-STAFF:1:a.b.c").error(), StaffCardError::malformed);
}

TEST(StaffCardPayload, ReadsIdNameAndExpiry) {
  const auto card = parse_staff_card_payload(
      R"({"id":"staff-017","name_hint":"Lan","expires":"2026-12-31T23:59:59+07:00"})");
  ASSERT_TRUE(card);
  EXPECT_EQ(card->id, "staff-017");
  EXPECT_EQ(card->name_hint, "Lan");
  EXPECT_EQ(card->expires, *parse_iso8601("2026-12-31T16:59:59Z"));
  EXPECT_FALSE(staff_card_expired(*card, card->expires));
  EXPECT_TRUE(staff_card_expired(*card, card->expires + std::chrono::seconds(1)));
}

TEST(StaffCardPayload, RefusesMissingOrOddFields) {
  const char* bad[] = {
      "not json",
      "[]",
      R"({"id":"staff-017"})",
      R"({"expires":"2026-12-31T23:59:59+07:00"})",
      R"({"id":"","expires":"2026-12-31T23:59:59+07:00"})",
      R"({"id":"staff 017\n","expires":"2026-12-31T23:59:59+07:00"})",
      R"({"id":17,"expires":"2026-12-31T23:59:59+07:00"})",
      R"({"id":"staff-017","name_hint":5,"expires":"2026-12-31T23:59:59+07:00"})",
      R"({"id":"staff-017","expires":"31/12/2026"})",
  };
  for (const char* json : bad) {
    EXPECT_EQ(parse_staff_card_payload(json).error(), StaffCardError::malformed) << json;
  }
}

}  // namespace
}  // namespace kiosk
