#pragma once
// Touch scrolling as a pure model: finger samples in, a scroll offset out.
// No ImGui here, so the feel (slop, fling, friction, clamping) is tested
// without a window; widgets.cpp feeds it from ImGui's mouse state.
// Not thread-safe: the UI thread owns every instance.

#include <deque>
#include <unordered_map>

namespace kiosk::ui {

/// The feel of touch scrolling. Distances and speeds are in pixels at UI
/// scale 1 (1920×1080 on a 21.5" screen, about 0.25 mm a pixel) and are
/// multiplied by the UI scale.
struct TouchScrollTuning {
  /// A touch that moves farther than this from where it went down is a drag
  /// (it scrolls and taps nothing): 24 px ≈ 6 mm, more than a shaky finger
  /// wanders during a tap, little enough that scrolling starts at once.
  float slop_px = 24.0f;
  /// Exponential decay rate of a fling's speed (1/s): v(t) = v0·e^(−k·t).
  /// With the stop speed below, a 2000 px/s fling coasts ≈0.53 s and ≈280 px.
  float friction_per_s = 7.0f;
  /// A coast stops dead when its speed falls below this (px/s).
  float stop_velocity = 50.0f;
  /// A release slower than this does not fling: a slow drag stops dead (px/s).
  float min_fling_velocity = 150.0f;
  /// Flings are capped at this speed (px/s).
  float max_velocity = 8000.0f;
  /// The release speed is the finger's mean speed over this last window (s).
  double velocity_window_s = 0.08;
  /// Samples further apart than this mean the finger rested in between; a
  /// finger that rests this long before lifting does not fling (s).
  double rest_gap_s = 0.04;
};

/// One scrolling list. Offsets grow as the content moves up (like ImGui's
/// scroll Y) and stay within [0, max]: there is no overscroll. Times are
/// seconds from any steady clock; they must not go backwards.
class TouchScroller {
 public:
  explicit TouchScroller(float scale = 1.0f, TouchScrollTuning tuning = {});

  /// The content's end: the largest offset. Clamps the current offset.
  void set_range(float max_offset);
  /// Takes an offset set from outside (a list reset to the top); used while
  /// no finger is down and nothing coasts.
  void set_offset(float offset);

  /// A finger went down at screen `y`. On a coasting list it stops the coast,
  /// and the touch counts as a drag (it caught the list; it taps nothing).
  void press(float y, double t);
  /// The finger is at `y`. Past the slop the content follows it 1:1.
  void move(float y, double t);
  /// The finger lifted. A drag released fast enough starts coasting.
  void release(double t);
  /// Moves a coasting list on to time `t`; a no-op otherwise.
  void advance(double t);

  /// The scroll offset to apply now.
  float offset() const { return m_offset; }
  /// Offset speed in px/s (positive: the offset grows); while touching, the
  /// finger's recent speed; while coasting, the decaying coast speed.
  float velocity() const { return m_velocity; }
  /// True while a finger is down on this list.
  bool touching() const { return m_touching; }
  /// True when the current (or last) touch is a drag, not a tap.
  bool is_drag() const { return m_drag; }
  /// True while the list moves on its own: keep drawing frames.
  bool coasting() const { return m_coasting; }

 private:
  struct Sample {
    float y;
    double t;
  };
  void add_sample(float y, double t);
  float finger_velocity() const;  // px/s of the finger over the window
  void scroll_by(float delta);

  TouchScrollTuning m_tuning;
  float m_scale;
  float m_offset = 0.0f;
  float m_max = 0.0f;
  float m_velocity = 0.0f;
  bool m_touching = false;
  bool m_drag = false;
  bool m_coasting = false;
  float m_press_y = 0.0f;
  float m_last_y = 0.0f;  // where the content last followed the finger
  double m_time = 0.0;    // of the last sample or advance
  std::deque<Sample> m_samples;
};

/// The touch scrollers of the lists on screen, keyed by their child
/// window's id. Owned by KioskUi; UI thread only.
class TouchScrolling {
 public:
  explicit TouchScrolling(float scale = 1.0f, TouchScrollTuning tuning = {})
      : m_scale(scale), m_tuning(tuning) {}

  /// The scroller of list `id`, made on first use; marks it drawn this frame.
  TouchScroller& list(unsigned id);
  /// At the end of a frame: forgets lists not drawn in it (their screen is
  /// gone), so a list that left the screen cannot coast forever.
  void end_frame();
  /// True while any list coasts: the app must keep rendering frames.
  bool coasting() const;

 private:
  struct Entry {
    TouchScroller scroller;
    bool drawn = false;
  };
  float m_scale;
  TouchScrollTuning m_tuning;
  std::unordered_map<unsigned, Entry> m_lists;
};

}  // namespace kiosk::ui
