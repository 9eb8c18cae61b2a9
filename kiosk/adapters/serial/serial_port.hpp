#pragma once
// Opening a serial device (a 2D scanner in USB-CDC mode) in raw mode.
// Internal to kiosk_adapter_serial.

#include <filesystem>
#include <optional>
#include <string>

#include <termios.h>

#include <tl/expected.hpp>

#include "ports/code_source.hpp"

namespace kiosk::serial {

/// Why a device could not be opened or stopped working: `missing` when it is
/// not there (unplugged, no such path), `failed` when it is there but
/// unusable (in use, no permission, not a serial device). `detail` is plain
/// text for the staff screen and logs.
struct PortFailure {
  SourceState state = SourceState::failed;
  std::string detail;
};

/// The termios speed constant for `baud`; nullopt for a rate termios has no
/// constant for. Pure; any thread.
std::optional<speed_t> baud_constant(unsigned baud);

/// Opens `path` (O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC), takes it
/// exclusively (TIOCEXCL), sets raw 8N1 at `speed` without echo or flow
/// control, and discards input that arrived before. Reads never block:
/// VMIN=1/VTIME=0 with O_NONBLOCK makes an empty read fail with EAGAIN, so a
/// read of 0 bytes means the line hung up. Returns the descriptor, which the
/// caller closes. Any thread.
tl::expected<int, PortFailure> open_serial_port(const std::filesystem::path& path, speed_t speed);

/// Gives up exclusivity (TIOCNXCL: on a pty, or a tty someone else still
/// holds, the flag outlives our descriptor) and closes `port`. Any thread.
void close_serial_port(int port) noexcept;

}  // namespace kiosk::serial
