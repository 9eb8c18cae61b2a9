#pragma once
// The slip's two faces (regular and bold) loaded with FreeType, and a cache of
// glyphs rasterised to 1-bit masks at the pixel sizes the slip uses.
// Not thread-safe: one SlipRenderer (and its FontSet) per printing thread.

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <tl/expected.hpp>

struct FT_LibraryRec_;
struct FT_FaceRec_;

namespace kiosk::print {

/// One rasterised glyph; coordinates in dots, y growing downwards.
struct Glyph {
  int width = 0;                   // mask columns
  int rows = 0;                    // mask rows
  int left = 0;                    // from the pen position to the mask's left edge
  int top = 0;                     // from the baseline up to the mask's top edge
  int advance = 0;                 // pen advance in 1/64 dot (whole dots, kerning-free)
  bool missing = false;            // the face has no glyph for the code point
  std::vector<std::uint8_t> mask;  // rows * width, 1 = black
};

/// Vertical metrics of a face at a size, in dots.
struct LineMetrics {
  int ascender = 0;   // above the baseline
  int descender = 0;  // below the baseline (positive)
};

class FontSet {
 public:
  /// Loads both faces; a message naming the file when either cannot be
  /// opened or is not a scalable font.
  static tl::expected<std::unique_ptr<FontSet>, std::string> load(const std::string& regular_path,
                                                                  const std::string& bold_path);
  ~FontSet();
  FontSet(const FontSet&) = delete;
  FontSet& operator=(const FontSet&) = delete;

  /// The glyph for `code_point` at `pixel_size`; a missing one is the face's
  /// .notdef box with `missing` set. The reference stays valid for the
  /// FontSet's lifetime.
  const Glyph& glyph(bool bold, int pixel_size, char32_t code_point);

  LineMetrics metrics(bool bold, int pixel_size);

 private:
  FontSet() = default;
  FT_FaceRec_* sized_face(bool bold, int pixel_size);
  Glyph rasterise(FT_FaceRec_* face, char32_t code_point);

  FT_LibraryRec_* m_library = nullptr;
  FT_FaceRec_* m_regular = nullptr;
  FT_FaceRec_* m_bold = nullptr;
  std::unordered_map<std::uint64_t, Glyph> m_cache;
};

}  // namespace kiosk::print
