#pragma once
// Draws the back of a citizen-ID card, with its QR code, into a camera frame
// seen through a pinhole camera: in-plane rotation, tilt (perspective) and a
// chosen module size. Anti-aliased by supersampling; no noise or blur (see
// frame_effects.hpp).

#include <cstdint>
#include <vector>

#include "tools/corpus/corpus_random.hpp"

namespace kiosk::corpus {

/// A QR symbol as modules, without quiet zone (dark = true), row-major.
struct QrModules {
  int size = 0;
  std::vector<bool> dark;
};

/// An owned grey frame of floats (0 = black, 255 = white), before effects.
struct FloatFrame {
  int width = 0;
  int height = 0;
  std::vector<float> pixels;

  float& at(int x, int y) { return pixels[static_cast<std::size_t>(y) * width + x]; }
};

/// Where and how the card is seen.
struct CardPose {
  double module_px = 3.0;   // size of one module at the code's centre, pixels
  double rotation_deg = 0;  // in-plane, counter-clockwise
  double tilt_x_deg = 0;    // out-of-plane around the card's horizontal axis
  double tilt_y_deg = 0;    // out-of-plane around its vertical axis
  double centre_x = 0.5;    // the code's centre in the frame, 0..1 of width
  double centre_y = 0.5;    // … and of height
};

/// The code's four corners in the frame (quiet zone excluded), clockwise
/// from the top-left module, in pixels.
struct CodeCorners {
  double x[4] = {};
  double y[4] = {};
};

/// Renders one scene. `random` varies the card's print and the background.
/// Returns the frame; `corners` receives where the code landed.
FloatFrame render_card_scene(const QrModules& code, const CardPose& pose, int width, int height,
                             CorpusRandom& random, CodeCorners& corners);

/// True when the code of `size` modules with this pose lies inside the
/// frame with `margin_px` to spare.
bool code_fits(int size, const CardPose& pose, int width, int height, double margin_px);

}  // namespace kiosk::corpus
