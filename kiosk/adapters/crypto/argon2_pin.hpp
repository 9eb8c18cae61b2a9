#pragma once
// Staff PINs as Argon2id hashes (Debian's libargon2), the form they take in
// the profile's `[staff]` section:
//
//   $argon2id$v=19$m=65536,t=3,p=1$<salt>$<hash>
//
// Defaults: 64 MiB of memory, 3 passes, 1 lane, a 16-byte random salt
// (OpenSSL RAND_bytes) and a 32-byte hash. One hash or verify takes about
// 0.26 s on the 2-core build machine (measured under load, Nov 2026): slow
// enough to make an offline guess of a 4–12 digit PIN costly, quick enough
// for the keypad. The kiosk's slow-down and lock-out (core/staff_lock.hpp)
// limit online guesses. Verifying several PIN slots costs that much each.

#include <cstdint>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

namespace kiosk::crypto {

struct PinHashParams {
  std::uint32_t memory_kib = 64 * 1024;
  std::uint32_t passes = 3;
  std::uint32_t lanes = 1;
};

/// The Argon2id encoded hash of `pin` with a fresh random salt; an error
/// text when the random source or libargon2 fails. Any thread (blocks ~0.3 s
/// with the defaults: not on the main thread).
tl::expected<std::string, std::string> hash_pin(std::string_view pin,
                                                const PinHashParams& params = {});

/// True when `pin` matches `encoded`. False for a wrong PIN and for anything
/// that is not an Argon2id encoded hash, including one asking for more than
/// 1 GiB of memory or 16 passes (a damaged profile must not stall the kiosk).
/// Any thread, same cost as hash_pin.
bool verify_pin(std::string_view encoded, std::string_view pin);

}  // namespace kiosk::crypto
