#include "decode_ablation.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "adapters/scan/decode_pipeline.hpp"

namespace kiosk::bench {
namespace {

using Clock = std::chrono::steady_clock;
using scan::DecodeStrategy;

struct Variant {
  std::string name;
  std::optional<DecodeStrategy> strategy;  // empty: the cheap pass
  std::map<std::string, int> read_by_level;
  std::set<std::size_t> read;  // frame indices
  std::vector<double> ms_720p;
};

double median(std::vector<double> values) {
  if (values.empty()) {
    return 0.0;
  }
  std::nth_element(values.begin(), values.begin() + static_cast<long>(values.size() / 2),
                   values.end());
  return values[values.size() / 2];
}

void measure(Variant& v, const std::vector<corpus::CorpusFrame>& frames) {
  for (std::size_t i = 0; i < frames.size(); ++i) {
    const corpus::CorpusFrame& f = frames[i];
    const scan::GreyImage image{f.width, f.height, f.width, f.pixels.data()};
    const auto start = Clock::now();
    const auto decoded = scan::decode_with(image, v.strategy);
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    if (f.width == 1280) {
      v.ms_720p.push_back(ms);
    }
    if (decoded && decoded->bytes == f.payload) {
      ++v.read_by_level[std::string(corpus::level_name(f.level))];
      v.read.insert(i);
    }
  }
}

// Strategies in order of what each adds to the cheap pass and those before.
std::string greedy_ranking(const std::vector<Variant>& variants, std::size_t frames) {
  std::set<std::size_t> covered = variants.front().read;
  std::string out = fmt::format("\nGreedy ranking over the cheap pass ({} of {} frames):\n\n",
                                covered.size(), frames);
  std::vector<bool> used(variants.size(), false);
  for (std::size_t round = 1; round < variants.size(); ++round) {
    std::size_t best = 0;
    std::size_t gain = 0;
    for (std::size_t v = 1; v < variants.size(); ++v) {
      std::size_t g = 0;
      for (const std::size_t f : variants[v].read) {
        g += covered.count(f) == 0 ? 1 : 0;
      }
      if (!used[v] && g > gain) {
        best = v;
        gain = g;
      }
    }
    if (gain == 0) {
      break;
    }
    used[best] = true;
    covered.insert(variants[best].read.begin(), variants[best].read.end());
    out += fmt::format("{}. {}: +{} frames, {} in all\n", round, variants[best].name, gain,
                       covered.size());
  }
  return out;
}

}  // namespace

std::string ablation_table(const std::vector<corpus::CorpusFrame>& frames) {
  std::vector<Variant> variants{Variant{"cheap pass", std::nullopt, {}, {}, {}}};
  for (const DecodeStrategy s : scan::all_strategies()) {
    variants.push_back(Variant{scan::strategy_name(s), s, {}, {}, {}});
  }
  std::map<std::string, int> totals;
  for (const auto& f : frames) {
    ++totals[std::string(corpus::level_name(f.level))];
  }
  std::string out =
      "| one call of | easy | medium | hard | extreme | all | median ms (1280x720) |\n"
      "|---|---:|---:|---:|---:|---:|---:|\n";
  for (Variant& v : variants) {
    measure(v, frames);
    out += fmt::format("| {} |", v.name);
    for (const corpus::Level level : corpus::k_levels) {
      const std::string name(corpus::level_name(level));
      out += fmt::format(" {}/{} |", v.read_by_level[name], totals[name]);
    }
    out += fmt::format(" {}/{} | {:.1f} |\n", v.read.size(), frames.size(), median(v.ms_720p));
  }
  return out + greedy_ranking(variants, frames.size());
}

}  // namespace kiosk::bench
