#pragma once
// Opening a Linux input device (a keyboard-wedge scanner) and grabbing it.
// Internal to kiosk_adapter_evdev.

#include <filesystem>
#include <string>

#include <tl/expected.hpp>

#include "ports/code_source.hpp"

namespace kiosk::evdev {

/// Why a device could not be opened or stopped working: `missing` when it is
/// not there (unplugged, no such path), `failed` when it is there but
/// unusable (grabbed by another program, no permission). `detail` is plain
/// text for the staff screen and logs.
struct DeviceFailure {
  SourceState state = SourceState::failed;
  std::string detail;
};

/// Opens `path` (O_RDONLY | O_NONBLOCK | O_CLOEXEC) and grabs it (EVIOCGRAB)
/// so its keystrokes reach no other program. A device or FIFO that is no
/// input device (the grab fails with ENOTTY or EINVAL: a FIFO in tests) is
/// returned ungrabbed, with a warning logged against `uri`; anything else
/// (a regular file, a directory) is `failed`. Returns the descriptor,
/// which the caller closes (closing releases the grab). Any thread.
tl::expected<int, DeviceFailure> open_input_device(const std::filesystem::path& path,
                                                   const std::string& uri);

/// A read or open errno that means the device went away. Pure.
bool means_missing(int error);

}  // namespace kiosk::evdev
