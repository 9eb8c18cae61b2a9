#pragma once
// The last known good central profile: central_profile.toml, .sig and
// .etag next to the vacancy cache. Written only after a body checked good;
// read back (and checked again) at start-up, so a bad update or a damaged
// file never displaces the good one.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "core/profile.hpp"
#include "core/profile_layers.hpp"

namespace kiosk {

class CentralProfileCache {
 public:
  /// Files in `folder` (created on the first save).
  explicit CentralProfileCache(std::filesystem::path folder);

  /// The cache of `profile`: the folder of data.store_path.
  static CentralProfileCache next_to_store(const Profile& profile);

  /// Stores a body that check_central_profile accepted, replacing the files
  /// whole (write then rename). An error text when the files cannot be
  /// written; the old ones then stay. Not thread-safe.
  tl::expected<void, std::string> save(std::string_view body, std::string_view signature_b64,
                                       std::string_view etag);

  /// The stored profile as a central layer, checked again against
  /// `pubkey_b64`; nothing when there is none or it no longer checks.
  std::optional<ProfileLayer> load(std::string_view pubkey_b64) const;

  std::filesystem::path body_path() const { return m_folder / "central_profile.toml"; }

 private:
  std::filesystem::path m_folder;
};

}  // namespace kiosk
