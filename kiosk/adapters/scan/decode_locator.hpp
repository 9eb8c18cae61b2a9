#pragma once
// Finds where in a camera frame a QR code probably is, without decoding:
// a QR code is a compact, roughly square patch that is busy with edges in
// both directions. Lets the pipeline crop and enlarge a code whose modules
// are too small, faint or noisy for ZXing's own finder-pattern search.
// Pure function; any thread.

#include <vector>

#include "adapters/scan/decode_filters.hpp"

namespace kiosk::scan {

/// Up to `max_candidates` regions of `frame` likely to hold a QR code, most
/// likely first, each a frame-pixel rectangle around the busy patch (no
/// margin added). Empty when nothing in the frame looks like one.
std::vector<PixelRect> locate_code_candidates(const GreyImage& frame, int max_candidates);

}  // namespace kiosk::scan
