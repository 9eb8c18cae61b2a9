#pragma once
// A 1-bit raster, the form a thermal printer takes: row-major, most
// significant bit first, 1 = black (a dot burnt), 0 = white paper.

#include <cstdint>
#include <vector>

namespace kiosk::print {

struct Bitmap1 {
  int width = 0;                   // in dots; a multiple of 8
  int height = 0;                  // in dots
  std::vector<std::uint8_t> bits;  // height * stride() bytes

  /// Bytes per row.
  int stride() const { return width / 8; }

  /// True when the dot is black; false outside the bitmap.
  bool get(int x, int y) const {
    if (x < 0 || y < 0 || x >= width || y >= height) {
      return false;
    }
    return (bits[row_offset(y) + static_cast<std::size_t>(x / 8)] & (0x80U >> (x % 8))) != 0;
  }

  /// Blackens the dot; ignores coordinates outside the bitmap.
  void set(int x, int y) {
    if (x < 0 || y < 0 || x >= width || y >= height) {
      return;
    }
    bits[row_offset(y) + static_cast<std::size_t>(x / 8)] |=
        static_cast<std::uint8_t>(0x80U >> (x % 8));
  }

  /// Blackens the rectangle [x, x+w) × [y, y+h), clipped to the bitmap.
  void fill(int x, int y, int w, int h) {
    for (int row = y; row < y + h; ++row) {
      for (int col = x; col < x + w; ++col) {
        set(col, row);
      }
    }
  }

  /// Grows (or shrinks) to `rows` rows; new rows are white.
  void resize_rows(int rows) {
    height = rows;
    bits.resize(static_cast<std::size_t>(rows) * static_cast<std::size_t>(stride()), 0);
  }

 private:
  std::size_t row_offset(int y) const {
    return static_cast<std::size_t>(y) * static_cast<std::size_t>(stride());
  }
};

}  // namespace kiosk::print
