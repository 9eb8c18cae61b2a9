// StaffMode: the unlock screen and the staff panels over StaffLock, with a
// manual task runner (the PIN check runs when the test says) and exact times.

#include <gtest/gtest.h>

#include "adapters/fake/fakes.hpp"
#include "core/staff_mode.hpp"

namespace kiosk {
namespace {

using namespace std::chrono_literals;
namespace si = staff_intent;
namespace sc = staff_command;

class StaffModeTest : public ::testing::Test {
 protected:
  StaffModeTest()
      : mode(
            {}, [this](const StaffAuditEvent& e) { audit.push_back(e.describe()); },
            [this](const std::string& pin) -> std::optional<int> {
              checked.push_back(pin.size());  // never the digits themselves
              if (pin == "246810") {
                return 2;
              }
              return std::nullopt;
            },
            [this](std::string_view text) -> tl::expected<StaffCard, StaffCardError> {
              if (text == "KIOSK-STAFF:1:good.sig") {
                return StaffCard{"staff-017", "Lan", {}};
              }
              return tl::unexpected(text == "KIOSK-STAFF:1:old.sig"
                                        ? StaffCardError::expired
                                        : StaffCardError::bad_signature);
            },
            runner) {}

  void type(const std::string& pin) {
    for (char c : pin) {
      mode.handle(si::Digit{c}, t0);
    }
  }
  /// Types and submits a PIN at `at`, and lets the check finish.
  void enter(const std::string& pin, SteadyTime at) {
    for (char c : pin) {
      mode.handle(si::Digit{c}, at);
    }
    mode.handle(si::Submit{}, at);
    runner.run_all();
  }

  SteadyTime t0{std::chrono::hours{1}};
  fake::ManualTaskRunner runner;
  std::vector<std::string> audit;
  std::vector<std::size_t> checked;
  StaffMode mode;
};

TEST_F(StaffModeTest, TheHiddenGestureOpensTheKeypadAndARightPinOpensThePanels) {
  EXPECT_FALSE(mode.open());
  mode.handle(si::Open{}, t0);
  ASSERT_EQ(mode.view().mode, StaffView::Mode::unlock);
  type("2468");
  EXPECT_EQ(mode.view().pin_length, 4u);
  mode.handle(si::Erase{}, t0);
  EXPECT_EQ(mode.view().pin_length, 3u);
  type("810");
  mode.handle(si::Submit{}, t0);
  EXPECT_TRUE(mode.view().checking);
  EXPECT_EQ(mode.view().pin_length, 0u);  // the digits left the screen's state at once
  EXPECT_EQ(runner.run_all(), 1);
  EXPECT_EQ(mode.view().mode, StaffView::Mode::panels);
  EXPECT_EQ(mode.view().who, "pin-slot 2");
  EXPECT_EQ(mode.view().panel, StaffPanel::status);
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0], "pin-slot 2 pin_accepted");
}

TEST_F(StaffModeTest, AWrongPinSaysSoAndTheFourthWaitsFiveSeconds) {
  mode.handle(si::Open{}, t0);
  for (int i = 0; i < 3; ++i) {
    enter("1111", t0);
    EXPECT_EQ(mode.view().notice, "Mã PIN không đúng.");
    EXPECT_EQ(mode.view().mode, StaffView::Mode::unlock);
  }
  EXPECT_EQ(mode.view().wait_seconds, 5);
  // Typed during the wait: refused without a check, and not counted.
  enter("246810", t0 + 2s);
  EXPECT_EQ(checked.size(), 3u);
  EXPECT_EQ(mode.view().mode, StaffView::Mode::unlock);
  mode.tick(t0 + 5s);
  EXPECT_EQ(mode.view().wait_seconds, 0);
  enter("246810", t0 + 5s);
  EXPECT_EQ(mode.view().mode, StaffView::Mode::panels);
  for (const auto& line : audit) {
    EXPECT_EQ(line.find("1111"), std::string::npos) << line;
    EXPECT_EQ(line.find("246810"), std::string::npos) << line;
  }
}

TEST_F(StaffModeTest, APinShorterThanFourDigitsIsNotChecked) {
  mode.handle(si::Open{}, t0);
  enter("12", t0);
  EXPECT_TRUE(checked.empty());
  EXPECT_EQ(mode.view().notice, "Mã PIN có từ 4 đến 12 chữ số.");
  type("1234567890123");
  EXPECT_EQ(mode.view().pin_length, k_max_pin_digits);  // the 2 kept, then up to the cap
}

TEST_F(StaffModeTest, ClosingWhileAPinIsCheckedDropsTheAnswer) {
  mode.handle(si::Open{}, t0);
  type("246810");
  mode.handle(si::Submit{}, t0);
  mode.handle(si::Close{}, t0);
  runner.run_all();
  EXPECT_FALSE(mode.open());
  EXPECT_FALSE(mode.unlocked());
}

TEST_F(StaffModeTest, AStaffCardUnlocksAndAnExpiredOneSaysSo) {
  EXPECT_FALSE(mode.on_card("KIOSK-STAFF:1:old.sig", t0));
  EXPECT_EQ(mode.view().mode, StaffView::Mode::unlock);
  EXPECT_EQ(mode.view().notice, "Thẻ nhân viên đã hết hạn.");
  EXPECT_FALSE(mode.on_card("KIOSK-STAFF:1:forged.sig", t0));
  EXPECT_EQ(mode.view().notice, "Thẻ nhân viên không hợp lệ.");
  EXPECT_TRUE(mode.on_card("KIOSK-STAFF:1:good.sig", t0));
  EXPECT_EQ(mode.view().mode, StaffView::Mode::panels);
  EXPECT_EQ(mode.view().who, "staff-017 (Lan)");
  EXPECT_EQ(audit.back(), "card staff-017 card_accepted");
}

