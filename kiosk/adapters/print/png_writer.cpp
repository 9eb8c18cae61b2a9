#include "adapters/print/png_writer.hpp"

#include <array>
#include <cerrno>
#include <system_error>

#include <png.h>
#include <unistd.h>

#include <fmt/format.h>

namespace kiosk::print {
namespace {

// libpng reports errors by longjmp; this keeps the message for the caller.
struct PngErrorSink {
  std::array<char, 256> message{};
};

void on_png_error(png_structp png, png_const_charp message) {
  auto* sink = static_cast<PngErrorSink*>(png_get_error_ptr(png));
  std::snprintf(sink->message.data(), sink->message.size(), "%s", message);
  png_longjmp(png, 1);
}

void on_png_warning(png_structp /*png*/, png_const_charp /*message*/) {}

// Plain C-style body: no object with a destructor lives between setjmp and
// a longjmp, so unwinding by longjmp skips nothing.
bool write_rows(png_structp png, png_infop info, std::FILE* stream, const Bitmap1& image) {
  if (setjmp(png_jmpbuf(png)) != 0) {
    return false;
  }
  png_init_io(png, stream);
  png_set_IHDR(png, info, static_cast<png_uint_32>(image.width),
               static_cast<png_uint_32>(image.height), 1, PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  // In a 1-bit grey PNG 0 is black; our bits say 1 = black.
  png_set_invert_mono(png);
  for (int y = 0; y < image.height; ++y) {
    png_write_row(png, image.bits.data() + static_cast<std::ptrdiff_t>(y) * image.stride());
  }
  png_write_end(png, info);
  return true;
}

}  // namespace

tl::expected<void, std::string> write_png(const Bitmap1& image, std::FILE* stream) {
  if (image.width <= 0 || image.height <= 0 || image.width % 8 != 0 ||
      image.bits.size() !=
          static_cast<std::size_t>(image.height) * static_cast<std::size_t>(image.stride())) {
    return tl::unexpected(fmt::format("malformed bitmap {}x{}", image.width, image.height));
  }
  PngErrorSink sink;
  png_structp png =
      png_create_write_struct(PNG_LIBPNG_VER_STRING, &sink, on_png_error, on_png_warning);
  if (png == nullptr) {
    return tl::unexpected(std::string("cannot create PNG writer"));
  }
  png_infop info = png_create_info_struct(png);
  const bool written = info != nullptr && write_rows(png, info, stream, image);
  png_destroy_write_struct(&png, &info);
  if (!written) {
    return tl::unexpected(fmt::format("cannot write PNG: {}",
                                      sink.message[0] != 0 ? sink.message.data() : "no memory"));
  }
  return {};
}

tl::expected<void, std::string> write_png(const Bitmap1& image, const std::string& path) {
  std::FILE* stream = std::fopen(path.c_str(), "wb");
  if (stream == nullptr) {
    return tl::unexpected(
        fmt::format("cannot create {}: {}", path, std::generic_category().message(errno)));
  }
  auto written = write_png(image, stream);
  const bool flushed = std::fflush(stream) == 0 && ::fsync(fileno(stream)) == 0;
  const int flush_errno = errno;
  const bool closed = std::fclose(stream) == 0;
  if (!written) {
    return tl::unexpected(fmt::format("{}: {}", path, written.error()));
  }
  if (!flushed || !closed) {
    return tl::unexpected(
        fmt::format("cannot write {}: {}", path,
                    std::generic_category().message(flushed ? errno : flush_errno)));
  }
  return {};
}

}  // namespace kiosk::print
