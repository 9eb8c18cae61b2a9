// The whole job-seeker journey through the core state machine, with fake
// ports and a fake clock: no window, no network, no disk.

#include "core/journey.hpp"
#include "core/profile_update.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "adapters/fake/fakes.hpp"
#include "adapters/fake/memory_outbox.hpp"
#include "test_data.hpp"

namespace kiosk {
namespace {

using namespace std::chrono_literals;

using testing::k_card;
using testing::load_wards;

class JourneyTest : public ::testing::Test {
 protected:
  JourneyTest()
      : clock(*parse_iso8601("2026-11-27T09:00:00+07:00")),
        journey(JourneyPorts{api, outbox, printer, clock, runner}, config()) {
    auto catalog = std::make_shared<Catalog>();
    catalog->vacancies = {testing::make_vacancy("vac-far", 21.20, 105.80, 18, 45),
                          testing::make_vacancy("vac-near", 21.025, 105.79, 18, 45),
                          testing::make_vacancy("vac-young", 21.02, 105.79, 18, 25)};
    catalog->sessions = {
        JobFairSession{"pgd-20261127", "Phiên giao dịch việc làm định kỳ", {}, "215 Trung Kính",
                       *parse_iso8601("2026-11-27T08:00:00+07:00"),
                       *parse_iso8601("2026-11-27T17:00:00+07:00")},
        JobFairSession{"pgd-20261120", "Phiên tuần trước", {}, "215 Trung Kính",
                       *parse_iso8601("2026-11-20T08:00:00+07:00"),
                       *parse_iso8601("2026-11-20T17:00:00+07:00")}};
    catalog->vacancies.push_back(
        testing::make_vacancy("vac-last-week", 21.025, 105.79, 18, 45, "pgd-20261120"));
    catalog->synced_at = clock.wall();
    api.vacancies = catalog->vacancies;
    api.slots_by_vacancy["vac-near"] = {
        Slot{"slot-1", *parse_iso8601("2026-11-27T10:00:00+07:00"),
             *parse_iso8601("2026-11-27T10:30:00+07:00"), "215 Trung Kính", "Gian 12", 5, 1},
        Slot{"slot-2", *parse_iso8601("2026-11-27T11:00:00+07:00"),
             *parse_iso8601("2026-11-27T11:30:00+07:00"), "215 Trung Kính", "Gian 12", 5, 4}};
    journey.set_catalog(catalog, true);
  }

  JourneyConfig config() {
    JourneyConfig c;
    c.kiosk_id = "hn-test";
    c.centre_name = "Trung tâm Dịch vụ việc làm Hà Nội";
    c.idle_timeout = 60s;
    c.idle_warning = 15s;
    c.done_timeout = 20s;
    c.wards = load_wards();
    c.new_idempotency_key = [this] { return "key-" + std::to_string(++keys_issued); };
    return c;
  }

  void scan_and_reach_slots() {
    journey.on_scan(ScanEvent{k_card, "fifo:test"});
    ASSERT_EQ(journey.view().screen, Screen::consent);
    journey.handle(intent::AcceptConsent{});
    ASSERT_EQ(journey.view().screen, Screen::matches);
    journey.handle(intent::OpenVacancy{"vac-near"});
    ASSERT_EQ(journey.view().screen, Screen::vacancy);
    journey.handle(intent::ShowSlots{});
    ASSERT_EQ(journey.view().screen, Screen::slots);
    EXPECT_TRUE(journey.view().slots_loading);
    runner.run_all();
    ASSERT_EQ(journey.view().slots.size(), 2u);
  }

