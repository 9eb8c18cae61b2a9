// kiosk_decode_bench: decode rate, wrong results and median ms per call of
// plain ZXing-cpp, zbar and the kiosk's DecodePipeline on the generated
// citizen-ID corpus.
//
//   kiosk_decode_bench --corpus=DIR [--table=FILE] [--thorough] [--ablation]
//                      [Google Benchmark flags…]
//
// Benchmarks: Decode/<size>/<level> runs all decoders over one cell, frame
// by frame (one iteration; the table below is its result); Stage/<part>
// times each part of the pipeline alone on the hard 1280x720 frames. After
// the benchmarks the comparison table (Markdown) is printed and written to
// FILE; --thorough adds decode_thorough, --ablation each strategy alone.

#include <cstdio>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "adapters/scan/decode_locator.hpp"
#include "adapters/scan/decode_pipeline.hpp"
#include "decode_ablation.hpp"
#include "decode_bench_runner.hpp"

namespace {

using kiosk::bench::CellReport;
using kiosk::corpus::CorpusFrame;

struct Flags {
  std::string corpus = "build/corpus";
  std::string table;
  bool thorough = false;
  bool ablation = false;
};

struct Cell {
  std::string name;
  std::vector<const CorpusFrame*> frames;
};

// Takes this program's flags out of argv, leaving Google Benchmark's own.
Flags take_flags(int& argc, char** argv) {
  Flags flags;
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("--corpus=", 0) == 0) {
      flags.corpus = arg.substr(9);
    } else if (arg.rfind("--table=", 0) == 0) {
      flags.table = arg.substr(8);
    } else if (arg == "--thorough") {
      flags.thorough = true;
    } else if (arg == "--ablation") {
      flags.ablation = true;
    } else {
      argv[kept++] = argv[i];
    }
  }
  argc = kept;
  return flags;
}

std::vector<Cell> group_cells(const std::vector<CorpusFrame>& frames) {
  std::vector<Cell> cells;
  for (const CorpusFrame& frame : frames) {
    const std::string name =
        fmt::format("{}x{}/{}", frame.width, frame.height, kiosk::corpus::level_name(frame.level));
    if (cells.empty() || cells.back().name != name) {
      cells.push_back(Cell{name, {}});
    }
    cells.back().frames.push_back(&frame);
  }
  return cells;
}

void register_cells(const std::vector<Cell>& cells, std::vector<CellReport>& reports,
                    bool thorough) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    auto run = [&cells, &reports, i, thorough](benchmark::State& state) {
      for (auto _ : state) {
        reports[i] = kiosk::bench::run_cell(cells[i].frames, thorough);
      }
      const CellReport& r = reports[i];
      state.counters["zxing_rate"] = r.zxing.rate();
      state.counters["zbar_rate"] = r.zbar.rate();
      state.counters["kiosk_rate"] = r.kiosk.rate();
      state.counters["kiosk_wrong"] = r.kiosk.wrong;
      state.counters["kiosk_ms"] = r.kiosk.median_ms();
    };
    benchmark::RegisterBenchmark(("Decode/" + cells[i].name).c_str(), run)
        ->Iterations(1)
        ->Unit(benchmark::kMillisecond);
  }
}

// Each part of the pipeline alone, cycling through the hard 720p frames.
void register_stages(const std::vector<CorpusFrame>& frames) {
  std::vector<const CorpusFrame*> hard;
  for (const CorpusFrame& f : frames) {
    if (f.width == 1280 && f.level == kiosk::corpus::Level::hard) {
      hard.push_back(&f);
    }
  }
  if (hard.empty()) {
    return;
  }
  auto image_of = [hard](std::size_t i) {
    const CorpusFrame& f = *hard[i % hard.size()];
    return kiosk::scan::GreyImage{f.width, f.height, f.width, f.pixels.data()};
  };
  auto stage = [image_of](std::optional<kiosk::scan::DecodeStrategy> s) {
    return [image_of, s](benchmark::State& state) {
      std::size_t i = 0;
      for (auto _ : state) {
        benchmark::DoNotOptimize(kiosk::scan::decode_with(image_of(i++), s));
      }
    };
  };
  benchmark::RegisterBenchmark("Stage/cheap_pass/1280x720", stage(std::nullopt))
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("Stage/locate/1280x720", [image_of](benchmark::State& state) {
    std::size_t i = 0;
    for (auto _ : state) {
      benchmark::DoNotOptimize(kiosk::scan::locate_code_candidates(image_of(i++), 2));
    }
  })->Unit(benchmark::kMillisecond);
  for (const auto s : kiosk::scan::camera_strategies()) {
    benchmark::RegisterBenchmark(
        (std::string("Stage/") + kiosk::scan::strategy_name(s) + "/1280x720").c_str(), stage(s))
        ->Unit(benchmark::kMillisecond);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const Flags flags = take_flags(argc, argv);
  benchmark::Initialize(&argc, argv);
  const auto frames = kiosk::corpus::read_corpus(flags.corpus);
  if (!frames || frames->empty()) {
    std::fprintf(stderr, "kiosk_decode_bench: %s\n",
                 frames ? "empty corpus" : frames.error().c_str());
    return 1;
  }
  const std::vector<Cell> cells = group_cells(*frames);
  std::vector<CellReport> reports(cells.size());
  register_cells(cells, reports, flags.thorough);
  register_stages(*frames);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  std::vector<CellReport> ran;
  for (const CellReport& r : reports) {
    if (r.zxing.frames > 0) {
      ran.push_back(r);
    }
  }
  if (ran.empty()) {
    return 0;  // only Stage/ benchmarks were selected
  }
  std::string table = kiosk::bench::format_table(ran);
  if (flags.ablation) {
    table += "\n" + kiosk::bench::ablation_table(*frames);
  }
  std::fputs(("\n" + table).c_str(), stdout);
  if (!flags.table.empty()) {
    std::ofstream(flags.table) << table;
  }
  return 0;
}
