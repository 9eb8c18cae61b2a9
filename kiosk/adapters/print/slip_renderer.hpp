#pragma once
// Rasterises a kiosk::Slip (DESIGN §3.4) to the 1-bit image a receipt printer
// prints: Vietnamese text drawn from the bundled fonts with FreeType (never
// printer code-page text), rules, gaps and QR codes, at the roll's width.

#include <memory>
#include <string>

#include <tl/expected.hpp>

#include "adapters/print/bitmap1.hpp"
#include "core/slip.hpp"

namespace kiosk::print {

class FontSet;

/// The font files the slip is drawn with (Noto Sans in the package).
struct SlipFonts {
  std::string regular;
  std::string bold;
};

/// Debian's fonts-noto-core files, which the package depends on.
SlipFonts default_slip_fonts();

/// A rendered slip. `missing_glyphs` counts code points the fonts have no
/// glyph for (drawn as boxes and logged); 0 on a correct slip.
struct SlipRaster {
  Bitmap1 image;
  int missing_glyphs = 0;
};

class SlipRenderer {
 public:
  /// Widths of the usual rolls at 203 dpi.
  static constexpr int k_width_58mm = 384;
  static constexpr int k_width_80mm = 576;

  /// A renderer for `width_dots` (a multiple of 8, 256..1024; sizes scale
  /// from the 576-dot layout). Fails with a message naming the file when a
  /// font cannot be loaded, or naming the width when it is unusable.
  static tl::expected<std::unique_ptr<SlipRenderer>, std::string> create(int width_dots,
                                                                         const SlipFonts& fonts);
  ~SlipRenderer();
  SlipRenderer(const SlipRenderer&) = delete;
  SlipRenderer& operator=(const SlipRenderer&) = delete;

  int width() const { return m_width; }

  /// Renders `slip` top to bottom at exactly width() dots. Fails only when a
  /// QR block cannot be encoded or does not fit the width. Not thread-safe:
  /// call from one (printing) thread at a time.
  tl::expected<SlipRaster, std::string> render(const Slip& slip);

 private:
  class Pass;
  SlipRenderer(int width_dots, std::unique_ptr<FontSet> fonts);

  int m_width;
  std::unique_ptr<FontSet> m_fonts;
};

}  // namespace kiosk::print