  int keys_issued = 0;
  fake::FakeCentralApi api;
  fake::MemoryOutbox outbox{api};
  fake::FakePrinter printer;
  fake::FakeClock clock;
  fake::ManualTaskRunner runner;
  Journey journey;
};

TEST_F(JourneyTest, WalksTheWholeJourneyAndWipesAtTheEnd) {
  EXPECT_EQ(journey.view().screen, Screen::welcome);
  journey.on_scan(ScanEvent{k_card, "fifo:test"});
  EXPECT_EQ(journey.view().screen, Screen::consent);
  EXPECT_EQ(journey.view().greeting_name, "An");
  EXPECT_EQ(journey.view().home_area, "Phường Yên Hoà");
  EXPECT_TRUE(journey.has_person());

  journey.handle(intent::AcceptConsent{});
  ASSERT_EQ(journey.view().screen, Screen::matches);
  // 31 years old: the 18–25 vacancy is not offered, nor last week's session;
  // the nearest comes first.
  ASSERT_EQ(journey.view().matches.size(), 2u);
  EXPECT_EQ(journey.view().matches_total, 2u);
  EXPECT_EQ(journey.view().matches[0].vacancy.id, "vac-near");

  journey.handle(intent::OpenVacancy{"vac-near"});
  journey.handle(intent::ShowSlots{});
  runner.run_all();
  ASSERT_EQ(journey.view().screen, Screen::slots);
  journey.handle(intent::ChooseSlot{"slot-2"});
  ASSERT_EQ(journey.view().screen, Screen::confirm);
  journey.handle(intent::ConfirmBooking{});
  EXPECT_EQ(journey.view().screen, Screen::booking);
  runner.run_all();  // book, then print
  ASSERT_EQ(journey.view().screen, Screen::done);
  ASSERT_TRUE(journey.view().confirmation.has_value());
  EXPECT_TRUE(journey.view().printed);
  ASSERT_EQ(printer.printed.size(), 1u);
  EXPECT_EQ(printer.printed[0].reference, journey.view().confirmation->reference);
  EXPECT_EQ(api.bookings_by_key.size(), 1u);
  EXPECT_EQ(api.bookings_by_key.begin()->first, "key-1");

  journey.handle(intent::Finish{});
  EXPECT_EQ(journey.view().screen, Screen::welcome);
  EXPECT_FALSE(journey.has_person());
  EXPECT_TRUE(journey.view().matches.empty());
  EXPECT_FALSE(journey.view().confirmation.has_value());
  EXPECT_TRUE(journey.view().greeting_name.empty());
}

TEST_F(JourneyTest, IdleTimeoutWarnsThenWipesTheSession) {
  scan_and_reach_slots();
  clock.advance(44s);
  journey.tick();
  EXPECT_FALSE(journey.view().idle_seconds_left.has_value());
  clock.advance(2s);  // 46 s idle: inside the 15 s warning
  journey.tick();
  ASSERT_TRUE(journey.view().idle_seconds_left.has_value());
  EXPECT_EQ(*journey.view().idle_seconds_left, 14);
  journey.handle(intent::StillHere{});  // a touch restarts the timer
  EXPECT_FALSE(journey.view().idle_seconds_left.has_value());
  clock.advance(59s);
  journey.tick();
  EXPECT_EQ(journey.view().screen, Screen::slots);
  clock.advance(1s);
  journey.tick();
  EXPECT_EQ(journey.view().screen, Screen::welcome);
  EXPECT_FALSE(journey.has_person());
  EXPECT_TRUE(journey.view().slots.empty());
}

TEST_F(JourneyTest, DoneScreenReturnsToWelcomeByItself) {
  scan_and_reach_slots();
  journey.handle(intent::ChooseSlot{"slot-1"});
  journey.handle(intent::ConfirmBooking{});
  runner.run_all();
  ASSERT_EQ(journey.view().screen, Screen::done);
  clock.advance(19s);
  journey.tick();
  EXPECT_EQ(journey.view().done_seconds_left, 1);
  clock.advance(1s);
  journey.tick();
  EXPECT_EQ(journey.view().screen, Screen::welcome);
  EXPECT_FALSE(journey.has_person());
}

TEST_F(JourneyTest, RetryAfterNetworkFailureReusesTheIdempotencyKey) {
  scan_and_reach_slots();
  journey.handle(intent::ChooseSlot{"slot-2"});
  api.fail_next = ApiFailure{ApiError::offline, 0, "", "connection refused", {}};
  journey.handle(intent::ConfirmBooking{});
  runner.run_all();
  ASSERT_EQ(journey.view().screen, Screen::confirm);
  EXPECT_TRUE(journey.view().can_retry);
  EXPECT_FALSE(journey.view().notice.empty());
  journey.handle(intent::ConfirmBooking{});
  runner.run_all();
  ASSERT_EQ(journey.view().screen, Screen::done);
  EXPECT_EQ(api.book_calls, 2);
  EXPECT_EQ(keys_issued, 1);
  EXPECT_EQ(api.bookings_by_key.size(), 1u);
}

TEST_F(JourneyTest, FullSlotSendsThePersonBackToTheSlotList) {
  scan_and_reach_slots();
  api.slots_by_vacancy["vac-near"][0].remaining = 0;  // someone else took it
  journey.handle(intent::ChooseSlot{"slot-1"});       // the view still shows 1 left
  journey.handle(intent::ConfirmBooking{});
  runner.run_all();
  EXPECT_EQ(journey.view().screen, Screen::slots);
  EXPECT_NE(journey.view().notice.find("hết chỗ"), std::string::npos);
  EXPECT_EQ(journey.view().slots[0].remaining, 0);  // reloaded
}

TEST_F(JourneyTest, PrinterFailureStillShowsTheReference) {
  printer.fail_with = PrintFailure{PrintError::out_of_paper, "paper out"};
  scan_and_reach_slots();
  journey.handle(intent::ChooseSlot{"slot-2"});
  journey.handle(intent::ConfirmBooking{});
  runner.run_all();
  ASSERT_EQ(journey.view().screen, Screen::done);
  EXPECT_FALSE(journey.view().printed);
  ASSERT_TRUE(journey.view().confirmation.has_value());
  EXPECT_FALSE(journey.view().notice.empty());
}

TEST_F(JourneyTest, ForeignQrShowsAMessageAndStartsNoSession) {
  journey.on_scan(ScanEvent{"https://zalo.me/g/abcdef", "fifo:test"});
  EXPECT_EQ(journey.view().screen, Screen::welcome);
  EXPECT_FALSE(journey.has_person());
  EXPECT_NE(journey.view().notice.find("không phải"), std::string::npos);
}

TEST_F(JourneyTest, ResultsArrivingAfterCancelAreDropped) {
  journey.on_scan(ScanEvent{k_card, "fifo:test"});
  journey.handle(intent::AcceptConsent{});
  journey.handle(intent::OpenVacancy{"vac-near"});
  journey.handle(intent::ShowSlots{});
  journey.handle(intent::Cancel{});  // leaves before the slots arrive
  runner.run_all();
  EXPECT_EQ(journey.view().screen, Screen::welcome);
  EXPECT_TRUE(journey.view().slots.empty());
}

}  // namespace
}  // namespace kiosk

