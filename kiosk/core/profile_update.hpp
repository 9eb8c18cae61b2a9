#pragma once
// What to do with a newly fetched central profile (DESIGN §3.3): a refused
// one leaves the last good one in force, and a new one is applied only
// between sessions, never under a job seeker's finger. Pure.

#include <optional>
#include <vector>

#include <tl/expected.hpp>

#include "core/profile_layers.hpp"

namespace kiosk {

/// The layers around the central one, and the central layer in force.
struct ProfileStack {
  std::vector<ProfileLayer> below;      // the local file
  std::optional<ProfileLayer> central;  // last known good; none: no central profile yet
  std::vector<ProfileLayer> above;      // staff overrides

  /// below, central, above, in that order.
  std::vector<ProfileLayer> layers() const;
};

struct ProfileUpdate {
  enum class Outcome { Apply, Unchanged, Refused };
  Outcome outcome = Outcome::Unchanged;
  std::optional<EffectiveProfile> next;  // Apply: the profile to put in force
  std::optional<ProfileError> error;     // Refused: why; the current profile stays
};

/// Decides on `checked`, a central layer that passed (or failed) the
/// signature check: Refused when it failed or does not merge with the other
/// layers; Unchanged when its text is the one in force; else Apply with the
/// merged profile. The caller stores it as last known good on Apply only.
ProfileUpdate decide_profile_update(const ProfileStack& stack,
                                    const tl::expected<ProfileLayer, ProfileError>& checked);

/// Holds a new profile until no session is running. Main thread only.
class ApplyWhenIdle {
 public:
  /// Keeps `next`, replacing one offered earlier and not taken yet.
  void offer(EffectiveProfile next);
  /// The waiting profile when `session_active` is false (and forgets it);
  /// nothing while a session runs or when nothing waits.
  std::optional<EffectiveProfile> take_if(bool session_active);
  bool pending() const { return m_pending.has_value(); }
  /// Forgets a waiting profile (a newer one was put in force directly).
  void discard() { m_pending.reset(); }

 private:
  std::optional<EffectiveProfile> m_pending;
};

}  // namespace kiosk
