#include "adapters/crypto/argon2_pin.hpp"

#include <argon2.h>
#include <openssl/rand.h>

#include <array>
#include <charconv>

namespace kiosk::crypto {
namespace {

constexpr std::size_t k_salt_bytes = 16;
constexpr std::size_t k_hash_bytes = 32;
constexpr std::string_view k_prefix = "$argon2id$v=19$m=";
constexpr std::uint64_t k_max_memory_kib = 1024 * 1024;
constexpr std::uint64_t k_max_passes = 16;

// Reads "m=…,t=…" after the prefix, so an absurd cost is refused before
// libargon2 tries to allocate it.
bool costs_acceptable(std::string_view encoded) {
  if (!encoded.starts_with(k_prefix)) {
    return false;
  }
  const char* p = encoded.data() + k_prefix.size();
  const char* end = encoded.data() + encoded.size();
  std::uint64_t memory = 0;
  auto r = std::from_chars(p, end, memory);
  if (r.ec != std::errc{} || std::string_view(r.ptr, end).substr(0, 3) != ",t=") {
    return false;
  }
  std::uint64_t passes = 0;
  r = std::from_chars(r.ptr + 3, end, passes);
  return r.ec == std::errc{} && memory <= k_max_memory_kib && passes <= k_max_passes;
}

}  // namespace

tl::expected<std::string, std::string> hash_pin(std::string_view pin, const PinHashParams& params) {
  std::array<unsigned char, k_salt_bytes> salt{};
  if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1) {
    return tl::unexpected(std::string("no random salt: RAND_bytes failed"));
  }
  std::string encoded(argon2_encodedlen(params.passes, params.memory_kib, params.lanes, salt.size(),
                                        k_hash_bytes, Argon2_id),
                      '\0');
  const int rc =
      argon2id_hash_encoded(params.passes, params.memory_kib, params.lanes, pin.data(), pin.size(),
                            salt.data(), salt.size(), k_hash_bytes, encoded.data(), encoded.size());
  if (rc != ARGON2_OK) {
    return tl::unexpected(std::string("argon2id: ") + argon2_error_message(rc));
  }
  encoded.resize(encoded.find('\0'));  // the length includes the terminator
  return encoded;
}

bool verify_pin(std::string_view encoded, std::string_view pin) {
  if (!costs_acceptable(encoded)) {
    return false;
  }
  const std::string terminated(encoded);  // libargon2 wants a C string
  return argon2id_verify(terminated.c_str(), pin.data(), pin.size()) == ARGON2_OK;
}

}  // namespace kiosk::crypto