namespace kiosk {
namespace {

// A printer that throws, as a broken driver might.
class ThrowingPrinter final : public Printer {
 public:
  tl::expected<PrintReceipt, PrintFailure> print(const Slip&) override {
    throw std::runtime_error("driver crashed");
  }
};

TEST_F(JourneyTest, UnansweredBookingGivesWayAfterTheWorkTimeout) {
  scan_and_reach_slots();
  journey.handle(intent::ChooseSlot{"slot-2"});
  journey.handle(intent::ConfirmBooking{});
  ASSERT_EQ(journey.view().screen, Screen::booking);
  clock.advance(44s);
  journey.tick();
  EXPECT_EQ(journey.view().screen, Screen::booking);  // still waiting, not idle
  clock.advance(1s);
  journey.tick();
  ASSERT_EQ(journey.view().screen, Screen::confirm);
  EXPECT_TRUE(journey.view().can_retry);
  // The late answer is dropped; a retry replays the same key.
  runner.run_all();
  EXPECT_EQ(journey.view().screen, Screen::confirm);
  journey.handle(intent::ConfirmBooking{});
  runner.run_all();
  EXPECT_EQ(journey.view().screen, Screen::done);
  EXPECT_EQ(api.bookings_by_key.size(), 1u);
  EXPECT_EQ(keys_issued, 1);
}

TEST_F(JourneyTest, UnansweredPrinterStillEndsOnTheDoneScreen) {
  scan_and_reach_slots();
  journey.handle(intent::ChooseSlot{"slot-2"});
  journey.handle(intent::ConfirmBooking{});
  // Run the booking only; the print job stays queued as if the printer hung.
  ASSERT_EQ(runner.pending(), 1u);
  runner.run_one();
  ASSERT_EQ(journey.view().screen, Screen::printing);
  clock.advance(45s);
  journey.tick();
  ASSERT_EQ(journey.view().screen, Screen::done);
  EXPECT_FALSE(journey.view().printed);
  EXPECT_FALSE(journey.view().notice.empty());
  clock.advance(30s);
  journey.tick();
  EXPECT_EQ(journey.view().screen, Screen::welcome);
  EXPECT_FALSE(journey.has_person());
}

TEST(JourneyPrinter, AThrowingPrinterIsAFailureNotAHang) {
  fake::FakeCentralApi api;
  fake::MemoryOutbox outbox{api};
  ThrowingPrinter printer;
  fake::FakeClock clock(*parse_iso8601("2026-11-27T09:00:00+07:00"));
  fake::ManualTaskRunner runner;
  Journey journey(JourneyPorts{api, outbox, printer, clock, runner}, JourneyConfig{});
  auto catalog = std::make_shared<Catalog>();
  catalog->vacancies = {testing::make_vacancy("v", 21.0, 105.8, 18, 60)};
  api.vacancies = catalog->vacancies;
  api.slots_by_vacancy["v"] = {Slot{"s", *parse_iso8601("2026-11-27T10:00:00+07:00"),
                                    *parse_iso8601("2026-11-27T10:30:00+07:00"), "", "", 2, 2}};
  journey.set_catalog(catalog, true);
  journey.on_scan(ScanEvent{k_card, "t"});
  journey.handle(intent::AcceptConsent{});
  journey.handle(intent::OpenVacancy{"v"});
  journey.handle(intent::ShowSlots{});
  runner.run_all();
  journey.handle(intent::ChooseSlot{"s"});
  journey.handle(intent::ConfirmBooking{});
  runner.run_all();
  EXPECT_EQ(journey.view().screen, Screen::done);
  EXPECT_FALSE(journey.view().printed);
}

TEST_F(JourneyTest, SlotsOfAnEarlierVacancyNeverShowUnderAnother) {
  api.slots_by_vacancy["vac-far"] = {
      Slot{"far-1", *parse_iso8601("2026-11-27T14:00:00+07:00"),
           *parse_iso8601("2026-11-27T14:30:00+07:00"), "", "", 3, 3}};
  journey.on_scan(ScanEvent{k_card, "t"});
  journey.handle(intent::AcceptConsent{});
  journey.handle(intent::OpenVacancy{"vac-near"});
  journey.handle(intent::ShowSlots{});  // its answer is still on the way…
  journey.handle(intent::Back{});
  EXPECT_FALSE(journey.view().slots_loading);
  journey.handle(intent::Back{});
  journey.handle(intent::OpenVacancy{"vac-far"});
  journey.handle(intent::ShowSlots{});
  runner.run_all();  // …and arrives after the second request was made
  ASSERT_EQ(journey.view().slots.size(), 1u);
  EXPECT_EQ(journey.view().slots[0].id, "far-1");
}

TEST_F(JourneyTest, ARejectedScanMessageFadesBeforeTheNextPerson) {
  journey.on_scan(ScanEvent{"hello", "t"});
  EXPECT_FALSE(journey.view().notice.empty());
  EXPECT_TRUE(journey.next_deadline().has_value());
  clock.advance(11s);
  journey.tick();
  EXPECT_FALSE(journey.view().notice.empty());
  clock.advance(1s);
  journey.tick();
  EXPECT_TRUE(journey.view().notice.empty());
  EXPECT_FALSE(journey.next_deadline().has_value());
}

}  // namespace
}  // namespace kiosk

