// KeyTranslator with recorded and generated key events.

#include <optional>
#include <string>
#include <vector>

#include <linux/input-event-codes.h>

#include <gtest/gtest.h>

#include "adapters/evdev/key_translator.hpp"
#include "evdev_test_support.hpp"

namespace kiosk::evdev {
namespace {

using test::type_text;

constexpr std::uint16_t k_syn = EV_SYN;
constexpr std::uint16_t k_key = EV_KEY;
constexpr std::uint16_t k_msc = EV_MSC;

const std::string k_ascii_citizen_id =
    "001095012345|123456789|Nguyen Van An|15031995|Nam|So 12 ngo 34, Phuong Yen Hoa, Thanh pho "
    "Ha Noi|01082021";

// Every scan the events complete, in order.
std::vector<KeyScan> feed_all(KeyTranslator& translator, const std::vector<KeyEvent>& events) {
  std::vector<KeyScan> scans;
  for (const auto& event : events) {
    if (auto scan = translator.feed(event)) {
      scans.push_back(std::move(*scan));
    }
  }
  return scans;
}

std::vector<KeyEvent> with_enter(std::vector<KeyEvent> events) {
  test::stroke(events, KEY_ENTER);
  return events;
}

// "0|Ab" then Enter, as `evtest` shows a USB HID scanner sending it: HID
// usages as MSC_SCAN, a SYN_REPORT after each report, Shift held across
// two keys and auto-repeating while held, and an auto-repeat of 'b' that
// must not type a second 'b'. One line per HID report.
// clang-format off
const std::vector<KeyEvent> k_recorded{
    {k_msc, MSC_SCAN, 0x70027}, {k_key, KEY_0, 1},         {k_syn, SYN_REPORT, 0},
    {k_msc, MSC_SCAN, 0x70027}, {k_key, KEY_0, 0},         {k_syn, SYN_REPORT, 0},
    {k_msc, MSC_SCAN, 0x700e1}, {k_key, KEY_LEFTSHIFT, 1}, {k_syn, SYN_REPORT, 0},
    {k_msc, MSC_SCAN, 0x70031}, {k_key, KEY_BACKSLASH, 1}, {k_syn, SYN_REPORT, 0},
                                {k_key, KEY_LEFTSHIFT, 2}, {k_syn, SYN_REPORT, 1},
    {k_msc, MSC_SCAN, 0x70031}, {k_key, KEY_BACKSLASH, 0}, {k_syn, SYN_REPORT, 0},
    {k_msc, MSC_SCAN, 0x70004}, {k_key, KEY_A, 1},         {k_syn, SYN_REPORT, 0},
    {k_msc, MSC_SCAN, 0x70004}, {k_key, KEY_A, 0},         {k_syn, SYN_REPORT, 0},
    {k_msc, MSC_SCAN, 0x700e1}, {k_key, KEY_LEFTSHIFT, 0}, {k_syn, SYN_REPORT, 0},
    {k_msc, MSC_SCAN, 0x70005}, {k_key, KEY_B, 1},         {k_syn, SYN_REPORT, 0},
                                {k_key, KEY_B, 2},         {k_syn, SYN_REPORT, 1},
    {k_msc, MSC_SCAN, 0x70005}, {k_key, KEY_B, 0},         {k_syn, SYN_REPORT, 0},
    {k_msc, MSC_SCAN, 0x70028}, {k_key, KEY_ENTER, 1},     {k_syn, SYN_REPORT, 0},
    {k_msc, MSC_SCAN, 0x70028}, {k_key, KEY_ENTER, 0},     {k_syn, SYN_REPORT, 0},
};
// clang-format on

TEST(KeyTranslator, TranslatesARecordedScan) {
  KeyTranslator translator;
  const auto scans = feed_all(translator, k_recorded);
  ASSERT_EQ(scans.size(), 1U);
  EXPECT_EQ(scans[0].text, "0|Ab");
  EXPECT_EQ(scans[0].unknown_keys, 0U);
  EXPECT_FALSE(scans[0].text_lost());
  EXPECT_FALSE(translator.in_progress());
}

TEST(KeyTranslator, TypesAllPrintableAsciiOnAUsLayout) {
  std::string printable;
  for (char c = ' '; c <= '~'; ++c) {
    printable.push_back(c);
  }
  KeyTranslator translator;
  const auto scans = feed_all(translator, with_enter(type_text(printable)));
  ASSERT_EQ(scans.size(), 1U);
  EXPECT_EQ(scans[0].text, printable);
  EXPECT_FALSE(scans[0].text_lost());
}

TEST(KeyTranslator, RightShiftAndKeypad) {
  KeyTranslator translator;
  std::vector<KeyEvent> events{{k_key, KEY_RIGHTSHIFT, 1}, {k_key, KEY_X, 1}, {k_key, KEY_X, 0},
                               {k_key, KEY_RIGHTSHIFT, 0}, {k_key, KEY_X, 1}, {k_key, KEY_X, 0}};
  for (const std::uint16_t code : {KEY_KP1, KEY_KP2, KEY_KP0, KEY_KPDOT, KEY_KPMINUS, KEY_KP9}) {
    test::stroke(events, code);
  }
  test::stroke(events, KEY_KPENTER);  // the keypad's Enter ends a scan too
  const auto scans = feed_all(translator, events);
  ASSERT_EQ(scans.size(), 1U);
  EXPECT_EQ(scans[0].text, "Xx120.-9");
}

TEST(KeyTranslator, OnlyPressesType) {
  KeyTranslator translator;
  const std::vector<KeyEvent> events{{k_key, KEY_A, 0},     {k_key, KEY_A, 2},    {k_key, KEY_B, 1},
                                     {k_key, KEY_B, 2},     {k_key, KEY_B, 2},    {k_key, KEY_B, 0},
                                     {k_key, KEY_ENTER, 2}, {k_key, KEY_ENTER, 0}};
  EXPECT_TRUE(feed_all(translator, events).empty()) << "Enter's release or repeat ends nothing";
  auto scan = translator.feed({k_key, KEY_ENTER, 1});
  ASSERT_TRUE(scan.has_value());
  EXPECT_EQ(scan->text, "b");
}

TEST(KeyTranslator, TwoScansBackToBack) {
  KeyTranslator translator;
  const auto scans = feed_all(translator, type_text("001095012345\nSECOND-SCAN\n"));
  ASSERT_EQ(scans.size(), 2U);
  EXPECT_EQ(scans[0].text, "001095012345");
  EXPECT_EQ(scans[1].text, "SECOND-SCAN");
  EXPECT_FALSE(scans[0].text_lost());
  EXPECT_FALSE(scans[1].text_lost());
}

TEST(KeyTranslator, CitizenIdPayloadExpectsTextAKeyboardCannotType) {
  KeyTranslator translator;
  const auto scans = feed_all(translator, with_enter(type_text(k_ascii_citizen_id)));
  ASSERT_EQ(scans.size(), 1U);
  EXPECT_EQ(scans[0].text, k_ascii_citizen_id);
  EXPECT_EQ(scans[0].unknown_keys, 0U);
  EXPECT_TRUE(scans[0].non_ascii_expected);
  EXPECT_TRUE(scans[0].text_lost());
}

TEST(KeyTranslator, UnknownKeysInPlaceOfLettersAreCountedAsLost) {
  // "Nguyễn Văn An": the scanner sends keys with no US character for ễ and ă.
  std::vector<KeyEvent> events = type_text("Nguy");
  test::stroke(events, KEY_102ND);
  const auto middle = type_text("n V");
  events.insert(events.end(), middle.begin(), middle.end());
  test::stroke(events, KEY_COMPOSE);
  test::stroke(events, KEY_F13);
  const auto rest = type_text("n An\n");
  events.insert(events.end(), rest.begin(), rest.end());
  KeyTranslator translator;
  const auto scans = feed_all(translator, events);
  ASSERT_EQ(scans.size(), 1U);
  EXPECT_EQ(scans[0].text, "Nguyn Vn An");
  EXPECT_EQ(scans[0].unknown_keys, 3U);
  EXPECT_FALSE(scans[0].non_ascii_expected);
  EXPECT_TRUE(scans[0].text_lost());
}

TEST(KeyTranslator, AltNumpadCodesAreLostNotTyped) {
  // Alt+0225 is how some scanners type "á" for Windows.
  std::vector<KeyEvent> events = type_text("H");
  events.push_back({k_key, KEY_LEFTALT, 1});
  for (const std::uint16_t code : {KEY_KP0, KEY_KP2, KEY_KP2, KEY_KP5}) {
    test::stroke(events, code);
  }
  events.push_back({k_key, KEY_LEFTALT, 0});
  const auto rest = type_text("n\n");
  events.insert(events.end(), rest.begin(), rest.end());
  KeyTranslator translator;
  const auto scans = feed_all(translator, events);
  ASSERT_EQ(scans.size(), 1U);
  EXPECT_EQ(scans[0].text, "Hn");
  EXPECT_EQ(scans[0].unknown_keys, 4U);
  EXPECT_TRUE(scans[0].text_lost());
}

TEST(KeyTranslator, LockKeysAreIgnored) {
  std::vector<KeyEvent> events;
  test::stroke(events, KEY_NUMLOCK);
  test::stroke(events, KEY_CAPSLOCK);
  const auto rest = type_text("ab\n");
  events.insert(events.end(), rest.begin(), rest.end());
  KeyTranslator translator;
  const auto scans = feed_all(translator, events);
  ASSERT_EQ(scans.size(), 1U);
  EXPECT_EQ(scans[0].text, "ab");
  EXPECT_FALSE(scans[0].text_lost());
}

TEST(KeyTranslator, DroppedKernelEventsMarkTheScan) {
  std::vector<KeyEvent> events = type_text("12");
  events.push_back({k_syn, SYN_DROPPED, 0});
  const auto rest = type_text("3\n4\n");
  events.insert(events.end(), rest.begin(), rest.end());
  KeyTranslator translator;
  const auto scans = feed_all(translator, events);
  ASSERT_EQ(scans.size(), 2U);
  EXPECT_TRUE(scans[0].events_dropped);
  EXPECT_TRUE(scans[0].text_lost());
  EXPECT_FALSE(scans[1].text_lost()) << "the next scan starts clean";
}

TEST(KeyTranslator, EnterAloneGivesNoScanButLostKeysDo) {
  KeyTranslator translator;
  EXPECT_FALSE(translator.feed({k_key, KEY_ENTER, 1}).has_value());
  translator.feed({k_key, KEY_F13, 1});
  auto scan = translator.feed({k_key, KEY_ENTER, 1});
  ASSERT_TRUE(scan.has_value());
  EXPECT_TRUE(scan->text.empty());
  EXPECT_TRUE(scan->text_lost());
}

TEST(KeyTranslator, FinishEndsAScanWithoutEnter) {
  KeyTranslator translator;
  EXPECT_FALSE(translator.in_progress());
  EXPECT_TRUE(feed_all(translator, type_text("NO-ENTER")).empty());
  EXPECT_TRUE(translator.in_progress());
  auto scan = translator.finish();
  ASSERT_TRUE(scan.has_value());
  EXPECT_EQ(scan->text, "NO-ENTER");
  EXPECT_FALSE(translator.in_progress());
  EXPECT_FALSE(translator.finish().has_value());
}

TEST(KeyTranslator, DropsOverLongScansWhole) {
  KeyTranslator translator(8);
  const auto scans = feed_all(translator, type_text("123456789\n12345678\n"));
  ASSERT_EQ(scans.size(), 1U);
  EXPECT_EQ(scans[0].text, "12345678");
  EXPECT_EQ(translator.take_dropped(), std::vector<std::size_t>{9});
  EXPECT_TRUE(translator.take_dropped().empty());
}

TEST(KeyTranslator, ResetForgetsTheScanAndHeldShift) {
  KeyTranslator translator;
  feed_all(translator, type_text("PART"));
  translator.feed({k_key, KEY_LEFTSHIFT, 1});
  translator.reset();
  EXPECT_FALSE(translator.in_progress());
  const auto scans = feed_all(translator, type_text("a\n"));
  ASSERT_EQ(scans.size(), 1U);
  EXPECT_EQ(scans[0].text, "a");
}

TEST(KeyTranslator, RecognisesTheCitizenIdShape) {
  EXPECT_TRUE(looks_like_citizen_id(k_ascii_citizen_id));
  EXPECT_TRUE(looks_like_citizen_id("001095012345||Nguyen Van An|15031995|Nam|Ha Noi|01082021"));
  EXPECT_FALSE(looks_like_citizen_id("001095012345"));
  EXPECT_FALSE(looks_like_citizen_id("001095012345|123456789|Nguyen Van An"));
  EXPECT_FALSE(looks_like_citizen_id("00109501234X|1|2|3|4|5|6"));
  EXPECT_FALSE(looks_like_citizen_id("https://example.com/|a|b|c|d|e|f"));
}

}  // namespace
}  // namespace kiosk::evdev
