#pragma once
// A source of scanned codes (camera, 2D scanner, FIFO, image folder).

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

/// What one scan delivered: the symbol's raw content bytes.
struct ScanEvent {
  std::string bytes;
  std::string source;      // the profile URI it came from
  bool text_lost = false;  // a keyboard-wedge scanner could not type some characters
};

/// The status detail a keyboard-wedge source reports right before a scan
/// whose text it could not fully type.
inline constexpr const char* k_status_text_lost = "text_lost";

/// The status detail a camera reports, a few times a second, while a code
/// is in view but not yet readable: the screen says "hold the card still".
inline constexpr const char* k_status_reading = "reading";

enum class SourceState { starting, ready, missing, failed };

struct SourceStatus {
  SourceState state = SourceState::starting;
  std::string source;
  std::string detail;  // for logs and the staff screen
};

/// A small greyscale picture from a camera source, for the live preview.
struct PreviewFrame {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> grey;  // width * height bytes, rows packed
  std::uint64_t sequence = 0;      // changes with every new picture
};

/// How a camera's decoder is doing, for the staff screen.
struct DecodeStats {
  std::uint64_t decoded = 0;  // pictures run through the decoder
  std::uint64_t scans = 0;    // codes delivered
  long mean_decode_ms = 0;
  long max_decode_ms = 0;
};

/// Implemented by sources that see what is held up to them (cameras).
class PreviewSource {
 public:
  virtual ~PreviewSource() = default;
  /// The newest picture, or null while there is none. Any thread.
  virtual std::shared_ptr<const PreviewFrame> latest_preview() const = 0;
  /// The decoder's counts so far; nothing when the source keeps none. Any thread.
  virtual std::optional<DecodeStats> decode_stats() const { return std::nullopt; }
};

class CodeSource {
 public:
  using ScanHandler = std::function<void(ScanEvent)>;
  using StatusHandler = std::function<void(SourceStatus)>;

  virtual ~CodeSource() = default;
  /// Starts delivering scans on the source's own thread. Handlers are called
  /// from that thread: they must only hand the event over (post it).
  virtual void start(ScanHandler on_scan, StatusHandler on_status) = 0;
  /// Stops and joins the thread; no handler runs after it returns.
  virtual void stop() = 0;
};

}  // namespace kiosk
