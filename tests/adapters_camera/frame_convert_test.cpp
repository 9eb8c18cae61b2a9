// YUYV and MJPEG frames to greyscale, and the preview downscale.

#include <cstdint>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "adapters/camera/frame_convert.hpp"
#include "adapters/scan/qr_decoder.hpp"
#include "camera_test_support.hpp"

namespace kiosk::camera {
namespace {

using test::k_citizen_payload;

TEST(FrameConvert, YuyvTakesTheLumaOfEachRowPastTheStridePadding) {
  constexpr int k_width = 6;
  constexpr int k_height = 3;
  constexpr int k_stride = k_width * 2 + 5;
  GreyFrame expected;
  expected.width = k_width;
  expected.height = k_height;
  for (int i = 0; i < k_width * k_height; ++i) {
    expected.pixels.push_back(static_cast<std::uint8_t>(10 + i * 13));
  }
  const auto bytes = test::to_yuyv(expected, k_stride);
  GreyFrame out;
  ASSERT_TRUE(convert_frame(test::yuyv_raw(bytes, k_width, k_height, k_stride), out));
  EXPECT_EQ(out.width, k_width);
  EXPECT_EQ(out.height, k_height);
  EXPECT_EQ(out.pixels, expected.pixels);
}

TEST(FrameConvert, YuyvLastRowNeedsNoPadding) {
  const GreyFrame grey = test::qr_frame("HN-1", 64, 48, 1);
  auto bytes = test::to_yuyv(grey, 64 * 2 + 32);
  bytes.erase(bytes.end() - 32, bytes.end());  // some drivers stop after the last pixel
  GreyFrame out;
  ASSERT_TRUE(yuyv_to_grey(test::yuyv_raw(bytes, 64, 48, 64 * 2 + 32), out));
  EXPECT_EQ(out.pixels, grey.pixels);
}

TEST(FrameConvert, YuyvZeroStrideMeansPacked) {
  const GreyFrame grey = test::qr_frame("HN-1", 64, 48, 1);
  const auto bytes = test::to_yuyv(grey, 64 * 2);
  GreyFrame out;
  ASSERT_TRUE(yuyv_to_grey(test::yuyv_raw(bytes, 64, 48, 0), out));
  EXPECT_EQ(out.pixels, grey.pixels);
}

TEST(FrameConvert, YuyvBadGeometryAndShortFramesAreErrors) {
  const std::vector<std::uint8_t> bytes(100, 0);
  GreyFrame out;
  EXPECT_EQ(yuyv_to_grey(test::yuyv_raw(bytes, 10, 6, 20), out).error(), ConvertError::short_frame);
  EXPECT_EQ(yuyv_to_grey(test::yuyv_raw(bytes, 10, 2, 10), out).error(),
            ConvertError::bad_geometry);  // stride below a row
  EXPECT_EQ(yuyv_to_grey(test::yuyv_raw(bytes, 0, 2, 0), out).error(), ConvertError::bad_geometry);
  EXPECT_EQ(yuyv_to_grey(test::yuyv_raw(bytes, 5000, 1, 0), out).error(),
            ConvertError::bad_geometry);
}

TEST(FrameConvert, MjpegDecodesToTheImageAndTheQrStillReads) {
  const GreyFrame grey = test::qr_frame(k_citizen_payload, 1280, 720);
  for (const bool colour : {true, false}) {
    const auto jpeg = test::to_jpeg(grey, 85, colour);
    GreyFrame out;
    ASSERT_TRUE(convert_frame(test::mjpeg_raw(jpeg, 1280, 720), out)) << colour;
    ASSERT_EQ(out.width, 1280);
    ASSERT_EQ(out.height, 720);
    EXPECT_LT(test::mean_abs_error(out, grey), 3.0) << colour;
    const auto decoded = scan::QrDecoder().decode(grey_image(out));
    ASSERT_TRUE(decoded.has_value()) << colour;
    EXPECT_EQ(decoded->bytes, k_citizen_payload);
  }
}

TEST(FrameConvert, MjpegReusesTheOutputBuffer) {
  const auto jpeg = test::to_jpeg(test::qr_frame("HN-1", 320, 240, 4));
  GreyFrame out;
  ASSERT_TRUE(mjpeg_to_grey(jpeg, out));
  const std::uint8_t* buffer = out.pixels.data();
  ASSERT_TRUE(mjpeg_to_grey(jpeg, out));
  EXPECT_EQ(out.pixels.data(), buffer);
}

TEST(FrameConvert, MjpegWithZeroPaddingAfterTheEndMarkerIsAccepted) {
  auto jpeg = test::to_jpeg(test::qr_frame("HN-1", 320, 240, 4));
  jpeg.resize(jpeg.size() + 1000, 0);  // bytesused of some UVC cameras
  GreyFrame out;
  EXPECT_TRUE(mjpeg_to_grey(jpeg, out));
}

TEST(FrameConvert, TruncatedJpegIsAnError) {
  const auto jpeg = test::to_jpeg(test::qr_frame(k_citizen_payload, 640, 480));
  GreyFrame out;
  for (const std::size_t keep :
       {jpeg.size() / 2, jpeg.size() - 1, std::size_t{600}, std::size_t{2}, std::size_t{0}}) {
    const std::vector<std::uint8_t> cut(jpeg.begin(), jpeg.begin() + static_cast<long>(keep));
    const auto result = convert_frame(test::mjpeg_raw(cut, 640, 480), out);
    ASSERT_FALSE(result.has_value()) << keep;
    EXPECT_EQ(result.error(), ConvertError::corrupt_jpeg);
  }
}

TEST(FrameConvert, GarbageBetweenJpegMarkersIsAnErrorNotACrash) {
  std::mt19937 random(42);
  std::vector<std::uint8_t> garbage(5000);
  for (auto& byte : garbage) {
    byte = static_cast<std::uint8_t>(random());
  }
  garbage[0] = 0xFF;
  garbage[1] = 0xD8;
  garbage[garbage.size() - 2] = 0xFF;
  garbage[garbage.size() - 1] = 0xD9;
  GreyFrame out;
  EXPECT_EQ(mjpeg_to_grey(garbage, out).error(), ConvertError::corrupt_jpeg);
}

TEST(FrameConvert, GoodFrameRightAfterACorruptOneDecodes) {
  // libturbojpeg 2.1 leaves a handle mid-stream after an error; the next
  // good frame must not pay for it.
  const auto good = test::to_jpeg(test::qr_frame("HN-1", 320, 240, 4));
  std::mt19937 random(42);
  std::vector<std::uint8_t> bad(5000);
  for (auto& byte : bad) {
    byte = static_cast<std::uint8_t>(random());
  }
  bad[0] = 0xFF;
  bad[1] = 0xD8;
  bad[bad.size() - 2] = 0xFF;
  bad[bad.size() - 1] = 0xD9;
  GreyFrame out;
  for (int round = 0; round < 3; ++round) {
    EXPECT_FALSE(mjpeg_to_grey(bad, out).has_value());
    EXPECT_TRUE(mjpeg_to_grey(good, out).has_value()) << round;
  }
}

TEST(FrameConvert, DamagedJpegsNeverCrash) {
  const auto jpeg = test::to_jpeg(test::qr_frame("HN-1", 320, 240, 4));
  std::mt19937 random(7);
  GreyFrame out;
  int decoded = 0;
  for (int round = 0; round < 300; ++round) {
    auto damaged = jpeg;
    for (int flips = 0; flips < 1 + round % 8; ++flips) {
      damaged[2 + random() % (damaged.size() - 4)] = static_cast<std::uint8_t>(random());
    }
    // Either result is fine; what matters is a value and sane dimensions,
    // and that the intact frame still decodes afterwards.
    if (mjpeg_to_grey(damaged, out)) {
      ++decoded;
      EXPECT_EQ(out.pixels.size(), static_cast<std::size_t>(out.width * out.height));
    }
    ASSERT_TRUE(mjpeg_to_grey(jpeg, out).has_value()) << round;
  }
  RecordProperty("decoded", decoded);
}

TEST(FrameConvert, DownscaleAveragesBlocksToFitTheWidth) {
  GreyFrame in;
  in.width = 1280;
  in.height = 720;
  in.sequence = 9;
  in.pixels.resize(std::size_t{1280} * 720);
  for (int y = 0; y < 720; ++y) {
    for (int x = 0; x < 1280; ++x) {
      in.pixels[static_cast<std::size_t>(y) * 1280 + static_cast<std::size_t>(x)] =
          (x + y) % 2 == 0 ? 100 : 200;
    }
  }
  PreviewFrame out;
  downscale_grey(in, 640, out);
  EXPECT_EQ(out.width, 640);
  EXPECT_EQ(out.height, 360);
  EXPECT_EQ(out.sequence, 9U);
  EXPECT_EQ(out.grey.size(), 640U * 360U);
  EXPECT_TRUE(std::all_of(out.grey.begin(), out.grey.end(), [](auto v) { return v == 150; }));
  downscale_grey(in, 2000, out);  // fits: a copy
  EXPECT_EQ(out.width, 1280);
  EXPECT_EQ(out.grey, in.pixels);
}

}  // namespace
}  // namespace kiosk::camera
