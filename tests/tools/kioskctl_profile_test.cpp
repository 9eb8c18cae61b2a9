// kioskctl profile (issue 7): `validate` checks each file alone and names
// the file, line and key of each bad one; `show --effective` prints the
// merged profile with where each value came from, taking a central body
// only when the Centre's key signed it.

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "../support/ed25519_signer.hpp"
#include "../support/source_test_support.hpp"
#include "tools/kioskctl/profile_command.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;

struct Outcome {
  int status = 0;
  std::string out;
  std::string err;
};

class KioskctlProfile : public ::testing::Test {
 protected:
  fs::path write(const std::string& name, const std::string& text) {
    const fs::path path = m_dir.path() / name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  Outcome run(const std::vector<std::string>& args) {
    const auto options = parse_profile_args(args);
    EXPECT_TRUE(options.has_value()) << options.error();
    Outcome r;
    std::ostringstream out;
    std::ostringstream err;
    r.status = options ? profile_command(*options, out, err) : 64;
    r.out = out.str();
    r.err = err.str();
    return r;
  }
  std::string local_text() const {
    return "[api]\nprofile_pubkey = \"" + m_centre.public_b64() +
           "\"\n[ui]\nlarge_text = false\n[data]\nstore_path = \"" +
           (m_dir.path() / "kiosk.db").string() + "\"\n";
  }

  test_support::TempDir m_dir;
  test_support::Ed25519Signer m_centre;
};

TEST_F(KioskctlProfile, ValidateNamesTheFileLineAndKeyOfEachBadFile) {
  const auto good = write("good.toml", "[ui]\nlarge_text = true\n");
  const auto bad = write("bad.toml", "[kiosk]\nid = \"k\"\n[printer]\nwidth_dots = 500\n");
  const auto typo = write("typo.toml", "[ui]\nlarge_txt = true\n");
  const auto r = run({"validate", good.string(), bad.string(), typo.string()});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, good.string() + ": ok\n");
  EXPECT_EQ(r.err, bad.string() + ":4: printer.width_dots: must be 384 or 576\n" + typo.string() +
                       ":2: ui.large_txt: is not a known setting\n");
  EXPECT_EQ(run({"validate", good.string()}).status, 0);
  const auto missing = run({"validate", (m_dir.path() / "none.toml").string()});
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.err.find("none.toml:0: : cannot be read"), std::string::npos);
}

TEST_F(KioskctlProfile, ShowEffectiveSaysWhereEachValueCameFrom) {
  const auto local = write("kiosk.toml", local_text());
  const std::string body = "[ui]\nlarge_text = true\n[session]\nsession_ids = [\"vet-1228\"]\n";
  const auto central = write("central.toml", body);
  const auto sig = write("central.sig", m_centre.sign_b64(body) + "\n");
  const auto staff = write("staff.toml", "[ui]\nhigh_contrast = true\n");
  const auto r = run({"show", "--effective", "--profile", local.string(), "--central",
                      central.string(), "--signature", sig.string(), "--staff", staff.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("large_text = true  # central"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("session_ids = [ 'vet-1228' ]  # central"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("high_contrast = true  # staff"), std::string::npos);
  EXPECT_NE(r.out.find("  # " + local.string() + ":2"), std::string::npos);  // profile_pubkey
  EXPECT_NE(r.out.find("dpi = 203  # defaults"), std::string::npos);
}

TEST_F(KioskctlProfile, ShowRefusesAnUnsignedOrTamperedCentralBody) {
  const auto local = write("kiosk.toml", local_text());
  const std::string body = "[ui]\nlarge_text = true\n";
  const auto sig = write("central.sig", m_centre.sign_b64(body));
  const auto tampered = write("central.toml", "[ui]\nlarge_text = true\nsound = false\n");
  const auto r = run({"show", "--effective", "--profile", local.string(), "--central",
                      tampered.string(), "--signature", sig.string()});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("bad signature"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());

  const auto unsigned_body =
      run({"show", "--effective", "--profile", local.string(), "--central", tampered.string()});
  EXPECT_EQ(unsigned_body.status, 1);
  EXPECT_NE(unsigned_body.err.find("not signed"), std::string::npos) << unsigned_body.err;
}

TEST_F(KioskctlProfile, FlagsAreChecked) {
  EXPECT_FALSE(parse_profile_args({}).has_value());
  EXPECT_FALSE(parse_profile_args({"validate"}).has_value());
  EXPECT_FALSE(parse_profile_args({"show"}).has_value());
  EXPECT_FALSE(parse_profile_args({"show", "--effective", "--signature", "s"}).has_value());
  EXPECT_FALSE(parse_profile_args({"show", "--effective", "--profile"}).has_value());
  EXPECT_TRUE(parse_profile_args({"show", "--effective"}).has_value());
}

}  // namespace
}  // namespace kiosk
