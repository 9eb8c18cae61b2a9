#pragma once
// The kiosk profile (DESIGN §3.3), read from TOML text. Unknown keys are
// rejected so a typo never silently falls back to a default.

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

namespace kiosk {

struct Profile {
  struct Kiosk {
    std::string id = "kiosk";
    std::string centre = "Trung tâm Dịch vụ việc làm Hà Nội";
    std::string name;
  } kiosk;
  struct Api {
    std::string base_url;
    std::string token_file;
    std::string token;  // development only; token_file wins
    std::string ca_file;
    /// The Centre's Ed25519 public key (base64 of 32 raw bytes) that signs
    /// the central profile; empty: no central profile is accepted.
    std::string profile_pubkey;
    std::chrono::milliseconds connect_timeout{3000};
    std::chrono::milliseconds total_timeout{10000};
    std::chrono::seconds sync_interval{300};
    std::size_t max_response_bytes = 64u * 1024u * 1024u;
  } api;
  struct Session {
    std::vector<std::string> session_ids;  // empty: every session
    std::vector<std::string> target_groups;
    std::chrono::seconds idle_timeout{90};
    std::chrono::seconds done_timeout{30};
    std::vector<std::string> languages{"vi", "en"};  // the first is the default
  } session;
  struct Scanner {
    std::vector<std::string> sources;
  } scanner;
  struct Printer {
    std::string uri = "file:/var/lib/kiosk/slips";
    int width_dots = 576;
    int dpi = 203;
    bool cutter = true;
  } printer;
  struct Ui {
    bool fullscreen = true;
    int width = 1920;
    int height = 1080;
    bool large_text = false;
    bool high_contrast = false;
    bool sound = true;  // a short tone when a card is read
    /// Without a camera picture, the welcome screen animates how to hold the
    /// card (8 pictures a second); false: a still picture, and an idle
    /// kiosk draws nothing until something happens.
    bool welcome_animation = true;
    std::string font_dir = "/usr/share/fonts/truetype/noto";
    /// Where vi.po and en.po are (the translation catalogues).
    std::string locale_dir = "/usr/share/kiosk/locale";
  } ui;
  struct Logging {
    std::string level = "info";
    std::string directory = "/var/log/kiosk";
    /// The OpenTelemetry collector's OTLP/HTTP base URL (the shipper posts
    /// to its /v1/logs); empty: logs stay on the kiosk.
    std::string otlp_endpoint;
    /// The durable spool of records not yet shipped.
    std::string spool_dir = "/var/lib/kiosk/logspool";
    std::chrono::seconds heartbeat_interval{60};
  } logging;
  struct Staff {
    /// Argon2id hashes of the staff PINs (`kioskctl pin-hash`); a PIN that
    /// matches the n-th is "PIN slot n" (from 1) in the audit log.
    std::vector<std::string> pin_hashes;
    /// The Centre's Ed25519 public key (base64 of 32 raw bytes) that signs
    /// staff cards; empty: no staff card is accepted.
    std::string card_pubkey;
    std::chrono::seconds idle_lock{120};  // unlocked staff mode locks after this much quiet
  } staff;
  struct Data {
    std::string wards_file = "/usr/share/kiosk/data/vn-admin-2025/hanoi_wards.json";
    std::string store_path = "/var/lib/kiosk/kiosk.db";
    /// The booking outbox (personal data until delivered). When the profile
    /// does not set it: "outbox.db" in store_path's folder.
    std::string outbox_path = "/var/lib/kiosk/outbox.db";
    /// The changes staff made on the kiosk (the top profile layer). When the
    /// profile does not set it: "staff.toml" in store_path's folder.
    std::string staff_path = "/var/lib/kiosk/staff.toml";
  } data;
};

/// A profile problem, pointing at the file, line and key.
struct ProfileError {
  std::string source;  // file name or "<text>"
  int line = 0;
  std::string key;
  std::string message;

  std::string to_string() const;
};

/// Parses profile TOML over the built-in defaults. Never throws.
tl::expected<Profile, ProfileError> parse_profile(std::string_view toml_text,
                                                  std::string_view source_name);

}  // namespace kiosk
