#include "core/profile.hpp"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace kiosk {
namespace {

TEST(Profile, ReadsSectionsOverDefaults) {
  const auto p = parse_profile(R"(
[kiosk]
id = "hn-01"
centre = "Trung tâm Dịch vụ việc làm Hà Nội"
[api]
base_url = "https://api.example.vn"
sync_interval_s = 120
[session]
session_ids = ["pgd-20261127"]
idle_timeout_s = 60
[printer]
uri = "file:/tmp/slips"
width_dots = 384
[ui]
fullscreen = false
)",
                               "test.toml");
  ASSERT_TRUE(p.has_value()) << p.error().to_string();
  EXPECT_EQ(p->kiosk.id, "hn-01");
  EXPECT_EQ(p->api.sync_interval, std::chrono::seconds{120});
  EXPECT_EQ(p->session.idle_timeout, std::chrono::seconds{60});
  EXPECT_EQ(p->printer.width_dots, 384);
  EXPECT_FALSE(p->ui.fullscreen);
  EXPECT_EQ(p->session.done_timeout, std::chrono::seconds{30});  // default kept
}

TEST(Profile, RejectsBadValueWithFileLineAndKey) {
  const auto p = parse_profile("[kiosk]\nid = \"x\"\n\n[session]\nidle_timeout_s = \"soon\"\n",
                               "/etc/kiosk/kiosk.toml");
  ASSERT_FALSE(p.has_value());
  EXPECT_EQ(p.error().source, "/etc/kiosk/kiosk.toml");
  EXPECT_EQ(p.error().line, 5);
  EXPECT_EQ(p.error().key, "session.idle_timeout_s");
}

TEST(Profile, RejectsUnknownKeysAndSyntaxErrors) {
  const auto typo = parse_profile("[printer]\nwidht_dots = 576\n", "p.toml");
  ASSERT_FALSE(typo.has_value());
  EXPECT_EQ(typo.error().key, "printer.widht_dots");
  const auto broken = parse_profile("[kiosk\nid = 1\n", "p.toml");
  ASSERT_FALSE(broken.has_value());
  EXPECT_EQ(broken.error().line, 1);
  const auto width = parse_profile("[printer]\nwidth_dots = 500\n", "p.toml");
  ASSERT_FALSE(width.has_value());
  const auto level = parse_profile("[logging]\nlevel = \"inof\"\n", "p.toml");
  ASSERT_FALSE(level.has_value());
  EXPECT_EQ(level.error().key, "logging.level");
}

TEST(Profile, DemoProfileParses) {
  std::ifstream in(KIOSK_DEMO_PROFILE);
  std::stringstream ss;
  ss << in.rdbuf();
  ASSERT_FALSE(ss.str().empty());
  const auto p = parse_profile(ss.str(), KIOSK_DEMO_PROFILE);
  ASSERT_TRUE(p.has_value()) << p.error().to_string();
  EXPECT_FALSE(p->scanner.sources.empty());
}

}  // namespace
}  // namespace kiosk
