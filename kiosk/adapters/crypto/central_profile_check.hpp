#pragma once
// The centrally served profile is a detached-signed TOML body: the API sends
// the body and `X-Signature: base64(Ed25519 signature over the exact body
// bytes)`; the kiosk's local profile holds the Centre's public key
// ([api] profile_pubkey).

#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "core/profile_layers.hpp"

namespace kiosk {

/// The body as a central layer when `signature_b64` is `pubkey_b64`'s valid
/// signature of exactly `body` and the body parses, carries no secret and
/// validates (core check_central_layer). Refused, with a ProfileError
/// naming `source`: an empty signature (unsigned), no key configured, an
/// undecodable key or signature, a bad signature or a tampered body, and
/// any parse or validation error. Any thread; never throws.
tl::expected<ProfileLayer, ProfileError> check_central_profile(std::string_view body,
                                                               std::string_view signature_b64,
                                                               std::string_view pubkey_b64,
                                                               std::string source,
                                                               std::string etag = {});

}  // namespace kiosk
