// Profile layering (issue 7): defaults <- local file <- central <- staff, the
// later layer winning key by key with the right provenance; a bad value is
// reported at its own layer's file, line and key; a central profile with a
// secret is refused; a new profile waits for the end of the session.

#include <gtest/gtest.h>

#include "core/profile_layers.hpp"
#include "core/profile_update.hpp"

namespace kiosk {
namespace {

ProfileLayer local(std::string text) {
  return {ProfileLayer::Kind::Local, "/etc/kiosk/kiosk.toml", std::move(text), {}};
}
ProfileLayer central(std::string text, std::string etag = "\"v7\"") {
  return {ProfileLayer::Kind::Central, "central", std::move(text), std::move(etag)};
}
ProfileLayer staff(std::string text) {
  return {ProfileLayer::Kind::Staff, "staff", std::move(text), {}};
}

TEST(ProfileLayers, TheLaterLayerWinsKeyByKeyWithItsProvenance) {
  const auto e = merge_profile_layers({
      local("[kiosk]\nid = \"hn-07\"\n[ui]\nlarge_text = false\nsound = false\nwidth = 1280\n"),
      central("[ui]\nlarge_text = true\nsound = true\n[session]\nsession_ids = [\"a\"]\n"),
      staff("[ui]\nsound = false\n"),
  });
  ASSERT_TRUE(e.has_value()) << e.error().to_string();
  EXPECT_EQ(e->profile.kiosk.id, "hn-07");
  EXPECT_EQ(e->profile.ui.width, 1280);
  EXPECT_TRUE(e->profile.ui.large_text);
  EXPECT_FALSE(e->profile.ui.sound);
  EXPECT_EQ(e->profile.session.session_ids, std::vector<std::string>{"a"});
  EXPECT_TRUE(e->profile.ui.fullscreen);  // no layer sets it
  EXPECT_EQ(e->origin_of("kiosk.id"), "/etc/kiosk/kiosk.toml:2");
  EXPECT_EQ(e->origin_of("ui.width"), "/etc/kiosk/kiosk.toml:6");
  EXPECT_EQ(e->origin_of("ui.large_text"), "central (etag \"v7\")");
  EXPECT_EQ(e->origin_of("session.session_ids"), "central (etag \"v7\")");
  EXPECT_EQ(e->origin_of("ui.sound"), "staff");
  EXPECT_EQ(e->origin_of("ui.fullscreen"), "defaults");
}

TEST(ProfileLayers, ABadValueIsReportedAtItsOwnLayersFileLineAndKey) {
  const auto from_local = merge_profile_layers(
      {local("[kiosk]\nid = \"x\"\n\n[printer]\ndpi = 5\n"), central("[ui]\nsound = true\n")});
  ASSERT_FALSE(from_local.has_value());
  EXPECT_EQ(from_local.error().to_string(),
            "/etc/kiosk/kiosk.toml:5: printer.dpi: must be a whole number from 100 to 600");

  const auto from_central = merge_profile_layers(
      {local("[ui]\nsound = true\n"), central("[kiosk]\nname = \"fair\"\n[ui]\nsound = \"yes\"\n"),
       staff("[ui]\nlarge_text = true\n")});
  ASSERT_FALSE(from_central.has_value());
  EXPECT_EQ(from_central.error().source, "central");
  EXPECT_EQ(from_central.error().line, 4);
  EXPECT_EQ(from_central.error().key, "ui.sound");

  const auto from_staff = merge_profile_layers(
      {local("[ui]\nsound = true\n"), staff("\n[logging]\nlevel = \"loud\"\n")});
  ASSERT_FALSE(from_staff.has_value());
  EXPECT_EQ(from_staff.error().source, "staff");
  EXPECT_EQ(from_staff.error().line, 3);
  EXPECT_EQ(from_staff.error().key, "logging.level");

  const auto syntax = merge_profile_layers({local("[ui]\n"), central("[ui\n")});
  ASSERT_FALSE(syntax.has_value());
  EXPECT_EQ(syntax.error().source, "central");
  EXPECT_EQ(syntax.error().line, 1);
}

TEST(ProfileLayers, ChecksAcrossKeysNameTheLayerOfTheOffendingValue) {
  const auto outbox =
      merge_profile_layers({local("[data]\nstore_path = \"/var/lib/kiosk/a.db\"\n"),
                            staff("[data]\n\noutbox_path = \"/var/lib/kiosk/a.db\"\n")});
  ASSERT_FALSE(outbox.has_value());
  EXPECT_EQ(outbox.error().to_string(),
            "staff:3: data.outbox_path: must not be the vacancy cache's file (data.store_path)");

  const auto languages =
      merge_profile_layers({local("[ui]\nsound = true\n"),
                            central("[session]\nidle_timeout_s = 60\nlanguages = [\"fr\"]\n")});
  ASSERT_FALSE(languages.has_value());
  EXPECT_EQ(languages.error().to_string(),
            "central:3: session.languages: \"fr\" is not a language the kiosk has (vi, en)");

  const auto width = merge_profile_layers({local("[printer]\nwidth_dots = 400\n")});
  ASSERT_FALSE(width.has_value());
  EXPECT_EQ(width.error().to_string(),
            "/etc/kiosk/kiosk.toml:2: printer.width_dots: must be 384 or 576");
}

TEST(ProfileLayers, StaffAndLogShippingSettingsAreCheckedWithFileLineAndKey) {
  // A PIN pasted in clear instead of its hash is refused, never used.
  const auto pin = merge_profile_layers({local("[staff]\n\npin_hashes = [\"2468\"]\n")});
  ASSERT_FALSE(pin.has_value());
  EXPECT_EQ(pin.error().to_string(),
            "/etc/kiosk/kiosk.toml:3: staff.pin_hashes: each must be an Argon2id hash "
            "(kioskctl pin-hash)");
  const auto idle = merge_profile_layers({local("[staff]\nidle_lock_s = 5\n")});
  ASSERT_FALSE(idle.has_value());
  EXPECT_EQ(idle.error().to_string(),
            "/etc/kiosk/kiosk.toml:2: staff.idle_lock_s: must be a whole number from 30 to 3600");
  const auto beat = merge_profile_layers(
      {local("[ui]\nsound = true\n"), staff("[logging]\nheartbeat_interval_s = 0\n")});
  ASSERT_FALSE(beat.has_value());
  EXPECT_EQ(beat.error().to_string(),
            "staff:2: logging.heartbeat_interval_s: must be a whole number from 10 to 3600");
  const auto ok = merge_profile_layers(
      {local("[staff]\npin_hashes = [\"$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA\"]\n"
             "idle_lock_s = 300\n[logging]\notlp_endpoint = \"http://otel:4318\"\n")});
  ASSERT_TRUE(ok.has_value()) << ok.error().to_string();
  EXPECT_EQ(ok->profile.staff.idle_lock, std::chrono::seconds{300});
  EXPECT_EQ(ok->profile.staff.pin_hashes.size(), 1u);
  EXPECT_EQ(ok->profile.logging.otlp_endpoint, "http://otel:4318");
  // The staff file sits beside the vacancy cache unless the profile says otherwise.
  EXPECT_EQ(ok->profile.data.staff_path, "/var/lib/kiosk/staff.toml");
}

TEST(ProfileLayers, AnUnknownKeyInALaterLayerNamesThatLayer) {
  const auto e =
      merge_profile_layers({local("[ui]\nsound = true\n"), staff("[ui]\nsund = true\n")});
  ASSERT_FALSE(e.has_value());
  EXPECT_EQ(e.error().to_string(), "staff:2: ui.sund: is not a known setting");
}

TEST(ProfileLayers, ACentralProfileWithASecretIsRefused) {
  for (const auto& [text, key] : std::vector<std::pair<std::string, std::string>>{
           {"[api]\ntoken = \"t\"\n", "api.token"},
           {"[api]\ntoken_file = \"/tmp/t\"\n", "api.token_file"},
           {"[api]\nclient_key = \"/k.pem\"\n", "api.client_key"},
           {"[staff]\npin_hash = \"$argon2id$...\"\n", "staff.pin_hash"},
       }) {
    const auto checked = check_central_layer(central(text));
    ASSERT_FALSE(checked.has_value()) << text;
    EXPECT_EQ(checked.error().key, key);
    EXPECT_EQ(checked.error().line, 2);
    EXPECT_NE(checked.error().message.find("must not set"), std::string::npos);
  }
  EXPECT_TRUE(check_central_layer(central("[ui]\nlarge_text = true\n")).has_value());
  EXPECT_FALSE(check_central_layer(central("[ui]\nlarge_text = 3\n")).has_value());
}

TEST(ProfileLayers, TheEffectiveProfileAsTomlSaysWhereEachValueCameFrom) {
  const auto e = merge_profile_layers(
      {local("[api]\ntoken = \"secret-token\"\n"), central("[ui]\nlarge_text = true\n")});
  ASSERT_TRUE(e.has_value());
  const std::string text = effective_profile_toml(*e);
  EXPECT_NE(text.find("large_text = true  # central (etag \"v7\")"), std::string::npos) << text;
  EXPECT_NE(text.find("token = \"<redacted>\"  # /etc/kiosk/kiosk.toml:2"), std::string::npos);
  EXPECT_NE(text.find("dpi = 203  # defaults"), std::string::npos);
  EXPECT_EQ(text.find("secret-token"), std::string::npos);
  // What it prints reads back as the same profile.
  ProfileLayer again = local(text);
  again.text.replace(again.text.find("\"<redacted>\""), 12, "\"secret-token\"");
  const auto reread = merge_profile_layers({again});
  ASSERT_TRUE(reread.has_value()) << reread.error().to_string();
  EXPECT_TRUE(reread->profile.ui.large_text);
  EXPECT_EQ(reread->profile.api.token, "secret-token");
}

TEST(ProfileUpdate, ARefusedUpdateKeepsTheLastGoodOneAndASameOneChangesNothing) {
  ProfileStack stack;
  stack.below = {local("[ui]\nsound = true\n")};
  stack.central = central("[ui]\nlarge_text = true\n");
  const auto refused = decide_profile_update(
      stack, tl::unexpected(ProfileError{"central", 0, "", "has a bad signature"}));
  EXPECT_EQ(refused.outcome, ProfileUpdate::Outcome::Refused);
  EXPECT_FALSE(refused.next.has_value());

  // Signed but conflicting with the local layers: refused too.
  const auto bad = decide_profile_update(stack, central("[ui]\nwidth = 10\n", "\"v8\""));
  EXPECT_EQ(bad.outcome, ProfileUpdate::Outcome::Refused);
  ASSERT_TRUE(bad.error.has_value());
  EXPECT_EQ(bad.error->key, "ui.width");

  const auto same = decide_profile_update(stack, central("[ui]\nlarge_text = true\n"));
  EXPECT_EQ(same.outcome, ProfileUpdate::Outcome::Unchanged);

  const auto good = decide_profile_update(stack, central("[ui]\nhigh_contrast = true\n", "\"v9\""));
  ASSERT_EQ(good.outcome, ProfileUpdate::Outcome::Apply);
  EXPECT_TRUE(good.next->profile.ui.high_contrast);
  EXPECT_FALSE(good.next->profile.ui.large_text);
  EXPECT_EQ(good.next->origin_of("ui.high_contrast"), "central (etag \"v9\")");
}

TEST(ApplyWhenIdle, ANewProfileWaitsForTheSessionToEnd) {
  ApplyWhenIdle holder;
  EXPECT_FALSE(holder.take_if(false).has_value());
  EffectiveProfile first;
  first.profile.ui.large_text = true;
  holder.offer(first);
  EXPECT_FALSE(holder.take_if(true).has_value());  // a job seeker is at the kiosk
  EXPECT_TRUE(holder.pending());
  EffectiveProfile second;
  second.profile.ui.high_contrast = true;
  holder.offer(second);  // a newer one replaces the waiting one
  EXPECT_FALSE(holder.take_if(true).has_value());
  const auto taken = holder.take_if(false);
  ASSERT_TRUE(taken.has_value());
  EXPECT_TRUE(taken->profile.ui.high_contrast);
  EXPECT_FALSE(taken->profile.ui.large_text);
  EXPECT_FALSE(holder.pending());
  EXPECT_FALSE(holder.take_if(false).has_value());
}

}  // namespace
}  // namespace kiosk
