// QrDecoder against zxing-cpp's own QR samples and a citizen-ID round trip.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <ZXing/BarcodeFormat.h>
#include <ZXing/BitMatrix.h>
#include <ZXing/CharacterSet.h>
#include <ZXing/MultiFormatWriter.h>
#include <ZXing/TextUtfEncoding.h>
#include <gtest/gtest.h>

#include "adapters/scan/qr_decoder.hpp"

namespace kiosk::scan {
namespace {

namespace fs = std::filesystem;

const fs::path k_samples = fs::path(KIOSK_SHARED_TESTDATA) / "zxing-cpp-qrcode";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Decodes every image of a sample folder; returns how many matched their .txt
// (the misses are listed: the library is known to miss a few).
int decode_folder(const std::string& folder, int& images) {
  int matched = 0;
  images = 0;
  for (const auto& entry : fs::directory_iterator(k_samples / folder)) {
    const auto extension = entry.path().extension();
    if (extension != ".png" && extension != ".jpg") {
      continue;
    }
    ++images;
    auto expected = fs::path(entry.path()).replace_extension(".txt");
    auto decoded = decode_image_file(entry.path().string());
    if (decoded && decoded->text == read_file(expected)) {
      ++matched;
    } else {
      std::printf("  %s/%s: %s\n", folder.c_str(), entry.path().filename().c_str(),
                  decoded ? "decoded to other text" : describe(decoded.error()));
    }
  }
  return matched;
}

// The README's per-folder minimums for the plain library.
void expect_folder(const std::string& folder, int expected_images, int minimum) {
  ASSERT_TRUE(fs::is_directory(k_samples / folder)) << k_samples / folder;
  int images = 0;
  const int matched = decode_folder(folder, images);
  EXPECT_EQ(images, expected_images);
  EXPECT_GE(matched, minimum) << folder;
  ::testing::Test::RecordProperty("matched", matched);
  std::printf("%s: %d of %d decoded\n", folder.c_str(), matched, images);
}

TEST(QrDecode, SamplesQrcode1) {
  expect_folder("qrcode-1", 16, 16);
}
TEST(QrDecode, SamplesQrcode2) {
  expect_folder("qrcode-2", 46, 44);
}
TEST(QrDecode, SamplesQrcode3) {
  expect_folder("qrcode-3", 28, 25);
}
TEST(QrDecode, SamplesQrcode4) {
  expect_folder("qrcode-4", 41, 29);
}
TEST(QrDecode, SamplesQrcode5) {
  expect_folder("qrcode-5", 16, 16);
}
TEST(QrDecode, SamplesQrcode6) {
  expect_folder("qrcode-6", 15, 15);
}

// Renders `payload` the way a citizen-ID card carries it: UTF-8 bytes behind
// an ECI, 4 pixels per module, quiet zone, grey background noise-free.
std::vector<std::uint8_t> render_qr(const std::string& payload, int& side) {
  ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
  writer.setEncoding(ZXing::CharacterSet::UTF8).setMargin(4).setEccLevel(4);
  const ZXing::BitMatrix modules = writer.encode(ZXing::TextUtfEncoding::FromUtf8(payload), 0, 0);
  constexpr int k_scale = 4;
  side = modules.width() * k_scale;
  std::vector<std::uint8_t> pixels(static_cast<std::size_t>(side * side), 235);
  for (int y = 0; y < side; ++y) {
    for (int x = 0; x < side; ++x) {
      if (modules.get(x / k_scale, y / k_scale)) {
        pixels[static_cast<std::size_t>(y * side + x)] = 20;
      }
    }
  }
  return pixels;
}

TEST(QrDecode, CitizenIdRoundTripKeepsUtf8Bytes) {
  const std::string payload =
      "001095012345|123456789|Nguyễn Văn An|15031995|Nam|Số 12 ngõ 34 Trần Duy Hưng, Phường Yên "
      "Hòa, "
      "Thành phố Hà Nội|01082021";
  int side = 0;
  const auto pixels = render_qr(payload, side);
  const auto decoded = QrDecoder().decode(GreyImage{side, side, side, pixels.data()});
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(decoded->bytes, payload);
  EXPECT_EQ(decoded->text, payload);
}

TEST(QrDecode, ReadsAStridedImage) {
  int side = 0;
  const auto pixels = render_qr("HN-7K2Q", side);
  const int stride = side + 13;
  std::vector<std::uint8_t> padded(static_cast<std::size_t>(stride * side), 0);
  for (int y = 0; y < side; ++y) {
    std::copy_n(pixels.begin() + y * side, side, padded.begin() + y * stride);
  }
  const auto decoded = QrDecoder().decode(GreyImage{side, side, stride, padded.data()});
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(decoded->bytes, "HN-7K2Q");
}

TEST(QrDecode, ShiftJisSampleKeepsRawBytesBesideText) {
  const auto decoded = decode_image_file((k_samples / "qrcode-2" / "16.png").string());
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(decoded->text, read_file(k_samples / "qrcode-2" / "16.txt"));
  EXPECT_FALSE(decoded->bytes.empty());
  EXPECT_NE(decoded->bytes, decoded->text);  // Shift-JIS bytes, UTF-8 text
}

TEST(QrDecode, BlankImageHasNoCode) {
  const std::vector<std::uint8_t> white(200 * 100, 255);
  const auto decoded = QrDecoder().decode(GreyImage{200, 100, 200, white.data()});
  ASSERT_FALSE(decoded.has_value());
  EXPECT_EQ(decoded.error(), DecodeError::no_code);
  EXPECT_FALSE(QrDecoder().decode(GreyImage{}).has_value());
}

TEST(QrDecode, UnreadableFiles) {
  EXPECT_EQ(decode_image_file("/nonexistent/scan.png").error(), DecodeError::unreadable_file);
  EXPECT_EQ(decode_image_file((k_samples / "README.md").string()).error(),
            DecodeError::unreadable_file);
}

}  // namespace
}  // namespace kiosk::scan
