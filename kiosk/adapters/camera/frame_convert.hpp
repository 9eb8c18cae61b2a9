#pragma once
// Camera frames (YUYV or MJPEG, as V4L2 delivers them) to greyscale. Pure
// functions: no device, safe from any thread concurrently.

#include <cstdint>
#include <span>

#include <tl/expected.hpp>

#include "adapters/camera/camera_uri.hpp"
#include "adapters/camera/grey_frame.hpp"
#include "ports/code_source.hpp"

namespace kiosk::camera {

/// A borrowed frame as the driver filled it.
struct RawFrame {
  PixelFormat format = PixelFormat::yuyv;
  int width = 0;  // negotiated size; an MJPEG frame carries its own
  int height = 0;
  int bytes_per_line = 0;               // YUYV row stride (≥ width × 2); 0 means width × 2
  std::span<const std::uint8_t> bytes;  // the bytes the driver used
};

enum class ConvertError {
  bad_geometry,      // a size of zero, above 4096 or a stride below a row
  short_frame,       // fewer bytes than the size needs (a YUYV frame cut short)
  corrupt_jpeg,      // not a JPEG, truncated (no end marker) or undecodable
  jpeg_unavailable,  // libturbojpeg could not set up a decoder
};

/// A short English description, for logs.
const char* describe(ConvertError error);

/// Converts `raw` into `out` (its pixel buffer is reused when large enough;
/// `captured` and `sequence` are left alone). On failure `out` holds no
/// meaningful picture. MJPEG frames are decoded with one libturbojpeg handle
/// per calling thread, kept for the thread's life.
tl::expected<void, ConvertError> convert_frame(const RawFrame& raw, GreyFrame& out);

/// YUYV (Y0 U Y1 V per two pixels): the luma bytes of each row.
tl::expected<void, ConvertError> yuyv_to_grey(const RawFrame& raw, GreyFrame& out);

/// A baseline or progressive JPEG (UVC MJPEG, also without Huffman tables)
/// decoded straight to greyscale. Recoverable libjpeg warnings (extra bytes
/// between markers) are accepted; a missing end-of-image marker is not.
tl::expected<void, ConvertError> mjpeg_to_grey(std::span<const std::uint8_t> jpeg, GreyFrame& out);

/// `in` shrunk by the smallest whole factor that makes it at most
/// `max_width` wide (box average), into `out` (its buffer reused); a copy
/// when it already fits. Copies `sequence`.
void downscale_grey(const GreyFrame& in, int max_width, PreviewFrame& out);

}  // namespace kiosk::camera
