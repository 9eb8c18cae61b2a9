#pragma once
// A source of scanned codes (camera, 2D scanner, FIFO, image folder).

#include <functional>
#include <string>

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

enum class SourceState { starting, ready, missing, failed };

struct SourceStatus {
  SourceState state = SourceState::starting;
  std::string source;
  std::string detail;  // for logs and the staff screen
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
