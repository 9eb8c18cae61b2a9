// Slip benchmarks (scripts/bench.sh slip): render time (layout + raster,
// from the Slip model to the 1-bit image) and the ESC/POS job, at 384 and
// 576 dots, for the test suite's sample slip and its long-names slip.
//
//   kiosk_slip_bench [--table=FILE] [Google Benchmark flags…]
//
// Counters: job_bytes (what goes to the printer), raster_bytes (the image
// uncompressed), rows. With --table the medians go to a Markdown table.

#include <cstring>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "../adapters_print/print_test_support.hpp"
#include "adapters/print/escpos_job.hpp"
#include "adapters/print/slip_renderer.hpp"

namespace kiosk::bench {
namespace {

using print::SlipRenderer;

Slip slip_named(int which) {
  return which == 0 ? print::test::sample_slip() : print::test::long_slip();
}

void set_counters(benchmark::State& state, const print::Bitmap1& image,
                  const std::vector<std::uint8_t>& job) {
  state.counters["job_bytes"] = static_cast<double>(job.size());
  state.counters["raster_bytes"] = static_cast<double>(image.bits.size());
  state.counters["rows"] = image.height;
}

// Layout and raster: Slip → Bitmap1, with a warm glyph cache (as after the
// kiosk's first slip).
void render(benchmark::State& state) {
  const int width = static_cast<int>(state.range(0));
  auto renderer = SlipRenderer::create(width, print::default_slip_fonts());
  const Slip slip = slip_named(static_cast<int>(state.range(1)));
  auto warm = (*renderer)->render(slip);
  for (auto _ : state) {
    auto raster = (*renderer)->render(slip);
    benchmark::DoNotOptimize(raster->image.bits.data());
  }
  set_counters(state, warm->image, print::encode_escpos_job(warm->image, {}));
}

// The ESC/POS job from the image (bands, feeds, cut).
void encode(benchmark::State& state) {
  const int width = static_cast<int>(state.range(0));
  auto renderer = SlipRenderer::create(width, print::default_slip_fonts());
  const auto raster = (*renderer)->render(slip_named(static_cast<int>(state.range(1))));
  std::vector<std::uint8_t> job;
  for (auto _ : state) {
    job = print::encode_escpos_job(raster->image, {});
    benchmark::DoNotOptimize(job.data());
  }
  set_counters(state, raster->image, job);
}

// The first slip after start: fonts loaded and every glyph rasterised.
void render_cold(benchmark::State& state) {
  const int width = static_cast<int>(state.range(0));
  const Slip slip = slip_named(static_cast<int>(state.range(1)));
  for (auto _ : state) {
    auto renderer = SlipRenderer::create(width, print::default_slip_fonts());
    auto raster = (*renderer)->render(slip);
    benchmark::DoNotOptimize(raster->image.bits.data());
  }
}

void slip_args(benchmark::internal::Benchmark* b) {
  b->ArgNames({"dots", "long"})->Unit(benchmark::kMillisecond);
  for (const int width : {384, 576}) {
    for (const int which : {0, 1}) {
      b->Args({width, which});
    }
  }
}

BENCHMARK(render)->Apply(slip_args);
BENCHMARK(render_cold)->Apply(slip_args);
BENCHMARK(encode)->Apply(slip_args);

// Console output as usual, and each median (or single run) kept for the table.
class TableReporter final : public benchmark::ConsoleReporter {
 public:
  struct Row {
    double ms = 0;
    std::map<std::string, double> counters;
  };
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
      if (run.run_type == Run::RT_Aggregate && run.aggregate_name != "median") {
        continue;
      }
      Row& row = m_rows[run.run_name.str()];
      row.ms = run.GetAdjustedRealTime();
      for (const auto& [name, counter] : run.counters) {
        row.counters[name] = counter.value;
      }
    }
  }
  const std::map<std::string, Row>& rows() const { return m_rows; }

 private:
  std::map<std::string, Row> m_rows;
};

std::string verdict(bool met) {
  return met ? "yes" : "**no**";
}

void write_table(const std::string& path, const TableReporter& reporter) {
  std::ofstream out(path);
  out << "| slip | dots | render (layout + raster) | first slip (fonts cold) | ESC/POS encode |"
         " job size | raster uncompressed | rows | ≤ 50 ms | ≤ 64 KiB |\n"
      << "|---|---:|---:|---:|---:|---:|---:|---:|---|---|\n";
  const auto& rows = reporter.rows();
  for (const int width : {384, 576}) {
    for (const int which : {0, 1}) {
      const std::string args = fmt::format("/dots:{}/long:{}", width, which);
      const auto r = rows.find("render" + args);
      const auto c = rows.find("render_cold" + args);
      const auto e = rows.find("encode" + args);
      if (r == rows.end() || c == rows.end() || e == rows.end()) {
        continue;
      }
      const double job = r->second.counters.at("job_bytes");
      out << fmt::format(
          "| {} | {} | {:.1f} ms | {:.1f} ms | {:.2f} ms | {:.1f} KiB ({:.0f} B) | {:.1f} KiB | {:.0f} "
          "| {} | {} |\n",
          which == 0 ? "sample" : "long names", width, r->second.ms, c->second.ms, e->second.ms,
          job / 1024, job, r->second.counters.at("raster_bytes") / 1024,
          r->second.counters.at("rows"), verdict(r->second.ms + e->second.ms <= 50),
          verdict(width != 576 || job <= 64 * 1024));
    }
  }
}

}  // namespace
}  // namespace kiosk::bench

int main(int argc, char** argv) {
  std::string table;
  std::vector<char*> args;
  for (int i = 0; i < argc; ++i) {
    if (std::strncmp(argv[i], "--table=", 8) == 0) {
      table = argv[i] + 8;
    } else {
      args.push_back(argv[i]);
    }
  }
  int count = static_cast<int>(args.size());
  benchmark::Initialize(&count, args.data());
  kiosk::bench::TableReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  if (!table.empty()) {
    kiosk::bench::write_table(table, reporter);
  }
  return 0;
}
