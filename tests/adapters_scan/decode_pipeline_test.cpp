// DecodePipeline and decode_thorough: the camera path's contract, and the
// still-image path against zxing-cpp's own QR samples.

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <stb/stb_image.h>

#include "adapters/scan/decode_locator.hpp"
#include "adapters/scan/decode_pipeline.hpp"
#include "decode_test_support.hpp"
#include "tools/corpus/corpus.hpp"

namespace kiosk::scan {
namespace {

namespace fs = std::filesystem;

const fs::path k_samples = fs::path(KIOSK_SHARED_TESTDATA) / "zxing-cpp-qrcode";

std::vector<corpus::CorpusFrame> frames_of(corpus::Level level, int count, std::uint64_t seed) {
  corpus::CorpusOptions options;
  options.seed = seed;
  options.frames_per_cell = count;
  options.levels = {level};
  options.sizes = {corpus::FrameSize{1280, 720}};
  auto frames = corpus::generate_corpus(options);
  EXPECT_TRUE(frames.has_value());
  return frames ? std::move(*frames) : std::vector<corpus::CorpusFrame>{};
}

TEST(DecodePipeline, EmptyAndBlankFramesHaveNoCode) {
  DecodePipeline pipeline;
  EXPECT_EQ(pipeline.decode(GreyImage{}).error(), DecodeError::no_code);
  const std::vector<std::uint8_t> grey(640 * 480, 128);
  for (std::size_t i = 0; i < camera_strategies().size() + 1; ++i) {
    EXPECT_FALSE(pipeline.decode(GreyImage{640, 480, 640, grey.data()}).has_value());
  }
  EXPECT_FALSE(decode_thorough(GreyImage{640, 480, 640, grey.data()}).has_value());
  EXPECT_FALSE(decode_thorough(GreyImage{640, 480, 100, grey.data()}).has_value());
}

TEST(DecodePipeline, ReadsAnEasyCardOnTheFirstFrameWithExactBytes) {
  for (const auto& frame : frames_of(corpus::Level::easy, 3, 42)) {
    DecodePipeline pipeline;
    const auto decoded = pipeline.decode(test::view_of(frame));
    ASSERT_TRUE(decoded.has_value()) << frame.file;
    EXPECT_EQ(decoded->bytes, frame.payload);
  }
}

TEST(DecodePipeline, EveryStrategyHasANameAndTheCameraListIsShort) {
  ASSERT_FALSE(camera_strategies().empty());
  // All of them are met within the camera rule's frames.
  EXPECT_LT(camera_strategies().size(), static_cast<std::size_t>(test::k_camera_calls));
  for (const DecodeStrategy strategy : camera_strategies()) {
    EXPECT_STRNE(strategy_name(strategy), "unknown");
  }
}

// Small, faint codes plain ZXing misses: the located strategies read more
// of them over a few frames, and never return anything but the payload.
TEST(DecodePipeline, LaterFramesReadHardCardsPlainZxingMisses) {
  int cheap_only = 0;
  int camera = 0;
  for (const auto& frame : frames_of(corpus::Level::hard, 12, 7)) {
    const auto plain = test::plain_zxing(frame);
    cheap_only += plain && *plain == frame.payload ? 1 : 0;
    const auto read = test::camera_read(frame);
    if (read) {
      EXPECT_EQ(*read, frame.payload) << frame.file;
      ++camera;
    }
  }
  EXPECT_GT(camera, cheap_only);
}

TEST(DecodePipeline, LocatorFindsTheCodeOfACorpusFrame) {
  for (const auto& frame : frames_of(corpus::Level::medium, 4, 9)) {
    const auto candidates = locate_code_candidates(test::view_of(frame), 2);
    ASSERT_FALSE(candidates.empty()) << frame.file;
    const double cx = (frame.corners.x[0] + frame.corners.x[2]) / 2;
    const double cy = (frame.corners.y[0] + frame.corners.y[2]) / 2;
    bool inside = false;
    for (const PixelRect& r : candidates) {
      inside = inside || (cx >= r.x && cx <= r.x + r.width && cy >= r.y && cy <= r.y + r.height);
    }
    EXPECT_TRUE(inside) << frame.file;
  }
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Grey {
  int width = 0;
  int height = 0;
  std::unique_ptr<stbi_uc, void (*)(void*)> pixels{nullptr, stbi_image_free};
};

Grey load(const fs::path& path) {
  Grey grey;
  int channels = 0;
  grey.pixels.reset(stbi_load(path.c_str(), &grey.width, &grey.height, &channels, 1));
  return grey;
}

// decode_thorough (what decode_image_file now uses) reads every sample the
// former QrDecoder path read, at least the plain library's 145 of 162, and
// never a wrong text.
TEST(DecodePipeline, ThoroughReadsTheZxingSamplesAtLeastAsWellAsQrDecoder) {
  int images = 0;
  int before = 0;
  int now = 0;
  for (int folder = 1; folder <= 6; ++folder) {
    const fs::path dir = k_samples / ("qrcode-" + std::to_string(folder));
    ASSERT_TRUE(fs::is_directory(dir)) << dir;
    for (const auto& entry : fs::directory_iterator(dir)) {
      const auto extension = entry.path().extension();
      if (extension != ".png" && extension != ".jpg") {
        continue;
      }
      ++images;
      const std::string expected = read_file(fs::path(entry.path()).replace_extension(".txt"));
      const Grey grey = load(entry.path());
      ASSERT_TRUE(grey.pixels) << entry.path();
      const GreyImage image{grey.width, grey.height, grey.width, grey.pixels.get()};
      const auto old_read = QrDecoder().decode(image);
      const auto new_read = decode_thorough(image);
      const bool old_ok = old_read && old_read->text == expected;
      const bool new_ok = new_read && new_read->text == expected;
      EXPECT_TRUE(!new_read || new_ok) << "wrong text for " << entry.path();
      EXPECT_TRUE(!old_ok || new_ok) << "lost " << entry.path();
      before += old_ok ? 1 : 0;
      now += new_ok ? 1 : 0;
    }
  }
  EXPECT_EQ(images, 162);
  EXPECT_GE(now, before);
  EXPECT_GE(now, 145);
  std::printf("zxing-cpp samples: QrDecoder %d, decode_thorough %d of %d\n", before, now, images);
}

}  // namespace
}  // namespace kiosk::scan