namespace kiosk {
namespace {

TEST_F(JourneyTest, KeyboardScannerThatLostTheVietnameseTextSaysSo) {
  // What a US-keymap keyboard-wedge scanner types for the card: no diacritics.
  journey.on_scan(ScanEvent{"001195012345||Trn Th Bnh|29022000|N|HN|01072024", "evdev:x", true});
  EXPECT_EQ(journey.view().screen, Screen::welcome);
  EXPECT_NE(journey.view().notice.find("tiếng Việt"), std::string::npos);
  EXPECT_FALSE(journey.has_person());
}

TEST_F(JourneyTest, AcceptedCardIsConfirmedForAMomentAndCounted) {
  EXPECT_EQ(journey.view().scans_accepted, 0u);
  journey.on_scan(ScanEvent{k_card, "t"});
  EXPECT_TRUE(journey.view().card_read);
  EXPECT_EQ(journey.view().scans_accepted, 1u);
  clock.advance(2s);
  journey.tick();
  EXPECT_TRUE(journey.view().card_read);
  clock.advance(1s);
  journey.tick();
  EXPECT_FALSE(journey.view().card_read);
  journey.handle(intent::Cancel{});
  EXPECT_EQ(journey.view().scans_accepted, 1u);  // the count survives the wipe
  journey.on_scan(ScanEvent{"not a card", "t"});
  EXPECT_EQ(journey.view().scans_accepted, 1u);  // rejected scans make no tone
}

}  // namespace
}  // namespace kiosk

