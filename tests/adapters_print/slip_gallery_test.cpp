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

BookingConfirmation long_booking(std::string reference) {
  using namespace std::chrono;
  BookingConfirmation b;
  b.booking_id = "b-" + reference;
  b.reference = std::move(reference);
  b.slot.starts_at = sys_days{year{2026} / 12 / 28} + hours{7} + minutes{45};  // 14:45 in Hanoi
  b.slot.ends_at = b.slot.starts_at + minutes{15};
  b.slot.booth = "Gian số 47 – Khu B (tầng 2, cạnh cầu thang máy)";
  b.slot.venue =
      "Cung Văn hóa Lao động Hữu nghị Việt – Xô, số 91 Trần Hưng Đạo, Phường Cửa Nam, Thành phố "
      "Hà Nội (lối vào cổng phụ phố Trần Bình Trọng)";
  b.vacancy_title =
      "Công nhân vận hành xe quét, xe hút bụi và thiết bị thu gom rác thải sinh hoạt đô thị (ca "
      "đêm)";
  b.employer_name =
      "Công ty Trách nhiệm hữu hạn Một thành viên Dịch vụ Môi trường Đô thị Hà Nội – Chi nhánh "
      "Long Biên";
  b.instructions = {"Căn cước công dân (bản gốc) hoặc Giấy xác nhận thông tin cư trú",
                    "Giấy chứng nhận sức khỏe do cơ sở y tế cấp trong vòng 06 tháng",
                    "Bằng lái xe hạng C (đối với vị trí lái xe)"};
  return b;
}

SlipContext long_context() {
  using namespace std::chrono;
  SlipContext c;
  c.centre_name = "Trung tâm Dịch vụ việc làm Hà Nội – Chi nhánh Long Biên, Gia Lâm";
  c.session_title =
      "Phiên giao dịch việc làm trực tuyến kết nối các quận, huyện và tỉnh lân cận tháng 12/2026";
  c.seeker_name = "Tôn Nữ Hoàng Phương Thảo Nguyễn";
  c.printed_at = sys_days{year{2026} / 12 / 20} + hours{3} + minutes{5};
  return c;
}

std::vector<GallerySlip> gallery() {
  std::vector<GallerySlip> slips;
  slips.push_back({"long-names", make_booking_slip(long_booking("LB-4Q7X"), long_context())});
  // One unbroken "word" and capitals with stacked marks in every field.
  BookingConfirmation b = long_booking("HN-2026-000417");
  b.slot.venue = "Số 1/2A ngõ 32/14/7 phố Nguyễn-Khánh-Toàn-Quan-Hoa-Cầu-Giấy-Hà-Nội-Việt-Nam";
  b.slot.booth = "ĐỖ ỄNH ẪM Ỗ";
  b.employer_name = "TỔNG CÔNG TY ĐẦU TƯ PHÁT TRIỂN HẠ TẦNG ĐÔ THỊ UDIC – CÔNG TY TNHH MTV";
  SlipContext c = long_context();
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
