#pragma once
// The profile in force and its layers (DESIGN §3.3): the local file, the
// last known good central profile and the staff changes made on this
// kiosk. Loads them at start-up, takes a central update after its
// signature check, and writes staff changes to data.staff_path.
//
// The public key and the cache folder come from the local file alone: a
// central profile must not choose the key that checks it. Main thread,
// except fetch_central(), which is pure and runs on a worker.

#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "core/profile_update.hpp"
#include "ports/central_api.hpp"

namespace kiosk {

/// What a fetch of the central profile found (worker thread).
struct CentralFetch {
  enum class Outcome { unchanged, checked, refused, failed, none };
  Outcome outcome = Outcome::none;
  std::optional<ProfileLayer> layer;  // checked: signature and contents good
  std::string body;                   // checked: the exact bytes, for the cache
  std::string signature;
  std::string etag;
  std::string error;  // refused or failed: for the log
};

class ProfileKeeper {
 public:
  /// Reads `local_path`, the cached central profile and the staff file.
  /// Fails only when the local file itself is bad; a bad cache or staff
  /// file is left out (and logged), the kiosk runs on the rest.
  static tl::expected<ProfileKeeper, ProfileError> load(const std::string& local_path);

  /// The merged profile, its paths resolved against the local file's folder.
  const Profile& profile() const { return m_profile; }
  const EffectiveProfile& effective() const { return m_effective; }
  /// "kiosk.toml + trung tâm "etag" + nhân viên": the layers in force.
  std::string sources() const;
  /// The local file's own settings (key, cache folder), paths resolved.
  const Profile& local() const { return m_local; }
  const std::string& central_etag() const;

  /// Asks the central API for this kiosk's profile (If-None-Match with the
  /// cached ETag) and checks what comes back. Any thread; touches nothing.
  static CentralFetch fetch_central(CentralApi& api, const Profile& local, const std::string& etag);

  /// Takes a checked fetch: on a new, mergeable profile, stores it as last
  /// known good and returns the profile to apply (when no one is in
  /// session); nothing when unchanged, refused or failed (logged). Main thread.
  std::optional<EffectiveProfile> take_central(const CentralFetch& fetch);

  /// Staff switched the job-fair session: writes it to the staff file
  /// (session.session_ids; [] = every session) and returns the profile to
  /// apply. An error text when the file cannot be written or the result
  /// does not validate; nothing changes then.
  tl::expected<EffectiveProfile, std::string> set_staff_sessions(
      const std::vector<std::string>& session_ids);

  /// Puts `next` in force (after the app applied it).
  void commit(EffectiveProfile next);

 private:
  ProfileKeeper() = default;
  /// The layers merged, paths resolved.
  tl::expected<EffectiveProfile, ProfileError> merge(const ProfileStack& stack) const;

  std::string m_local_path;
  Profile m_local;
  ProfileStack m_stack;
  EffectiveProfile m_effective;
  Profile m_profile;
};

}  // namespace kiosk