namespace kiosk {
namespace {

// The card's number alone, as a keyboard-wedge scanner types it: born 1995
// (the 4th digit 0: 1900s, male), so 31 on 27/11/2026.
constexpr const char* k_number_only = "001095012345\r\n";

TEST_F(JourneyTest, NumberOnlyScanAsksThePersonToConfirmWhatTheNumberSays) {
  journey.on_scan(ScanEvent{k_number_only, "evdev:x", true});
  ASSERT_EQ(journey.view().screen, Screen::check_id);
  EXPECT_TRUE(journey.has_person());
  ASSERT_TRUE(journey.view().id_check.has_value());
  EXPECT_EQ(journey.view().id_check->birth_year, 1995);
  EXPECT_EQ(journey.view().id_check->sex, "Nam");
  EXPECT_EQ(journey.view().id_check->masked_id, "001******345");
  EXPECT_TRUE(journey.view().greeting_name.empty());
  EXPECT_TRUE(journey.view().home_area.empty());

  journey.handle(intent::ConfirmIdFacts{});
  ASSERT_EQ(journey.view().screen, Screen::consent);
  journey.handle(intent::Back{});  // back to the facts, not out of the session
  ASSERT_EQ(journey.view().screen, Screen::check_id);
  journey.handle(intent::ConfirmIdFacts{});
  journey.handle(intent::AcceptConsent{});
  ASSERT_EQ(journey.view().screen, Screen::matches);
  // The age rules still apply: the 18–25 vacancy is not offered.
  for (const auto& m : journey.view().matches) {
    EXPECT_NE(m.vacancy.id, "vac-young");
  }
}

TEST_F(JourneyTest, NumberOnlyBookingCarriesTheBirthYearAndNoName) {
  journey.on_scan(ScanEvent{k_number_only, "evdev:x", true});
  journey.handle(intent::ConfirmIdFacts{});
  journey.handle(intent::AcceptConsent{});
  journey.handle(intent::OpenVacancy{"vac-near"});
  journey.handle(intent::ShowSlots{});
  runner.run_all();
  journey.handle(intent::ChooseSlot{"slot-2"});
  ASSERT_EQ(journey.view().screen, Screen::confirm);
  journey.handle(intent::ConfirmBooking{});
  runner.run_all();
  ASSERT_EQ(journey.view().screen, Screen::done);
  ASSERT_EQ(printer.printed.size(), 1u);
  // The slip names the card, masked, never a name that was not read.
  bool names_card = false;
  for (const auto& block : printer.printed[0].blocks) {
    names_card = names_card || block.text.find("001******345") != std::string::npos;
    EXPECT_EQ(block.text.find("001095012345"), std::string::npos);
  }
  EXPECT_TRUE(names_card);
  journey.handle(intent::Finish{});
  EXPECT_FALSE(journey.has_person());
  EXPECT_FALSE(journey.view().id_check.has_value());
}

TEST_F(JourneyTest, RejectingTheNumbersFactsEndsTheSessionWithAdvice) {
  journey.on_scan(ScanEvent{k_number_only, "evdev:x", true});
  journey.handle(intent::RejectIdFacts{});
  EXPECT_EQ(journey.view().screen, Screen::welcome);
  EXPECT_FALSE(journey.has_person());
  EXPECT_FALSE(journey.view().id_check.has_value());
  EXPECT_NE(journey.view().notice.find("camera"), std::string::npos);
}

TEST_F(JourneyTest, ANumberThatCannotBeABirthYearIsRejected) {
  // 4th digit 2: born in the 2000s, year 99 → 2099, later than today.
  journey.on_scan(ScanEvent{"001299012345", "evdev:x", true});
  EXPECT_EQ(journey.view().screen, Screen::welcome);
  EXPECT_FALSE(journey.has_person());
  EXPECT_FALSE(journey.view().notice.empty());
}

TEST_F(JourneyTest, ACodeInViewSaysHoldStillUntilReadOrGone) {
  journey.on_scan(ScanEvent{"hello", "t"});
  ASSERT_FALSE(journey.view().notice.empty());
  journey.on_reading();
  EXPECT_TRUE(journey.view().reading);
  EXPECT_TRUE(journey.view().notice.empty());  // trying again: the old advice goes
  ASSERT_TRUE(journey.next_deadline().has_value());
  clock.advance(1s);
  journey.on_reading();  // still in view
  clock.advance(1s);
  journey.tick();
  EXPECT_TRUE(journey.view().reading);
  clock.advance(1s);
  journey.tick();
  EXPECT_FALSE(journey.view().reading);  // taken away
  EXPECT_FALSE(journey.next_deadline().has_value());

  journey.on_reading();
  journey.on_scan(ScanEvent{k_card, "camera:x"});
  EXPECT_EQ(journey.view().screen, Screen::consent);
  EXPECT_FALSE(journey.view().reading);
  journey.on_reading();  // mid-session sightings change nothing
  EXPECT_FALSE(journey.view().reading);
}

}  // namespace
}  // namespace kiosk

