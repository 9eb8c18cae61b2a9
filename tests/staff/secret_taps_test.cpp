// The hidden gesture into staff mode: five taps within three seconds.

#include <gtest/gtest.h>

#include "ui/staff_screens.hpp"

namespace kiosk::ui {
namespace {

TEST(SecretTaps, FiveTapsWithinThreeSecondsOpenStaffMode) {
  SecretTaps taps;
  for (double t : {10.0, 10.4, 10.8, 11.2}) {
    EXPECT_FALSE(taps.tap(t));
  }
  EXPECT_TRUE(taps.tap(11.6));
  // It starts over afterwards: one more tap is not a sixth.
  EXPECT_FALSE(taps.tap(11.9));
}

TEST(SecretTaps, SlowOrScatteredTapsDoNot) {
  SecretTaps taps;
  // A person tapping the header now and then, a second apart.
  for (int i = 0; i < 20; ++i) {
    EXPECT_FALSE(taps.tap(100.0 + 1.0 * i)) << i;
  }
  // Four quick taps, a pause, then four more: the first four have expired.
  SecretTaps again;
  for (double t : {0.0, 0.3, 0.6, 0.9, 4.0, 4.3, 4.6, 4.9}) {
    EXPECT_FALSE(again.tap(t)) << t;
  }
  EXPECT_TRUE(again.tap(5.2));
}

}  // namespace
}  // namespace kiosk::ui
