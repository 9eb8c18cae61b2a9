#pragma once
// One converted camera picture, as the decoder and the UI's preview see it.

#include <chrono>
#include <cstdint>
#include <vector>

#include "adapters/scan/qr_decoder.hpp"

namespace kiosk::camera {

/// An 8-bit greyscale picture, rows packed (stride == width).
struct GreyFrame {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;
  std::chrono::steady_clock::time_point captured;  // when the capture thread received it
  std::uint64_t sequence = 0;                      // 1, 2, … per pipeline; 0 = none
};

/// A borrowed view of `frame` for the QR decoder; valid while `frame` lives
/// unchanged.
inline scan::GreyImage grey_image(const GreyFrame& frame) {
  return scan::GreyImage{frame.width, frame.height, frame.width, frame.pixels.data()};
}

}  // namespace kiosk::camera
