#include "adapters/crypto/central_profile_check.hpp"

#include "adapters/crypto/ed25519.hpp"

namespace kiosk {

tl::expected<ProfileLayer, ProfileError> check_central_profile(std::string_view body,
                                                               std::string_view signature_b64,
                                                               std::string_view pubkey_b64,
                                                               std::string source,
                                                               std::string etag) {
  const auto refuse = [&](std::string key, std::string message) {
    return tl::unexpected(ProfileError{source, 0, std::move(key), std::move(message)});
  };
  if (pubkey_b64.empty()) {
    return refuse("api.profile_pubkey", "is not set; a central profile cannot be checked");
  }
  const auto key = crypto::base64_decode(pubkey_b64);
  if (!key || key->size() != 32) {
    return refuse("api.profile_pubkey", "is not the base64 of a 32-byte Ed25519 public key");
  }
  if (signature_b64.empty()) {
    return refuse("", "is not signed (no signature)");
  }
  const auto signature = crypto::base64_decode(signature_b64);
  if (!signature) {
    return refuse("", "has a signature that is not base64");
  }
  // Checked over the exact bytes received: not a re-serialised table.
  if (!crypto::ed25519_verify(*key, body, *signature)) {
    return refuse("", "has a bad signature (tampered, or signed by another key)");
  }
  ProfileLayer layer{ProfileLayer::Kind::Central, std::move(source), std::string(body),
                     std::move(etag)};
  if (auto checked = check_central_layer(layer); !checked) {
    return tl::unexpected(checked.error());
  }
  return layer;
}

}  // namespace kiosk
