// kiosk_decode_bench: decode rate, wrong results and median ms per call of
// plain ZXing-cpp, zbar and the kiosk's DecodePipeline on the generated
// citizen-ID corpus, one Google Benchmark per (frame size, level) cell.
//
//   kiosk_decode_bench --corpus=DIR [--table=FILE] [benchmark flags…]
//
// After the benchmarks it prints the comparison table (Markdown), also
// written to FILE when given.

#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "decode_bench_runner.hpp"

namespace {

using kiosk::bench::CellReport;
using kiosk::corpus::CorpusFrame;

struct Cell {
  std::string name;
  std::vector<const CorpusFrame*> frames;
};

// Takes --corpus= and --table= out of argv, leaving Google Benchmark's own.
void take_flags(int& argc, char** argv, std::string& corpus, std::string& table) {
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("--corpus=", 0) == 0) {
      corpus = arg.substr(9);
    } else if (arg.rfind("--table=", 0) == 0) {
      table = arg.substr(8);
    } else {
      argv[kept++] = argv[i];
    }
  }
  argc = kept;
}

std::vector<Cell> group_cells(const std::vector<CorpusFrame>& frames) {
  std::vector<Cell> cells;
  for (const CorpusFrame& frame : frames) {
    const std::string name = fmt::format("{}x{}/{}", frame.width, frame.height,
                                         kiosk::corpus::level_name(frame.level));
    if (cells.empty() || cells.back().name != name) {
      cells.push_back(Cell{name, {}});
    }
    cells.back().frames.push_back(&frame);
  }
  return cells;
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus_dir = "build/corpus";
  std::string table_file;
  take_flags(argc, argv, corpus_dir, table_file);
  benchmark::Initialize(&argc, argv);
  const auto frames = kiosk::corpus::read_corpus(corpus_dir);
  if (!frames || frames->empty()) {
    std::fprintf(stderr, "kiosk_decode_bench: %s\n",
                 frames ? "empty corpus" : frames.error().c_str());
    return 1;
  }
  const std::vector<Cell> cells = group_cells(*frames);
  std::vector<CellReport> reports(cells.size());
  for (std::size_t i = 0; i < cells.size(); ++i) {
    benchmark::RegisterBenchmark(("Decode/" + cells[i].name).c_str(),
                                 [&cells, &reports, i](benchmark::State& state) {
                                   for (auto _ : state) {
                                     reports[i] = kiosk::bench::run_cell(cells[i].frames);
                                   }
                                   const CellReport& r = reports[i];
                                   state.counters["zxing_rate"] = r.zxing.rate();
                                   state.counters["zbar_rate"] = r.zbar.rate();
                                   state.counters["kiosk_rate"] = r.kiosk.rate();
                                   state.counters["kiosk_wrong"] = r.kiosk.wrong;
                                   state.counters["zxing_ms"] = r.zxing.median_ms();
                                   state.counters["zbar_ms"] = r.zbar.median_ms();
                                   state.counters["kiosk_ms"] = r.kiosk.median_ms();
                                 })
        ->Iterations(1)
        ->Unit(benchmark::kMillisecond);
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  std::vector<CellReport> ran;
  for (const CellReport& r : reports) {
    if (r.zxing.frames > 0) {
      ran.push_back(r);
    }
  }
  const std::string table = kiosk::bench::format_table(ran);
  std::fputs(table.c_str(), stdout);
  if (!table_file.empty()) {
    std::ofstream(table_file) << table;
  }
  return 0;
}