TEST_F(StaffModeTest, ActionsAreAuditedUnderTheUnlockerAndReturnedToTheApp) {
  mode.on_card("KIOSK-STAFF:1:good.sig", t0);
  auto load = mode.handle(si::ShowPanel{StaffPanel::session}, t0);
  ASSERT_TRUE(load);
  EXPECT_TRUE(std::holds_alternative<sc::LoadSessions>(*load));
  EXPECT_TRUE(mode.view().sessions_loading);
  mode.set_sessions(
      std::vector<StaffSessionChoice>{{"pgd-a", "A", "", ""}, {"pgd-b", "B", "", ""}});
  EXPECT_FALSE(mode.view().sessions_loading);
  EXPECT_FALSE(mode.handle(si::SwitchSession{}, t0));  // nothing chosen yet
  mode.handle(si::ChooseSession{"pgd-b"}, t0);
  auto sw = mode.handle(si::SwitchSession{}, t0 + 1s);
  ASSERT_TRUE(sw);
  EXPECT_EQ(std::get<sc::SwitchSession>(*sw).session_id, "pgd-b");
  EXPECT_EQ(audit.back(), "card staff-017 action (switch session to pgd-b)");

  EXPECT_TRUE(std::holds_alternative<sc::PrintTestSlip>(*mode.handle(si::PrintTestSlip{}, t0)));
  EXPECT_TRUE(std::holds_alternative<sc::ResendOutbox>(*mode.handle(si::ResendOutbox{}, t0)));
  EXPECT_TRUE(std::holds_alternative<sc::SyncNow>(*mode.handle(si::SyncNow{}, t0)));
  EXPECT_EQ(std::get<sc::Reprint>(*mode.handle(si::Reprint{"HN-7Q2K"}, t0)).reference, "HN-7Q2K");
  EXPECT_EQ(audit.back(), "card staff-017 action (reprint slip HN-7Q2K)");
  // Restart asks twice; anything in between disarms it.
  EXPECT_FALSE(mode.handle(si::Restart{}, t0));
  EXPECT_TRUE(mode.view().restart_armed);
  mode.handle(si::ShowPanel{StaffPanel::status}, t0);
  EXPECT_FALSE(mode.view().restart_armed);
  EXPECT_FALSE(mode.handle(si::Restart{}, t0));
  EXPECT_TRUE(std::holds_alternative<sc::Restart>(*mode.handle(si::Restart{}, t0)));
  EXPECT_EQ(audit.back(), "card staff-017 action (restart the kiosk)");
}

TEST_F(StaffModeTest, NothingActsWhileLockedAndStaffModeLocksItselfWhenIdle) {
  mode.handle(si::Open{}, t0);
  EXPECT_FALSE(mode.handle(si::PrintTestSlip{}, t0));  // the keypad is showing, not the panels
  mode.on_card("KIOSK-STAFF:1:good.sig", t0);
  mode.handle(si::ShowPanel{StaffPanel::devices}, t0 + 100s);
  ASSERT_TRUE(mode.next_deadline(t0 + 100s));
  EXPECT_EQ(*mode.next_deadline(t0 + 100s), t0 + 220s);
  mode.tick(t0 + 219s);
  EXPECT_TRUE(mode.open());
  mode.tick(t0 + 220s);
  EXPECT_FALSE(mode.open());
  EXPECT_FALSE(mode.unlocked());
  EXPECT_EQ(audit.back(), "card staff-017 locked_idle (120 s without activity)");
  EXPECT_FALSE(mode.handle(si::SyncNow{}, t0 + 221s));
}

TEST_F(StaffModeTest, TheUnlockScreenClosesItselfWhenNobodyTouchesIt) {
  mode.handle(si::Open{}, t0);
  ASSERT_TRUE(mode.next_deadline(t0));
  EXPECT_EQ(*mode.next_deadline(t0), t0 + k_unlock_screen_timeout);
  mode.handle(si::Digit{'1'}, t0 + 30s);  // a touch postpones it
  mode.tick(t0 + 50s);
  EXPECT_TRUE(mode.open());
  mode.tick(t0 + 30s + k_unlock_screen_timeout);
  EXPECT_FALSE(mode.open());
  EXPECT_EQ(mode.view().pin_length, 0u);
  // Not while a PIN is being checked: the answer decides.
  mode.handle(si::Open{}, t0 + 100s);
  type("246810");
  mode.handle(si::Submit{}, t0 + 100s);
  mode.tick(t0 + 200s);
  EXPECT_TRUE(mode.open());
  runner.run_all();
  EXPECT_TRUE(mode.unlocked());
}

TEST_F(StaffModeTest, LeavingLocksAndForgetsTheChoices) {
  mode.on_card("KIOSK-STAFF:1:good.sig", t0);
  mode.handle(si::ChooseSession{"pgd-b"}, t0);
  mode.handle(si::Close{}, t0);
  EXPECT_FALSE(mode.unlocked());
  EXPECT_EQ(audit.back(), "card staff-017 locked");
  mode.handle(si::Open{}, t0);
  EXPECT_FALSE(mode.view().chosen_session);
  EXPECT_EQ(mode.view().who, "");
}

}  // namespace
}  // namespace kiosk
