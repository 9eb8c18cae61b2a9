// The corpus generator: deterministic, realistic citizen-ID payloads, a
// manifest that round-trips, and the pipeline against plain ZXing on it.

#include <cstdio>
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "core/citizen_id.hpp"
#include "decode_test_support.hpp"
#include "scan_test_support.hpp"
#include "tools/corpus/corpus.hpp"

namespace kiosk::scan {
namespace {

using corpus::CorpusFrame;
using corpus::CorpusOptions;
using corpus::FrameSize;

std::vector<CorpusFrame> make(const CorpusOptions& options) {
  auto frames = corpus::generate_corpus(options);
  EXPECT_TRUE(frames.has_value()) << (frames ? "" : frames.error());
  return frames ? std::move(*frames) : std::vector<CorpusFrame>{};
}

CorpusOptions tiny(std::uint64_t seed) {
  CorpusOptions options;
  options.seed = seed;
  options.frames_per_cell = 2;
  options.sizes = {FrameSize{640, 480}};
  return options;
}

TEST(Corpus, SameSeedSameFramesOtherSeedOtherFrames) {
  const auto a = make(tiny(5));
  const auto b = make(tiny(5));
  const auto c = make(tiny(6));
  ASSERT_EQ(a.size(), 8U);
  ASSERT_EQ(b.size(), a.size());
  ASSERT_EQ(c.size(), a.size());
  int differing = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].file, b[i].file);
    EXPECT_EQ(a[i].payload, b[i].payload);
    EXPECT_EQ(a[i].pixels, b[i].pixels) << a[i].file;
    differing += a[i].payload != c[i].payload ? 1 : 0;
  }
  EXPECT_EQ(differing, static_cast<int>(a.size()));
}

TEST(Corpus, PayloadsAreValidCitizenIds) {
  CorpusOptions options = tiny(11);
  options.frames_per_cell = 15;
  int extras = 0;
  int old_district = 0;
  for (const CorpusFrame& frame : make(options)) {
    const auto id = parse_citizen_id(frame.payload);
    ASSERT_TRUE(id.has_value()) << error_code(id.error());
    // Century/sex digit agrees with the birth year and sex.
    const int digit = id->id[3] - '0';
    EXPECT_EQ(digit % 2 == 1, id->sex == Sex::female);
    EXPECT_EQ(digit >= 2, id->birth_date.year >= 2000);
    EXPECT_EQ(id->id.substr(4, 2), std::to_string(id->birth_date.year).substr(2));
    EXPECT_GE(frame.version, 3);
    EXPECT_TRUE(frame.ecc == 'L' || frame.ecc == 'M');
    extras += id->extras.empty() ? 0 : 1;
    old_district += id->address.find("Quận") != std::string::npos ||
                            id->address.find("Huyện") != std::string::npos
                        ? 1
                        : 0;
  }
  EXPECT_GT(extras, 0);        // some 2024 cards carry further fields
  EXPECT_GT(old_district, 0);  // some addresses still name a district
}

TEST(Corpus, ManifestAndFramesRoundTrip) {
  const auto frames = make(tiny(3));
  const test::TempDir dir;
  ASSERT_TRUE(corpus::write_corpus(frames, dir.path()).has_value());
  const auto read = corpus::read_corpus(dir.path());
  ASSERT_TRUE(read.has_value()) << read.error();
  ASSERT_EQ(read->size(), frames.size());
  for (std::size_t i = 0; i < frames.size(); ++i) {
    EXPECT_EQ((*read)[i].file, frames[i].file);
    EXPECT_EQ((*read)[i].level, frames[i].level);
    EXPECT_EQ((*read)[i].payload, frames[i].payload);
    EXPECT_EQ((*read)[i].pixels, frames[i].pixels);
  }
  EXPECT_FALSE(corpus::read_corpus(dir.path() / "missing").has_value());
}

// The bar, on a small corpus: per level the pipeline (camera rule)
// reads at least as many frames as plain ZXing, and never a wrong payload.
TEST(Corpus, PipelineReadsAtLeastAsManyAsPlainZxingAndNothingWrong) {
  CorpusOptions options;
  options.seed = 20261127;
  options.frames_per_cell = 20;
  options.sizes = {FrameSize{640, 480}, FrameSize{1280, 720}};
  const test::TempDir dir;
  ASSERT_TRUE(corpus::write_corpus(make(options), dir.path()).has_value());
  const auto frames = corpus::read_corpus(dir.path());
  ASSERT_TRUE(frames.has_value()) << frames.error();
  ASSERT_EQ(frames->size(), 160U);
  struct Tally {
    int frames = 0, zxing = 0, kiosk = 0, zxing_wrong = 0, kiosk_wrong = 0;
  };
  std::map<std::string, Tally> by_level;
  for (const CorpusFrame& frame : *frames) {
    Tally& t = by_level[std::string(corpus::level_name(frame.level))];
    ++t.frames;
    const auto plain = test::plain_zxing(frame);
    const auto kiosk = test::camera_read(frame);
    if (plain) {
      ++(*plain == frame.payload ? t.zxing : t.zxing_wrong);
    }
    if (kiosk) {
      ++(*kiosk == frame.payload ? t.kiosk : t.kiosk_wrong);
    }
  }
  int zxing_total = 0;
  int kiosk_total = 0;
  for (const auto& [level, t] : by_level) {
    std::printf("%-8s frames %d  zxing %d  kiosk %d\n", level.c_str(), t.frames, t.zxing, t.kiosk);
    EXPECT_EQ(t.kiosk_wrong, 0) << level;
    EXPECT_GE(t.kiosk, t.zxing) << level;
    zxing_total += t.zxing;
    kiosk_total += t.kiosk;
  }
  EXPECT_GT(kiosk_total, zxing_total);
}

}  // namespace
}  // namespace kiosk::scan
