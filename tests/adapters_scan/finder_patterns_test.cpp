// The "a code is in view" check the camera uses to say "hold still": it must
// see the corner squares of real codes, even degraded ones, and nothing in
// frames without a code.

#include "adapters/scan/finder_patterns.hpp"

#include <random>

#include <gtest/gtest.h>

#include "decode_test_support.hpp"
#include "tools/corpus/corpus.hpp"

namespace kiosk::scan {
namespace {

struct Picture {
  int width = 640;
  int height = 480;
  std::vector<std::uint8_t> pixels = std::vector<std::uint8_t>(640 * 480, 180);
  GreyImage view() const { return GreyImage{width, height, width, pixels.data()}; }
  std::uint8_t& at(int x, int y) { return pixels[static_cast<std::size_t>(y * width + x)]; }
};

TEST(FinderPatterns, SeesMostDegradedCardsOfTheCorpus) {
  corpus::CorpusOptions options;
  options.seed = 21;
  options.frames_per_cell = 10;
  options.sizes = {corpus::FrameSize{640, 480}};
  const auto frames = corpus::generate_corpus(options);
  ASSERT_TRUE(frames.has_value()) << frames.error();
  int seen = 0;
  int seen_easy_or_medium = 0;
  for (const auto& frame : *frames) {
    const bool sighted = qr_sighted(test::view_of(frame));
    seen += sighted ? 1 : 0;
    if (frame.level == corpus::Level::easy || frame.level == corpus::Level::medium) {
      seen_easy_or_medium += sighted ? 1 : 0;
    }
  }
  // Measured on 50 frames per level (640×480 and 1280×720): easy 100 %,
  // medium 98 %, hard 66 %,
  // extreme 26 % (blur at 2 px per module hides the corner squares). It is
  // a hint for the person, so missing some hard frames costs little.
  EXPECT_GE(seen_easy_or_medium, 19) << seen_easy_or_medium << " of 20";
  EXPECT_GE(seen, 26) << seen << " of " << frames->size();
}

TEST(FinderPatterns, SeesNothingWhereThereIsNoCode) {
  Picture flat;
  EXPECT_FALSE(qr_sighted(flat.view()));

  Picture noise;
  std::mt19937 random(7);
  std::uniform_int_distribution<int> grey(0, 255);
  for (auto& p : noise.pixels) {
    p = static_cast<std::uint8_t>(grey(random));
  }
  EXPECT_FALSE(qr_sighted(noise.view()));

  // Lines of "text": dark strokes of random widths, like a printed page.
  Picture text;
  std::uniform_int_distribution<int> stroke(1, 9);
  for (int line = 20; line + 24 < text.height; line += 40) {
    for (int x = 10; x < text.width - 20;) {
      const int w = stroke(random);
      for (int y = line; y < line + 24; ++y) {
        for (int dx = 0; dx < w; ++dx) {
          text.at(x + dx, y) = 30;
        }
      }
      x += w + stroke(random);
    }
  }
  EXPECT_FALSE(qr_sighted(text.view()));

  Picture checks;
  for (int y = 0; y < checks.height; ++y) {
    for (int x = 0; x < checks.width; ++x) {
      checks.at(x, y) = ((x / 8 + y / 8) % 2) != 0 ? 30 : 220;
    }
  }
  EXPECT_FALSE(qr_sighted(checks.view()));
}

TEST(FinderPatterns, OneCornerSquareAloneIsNotACode) {
  Picture one;
  // A single 1:1:3:1:1 square, 6 px modules, like a lone QR corner.
  for (int y = 0; y < 42; ++y) {
    for (int x = 0; x < 42; ++x) {
      const int m = std::max(std::abs(x / 6 - 3), std::abs(y / 6 - 3));
      one.at(200 + x, 200 + y) = (m == 2) ? 220 : 30;
    }
  }
  EXPECT_EQ(find_finder_patterns(one.view(), 41).size(), 1U);
  EXPECT_FALSE(qr_sighted(one.view()));
}

TEST(FinderPatterns, EmptyOrMalformedImagesAreNoSighting) {
  EXPECT_FALSE(qr_sighted(GreyImage{}));
  const std::vector<std::uint8_t> tiny(10 * 10, 0);
  EXPECT_FALSE(qr_sighted(GreyImage{10, 10, 10, tiny.data()}));
  EXPECT_FALSE(qr_sighted(GreyImage{100, 100, 50, tiny.data()}));
}

}  // namespace
}  // namespace kiosk::scan
