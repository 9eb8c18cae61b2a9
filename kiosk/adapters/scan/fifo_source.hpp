#pragma once
// The `fifo:/path` code source: scans written into a named pipe, one per line,
// the way a serial 2D scanner delivers them. For tests, demos and bridging a
// scanner daemon.

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <thread>

#include "adapters/scan/source_thread.hpp"
#include "ports/code_source.hpp"

namespace kiosk::scan {

class FifoSource final : public CodeSource {
 public:
  struct Options {
    // A scan without CR/LF ends after this long without more bytes.
    std::chrono::milliseconds idle_gap{150};
    // Longer scans are dropped (and logged without their content).
    std::size_t max_scan_bytes = 4096;
  };

  /// Reads the FIFO at `path` (created with mode 0600, and its parent
  /// directory, on start if missing).
  explicit FifoSource(std::filesystem::path path);
  FifoSource(std::filesystem::path path, Options options);
  ~FifoSource() override;
  FifoSource(const FifoSource&) = delete;
  FifoSource& operator=(const FifoSource&) = delete;

  /// Starts the "scan-fifo" thread, which reports `ready` once the FIFO is
  /// open, or `failed` with the reason (path exists but is no FIFO, cannot
  /// create or open it) and ends. A scan is the bytes up to CR or LF, or up
  /// to an idle gap; empty lines are ignored. Call from one thread; a
  /// running source is stopped first.
  void start(ScanHandler on_scan, StatusHandler on_status) override;

  /// Wakes and joins the thread (promptly, even while idle); no handler runs
  /// after it returns. A partial scan is discarded. Idempotent.
  void stop() override;

 private:
  void run(const std::stop_token& stop, const ScanHandler& on_scan, const StatusHandler& on_status);
  /// Delivers scans until stopped; the reason when reading fails.
  std::string read_loop(const std::stop_token& stop, int fifo, const ScanHandler& on_scan);

  std::filesystem::path m_path;
  std::string m_uri;
  Options m_options;
  SourceThread m_thread;
};

}  // namespace kiosk::scan
