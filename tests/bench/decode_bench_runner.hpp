#pragma once
// Runs the three decoders (plain ZXing-cpp, zbar, the kiosk's pipeline) over
// the frames of one corpus cell, interleaved frame by frame so a noisy
// machine slows all three alike, and formats the comparison table.

#include <string>
#include <vector>

#include "tools/corpus/corpus.hpp"

namespace kiosk::bench {

/// The camera rule: the kiosk's pipeline is handed the same frame up to this
/// many times in a row (a card held still for 1/6 s at 30 fps) and the frame
/// counts as read at the first success.
inline constexpr int k_camera_calls = 5;

/// One decoder's outcome on a set of frames.
struct DecoderTally {
  int frames = 0;
  int read = 0;            // decoded to exactly the payload
  int wrong = 0;           // decoded to anything else
  std::vector<double> ms;  // one entry per decode call
  double rate() const { return frames == 0 ? 0.0 : static_cast<double>(read) / frames; }
  double median_ms() const;
};

/// Everything measured on one (frame size, level) cell.
struct CellReport {
  std::string size;  // "1280x720"
  std::string level;
  DecoderTally zxing;        // one ReadBarcode call, QR only, default hints
  DecoderTally zbar;         // zbar_scan_image, QR only, Y800
  DecoderTally kiosk;        // DecodePipeline under the camera rule
  DecoderTally kiosk_first;  // DecodePipeline, first call on a frame only
  DecoderTally thorough;     // decode_thorough, one call
};

/// Decodes every frame with every decoder (decode_thorough too when
/// `thorough`). A fresh pipeline per frame, so one card never helps the next.
CellReport run_cell(const std::vector<const corpus::CorpusFrame*>& frames, bool thorough);

/// A Markdown table: one row per cell with each decoder's read rate (and
/// wrong results, if any) and median ms per call, then rows per level, per
/// frame size and overall.
std::string format_table(const std::vector<CellReport>& cells);

}  // namespace kiosk::bench
