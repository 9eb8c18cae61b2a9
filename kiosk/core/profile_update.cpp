#include "core/profile_update.hpp"

namespace kiosk {

std::vector<ProfileLayer> ProfileStack::layers() const {
  std::vector<ProfileLayer> all = below;
  if (central) {
    all.push_back(*central);
  }
  all.insert(all.end(), above.begin(), above.end());
  return all;
}

ProfileUpdate decide_profile_update(const ProfileStack& stack,
                                    const tl::expected<ProfileLayer, ProfileError>& checked) {
  ProfileUpdate update;
  if (!checked) {
    update.outcome = ProfileUpdate::Outcome::Refused;
    update.error = checked.error();
    return update;
  }
  if (stack.central && stack.central->text == checked->text) {
    return update;
  }
  ProfileStack next = stack;
  next.central = *checked;
  auto merged = merge_profile_layers(next.layers());
  if (!merged) {
    update.outcome = ProfileUpdate::Outcome::Refused;
    update.error = merged.error();
    return update;
  }
  update.outcome = ProfileUpdate::Outcome::Apply;
  update.next = std::move(*merged);
  return update;
}

void ApplyWhenIdle::offer(EffectiveProfile next) {
  m_pending = std::move(next);
}

std::optional<EffectiveProfile> ApplyWhenIdle::take_if(bool session_active) {
  if (session_active || !m_pending) {
    return std::nullopt;
  }
  std::optional<EffectiveProfile> taken = std::move(m_pending);
  m_pending.reset();
  return taken;
}

}  // namespace kiosk
