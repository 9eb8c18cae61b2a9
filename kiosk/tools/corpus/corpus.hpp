#pragma once
// The degraded citizen-ID corpus: frames of a camera looking at the back of
// a CCCD card, in difficulty levels and frame sizes, with the exact payload
// each holds. Deterministic for a seed. Written as PGM files plus a
// manifest.tsv; never committed (tests and benchmarks make their own).

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "tools/corpus/corpus_levels.hpp"

namespace kiosk::corpus {

struct FrameSize {
  int width = 0;
  int height = 0;
};

inline constexpr std::array<FrameSize, 3> k_frame_sizes = {
    FrameSize{640, 480}, FrameSize{1280, 720}, FrameSize{1920, 1080}};

struct CorpusOptions {
  std::uint64_t seed = 1;
  int frames_per_cell = 20;  // frames for each level and frame size
  std::vector<Level> levels{k_levels.begin(), k_levels.end()};
  std::vector<FrameSize> sizes{k_frame_sizes.begin(), k_frame_sizes.end()};
  std::string wards_path;  // hanoi_wards.json; empty: the source tree's copy
  int threads = 2;
};

/// One frame and the truth about it.
struct CorpusFrame {
  std::string file;  // "hard-1280x720-007.pgm"
  Level level = Level::easy;
  int width = 0;
  int height = 0;
  std::string payload;               // the symbol's exact content bytes (UTF-8)
  int version = 0;                   // QR version 1..40
  char ecc = 'M';                    // 'L' or 'M'
  double module_px = 0;              // module size at the code's centre, pixels
  CodeCorners corners;               // where the code lies in the frame
  std::vector<std::uint8_t> pixels;  // width * height, 0 = black
};

/// The hanoi_wards.json this build's source tree carries.
std::string default_wards_path();

/// Makes every frame of `options` in memory (levels x sizes x frames_per_cell),
/// ordered by level, size, index. Fails when the ward list cannot be read or
/// a payload cannot be encoded.
tl::expected<std::vector<CorpusFrame>, std::string> generate_corpus(const CorpusOptions& options);

/// Writes each frame as `dir/<file>` (binary PGM) and `dir/manifest.tsv`
/// (file, level, width, height, payload as hex, version, ecc, module_px).
tl::expected<void, std::string> write_corpus(const std::vector<CorpusFrame>& frames,
                                             const std::filesystem::path& dir);

/// Reads a corpus written by write_corpus, pixels included.
tl::expected<std::vector<CorpusFrame>, std::string> read_corpus(const std::filesystem::path& dir);

/// Lower-case hex of bytes, and back (nothing for malformed hex).
std::string to_hex(const std::string& bytes);
std::optional<std::string> from_hex(const std::string& hex);

}  // namespace kiosk::corpus
