// kiosk-corpus: writes the degraded citizen-ID corpus (PGM frames and
// manifest.tsv) for the decoder's tests and benchmarks.
//
//   kiosk-corpus [--out DIR] [--seed N] [--per-cell N] [--levels easy,hard]
//                [--sizes 640x480,1280x720] [--wards FILE]

#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "tools/corpus/corpus.hpp"

namespace {

using kiosk::corpus::CorpusOptions;

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    items.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return items;
}

bool parse_levels(const std::string& text, CorpusOptions& options) {
  options.levels.clear();
  for (const auto& name : split_list(text)) {
    const auto level = kiosk::corpus::level_from_name(name);
    if (!level) {
      return false;
    }
    options.levels.push_back(*level);
  }
  return true;
}

bool parse_sizes(const std::string& text, CorpusOptions& options) {
  options.sizes.clear();
  for (const auto& item : split_list(text)) {
    kiosk::corpus::FrameSize size;
    if (std::sscanf(item.c_str(), "%dx%d", &size.width, &size.height) != 2 || size.width < 64 ||
        size.height < 64) {
      return false;
    }
    options.sizes.push_back(size);
  }
  return true;
}

int usage() {
  std::fputs(
      "usage: kiosk-corpus [--out DIR] [--seed N] [--per-cell N] [--levels a,b]\n"
      "                    [--sizes WxH,...] [--wards hanoi_wards.json]\n",
      stderr);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  CorpusOptions options;
  std::string out = "build/corpus";
  const std::vector<std::string> args(argv + 1, argv + argc);
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& flag = args[i];
    if (i + 1 >= args.size()) {
      return usage();
    }
    const std::string& value = args[++i];
    bool ok = true;
    if (flag == "--out") {
      out = value;
    } else if (flag == "--seed") {
      ok = std::sscanf(value.c_str(), "%" SCNu64, &options.seed) == 1;
    } else if (flag == "--per-cell") {
      ok = std::sscanf(value.c_str(), "%d", &options.frames_per_cell) == 1 &&
           options.frames_per_cell > 0;
    } else if (flag == "--levels") {
      ok = parse_levels(value, options);
    } else if (flag == "--sizes") {
      ok = parse_sizes(value, options);
    } else if (flag == "--wards") {
      options.wards_path = value;
    } else {
      ok = false;
    }
    if (!ok) {
      return usage();
    }
  }
  const auto start = std::chrono::steady_clock::now();
  const auto frames = kiosk::corpus::generate_corpus(options);
  if (!frames) {
    fmt::print(stderr, "kiosk-corpus: {}\n", frames.error());
    return 1;
  }
  const auto written = kiosk::corpus::write_corpus(*frames, out);
  if (!written) {
    fmt::print(stderr, "kiosk-corpus: {}\n", written.error());
    return 1;
  }
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  fmt::print("kiosk-corpus: {} frames in {} ({:.1f} s)\n", frames->size(), out, took.count());
  return 0;
}
