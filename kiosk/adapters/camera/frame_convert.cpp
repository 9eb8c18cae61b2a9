#include "adapters/camera/frame_convert.hpp"

#include <algorithm>
#include <cstddef>
#include <memory>

#include <turbojpeg.h>

namespace kiosk::camera {
namespace {

constexpr int k_max_side = 4096;

struct TjDeleter {
  void operator()(void* handle) const { tjDestroy(handle); }
};

// One decompressor per thread, made on first use: a handle must not be
// shared between threads, and making one per frame would cost more than a
// small frame's decoding.
class ThreadDecompressor {
 public:
  /// Null when libturbojpeg cannot allocate one.
  tjhandle get() {
    if (!m_handle) {
      m_handle.reset(tjInitDecompress());
    }
    return m_handle.get();
  }
  /// After a failure libturbojpeg 2.1 leaves the handle mid-stream, and the
  /// next good frame fails too ("Bogus DQT index"): start afresh instead.
  void discard() { m_handle.reset(); }

 private:
  std::unique_ptr<void, TjDeleter> m_handle;
};

ThreadDecompressor& thread_decompressor() {
  thread_local ThreadDecompressor decompressor;
  return decompressor;
}

bool valid_size(int width, int height) {
  return width > 0 && height > 0 && width <= k_max_side && height <= k_max_side;
}

std::size_t pixel_count(int width, int height) {
  return static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
}

// A UVC camera pads some frames with zeros after the end-of-image marker; a
// frame cut short in transfer has no marker at all.
bool ends_with_eoi(std::span<const std::uint8_t> jpeg) {
  std::size_t end = jpeg.size();
  while (end > 0 && jpeg[end - 1] == 0x00) {
    --end;
  }
  return end >= 2 && jpeg[end - 2] == 0xFF && jpeg[end - 1] == 0xD9;
}

bool starts_with_soi(std::span<const std::uint8_t> jpeg) {
  return jpeg.size() >= 2 && jpeg[0] == 0xFF && jpeg[1] == 0xD8;
}

}  // namespace

const char* describe(ConvertError error) {
  switch (error) {
    case ConvertError::bad_geometry:
      return "bad frame geometry";
    case ConvertError::short_frame:
      return "frame shorter than its size";
    case ConvertError::corrupt_jpeg:
      return "corrupt JPEG frame";
    case ConvertError::jpeg_unavailable:
      return "JPEG decoder unavailable";
  }
  return "conversion error";
}

tl::expected<void, ConvertError> convert_frame(const RawFrame& raw, GreyFrame& out) {
  if (raw.format == PixelFormat::mjpeg) {
    return mjpeg_to_grey(raw.bytes, out);
  }
  return yuyv_to_grey(raw, out);
}

tl::expected<void, ConvertError> yuyv_to_grey(const RawFrame& raw, GreyFrame& out) {
  const int row_bytes = raw.width * 2;
  const int stride = raw.bytes_per_line == 0 ? row_bytes : raw.bytes_per_line;
  if (!valid_size(raw.width, raw.height) || stride < row_bytes) {
    return tl::unexpected(ConvertError::bad_geometry);
  }
  // The last row needs only its pixels, not the padding after them.
  const std::size_t needed = static_cast<std::size_t>(stride) * (raw.height - 1) + row_bytes;
  if (raw.bytes.size() < needed) {
    return tl::unexpected(ConvertError::short_frame);
  }
  out.width = raw.width;
  out.height = raw.height;
  out.pixels.resize(pixel_count(raw.width, raw.height));
  for (int y = 0; y < raw.height; ++y) {
    const std::uint8_t* src = raw.bytes.data() + static_cast<std::size_t>(stride) * y;
    std::uint8_t* dst = out.pixels.data() + static_cast<std::size_t>(raw.width) * y;
    for (int x = 0; x < raw.width; ++x) {
      dst[x] = src[static_cast<std::size_t>(x) * 2];
    }
  }
  return {};
}

tl::expected<void, ConvertError> mjpeg_to_grey(std::span<const std::uint8_t> jpeg, GreyFrame& out) {
  if (!starts_with_soi(jpeg) || !ends_with_eoi(jpeg)) {
    return tl::unexpected(ConvertError::corrupt_jpeg);
  }
  ThreadDecompressor& decompressor = thread_decompressor();
  tjhandle handle = decompressor.get();
  if (handle == nullptr) {
    return tl::unexpected(ConvertError::jpeg_unavailable);
  }
  int width = 0;
  int height = 0;
  int subsampling = 0;
  int colorspace = 0;
  if (tjDecompressHeader3(handle, jpeg.data(), jpeg.size(), &width, &height, &subsampling,
                          &colorspace) != 0 ||
      !valid_size(width, height)) {
    decompressor.discard();
    return tl::unexpected(ConvertError::corrupt_jpeg);
  }
  out.width = width;
  out.height = height;
  out.pixels.resize(pixel_count(width, height));
  if (tjDecompress2(handle, jpeg.data(), jpeg.size(), out.pixels.data(), width, width, height,
                    TJPF_GRAY, TJFLAG_FASTDCT) != 0) {
    // A warning (extra bytes between markers, common in UVC MJPEG) still
    // gave a whole picture; an error did not.
    const bool warning_only = tjGetErrorCode(handle) == TJERR_WARNING;
    decompressor.discard();
    if (!warning_only) {
      return tl::unexpected(ConvertError::corrupt_jpeg);
    }
  }
  return {};
}

void downscale_grey(const GreyFrame& in, int max_width, PreviewFrame& out) {
  const int factor = max_width > 0 ? std::max(1, (in.width + max_width - 1) / max_width) : 1;
  out.width = in.width / factor;
  out.height = in.height / factor;
  out.sequence = in.sequence;
  out.grey.resize(pixel_count(out.width, out.height));
  if (factor == 1) {
    std::copy_n(in.pixels.begin(), out.grey.size(), out.grey.begin());
    return;
  }
  const int area = factor * factor;
  for (int y = 0; y < out.height; ++y) {
    for (int x = 0; x < out.width; ++x) {
      int sum = 0;
      for (int dy = 0; dy < factor; ++dy) {
        const std::uint8_t* row = in.pixels.data() +
                                  static_cast<std::size_t>(in.width) * (y * factor + dy) +
                                  static_cast<std::size_t>(x) * factor;
        for (int dx = 0; dx < factor; ++dx) {
          sum += row[dx];
        }
      }
      out.grey[static_cast<std::size_t>(out.width) * y + x] =
          static_cast<std::uint8_t>((sum + area / 2) / area);
    }
  }
}

}  // namespace kiosk::camera
