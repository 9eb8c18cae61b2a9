#pragma once
// Builds the code source a profile's `[scanner]` URI names.

#include <memory>
#include <string>

#include <tl/expected.hpp>

#include "ports/code_source.hpp"

namespace kiosk::scan {

/// `fifo:/path` → FifoSource; `images:DIR` (optionally `images:DIR?delay_ms=N`)
/// → ImagesSource. Fails with a message naming the URI for other schemes
/// (camera:, serial:, evdev: are not built yet), an empty path or a bad
/// option. Nothing is opened until start().
tl::expected<std::unique_ptr<CodeSource>, std::string> make_code_source(const std::string& uri);

}  // namespace kiosk::scan
