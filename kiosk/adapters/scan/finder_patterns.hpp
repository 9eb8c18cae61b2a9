#pragma once
// Tells whether a camera frame shows a QR code, readable or not: the three
// finder patterns (the squares in its corners, dark-light-dark-light-dark in
// the ratio 1:1:3:1:1 across and down) set out as the corners of a right
// isosceles triangle. ZXing-cpp 1.4 reports nothing at all for a code it
// found but could not read, so the camera asks this instead when a frame
// held no readable code, to tell the person "hold the card still".
// Pure functions; any thread.

#include <vector>

#include "adapters/scan/qr_decoder.hpp"

namespace kiosk::scan {

/// A finder pattern's centre and module size, in frame pixels.
struct FinderPattern {
  float x = 0;
  float y = 0;
  float module = 0;
  int hits = 0;  // rows that crossed it
};

/// The finder-pattern candidates in `image`, each confirmed across and down
/// (at most a few dozen; the strongest first), with pixels taken as dark
/// against the mean of a `window`-pixel square around them.
std::vector<FinderPattern> find_finder_patterns(const GreyImage& image, int window = 13);

/// True when three of the candidates have about the same module size and
/// stand as the corners of a right isosceles triangle, as a QR code's do
/// (tried with a small and a large threshold window).
bool qr_sighted(const GreyImage& image);

}  // namespace kiosk::scan
