#pragma once
// The composition root: reads the profile, builds the adapters, and runs the
// frame loop on the main thread with workers for everything that blocks.

namespace kiosk {

/// `kiosk [--profile FILE] [--windowed]`. Returns the process exit code:
/// 0 after a clean stop, 2 for a bad profile or a missing display.
int run_kiosk(int argc, char** argv);

}  // namespace kiosk