namespace kiosk {
namespace {

TEST_F(JourneyTest, AnUnsentBookingCanBeLeftToTheKioskWithASlipThatSaysSo) {
  scan_and_reach_slots();
  journey.handle(intent::ChooseSlot{"slot-2"});
  api.fail_next = ApiFailure{ApiError::offline, 0, "", "connection refused", {}};
  journey.handle(intent::ConfirmBooking{});
  runner.run_all();
  ASSERT_EQ(journey.view().screen, Screen::confirm);
  EXPECT_TRUE(journey.view().can_retry);
  ASSERT_TRUE(journey.view().can_leave_queued);
  journey.handle(intent::LeaveQueued{});
  runner.run_all();  // print the slip
  ASSERT_EQ(journey.view().screen, Screen::done);
  EXPECT_TRUE(journey.view().queued);
  EXPECT_FALSE(journey.view().confirmation.has_value());
  EXPECT_EQ(journey.view().queued_code, "key-1");
  EXPECT_EQ(request_code("3f9a2c71-0b1e-4c8f-9d2a-5e6f7a8b9c0d"), "3F9A-2C71");
  ASSERT_EQ(printer.printed.size(), 1u);
  EXPECT_EQ(printer.printed[0].reference, journey.view().queued_code);
  EXPECT_TRUE(api.bookings_by_key.empty());
  // The outbox still holds it; once the network is back it goes, once.
  ASSERT_EQ(outbox.flush().value(), 0u);
  EXPECT_EQ(api.bookings_by_key.size(), 1u);
  EXPECT_EQ(outbox.flush().value(), 0u);
  EXPECT_EQ(api.bookings_by_key.size(), 1u);
  journey.handle(intent::Finish{});
  EXPECT_FALSE(journey.view().queued);
}

TEST_F(JourneyTest, ABookingTheOutboxCouldNotStoreIsNeverLeftToTheKiosk) {
  scan_and_reach_slots();
  journey.handle(intent::ChooseSlot{"slot-2"});
  outbox.fail_store_next = true;
  journey.handle(intent::ConfirmBooking{});
  runner.run_all();
  ASSERT_EQ(journey.view().screen, Screen::confirm);
  EXPECT_TRUE(journey.view().can_retry);
  EXPECT_FALSE(journey.view().can_leave_queued);
  EXPECT_EQ(api.book_calls, 0);  // nothing is sent that was not stored first
  journey.handle(intent::LeaveQueued{});
  EXPECT_EQ(journey.view().screen, Screen::confirm);
  journey.handle(intent::ConfirmBooking{});
  runner.run_all();
  EXPECT_EQ(journey.view().screen, Screen::done);
  EXPECT_EQ(api.bookings_by_key.size(), 1u);
}

TEST_F(JourneyTest, WhenThePrinterFailsTheSlipStaysOnScreenUntilTheSessionEnds) {
  scan_and_reach_slots();
  journey.handle(intent::ChooseSlot{"slot-2"});
  printer.fail_with = PrintFailure{PrintError::out_of_paper, "paper end"};
  journey.handle(intent::ConfirmBooking{});
  runner.run_all();
  ASSERT_EQ(journey.view().screen, Screen::done);
  ASSERT_TRUE(journey.view().confirmation.has_value());
  EXPECT_FALSE(journey.view().printed);
  ASSERT_TRUE(journey.view().slip.has_value());
  EXPECT_EQ(journey.view().slip->reference, journey.view().confirmation->reference);
  bool has_qr = false;
  for (const auto& b : journey.view().slip->blocks) {
    has_qr = has_qr || (b.kind == SlipBlock::Kind::qr && b.text == journey.view().slip->reference);
  }
  EXPECT_TRUE(has_qr);
  journey.handle(intent::Finish{});
  EXPECT_FALSE(journey.view().slip.has_value());
}

}  // namespace
}  // namespace kiosk

