// The signed central profile (issue 7): refused unsigned, with a bad
// signature, tampered, carrying a secret or invalid; accepted when signed by
// the Centre's key. The last known good copy is written only after a good
// body and stays in force after a bad update.

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "../support/ed25519_signer.hpp"
#include "../support/source_test_support.hpp"
#include "adapters/crypto/central_profile_check.hpp"
#include "adapters/factory/central_profile_cache.hpp"
#include "core/profile_update.hpp"

namespace kiosk {
namespace {

using test_support::Ed25519Signer;

const std::string k_body =
    "[session]\nsession_ids = [\"pgd-20261228-bdxn\"]\n[ui]\nlarge_text = true\n";

TEST(CentralProfile, ASignedBodyIsAcceptedAsACentralLayer) {
  const Ed25519Signer centre;
  const auto layer = check_central_profile(k_body, centre.sign_b64(k_body), centre.public_b64(),
                                           "central", "\"e1\"");
  ASSERT_TRUE(layer.has_value()) << layer.error().to_string();
  EXPECT_EQ(layer->kind, ProfileLayer::Kind::Central);
  EXPECT_EQ(layer->text, k_body);
  EXPECT_EQ(layer->etag, "\"e1\"");
}

TEST(CentralProfile, UnsignedBadSignatureTamperedAndNoKeyAreRefused) {
  const Ed25519Signer centre;
  const Ed25519Signer other;
  const std::string sig = centre.sign_b64(k_body);
  const auto unsigned_body = check_central_profile(k_body, "", centre.public_b64(), "central");
  ASSERT_FALSE(unsigned_body.has_value());
  EXPECT_NE(unsigned_body.error().message.find("not signed"), std::string::npos);

  const auto other_key =
      check_central_profile(k_body, other.sign_b64(k_body), centre.public_b64(), "central");
  ASSERT_FALSE(other_key.has_value());
  EXPECT_NE(other_key.error().message.find("bad signature"), std::string::npos);

  std::string tampered = k_body;
  tampered.replace(tampered.find("true"), 4, "fals");
  EXPECT_FALSE(check_central_profile(tampered, sig, centre.public_b64(), "central").has_value());
  // One byte more (a trailing newline) is a different body too.
  EXPECT_FALSE(
      check_central_profile(k_body + "\n", sig, centre.public_b64(), "central").has_value());
  EXPECT_FALSE(
      check_central_profile(k_body, "!!notbase64!!", centre.public_b64(), "central").has_value());

  const auto no_key = check_central_profile(k_body, sig, "", "central");
  ASSERT_FALSE(no_key.has_value());
  EXPECT_EQ(no_key.error().key, "api.profile_pubkey");
}

TEST(CentralProfile, ASignedBodyWithASecretOrABadValueIsRefused) {
  const Ed25519Signer centre;
  const std::string secret = "[ui]\nsound = true\n[api]\ntoken = \"shared\"\n";
  const auto refused =
      check_central_profile(secret, centre.sign_b64(secret), centre.public_b64(), "central");
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().to_string(),
            "central:4: api.token: is a secret; the central profile must not set it");

  const std::string bad = "[printer]\nwidth_dots = 100\n";
  const auto invalid =
      check_central_profile(bad, centre.sign_b64(bad), centre.public_b64(), "central");
  ASSERT_FALSE(invalid.has_value());
  EXPECT_EQ(invalid.error().key, "printer.width_dots");
  EXPECT_EQ(invalid.error().line, 2);
}

TEST(CentralProfileCache, TheLastGoodProfileStaysAfterABadUpdate) {
  const Ed25519Signer centre;
  const test_support::TempDir dir;
  CentralProfileCache cache(dir.path() / "cache");
  EXPECT_FALSE(cache.load(centre.public_b64()).has_value());

  // A good body: checked, stored, and in force.
  const std::string sig = centre.sign_b64(k_body);
  ProfileStack stack;
  stack.below = {{ProfileLayer::Kind::Local, "/etc/kiosk/kiosk.toml", "[ui]\nsound = true\n", {}}};
  const auto first = decide_profile_update(
      stack, check_central_profile(k_body, sig, centre.public_b64(), "central", "\"e1\""));
  ASSERT_EQ(first.outcome, ProfileUpdate::Outcome::Apply);
  ASSERT_TRUE(cache.save(k_body, sig, "\"e1\"").has_value());

  // A tampered update is refused, nothing is written, and after a restart
  // the stored good one is what loads.
  const std::string evil = "[ui]\nlarge_text = false\n";
  const auto second = decide_profile_update(
      stack, check_central_profile(evil, sig, centre.public_b64(), "central", "\"e2\""));
  EXPECT_EQ(second.outcome, ProfileUpdate::Outcome::Refused);

  const auto loaded = cache.load(centre.public_b64());
  ASSERT_TRUE(loaded.has_value());
  EXPECT_EQ(loaded->text, k_body);
  EXPECT_EQ(loaded->etag, "\"e1\"");
  stack.central = *loaded;
  const auto effective = merge_profile_layers(stack.layers());
  ASSERT_TRUE(effective.has_value());
  EXPECT_TRUE(effective->profile.ui.large_text);
  EXPECT_EQ(effective->origin_of("ui.large_text"), "central (etag \"e1\")");

  // A cache file changed on disk no longer checks and is not used.
  std::ofstream(cache.body_path(), std::ios::app) << "[ui]\nsound = false\n";
  EXPECT_FALSE(cache.load(centre.public_b64()).has_value());
}

}  // namespace
}  // namespace kiosk
