#pragma once
// Central kiosk profiles (DESIGN §3.3) as the development server keeps and
// serves them: GET /api/v1/kiosks/{id}/profile answers the TOML body as it
// was set, its detached signature in X-Signature and an ETag. Nothing is
// parsed or checked here; the kiosk does that. Internal to
// kiosk_central_dev_lib.

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "tools/central_dev/dev_central.hpp"
#include "tools/central_dev/dev_store.hpp"

namespace kiosk::dev {

/// The Content-Type of a profile answer.
inline constexpr const char* k_profile_type = "application/toml; charset=utf-8";

class DevProfiles {
 public:
  /// Sets or replaces the profile of `kiosk_id`; its ETag is a quoted hash
  /// of the body and the signature, so changing either makes a new one. An
  /// empty `signature_b64` serves the profile without X-Signature. Any
  /// thread.
  void set(const std::string& kiosk_id, std::string body, std::string signature_b64);
  /// Forgets the profile of `kiosk_id`; false when it had none. Any thread.
  bool clear(const std::string& kiosk_id);

  /// The answer to GET …/kiosks/{kiosk_id}/profile: 304 with the ETag when
  /// `if_none_match` names it, else 200 with the body, ETag, X-Signature
  /// and k_profile_type as Content-Type; 404 not_found when the kiosk has
  /// none. Any thread.
  Reply reply(const std::string& kiosk_id, std::string_view if_none_match) const;

 private:
  struct Entry {
    std::string body;
    std::string signature;
    std::string etag;
  };
  mutable std::mutex m_mutex;
  std::map<std::string, Entry, std::less<>> m_profiles;
};

/// Reads the value of --kiosk-profile ID=FILE: FILE's text as the body and
/// FILE.sig's (base64, surrounding white space trimmed) as the signature.
/// Fails naming the flag or the file that could not be read.
tl::expected<DevKioskProfile, std::string> read_kiosk_profile_arg(std::string_view id_and_file);

}  // namespace kiosk::dev