namespace kiosk {
namespace {

TEST_F(JourneyTest, APhoneNumberIsCheckedAndFixedOnceTheBookingIsSent) {
  scan_and_reach_slots();
  journey.handle(intent::ChooseSlot{"slot-2"});
  journey.handle(intent::ShowKeyboard{true});
  EXPECT_TRUE(journey.view().keyboard_open);
  journey.handle(intent::SetPhone{"09123"});
  journey.handle(intent::ConfirmBooking{});
  EXPECT_EQ(journey.view().screen, Screen::confirm);  // not ten digits: not sent
  EXPECT_NE(journey.view().notice.find("10 chữ số"), std::string::npos);
  EXPECT_EQ(api.book_calls, 0);
  journey.handle(intent::SetPhone{"0912a345678"});  // only digits are kept, ten at most
  EXPECT_EQ(journey.view().phone, "0912345678");
  api.fail_next = ApiFailure{ApiError::offline, 0, "", "connection refused", {}};
  journey.handle(intent::ConfirmBooking{});
  runner.run_all();
  ASSERT_EQ(journey.view().screen, Screen::confirm);
  EXPECT_TRUE(journey.view().phone_locked);
  journey.handle(intent::SetPhone{"0987654321"});  // the retry must send the same body
  EXPECT_EQ(journey.view().phone, "0912345678");
  journey.handle(intent::ConfirmBooking{});
  runner.run_all();
  ASSERT_EQ(journey.view().screen, Screen::done);
  EXPECT_EQ(api.bookings_by_key.size(), 1u);
  journey.handle(intent::Finish{});
  EXPECT_TRUE(journey.view().phone.empty());
}

}  // namespace
}  // namespace kiosk

namespace kiosk {
namespace {

// Issue 7: a new profile (here: another job-fair session) that arrives while
// a job seeker is at the screen waits; the next person gets it.
TEST_F(JourneyTest, AProfileArrivingMidSessionIsAppliedOnlyAfterTheSessionEnds) {
  journey.on_scan(ScanEvent{k_card, "fifo:test"});
  journey.handle(intent::AcceptConsent{});
  ASSERT_EQ(journey.view().screen, Screen::matches);
  const auto ids = [&] {
    std::vector<std::string> v;
    for (const auto& m : journey.view().matches) {
      v.push_back(m.vacancy.id);
    }
    std::sort(v.begin(), v.end());
    return v;
  };
  const std::vector<std::string> today = {"vac-far", "vac-near"};
  ASSERT_EQ(ids(), today);

  EffectiveProfile next;
  next.profile.session.session_ids = {"pgd-20261120"};
  ApplyWhenIdle pending;
  pending.offer(next);
  JourneyConfig changed = config();
  changed.active_session_ids = next.profile.session.session_ids;
  // Mid-session: nothing is handed over, and the journey refuses it anyway.
  EXPECT_FALSE(pending.take_if(journey.has_person()));
  EXPECT_FALSE(journey.reconfigure(changed));
  journey.handle(intent::OpenFilters{});
  journey.handle(intent::ShowMatches{});
  EXPECT_EQ(ids(), today);  // the person's list did not change under their finger

  journey.handle(intent::Cancel{});
  ASSERT_FALSE(journey.has_person());
  const auto taken = pending.take_if(journey.has_person());
  ASSERT_TRUE(taken);
  EXPECT_TRUE(journey.reconfigure(changed));

  journey.on_scan(ScanEvent{k_card, "fifo:test"});
  journey.handle(intent::AcceptConsent{});
  EXPECT_EQ(ids(), std::vector<std::string>{"vac-last-week"});
}

}  // namespace
}  // namespace kiosk
