#pragma once
// `kioskctl profile validate FILE…` and `kioskctl profile show --effective`:
// check profiles before they reach a kiosk, and see the merged profile a
// kiosk runs with and where each value came from (DESIGN §3.3).

#include <ostream>
#include <string>
#include <vector>

#include <tl/expected.hpp>

namespace kiosk {

struct ProfileOptions {
  enum class Action { Validate, Show };
  Action action = Action::Validate;
  std::vector<std::string> files;                      // validate
  std::string profile_file = "/etc/kiosk/kiosk.toml";  // show: the local layer
  std::string central_file;    // show: a central body; else the last known good cache
  std::string signature_file;  // show: its base64 signature (X-Signature)
  std::string staff_file;      // show: staff overrides
};

/// Parses `validate FILE…` or `show --effective [--profile FILE]
/// [--central FILE --signature FILE] [--staff FILE]`; an error text for
/// anything else.
tl::expected<ProfileOptions, std::string> parse_profile_args(const std::vector<std::string>& args);

/// validate: checks each file alone, writing "FILE: ok" to `out` or
/// "FILE:LINE: key: message" to `err`; 1 when any fails. show: writes the
/// effective profile as TOML with a comment per key saying where it came
/// from; 1 (and the reason on `err`) when a layer is unreadable, invalid,
/// or the central body is not signed by [api] profile_pubkey.
int profile_command(const ProfileOptions& options, std::ostream& out, std::ostream& err);

}  // namespace kiosk
