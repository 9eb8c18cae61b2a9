#pragma once
// Profile layering (DESIGN §3.3): built-in defaults <- the local file
// (/etc/kiosk/kiosk.toml) <- the central profile <- staff overrides. Later
// layers override earlier ones key by key, table by table; every leaf key
// remembers which layer it came from. Pure: TOML text in, profile out.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "core/profile.hpp"

namespace kiosk {

/// One layer's TOML text and where it came from.
struct ProfileLayer {
  enum class Kind { Local, Central, Staff };
  Kind kind = Kind::Local;
  std::string source;  // named in validation messages: a file path, "central", "staff"
  std::string text;
  std::string etag;  // central only, for provenance
};

/// The merged profile and, for every leaf key set by a layer ("ui.large_text"),
/// where it came from: "/etc/kiosk/kiosk.toml:12", "central (etag …)" or
/// "staff". Keys that no layer sets are "defaults" (see origin_of).
struct EffectiveProfile {
  Profile profile;
  std::map<std::string, std::string> origin;

  /// The origin of `key`, or "defaults".
  std::string origin_of(const std::string& key) const;
};

/// Merges the layers in order (later wins) over the built-in defaults and
/// validates the result; an error names the file, line and key of the layer
/// the bad value came from. Never throws.
tl::expected<EffectiveProfile, ProfileError> merge_profile_layers(
    const std::vector<ProfileLayer>& layers);

/// Checks a central layer alone: it parses, carries no secret (api.token,
/// api.token_file, api.client_key, anything in [staff]) and validates.
/// Says nothing about its signature (see adapters/crypto). Never throws.
tl::expected<void, ProfileError> check_central_layer(const ProfileLayer& layer);

/// The effective profile as TOML, every key with a comment saying where it
/// came from. Secrets (api.token) are shown as "<redacted>".
std::string effective_profile_toml(const EffectiveProfile& effective);

}  // namespace kiosk
