// Slips with long Vietnamese names, employers and venues at 384 and 576
// dots, written as PNGs for a person to look at (build dir out/slips, or
// KIOSK_SLIP_OUT) and checked: every glyph found, no ink at or past the
// margins (a clipped line would run into the edge), a blank tail for the
// cutter, and the booking QR read back from the PNG file by ZXing.

#include <chrono>
#include <cstdlib>
#include <filesystem>

#include <gtest/gtest.h>
#include <stb/stb_image.h>

#include <fmt/format.h>

#include "adapters/print/png_writer.hpp"
#include "adapters/print/slip_renderer.hpp"
#include "escpos_test_support.hpp"

namespace kiosk::print {
namespace {

namespace fs = std::filesystem;

struct GallerySlip {
  std::string name;
  Slip slip;
};

std::vector<GallerySlip> gallery() {
  std::vector<GallerySlip> slips;
  slips.push_back({"long-names", test::long_slip()});
  // One unbroken "word" and capitals with stacked marks in every field.
  BookingConfirmation b = test::long_booking("HN-2026-000417");
  b.slot.venue = "Số 1/2A ngõ 32/14/7 phố Nguyễn-Khánh-Toàn-Quan-Hoa-Cầu-Giấy-Hà-Nội-Việt-Nam";
  b.slot.booth = "ĐỖ ỄNH ẪM Ỗ";
  b.employer_name = "TỔNG CÔNG TY ĐẦU TƯ PHÁT TRIỂN HẠ TẦNG ĐÔ THỊ UDIC – CÔNG TY TNHH MTV";
  SlipContext c = test::long_context();
  c.seeker_name = "Nguyễn Huỳnh Thị Ngọc Bích Trâm Công Tằng Tôn Nữ Phước Hồng Ân";
  c.session_title.clear();
  slips.push_back({"unbroken-and-capitals", make_booking_slip(b, c)});
  return slips;
}

fs::path out_dir() {
  const char* chosen = std::getenv("KIOSK_SLIP_OUT");
  return chosen != nullptr ? fs::path(chosen) : fs::path(KIOSK_SLIP_GALLERY_DIR);
}

// Reads the PNG back as the file a person (or a phone) would see.
Bitmap1 load_png(const fs::path& path) {
  int w = 0;
  int h = 0;
  int channels = 0;
  stbi_uc* pixels = stbi_load(path.c_str(), &w, &h, &channels, 1);
  Bitmap1 image;
  if (pixels == nullptr) {
    return image;
  }
  image.width = w;
  image.resize_rows(h);
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      if (pixels[y * w + x] < 128) {
        image.set(x, y);
      }
    }
  }
  stbi_image_free(pixels);
  return image;
}

void expect_unclipped(const Bitmap1& image, const std::string& what) {
  const int margin = image.width * 12 / 576;
  int left = image.width;
  int right = -1;
  int last_row = -1;
  for (int y = 0; y < image.height; ++y) {
    for (int x = 0; x < image.width; ++x) {
      if (image.get(x, y)) {
        left = std::min(left, x);
        right = std::max(right, x);
        last_row = y;
      }
    }
  }
  EXPECT_GE(left, margin / 2) << what;
  EXPECT_LE(right, image.width - 1 - margin / 2) << what;
  EXPECT_GE(image.height - 1 - last_row, 16) << what;  // clear of the cutter
}

class SlipGallery : public ::testing::TestWithParam<int> {};

TEST_P(SlipGallery, LongVietnameseSlipsFitAndTheirQrReadsBackFromThePng) {
  const int width = GetParam();
  auto renderer = SlipRenderer::create(width, default_slip_fonts());
  ASSERT_TRUE(renderer.has_value()) << renderer.error();
  fs::create_directories(out_dir());
  for (const auto& [name, slip] : gallery()) {
    auto raster = (*renderer)->render(slip);
    ASSERT_TRUE(raster.has_value()) << raster.error();
    EXPECT_EQ(raster->missing_glyphs, 0) << name;
    const fs::path png = out_dir() / fmt::format("slip-{}-{}.png", name, width);
    ASSERT_TRUE(write_png(raster->image, png.string()).has_value()) << png;
    const Bitmap1 image = load_png(png);
    ASSERT_EQ(image.width, width) << png;
    EXPECT_EQ(image.bits, raster->image.bits) << png;
    expect_unclipped(image, png.string());
    EXPECT_EQ(test::read_qr(image), slip.reference) << png;
  }
}

INSTANTIATE_TEST_SUITE_P(Widths, SlipGallery, ::testing::Values(384, 576));

}  // namespace
}  // namespace kiosk::print
