// SlipRenderer: exact widths, every Vietnamese glyph found, layout inside the
// margins, and a QR block that reads back as the booking reference.

#include <cstdlib>
#include <string>

#include <gtest/gtest.h>

#include "adapters/print/png_writer.hpp"
#include "adapters/print/slip_renderer.hpp"
#include "adapters/scan/qr_decoder.hpp"
#include "print_test_support.hpp"

namespace kiosk::print {
namespace {

std::unique_ptr<SlipRenderer> renderer(int width) {
  auto created = SlipRenderer::create(width, default_slip_fonts());
  EXPECT_TRUE(created.has_value()) << created.error();
  return created ? std::move(*created) : nullptr;
}

Slip one_block(SlipBlock block) {
  return Slip{"TEST", {std::move(block)}};
}

SlipBlock text_block(std::string text, bool centered = false) {
  return SlipBlock{SlipBlock::Kind::text, std::move(text), SlipStyle::body, centered, false};
}

// Leftmost and rightmost black columns, or {-1, -1} for a blank image.
std::pair<int, int> ink_columns(const Bitmap1& image) {
  int left = -1;
  int right = -1;
  for (int x = 0; x < image.width; ++x) {
    for (int y = 0; y < image.height; ++y) {
      if (image.get(x, y)) {
        left = left < 0 ? x : left;
        right = x;
        break;
      }
    }
  }
  return {left, right};
}

void expect_full_slip(int width) {
  auto slip_renderer = renderer(width);
  ASSERT_NE(slip_renderer, nullptr);
  auto raster = slip_renderer->render(test::sample_slip());
  ASSERT_TRUE(raster.has_value()) << raster.error();
  const Bitmap1& image = raster->image;
  EXPECT_EQ(image.width, width);
  EXPECT_GT(image.height, width);
  EXPECT_EQ(image.bits.size(), static_cast<std::size_t>(image.height * width / 8));
  EXPECT_EQ(raster->missing_glyphs, 0);
  const auto [left, right] = ink_columns(image);
  EXPECT_GE(left, 4);
  EXPECT_LE(right, width - 5);

  const auto grey = test::to_grey(image);
  const auto decoded =
      scan::QrDecoder().decode(scan::GreyImage{width, image.height, width, grey.data()});
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(decoded->bytes, "HN-7K2Q");
}

TEST(SlipRender, FullSlipAt576Dots) {
  expect_full_slip(576);
}
TEST(SlipRender, FullSlipAt384Dots) {
  expect_full_slip(384);
}

TEST(SlipRender, EveryVietnameseGlyphIsFound) {
  auto slip_renderer = renderer(576);
  const std::string text =
      "Nguyễn Đống Đa ₫ – … “ ” ẮẰẲẴẶ ắằẳẵặ ẤẦẨẪẬ ấầẩẫậ ĐđÊỀẾỂỄỆ êềếểễệ ÔỒỐỔỖỘ ôồốổỗộ ƠỜỚỞỠỢ "
      "ơờớởỡợ "
      "ƯỪỨỬỮỰ ưừứửữự ÌÍỈĨỊ ìíỉĩị ỲÝỶỸỴ ỳýỷỹỵ ÀÁẢÃẠ àáảãạ ÒÓỎÕỌ òóỏõọ ÙÚỦŨỤ ùúủũụ • × ·";
  for (const bool bold : {false, true}) {
    SlipBlock block = text_block(text);
    block.bold = bold;
    auto raster = slip_renderer->render(one_block(block));
    ASSERT_TRUE(raster.has_value());
    EXPECT_EQ(raster->missing_glyphs, 0) << (bold ? "bold" : "regular");
  }
}

TEST(SlipRender, CombiningMarksRenderLikePrecomposedLetters) {
  auto slip_renderer = renderer(576);
  auto nfc = slip_renderer->render(one_block(text_block("Nguyễn Văn Đức")));
  auto nfd = slip_renderer->render(
      one_block(text_block("Nguye\u0302\u0303n Va\u0306n \u0110u\u031B\u0301c")));
  ASSERT_TRUE(nfc && nfd);
  EXPECT_EQ(nfd->missing_glyphs, 0);
  EXPECT_EQ(nfc->image.bits, nfd->image.bits);
}

TEST(SlipRender, MissingGlyphsAreCounted) {
  auto slip_renderer = renderer(384);
  auto raster = slip_renderer->render(one_block(text_block("Hà Nội 漢字 \U0001F600")));
  ASSERT_TRUE(raster.has_value());
  EXPECT_EQ(raster->missing_glyphs, 3);
}

TEST(SlipRender, LongWordsBreakInsideTheMargins) {
  auto slip_renderer = renderer(384);
  const std::string word(200, 'W');
  auto one_line = slip_renderer->render(one_block(text_block("W")));
  auto raster = slip_renderer->render(one_block(text_block(word + " " + word)));
  ASSERT_TRUE(one_line && raster);
  const auto [left, right] = ink_columns(raster->image);
  EXPECT_GE(left, 4);
  EXPECT_LE(right, 384 - 5);
  EXPECT_GT(raster->image.height, 10 * one_line->image.height / 2);  // many lines
}

TEST(SlipRender, CenteredLinesAreCentered) {
  for (const int width : {384, 576}) {
    auto slip_renderer = renderer(width);
    auto raster = slip_renderer->render(one_block(text_block("ĐỐNG ĐA", true)));
    ASSERT_TRUE(raster.has_value());
    const auto [left, right] = ink_columns(raster->image);
    EXPECT_NEAR(left, width - 1 - right, 4) << width;
  }
}

TEST(SlipRender, RulesAndGapsTakeTheirRoom) {
  auto slip_renderer = renderer(576);
  const Slip slip{"R",
                  {SlipBlock{SlipBlock::Kind::rule, "", SlipStyle::body, false, false},
                   SlipBlock{SlipBlock::Kind::gap, "", SlipStyle::body, false, false}}};
  auto raster = slip_renderer->render(slip);
  ASSERT_TRUE(raster.has_value());
  int black_rows = 0;
  for (int y = 0; y < raster->image.height; ++y) {
    black_rows += raster->image.get(300, y) ? 1 : 0;
  }
  EXPECT_EQ(black_rows, 2);
}

TEST(SlipRender, OversizedQrIsAnErrorNotACrash) {
  auto slip_renderer = renderer(384);
  // Encodable (version 33, 149 modules) but wider than 384 dots at 4 a module.
  const Slip slip{
      "BIG",
      {SlipBlock{SlipBlock::Kind::qr, std::string(1200, 'x'), SlipStyle::body, true, false}}};
  auto raster = slip_renderer->render(slip);
  ASSERT_FALSE(raster.has_value());
  EXPECT_NE(raster.error().find("does not fit"), std::string::npos) << raster.error();
  const Slip empty{"E", {SlipBlock{SlipBlock::Kind::qr, "", SlipStyle::body, true, false}}};
  EXPECT_FALSE(slip_renderer->render(empty).has_value());
}

TEST(SlipRender, MissingFontFailsNamingTheFile) {
  auto created =
      SlipRenderer::create(576, SlipFonts{"/nonexistent/Regular.ttf", default_slip_fonts().bold});
  ASSERT_FALSE(created.has_value());
  EXPECT_NE(created.error().find("/nonexistent/Regular.ttf"), std::string::npos) << created.error();
  auto not_a_font =
      SlipRenderer::create(576, SlipFonts{default_slip_fonts().regular, "/etc/passwd"});
  ASSERT_FALSE(not_a_font.has_value());
  EXPECT_NE(not_a_font.error().find("/etc/passwd"), std::string::npos);
  EXPECT_FALSE(SlipRenderer::create(500, default_slip_fonts()).has_value());
  EXPECT_FALSE(SlipRenderer::create(0, default_slip_fonts()).has_value());
}

// Writes the 576-dot sample slip for a person to look at, when asked:
// KIOSK_SLIP_SAMPLE=/tmp/slip-sample.png.
TEST(SlipRender, WritesSampleWhenAsked) {
  const char* path = std::getenv("KIOSK_SLIP_SAMPLE");
  if (path == nullptr) {
    GTEST_SKIP() << "set KIOSK_SLIP_SAMPLE to a .png path to write the sample slip";
  }
  for (const int width : {576, 384}) {
    auto raster = renderer(width)->render(test::sample_slip());
    ASSERT_TRUE(raster.has_value());
    const std::string target = width == 576 ? std::string(path) : std::string(path) + ".384.png";
    ASSERT_TRUE(write_png(raster->image, target).has_value());
  }
}

}  // namespace
}  // namespace kiosk::print
