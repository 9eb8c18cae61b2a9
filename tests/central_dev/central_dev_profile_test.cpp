// The development server's central kiosk profiles (issue 7): the headers of
// GET /api/v1/kiosks/{id}/profile, weak and listed If-None-Match, the token
// check, and --kiosk-profile ID=FILE with FILE.sig.

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include <unistd.h>

#include "central_dev_support.hpp"
#include "tools/central_dev/dev_cli.hpp"

namespace kiosk::dev::test {
namespace {

const std::string k_profile = "[ui]\nlarge_text = true\n";

TEST_F(CentralDev, KioskProfileIsTomlWithSignatureAndETag) {
  start();
  const auto none = get("/api/v1/kiosks/kiosk-01/profile");
  EXPECT_EQ(none.status, 404);
  EXPECT_EQ(none.error_code(), "not_found");

  m_central->set_kiosk_profile("kiosk-01", k_profile, "c2ln");
  const auto first = get("/api/v1/kiosks/kiosk-01/profile");
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(first.body, k_profile);
  EXPECT_EQ(first.header("Content-Type"), "application/toml; charset=utf-8");
  EXPECT_EQ(first.header("X-Signature"), "c2ln");
  const std::string etag = first.header("ETag");
  ASSERT_FALSE(etag.empty());

  EXPECT_EQ(get("/api/v1/kiosks/kiosk-01/profile", true, {{"If-None-Match", "W/" + etag}}).status,
            304);
  EXPECT_EQ(
      get("/api/v1/kiosks/kiosk-01/profile", true, {{"If-None-Match", "\"x\", " + etag}}).status,
      304);
  EXPECT_EQ(get("/api/v1/kiosks/kiosk-01/profile", true, {{"If-None-Match", "\"x\""}}).status, 200);
  EXPECT_EQ(get("/api/v1/kiosks/kiosk-02/profile").status, 404);  // another kiosk has none
  EXPECT_EQ(get("/api/v1/kiosks/kiosk-01/profile", false).status, 401);

  m_central->set_kiosk_profile("kiosk-01", k_profile, "");
  const auto unsigned_one = get("/api/v1/kiosks/kiosk-01/profile");
  ASSERT_EQ(unsigned_one.status, 200);
  EXPECT_FALSE(unsigned_one.headers.contains("X-Signature"));
  EXPECT_NE(unsigned_one.header("ETag"), etag);
}

TEST_F(CentralDev, KioskProfileFlagReadsTheFileAndItsSignature) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("central-dev-profile-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string file = (dir / "kiosk-01.toml").string();
  std::ofstream(file, std::ios::binary) << k_profile;
  std::ofstream(file + ".sig") << "c2ln\n";

  const std::string flag = "kiosk-01=" + file;
  const std::string_view args[] = {"--kiosk-profile", flag};
  auto parsed = parse_dev_cli(args);
  ASSERT_TRUE(parsed.has_value()) << parsed.error();
  ASSERT_EQ(parsed->options.kiosk_profiles.size(), 1u);
  EXPECT_EQ(parsed->options.kiosk_profiles[0].kiosk_id, "kiosk-01");
  EXPECT_EQ(parsed->options.kiosk_profiles[0].body, k_profile);
  EXPECT_EQ(parsed->options.kiosk_profiles[0].signature_b64, "c2ln");

  start(parsed->options);
  const auto served = get("/api/v1/kiosks/kiosk-01/profile");
  EXPECT_EQ(served.status, 200);
  EXPECT_EQ(served.body, k_profile);
  EXPECT_EQ(served.header("X-Signature"), "c2ln");

  std::filesystem::remove(file + ".sig");
  const auto no_sig = parse_dev_cli(args);
  ASSERT_FALSE(no_sig.has_value());
  EXPECT_NE(no_sig.error().find(".sig"), std::string::npos);
  const std::string_view no_id[] = {"--kiosk-profile", file};
  EXPECT_FALSE(parse_dev_cli(no_id).has_value());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace kiosk::dev::test
