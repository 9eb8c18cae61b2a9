#include "adapters/print/font_set.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <fmt/format.h>

namespace kiosk::print {
namespace {

// Light hinting snaps stems vertically only, which keeps Vietnamese stacked
// diacritics clear of the letters at small sizes without distorting widths.
constexpr FT_Int32 k_load_flags = FT_LOAD_TARGET_LIGHT;
// Coverage at or above this (of 255) becomes a black dot: 50 %.
constexpr unsigned k_black_threshold = 128;

std::uint64_t cache_key(bool bold, int pixel_size, char32_t code_point) {
  return (static_cast<std::uint64_t>(bold) << 63) | (static_cast<std::uint64_t>(pixel_size) << 32) |
         static_cast<std::uint64_t>(code_point);
}

tl::expected<FT_Face, std::string> open_face(FT_Library library, const std::string& path) {
  FT_Face face = nullptr;
  if (const FT_Error error = FT_New_Face(library, path.c_str(), 0, &face); error != 0) {
    return tl::unexpected(
        fmt::format("cannot load font {}: {}", path,
                    FT_Error_String(error) != nullptr ? FT_Error_String(error) : "FreeType error"));
  }
  if (!FT_IS_SCALABLE(face)) {
    FT_Done_Face(face);
    return tl::unexpected(fmt::format("font {} is not scalable", path));
  }
  return face;
}

}  // namespace

tl::expected<std::unique_ptr<FontSet>, std::string> FontSet::load(const std::string& regular_path,
                                                                  const std::string& bold_path) {
  std::unique_ptr<FontSet> set(new FontSet());
  if (FT_Init_FreeType(&set->m_library) != 0) {
    return tl::unexpected(std::string("cannot initialise FreeType"));
  }
  auto regular = open_face(set->m_library, regular_path);
  if (!regular) {
    return tl::unexpected(regular.error());
  }
  set->m_regular = *regular;
  auto bold = open_face(set->m_library, bold_path);
  if (!bold) {
    return tl::unexpected(bold.error());
  }
  set->m_bold = *bold;
  return set;
}

FontSet::~FontSet() {
  if (m_regular != nullptr) {
    FT_Done_Face(m_regular);
  }
  if (m_bold != nullptr) {
    FT_Done_Face(m_bold);
  }
  if (m_library != nullptr) {
    FT_Done_FreeType(m_library);
  }
}

FT_Face FontSet::sized_face(bool bold, int pixel_size) {
  FT_Face face = bold ? m_bold : m_regular;
  if (face->size->metrics.y_ppem != pixel_size) {
    FT_Set_Pixel_Sizes(face, 0, static_cast<FT_UInt>(pixel_size));
  }
  return face;
}

const Glyph& FontSet::glyph(bool bold, int pixel_size, char32_t code_point) {
  const auto key = cache_key(bold, pixel_size, code_point);
  if (auto found = m_cache.find(key); found != m_cache.end()) {
    return found->second;
  }
  return m_cache.emplace(key, rasterise(sized_face(bold, pixel_size), code_point)).first->second;
}

LineMetrics FontSet::metrics(bool bold, int pixel_size) {
  const FT_Face face = sized_face(bold, pixel_size);
  // 26.6 fixed point, rounded outwards so nothing is clipped.
  return LineMetrics{static_cast<int>((face->size->metrics.ascender + 63) >> 6),
                     static_cast<int>((-face->size->metrics.descender + 63) >> 6)};
}

Glyph FontSet::rasterise(FT_Face face, char32_t code_point) {
  Glyph glyph;
  const FT_UInt index = FT_Get_Char_Index(face, code_point);
  glyph.missing = index == 0;
  if (FT_Load_Glyph(face, index, k_load_flags) != 0 ||
      FT_Render_Glyph(face->glyph, FT_RENDER_MODE_NORMAL) != 0) {
    glyph.missing = true;
    return glyph;
  }
  const FT_GlyphSlot slot = face->glyph;
  const FT_Bitmap& bitmap = slot->bitmap;
  glyph.width = static_cast<int>(bitmap.width);
  glyph.rows = static_cast<int>(bitmap.rows);
  glyph.left = slot->bitmap_left;
  glyph.top = slot->bitmap_top;
  // Whole dots (hinted): with 1-bit glyphs, fractional advances rounded per
  // glyph show as uneven gaps ("09: 14").
  glyph.advance = static_cast<int>(slot->advance.x);
  glyph.mask.resize(static_cast<std::size_t>(glyph.width) * static_cast<std::size_t>(glyph.rows));
  for (int row = 0; row < glyph.rows; ++row) {
    const unsigned char* line = bitmap.buffer + static_cast<std::ptrdiff_t>(row) * bitmap.pitch;
    for (int col = 0; col < glyph.width; ++col) {
      glyph.mask[static_cast<std::size_t>(row * glyph.width + col)] =
          line[col] >= k_black_threshold ? 1 : 0;
    }
  }
  return glyph;
}

}  // namespace kiosk::print
