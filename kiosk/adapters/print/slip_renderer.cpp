#include "adapters/print/slip_renderer.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "adapters/print/font_set.hpp"
#include "adapters/print/qr_matrix.hpp"
#include "adapters/print/text_layout.hpp"
#include "core/log.hpp"
#include "core/text.hpp"

namespace kiosk::print {
namespace {

// The layout is designed at 576 dots (80 mm roll, 203 dpi) and scaled.
constexpr double k_design_width = 576.0;
constexpr int k_margin = 12;  // left and right
constexpr int k_top = 8;
constexpr int k_bottom = 32;         // clear of the cutter
constexpr int k_block_spacing = 6;   // after a text block
constexpr int k_rule_padding = 12;   // above and below a rule
constexpr int k_rule_thickness = 2;  // dots, at any width
constexpr int k_gap = 18;
constexpr int k_qr_quiet_modules = 4;  // the standard's quiet zone
// Text shrinks with the roll no further than this: at 384 dots the plain
// scale (2/3) makes body text 16 dots (2 mm) tall, smaller than a receipt
// printer's own small font; lines wrap more instead. The reference keeps
// the plain scale so that it stays on one line.
constexpr double k_min_text_scale = 0.8;
constexpr int k_min_width = 256;
constexpr int k_max_width = 1024;
constexpr char32_t k_dong_sign = 0x20AB;
constexpr char32_t k_no_break_space = 0xA0;
constexpr char32_t k_bullet = 0x2022;
constexpr char32_t k_en_dash = 0x2013;
constexpr char32_t k_em_dash = 0x2014;

int design_size(SlipStyle style) {
  switch (style) {
    case SlipStyle::small:
      return 20;
    case SlipStyle::body:
      return 24;
    case SlipStyle::heading:
      return 30;
    case SlipStyle::title:
      return 36;
    case SlipStyle::reference:
      return 64;
  }
  return 24;
}

// Characters that take no room and need no glyph (zero-width space,
// joiners, byte-order mark, soft hyphen) or that a slip cannot show.
bool is_invisible(char32_t c) {
  return (c < 0x20 && c != U'\n' && c != U'\t') || c == 0x7F || c == 0xAD ||
         (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF;
}

std::u32string prepare_text(const std::string& text) {
  // NFC puts Vietnamese in precomposed letters (one glyph each) when the
  // source used combining marks; invalid UTF-8 stays as is and decodes to
  // replacement characters.
  const std::string nfc = to_nfc(text);
  std::u32string points = decode_utf8(nfc.empty() ? text : nfc);
  std::erase_if(points, is_invisible);
  // "12.000.000 ₫" stays on one line, and no line starts with the dash of
  // "Hà Nội – Chi nhánh": the space before the currency sign or a dash
  // becomes a no-break space, which the wrapper does not break at.
  for (std::size_t i = 1; i < points.size(); ++i) {
    const bool binds = points[i] == k_dong_sign || points[i] == k_en_dash || points[i] == k_em_dash;
    if (binds && points[i - 1] == U' ') {
      points[i - 1] = k_no_break_space;
    }
  }
  return points;
}

// Lines of a centered block, made as even as the greedy line count allows,
// so a heading does not end in one orphaned word.
std::vector<std::u32string> balanced_lines(const std::u32string& text, int max_width,
                                           const AdvanceFn& advance) {
  auto lines = wrap_text(text, max_width, advance);
  if (lines.size() < 2) {
    return lines;
  }
  int low = 1;
  int high = max_width;
  while (low < high) {  // the narrowest width giving no more lines
    const int mid = low + (high - low) / 2;
    if (wrap_text(text, mid, advance).size() <= lines.size()) {
      high = mid;
    } else {
      low = mid + 1;
    }
  }
  return wrap_text(text, high, advance);
}

// Width of the bullet ("• ") that wrapped lines of a list item hang under.
int hanging_indent(const std::u32string& text, const AdvanceFn& advance) {
  if (text.size() > 2 && text[0] == k_bullet && text[1] == U' ') {
    return advance(k_bullet) + advance(U' ');
  }
  return 0;
}

}  // namespace

// One render: the growing image, the pen's vertical position and the glyphs
// found missing so far.
class SlipRenderer::Pass {
 public:
  Pass(FontSet& fonts, int width)
      : m_fonts(fonts), m_scale(width / k_design_width),
        m_text_scale(std::max(m_scale, k_min_text_scale)) {
    m_image.width = width;
    m_y = scaled(k_top);
  }

  tl::expected<void, std::string> add(const SlipBlock& block) {
    switch (block.kind) {
      case SlipBlock::Kind::text:
        add_text(block);
        break;
      case SlipBlock::Kind::rule:
        add_rule();
        break;
      case SlipBlock::Kind::gap:
        m_y += scaled(k_gap);
        break;
      case SlipBlock::Kind::qr:
        return add_qr(block.text);
    }
    return {};
  }

  SlipRaster finish(const std::string& reference) {
    m_image.resize_rows(m_y + scaled(k_bottom));
    if (!m_missing.empty()) {
      std::string list;
      for (const char32_t c : m_missing) {
        list += fmt::format(" U+{:04X}", static_cast<std::uint32_t>(c));
      }
      logger("print")->warn("slip {}: {} glyph(s) missing from the fonts:{}", reference,
                            m_missing_count, list);
    }
    return SlipRaster{std::move(m_image), m_missing_count};
  }

 private:
  int scaled(int design_dots) const { return static_cast<int>(std::lround(design_dots * m_scale)); }
  int text_size(SlipStyle style) const {
    const double scale = style == SlipStyle::reference ? m_scale : m_text_scale;
    return static_cast<int>(std::lround(design_size(style) * scale));
  }
  int margin() const { return scaled(k_margin); }
  int content_width() const { return m_image.width - 2 * margin(); }

