#pragma once
// The `serial:` code source: a 2D scanner in USB-CDC mode sending each
// scan's raw UTF-8 bytes, ended by CR/LF or by going quiet.
// URI: serial:/dev/ttyACM0[?baud=115200][&idle_ms=100]

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>

#include <tl/expected.hpp>

#include "adapters/scan/source_thread.hpp"
#include "ports/code_source.hpp"

namespace kiosk::serial {

struct PortFailure;

class SerialSource final : public CodeSource {
 public:
  struct Options {
    unsigned baud = 115200;  // one of the rates baud_constant() knows
    // A scan without CR/LF ends after this long without more bytes.
    std::chrono::milliseconds idle_gap{100};
    // Longer scans are dropped whole (and logged without their content).
    std::size_t max_scan_bytes = 4096;
    // How often a missing or unusable device is opened again.
    std::chrono::milliseconds retry_interval{1000};
  };

  /// Reads the serial device at `device` (a path; a symlink such as
  /// /dev/serial/by-id/… is re-resolved on every reconnect). `uri` is what
  /// events and statuses carry as their source; empty means "serial:PATH".
  /// Nothing is opened until start(). An unsupported baud rate fails at
  /// start() with a `failed` status; make_serial_source() rejects it earlier.
  explicit SerialSource(std::filesystem::path device, std::string uri = {});
  SerialSource(std::filesystem::path device, Options options, std::string uri = {});
  ~SerialSource() override;
  SerialSource(const SerialSource&) = delete;
  SerialSource& operator=(const SerialSource&) = delete;

  /// Starts the "scan-serial" thread. It opens the device raw and exclusive
  /// and reports `ready`; while the device is absent or goes away (open
  /// fails with ENOENT/ENODEV/EIO, a read fails with EIO/ENODEV, POLLHUP or
  /// POLLERR) it reports `missing` once and opens it again every
  /// retry_interval, reporting `ready` on reconnect. A device that is there
  /// but unusable (busy, no permission, not a tty) is reported `failed` once
  /// and retried the same way. Each state change is reported once, not once
  /// per retry. Scans (never empty, at most max_scan_bytes) go to `on_scan`
  /// from that thread; a scan cut by a disconnect is discarded. Call from
  /// one thread; a running source is stopped first.
  void start(ScanHandler on_scan, StatusHandler on_status) override;

  /// Wakes the thread (eventfd) and joins it, well under a second even while
  /// it waits to retry; no handler runs after it returns. A partial scan is
  /// discarded. Idempotent.
  void stop() override;

 private:
  void run(const std::stop_token& stop, const ScanHandler& on_scan, const StatusHandler& on_status);
  /// Delivers scans from the open device until stopped (nullopt) or until the
  /// device goes away or fails (why).
  std::optional<PortFailure> read_loop(const std::stop_token& stop, int port,
                                       const ScanHandler& on_scan);
  /// Sleeps for retry_interval; false when stop() interrupted it.

  std::filesystem::path m_device;
  std::string m_uri;
  Options m_options;
  scan::SourceThread m_thread;
};

/// Builds a SerialSource from `serial:PATH[?baud=N][&idle_ms=N]`. PATH must be
/// absolute; baud defaults to 115200 and must be a standard rate (1200 …
/// 1000000); idle_ms (default 100) must be 1…10000. Fails with a message
/// naming the URI for another scheme, a missing path, an unknown option or a
/// bad value. Opens nothing. Any thread.
tl::expected<std::unique_ptr<CodeSource>, std::string> make_serial_source(const std::string& uri);

}  // namespace kiosk::serial
