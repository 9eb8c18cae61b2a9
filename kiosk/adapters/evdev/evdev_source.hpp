#pragma once
// The `evdev:` code source: a keyboard-wedge 2D scanner read from its Linux
// input device, grabbed exclusively so its keystrokes reach no other
// program. URI: evdev:/dev/input/by-id/usb-…-event-kbd[?idle_ms=200]
//
// Text lost: a keyboard types ASCII only (see KeyTranslator). When a scan's
// text did not arrive intact, the source reports
//   SourceStatus{SourceState::ready, uri, "text_lost"}
// on the status handler immediately before delivering that scan; the scan's
// bytes are the ASCII that did arrive, nothing appended. A scan with no
// status right before it arrived intact.

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <tl/expected.hpp>

#include "adapters/evdev/key_translator.hpp"
#include "adapters/scan/source_thread.hpp"
#include "ports/code_source.hpp"

namespace kiosk::evdev {

/// The status detail that marks the next scan as having lost text.
inline constexpr std::string_view k_text_lost = "text_lost";

struct DeviceFailure;

class EvdevSource final : public CodeSource {
 public:
  struct Options {
    // A scan without Enter ends after this long without a key event.
    std::chrono::milliseconds idle_gap{200};
    // Longer scans are dropped whole (and logged without their content).
    std::size_t max_scan_bytes = 4096;
    // How often a missing or unusable device is opened again.
    std::chrono::milliseconds retry_interval{1000};
  };

  /// Reads `struct input_event`s from `device`: an evdev node (a by-id
  /// symlink is re-resolved on every reconnect) or, for tests, another
  /// character device or a FIFO. `uri` is what events and statuses carry as
  /// their source; empty means "evdev:PATH". Nothing is opened until start().
  explicit EvdevSource(std::filesystem::path device, std::string uri = {});
  EvdevSource(std::filesystem::path device, Options options, std::string uri = {});
  ~EvdevSource() override;
  EvdevSource(const EvdevSource&) = delete;
  EvdevSource& operator=(const EvdevSource&) = delete;

  /// Starts the "scan-evdev" thread. It opens the device, grabs it
  /// (EVIOCGRAB) and reports `ready`. A file that is no input device (the
  /// grab fails with ENOTTY/EINVAL) is read without a grab, with a warning
  /// in the log. A device another program has grabbed (EBUSY), or a path
  /// that is neither a device nor a FIFO, is `failed`.
  /// While the device is absent or goes away (open fails with ENOENT/ENODEV,
  /// a read fails with ENODEV/EIO, POLLHUP/POLLERR, end of file) it is
  /// `missing`. Either way it is opened again every retry_interval and
  /// reported `ready` on success; each state change is reported once. A scan
  /// ends at Enter or after idle_gap; its ASCII text goes to `on_scan` from
  /// that thread, preceded by the `text_lost` status (see above) when text
  /// was lost. A scan of nothing but untypable keys is logged, not
  /// delivered; a scan cut by a disconnect is discarded. Call from one
  /// thread; a running source is stopped first.
  void start(ScanHandler on_scan, StatusHandler on_status) override;

  /// Wakes the thread (eventfd) and joins it, well under a second even while
  /// it waits to retry; releases the grab. No handler runs after it
  /// returns. A partial scan is discarded. Idempotent.
  void stop() override;

 private:
  void run(const std::stop_token& stop, const ScanHandler& on_scan, const StatusHandler& on_status);
  /// Delivers scans from the open device until stopped (nullopt) or until the
  /// device goes away or fails (why).
  std::optional<DeviceFailure> read_loop(const std::stop_token& stop, int device,
                                         const ScanHandler& on_scan,
                                         const StatusHandler& on_status);
  /// Hands over the completed scans and logs what `translator` dropped.
  void deliver(KeyTranslator& translator, std::vector<KeyScan>& completed,
               const ScanHandler& on_scan, const StatusHandler& on_status) const;
  /// Sleeps for retry_interval; false when stop() interrupted it.

  std::filesystem::path m_device;
  std::string m_uri;
  Options m_options;
  scan::SourceThread m_thread;
};

/// Builds an EvdevSource from `evdev:PATH[?idle_ms=N]`. PATH must be
/// absolute; idle_ms (default 200) must be 1…10000. Fails with a message
/// naming the URI for another scheme, a missing path, an unknown option or a
/// bad value. Opens nothing. Any thread.
tl::expected<std::unique_ptr<CodeSource>, std::string> make_evdev_source(const std::string& uri);

}  // namespace kiosk::evdev
