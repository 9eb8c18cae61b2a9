#pragma once
// 1-bit greyscale PNG files of slip rasters (for the file: printer, kioskctl
// and screenshots). Any thread.

#include <cstdio>
#include <string>

#include <tl/expected.hpp>

#include "adapters/print/bitmap1.hpp"

namespace kiosk::print {

/// Writes `image` as a 1-bit greyscale PNG (white paper, black dots) to an
/// open stream, without closing or syncing it. Fails with libpng's message.
tl::expected<void, std::string> write_png(const Bitmap1& image, std::FILE* stream);

/// Writes `image` to `path` (replacing it) and flushes it to disk. Fails
/// with a message naming the path when it cannot be created or written.
tl::expected<void, std::string> write_png(const Bitmap1& image, const std::string& path);

}  // namespace kiosk::print
