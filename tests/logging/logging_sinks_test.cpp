// The sinks behind the redaction layer: every one receives masked text.

#include <gtest/gtest.h>

#include "adapters/system/logging.hpp"
#include "core/log.hpp"

namespace kiosk {
namespace {

TEST(LoggingRing, KeepsTheLastLinesOldestFirstFormattedAndMasked) {
  ASSERT_TRUE(setup_logging(LoggingOptions{.level = "debug", .ring_lines = 3, .journald = false}));
  logger("scan")->info("first");
  logger("api")->warn("second");
  logger("scan")->info("citizen {} scanned", "001095012345");
  logger("ops")->debug("fourth");

  const auto lines = recent_log_lines(10);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_TRUE(lines[0].ends_with(" warning [api] second")) << lines[0];
  EXPECT_TRUE(lines[1].ends_with(" info [scan] citizen 001******345 scanned")) << lines[1];
  EXPECT_TRUE(lines[2].ends_with(" debug [ops] fourth")) << lines[2];
  // "HH:MM:SS " first.
  ASSERT_GE(lines[0].size(), 9u);
  EXPECT_EQ(lines[0][2], ':');
  EXPECT_EQ(lines[0][5], ':');
  EXPECT_EQ(lines[0][8], ' ');

  const auto last = recent_log_lines(1);
  ASSERT_EQ(last.size(), 1u);
  EXPECT_EQ(last[0], lines[2]);
  EXPECT_TRUE(recent_log_lines(0).empty());
}

}  // namespace
}  // namespace kiosk