  void ensure_rows(int rows) {
    if (rows > m_image.height) {
      m_image.resize_rows(rows);
    }
  }

  void add_text(const SlipBlock& block) {
    const bool bold =
        block.bold || block.style == SlipStyle::title || block.style == SlipStyle::reference;
    const int size = text_size(block.style);
    const LineMetrics metrics = m_fonts.metrics(bold, size);
    const AdvanceFn advance = [&](char32_t c) { return m_fonts.glyph(bold, size, c).advance; };
    const std::u32string text = prepare_text(block.text);
    const int full = content_width() * 64;
    const int indent = block.centered ? 0 : hanging_indent(text, advance);
    // A list item: the text after the bullet wraps in the narrower column.
    auto lines = block.centered
                     ? balanced_lines(text, full, advance)
                     : wrap_text(text.substr(indent > 0 ? 2 : 0), full - indent, advance);
    if (indent > 0) {
      lines.front().insert(0, text.substr(0, 2));
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
      ensure_rows(m_y + metrics.ascender + metrics.descender);
      int pen = margin() * 64 + (i > 0 ? indent : 0);
      if (block.centered) {
        pen += std::max(0, full - line_width(lines[i], advance)) / 2;
      }
      draw_line(lines[i], bold, size, pen, m_y + metrics.ascender);
      m_y += metrics.ascender + metrics.descender;
    }
    m_y += scaled(k_block_spacing);
  }

  // Draws `line` from `pen` (1/64 dot) on `baseline`.
  void draw_line(const std::u32string& line, bool bold, int size, int pen, int baseline) {
    for (const char32_t c : line) {
      const Glyph& glyph = m_fonts.glyph(bold, size, c);
      draw_glyph(glyph, (pen + 32) / 64, baseline);
      note_missing(glyph, c);
      pen += glyph.advance;
    }
  }

  void draw_glyph(const Glyph& glyph, int pen_x, int baseline) {
    for (int row = 0; row < glyph.rows; ++row) {
      for (int col = 0; col < glyph.width; ++col) {
        if (glyph.mask[static_cast<std::size_t>(row * glyph.width + col)] != 0) {
          m_image.set(pen_x + glyph.left + col, baseline - glyph.top + row);
        }
      }
    }
  }

  void note_missing(const Glyph& glyph, char32_t c) {
    if (glyph.missing) {
      ++m_missing_count;
      m_missing.insert(c);
    }
  }

  void add_rule() {
    m_y += scaled(k_rule_padding);
    ensure_rows(m_y + k_rule_thickness);
    m_image.fill(margin(), m_y, content_width(), k_rule_thickness);
    m_y += k_rule_thickness + scaled(k_rule_padding);
  }

  tl::expected<void, std::string> add_qr(const std::string& payload) {
    auto matrix = encode_qr(payload);
    if (!matrix) {
      return tl::unexpected(matrix.error());
    }
    // An integer number of dots per module, never below what a phone or
    // scanner reads reliably off thermal paper; about 40 % of the width.
    const int min_module = m_image.width >= k_design_width ? 6 : 4;
    const int with_quiet = matrix->size + 2 * k_qr_quiet_modules;
    const int module = std::max(min_module, static_cast<int>(m_image.width * 0.4) / matrix->size);
    if (with_quiet * module > m_image.width) {
      return tl::unexpected(
          fmt::format("QR code of {} modules does not fit {} dots at {} dots per module",
                      matrix->size, m_image.width, module));
    }
    const int side = matrix->size * module;
    const int left = (m_image.width - side) / 2;
    const int top = m_y + k_qr_quiet_modules * module;
    ensure_rows(top + side + k_qr_quiet_modules * module);
    for (int y = 0; y < matrix->size; ++y) {
      for (int x = 0; x < matrix->size; ++x) {
        if (matrix->at(x, y)) {
          m_image.fill(left + x * module, top + y * module, module, module);
        }
      }
    }
    m_y = top + side + k_qr_quiet_modules * module;
    return {};
  }

  FontSet& m_fonts;
  double m_scale;
  double m_text_scale;
  Bitmap1 m_image;
  int m_y = 0;
  int m_missing_count = 0;
  std::set<char32_t> m_missing;
};

SlipFonts default_slip_fonts() {
  return SlipFonts{"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
                   "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"};
}

tl::expected<std::unique_ptr<SlipRenderer>, std::string> SlipRenderer::create(
    int width_dots, const SlipFonts& fonts) {
  if (width_dots % 8 != 0 || width_dots < k_min_width || width_dots > k_max_width) {
    return tl::unexpected(
        fmt::format("unusable slip width {} dots (a multiple of 8 in {}..{}, e.g. 384 or 576)",
                    width_dots, k_min_width, k_max_width));
  }
  auto loaded = FontSet::load(fonts.regular, fonts.bold);
  if (!loaded) {
    return tl::unexpected(loaded.error());
  }
  return std::unique_ptr<SlipRenderer>(new SlipRenderer(width_dots, std::move(*loaded)));
}

SlipRenderer::SlipRenderer(int width_dots, std::unique_ptr<FontSet> fonts)
    : m_width(width_dots), m_fonts(std::move(fonts)) {}

SlipRenderer::~SlipRenderer() = default;

tl::expected<SlipRaster, std::string> SlipRenderer::render(const Slip& slip) {
  Pass pass(*m_fonts, m_width);
  for (const auto& block : slip.blocks) {
    if (auto added = pass.add(block); !added) {
      logger("print")->error("slip {}: {}", slip.reference, added.error());
      return tl::unexpected(added.error());
    }
  }
  return pass.finish(slip.reference);
}

}  // namespace kiosk::print
