// One held card is one scan; another card or the same card later is another.

#include <chrono>
#include <string>

#include <gtest/gtest.h>

#include "adapters/camera/scan_debouncer.hpp"

namespace kiosk::camera {
namespace {

using namespace std::chrono_literals;
using Clock = ScanDebouncer::Clock;

const std::string k_card_a = "001095012345|123456789|Nguyễn Văn An|15031995|Nam|Hà Nội|01082021";
const std::string k_card_b = "001195054321||Trần Thị Bình|02021990|Nữ|Hà Nội|05052022";

TEST(ScanDebouncer, CardHeldTenSecondsAtTenFpsIsOneScan) {
  ScanDebouncer debouncer;
  const auto start = Clock::time_point() + 1h;
  int scans = 0;
  for (int i = 0; i <= 100; ++i) {
    scans += debouncer.accept(k_card_a, start + i * 100ms) ? 1 : 0;
  }
  EXPECT_EQ(scans, 1);
}

TEST(ScanDebouncer, HeldCardWithMissedFramesIsStillOneScan) {
  ScanDebouncer debouncer;
  const auto start = Clock::time_point() + 1h;
  EXPECT_TRUE(debouncer.accept(k_card_a, start));
  // Seen again every 2.5 s (decodes fail in between): each sighting extends.
  for (int i = 1; i <= 8; ++i) {
    EXPECT_FALSE(debouncer.accept(k_card_a, start + i * 2500ms)) << i;
  }
}

TEST(ScanDebouncer, DifferentCardIsDeliveredAtOnce) {
  ScanDebouncer debouncer;
  const auto start = Clock::time_point() + 1h;
  EXPECT_TRUE(debouncer.accept(k_card_a, start));
  EXPECT_FALSE(debouncer.accept(k_card_a, start + 100ms));
  EXPECT_TRUE(debouncer.accept(k_card_b, start + 200ms));
  EXPECT_FALSE(debouncer.accept(k_card_b, start + 300ms));
  EXPECT_TRUE(debouncer.accept(k_card_a, start + 400ms));  // swapped back: a new scan
}

TEST(ScanDebouncer, SameCardScansAgainOnceGoneForTheWindow) {
  ScanDebouncer debouncer;
  const auto start = Clock::time_point() + 1h;
  EXPECT_TRUE(debouncer.accept(k_card_a, start));
  EXPECT_FALSE(debouncer.accept(k_card_a, start + 1s));      // last seen at 1 s
  EXPECT_FALSE(debouncer.accept(k_card_a, start + 3900ms));  // 2.9 s after: suppressed
  EXPECT_TRUE(debouncer.accept(k_card_a, start + 6900ms));   // 3.0 s after: a new scan
}

TEST(ScanDebouncer, HoldWindowIsConfigurableAndResetForgets) {
  ScanDebouncer debouncer(500ms);
  const auto start = Clock::time_point() + 1h;
  EXPECT_TRUE(debouncer.accept(k_card_a, start));
  EXPECT_FALSE(debouncer.accept(k_card_a, start + 400ms));
  EXPECT_TRUE(debouncer.accept(k_card_a, start + 900ms));
  debouncer.reset();
  EXPECT_TRUE(debouncer.accept(k_card_a, start + 950ms));
}

}  // namespace
}  // namespace kiosk::camera
