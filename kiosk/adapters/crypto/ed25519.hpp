#pragma once
// Ed25519 signatures with OpenSSL (Debian's libssl): staff cards and the
// centrally served profile are signed by the Centre; the kiosk holds only
// public keys.

#include <string>
#include <string_view>

#include <tl/expected.hpp>

namespace kiosk::crypto {

/// True when `signature` (64 raw bytes) is `public_key`'s Ed25519 signature
/// of `message`. `public_key` is 32 raw bytes or a PEM "PUBLIC KEY" block.
/// A malformed key or signature is simply not valid. Any thread.
bool ed25519_verify(std::string_view public_key, std::string_view message,
                    std::string_view signature);

/// Base64 (RFC 4648, with or without padding) to bytes; an error for any
/// other character. For keys and signatures carried in TOML and JSON.
tl::expected<std::string, std::string> base64_decode(std::string_view text);

}  // namespace kiosk::crypto
