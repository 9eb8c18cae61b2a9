#pragma once
// The welcome screen's wordless animation of how to hold the card: the back
// of a citizen-ID card, its QR code showing, moves to the scanner below the
// screen, pauses there while a soft light scans it, shows a tick and lifts
// away; every 3 s, at 8 pictures a second. Time comes from the frame
// (UiContext::anim_time), never from a clock read here.

#include <imgui.h>

namespace kiosk::ui {

struct UiContext;

/// Pictures per second: the animation's time is cut to whole 1/8 s steps.
inline constexpr int k_welcome_animation_fps = 8;
/// Pictures in one loop (3 s).
inline constexpr int k_welcome_animation_frames = 24;

/// Where everything is in one picture of the loop. Pure data, any thread.
struct WelcomePose {
  float lift = 1.0f;     // 1: the card held up at the start, 0: resting over the scanner
  float scan = -1.0f;    // the scan light's line over the QR code, 0 top … 1 bottom; < 0: off
  bool scanned = false;  // the scanner has read it: a tick on the card
  bool moving = false;   // on its way down: an arrow shows where to

  bool operator==(const WelcomePose&) const = default;
};

/// The picture of the loop at `time` seconds: floor(time × 8) mod 24. Equal
/// for every time within the same 1/8 s step. Pure, any thread.
WelcomePose welcome_pose(double time);

/// The first time after `time` at which welcome_pose() changes: the start of
/// the next 1/8 s step that looks different (a still step is skipped). Pure,
/// any thread.
double welcome_animation_next_change(double time);

/// Draws the picture for `time` into the current window's draw list in the
/// box at `origin`, `size` (about 750 × 410 px at 1080 px tall): the
/// scanner at the bottom, the card above it. UI thread only.
void draw_welcome_animation(const UiContext& ctx, ImVec2 origin, ImVec2 size, double time);

}  // namespace kiosk::ui
