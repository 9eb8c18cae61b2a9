#pragma once
// zbar (libzbar) as the benchmark's second reference decoder: its image
// scanner with only the QR reader enabled, on a Y800 (8-bit grey) image,
// returning raw bytes. Kept in its own file: zbar's C++ headers clash with
// ZXing's error macros. Benchmarks only; never in the product.

#include <cstdint>
#include <string>

namespace kiosk::bench {

class ZbarReader {
 public:
  ZbarReader();
  ~ZbarReader();
  ZbarReader(const ZbarReader&) = delete;
  ZbarReader& operator=(const ZbarReader&) = delete;

  /// The first QR symbol's bytes in `bytes`; false when none was read.
  bool read(const std::uint8_t* pixels, int width, int height, std::string& bytes);

 private:
  void* m_scanner;  // zbar_image_scanner_t
};

}  // namespace kiosk::bench
