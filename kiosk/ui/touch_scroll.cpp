#include "ui/touch_scroll.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

TouchScroller::TouchScroller(float scale, TouchScrollTuning tuning)
    : m_tuning(tuning), m_scale(scale) {}

void TouchScroller::set_range(float max_offset) {
  m_max = std::max(0.0f, max_offset);
  m_offset = std::clamp(m_offset, 0.0f, m_max);
}

void TouchScroller::set_offset(float offset) {
  if (!m_touching && !m_coasting) {
    m_offset = std::clamp(offset, 0.0f, m_max);
  }
}

void TouchScroller::press(float y, double t) {
  // A finger on a moving list catches it: the list stops under the finger
  // and follows it from the first pixel, and the touch is not a tap.
  const bool caught = m_coasting;
  m_coasting = false;
  m_velocity = 0.0f;
  m_touching = true;
  m_drag = caught;
  m_press_y = y;
  m_last_y = y;
  m_time = t;
  m_samples.clear();
  add_sample(y, t);
}

void TouchScroller::move(float y, double t) {
  if (!m_touching) {
    return;
  }
  // Equal positions add no sample: a resting finger shows as a gap in time.
  if (m_samples.empty() || m_samples.back().y != y) {
    add_sample(y, t);
  }
  m_time = t;
  if (!m_drag) {
    const float slop = m_tuning.slop_px * m_scale;
    const float moved = y - m_press_y;
    if (std::abs(moved) <= slop) {
      return;
    }
    m_drag = true;
    // Follow only the part beyond the slop, so the content does not jump.
    m_last_y = m_press_y + (moved > 0.0f ? slop : -slop);
  }
  scroll_by(m_last_y - y);
  m_last_y = y;
  m_velocity = -finger_velocity();
}

void TouchScroller::release(double t) {
  if (!m_touching) {
    return;
  }
  m_touching = false;
  float v = 0.0f;
  if (m_drag && !m_samples.empty() && t - m_samples.back().t <= m_tuning.rest_gap_s) {
    const float cap = m_tuning.max_velocity * m_scale;
    v = std::clamp(-finger_velocity(), -cap, cap);
  }
  m_samples.clear();
  m_time = t;
  const bool can_move = (v > 0.0f && m_offset < m_max) || (v < 0.0f && m_offset > 0.0f);
  m_coasting = can_move && std::abs(v) >= m_tuning.min_fling_velocity * m_scale;
  m_velocity = m_coasting ? v : 0.0f;
}

void TouchScroller::advance(double t) {
  const double dt = t - m_time;
  if (dt <= 0.0) {
    return;
  }
  m_time = t;
  if (!m_coasting) {
    return;
  }
  // The exact integral of v0·e^(−k·t) over the step, so the distance
  // coasted does not depend on the frame rate.
  const float k = m_tuning.friction_per_s;
  const float decay = static_cast<float>(std::exp(-static_cast<double>(k) * dt));
  scroll_by(m_velocity * (1.0f - decay) / k);
  m_velocity *= decay;
  const bool at_end =
      (m_velocity > 0.0f && m_offset >= m_max) || (m_velocity < 0.0f && m_offset <= 0.0f);
  if (at_end || std::abs(m_velocity) < m_tuning.stop_velocity * m_scale) {
    m_coasting = false;
    m_velocity = 0.0f;
  }
}

void TouchScroller::add_sample(float y, double t) {
  m_samples.push_back(Sample{y, t});
  while (m_samples.size() > 1 && t - m_samples.front().t > m_tuning.velocity_window_s) {
    m_samples.pop_front();
  }
}

float TouchScroller::finger_velocity() const {
  if (m_samples.size() < 2) {
    return 0.0f;
  }
  // The mean speed from the oldest sample in the window to the newest,
  // stopping at a rest: steadier than the last delta alone, and a flick
  // after a pause is measured from where the finger started moving again.
  const Sample& newest = m_samples.back();
  const Sample* oldest = &newest;
  for (auto it = m_samples.rbegin() + 1; it != m_samples.rend(); ++it) {
    if (newest.t - it->t > m_tuning.velocity_window_s || oldest->t - it->t > m_tuning.rest_gap_s) {
      break;
    }
    oldest = &*it;
  }
  const double dt = newest.t - oldest->t;
  if (dt <= 1e-6) {
    return 0.0f;
  }
  return static_cast<float>((newest.y - oldest->y) / dt);
}

void TouchScroller::scroll_by(float delta) {
  // No overscroll: the content stops at its ends.
  m_offset = std::clamp(m_offset + delta, 0.0f, m_max);
}

TouchScroller& TouchScrolling::list(unsigned id) {
  auto it = m_lists.try_emplace(id, Entry{TouchScroller(m_scale, m_tuning)}).first;
  it->second.drawn = true;
  return it->second.scroller;
}

void TouchScrolling::end_frame() {
  std::erase_if(m_lists, [](const auto& entry) { return !entry.second.drawn; });
  for (auto& [id, entry] : m_lists) {
    entry.drawn = false;
  }
}

bool TouchScrolling::coasting() const {
  return std::any_of(m_lists.begin(), m_lists.end(),
                     [](const auto& entry) { return entry.second.scroller.coasting(); });
}

}  // namespace kiosk::ui
