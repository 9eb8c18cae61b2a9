#pragma once
// The byte pipe to an ESC/POS printer: a TCP socket (port 9100 printers) or
// a device file (usblp's /dev/usb/lp0, a serial or pty device, or a regular
// file that captures the job). One link per print job; not thread-safe.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>

#include <tl/expected.hpp>

#include "ports/printer.hpp"

namespace kiosk::print {

struct EscPosTimeouts {
  std::chrono::milliseconds connect{3000};  // TCP connect
  std::chrono::milliseconds send{10000};    // no progress writing the job for this long
  std::chrono::milliseconds status{500};    // a DLE EOT answer before the job
  std::chrono::milliseconds status_after{2000};  // … after it (the printer may be busy)
};

class EscPosLink {
 public:
  virtual ~EscPosLink() = default;

  /// Writes all of `bytes`. Fails `offline` when the printer went away or
  /// stopped taking data for the send timeout, `out_of_paper` when the
  /// device says so (usblp's ENOSPC), else `failed`.
  virtual tl::expected<void, PrintFailure> send(std::span<const std::uint8_t> bytes) = 0;

  /// The next byte the printer sends within `timeout`, or nothing (silence
  /// and a closed read side are both "no answer").
  virtual std::optional<std::uint8_t> read_byte(std::chrono::milliseconds timeout) = 0;

  /// Discards whatever the printer sent so far.
  virtual void drain() = 0;

  /// False when the far end can never answer (a regular file): no status is asked.
  virtual bool can_answer() const = 0;
};

/// Connects to HOST:PORT within the connect timeout (IPv4 or IPv6). Fails
/// `offline` naming the address when it cannot be resolved or reached.
tl::expected<std::unique_ptr<EscPosLink>, PrintFailure> connect_escpos_tcp(
    const std::string& host, const std::string& port, const EscPosTimeouts& timeouts);

/// Opens the device file `path` for writing (and reading, when it can).
/// Never creates it: a missing device is `offline`, as is one that refuses
/// to open. A regular file is appended to and cannot answer.
tl::expected<std::unique_ptr<EscPosLink>, PrintFailure> open_escpos_device(
    const std::string& path, const EscPosTimeouts& timeouts);

}  // namespace kiosk::print
