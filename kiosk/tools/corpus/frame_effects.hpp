#pragma once
// What a cheap webcam and a hall's lighting do to the picture of a card:
// contrast loss, uneven light, glare, optical and motion blur, sensor noise
// and JPEG compression. Deterministic for a given random source.

#include <cstdint>
#include <vector>

#include <tl/expected.hpp>

#include "tools/corpus/card_scene.hpp"

namespace kiosk::corpus {

/// How hard each effect hits one frame; zero turns an effect off.
struct FrameEffects {
  double contrast = 1.0;       // 0..1: the share of the full grey range left
  double gradient = 0.0;       // 0..1: how much darker the far side of the frame is
  double glare_peak = 0.0;     // grey levels added at the glare's centre (saturates)
  double glare_radius_px = 0;  // its standard deviation, pixels
  double glare_x = 0;          // its centre, pixels
  double glare_y = 0;
  double blur_sigma = 0.0;  // Gaussian (defocus), pixels
  int motion_px = 0;        // box length of a motion blur, pixels
  bool motion_vertical = false;
  double noise_sigma = 0.0;  // Gaussian sensor noise, grey levels
  int jpeg_quality = 0;      // 1..100 to pass through JPEG, 0 for none
};

/// Applies `effects` in the order light takes (lighting, glare, blur, sensor
/// noise, the camera's automatic gain, then the JPEG encoder) and returns
/// 8-bit grey pixels (width * height).
/// Fails only when the JPEG codec does.
tl::expected<std::vector<std::uint8_t>, std::string> apply_effects(FloatFrame frame,
                                                                   const FrameEffects& effects,
                                                                   CorpusRandom& random);

}  // namespace kiosk::corpus
