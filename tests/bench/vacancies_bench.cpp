// kiosk_vacancies_bench: the vacancy side of the kiosk at 50,000 vacancies,
// against the development central API in-process on loopback.
//
//   kiosk_vacancies_bench [--vacancies=N] [--sync-runs=R] [--store=FILE]
//                         [Google Benchmark flags…]
//
// 1. Sync: R full snapshot syncs (CurlCentralApi + CatalogSync +
//    SqliteVacancyStore into a fresh SQLite file), single-shot wall times.
// 2. From the cache the last sync left in FILE (as the kiosk loads it):
//    Rank/* time match_query_for + match_vacancies for one person (Nguyễn
//    Văn An of Yên Hòa, born 1995) over every cached vacancy; Search/* build
//    the SearchIndex and time every keystroke of typed phrases.
// Every timed call is also sampled with its own steady_clock, and summary
// lines are printed last for scripts:
//
//   sync: vacancies=… runs=… median_ms=… max_ms=… fetch_median_ms=… …
//   rank: … median_ms=… p95_ms=…
//   search: … keystroke_median_ms=… keystroke_p95_ms=…
//
// FILE stays behind for kiosk_first_frame_bench.

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "adapters/factory/adapter_factory.hpp"
#include "adapters/system/system_clock.hpp"
#include "bench_stats.hpp"
#include "core/catalog_changes.hpp"
#include "core/citizen_id.hpp"
#include "core/match_query.hpp"
#include "core/search.hpp"
#include "tools/central_dev/dev_central.hpp"
#include "vacancy_sync_bench.hpp"

namespace kiosk::bench {
namespace {

// Born 15/03/1995, living in Phường Yên Hòa (Cầu Giấy).
constexpr const char* k_card =
    "001095012345|123456789|Nguyễn Văn An|15031995|Nam|Số 12 ngõ 34 Trần Duy Hưng, Phường Yên "
    "Hòa, Thành phố Hà Nội|01082021";

struct Args {
  std::size_t vacancies = 50'000;
  int sync_runs = 5;
  std::string store = "vacancies-bench.db";
};

Args take_args(int& argc, char** argv) {
  Args a;
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("--vacancies=", 0) == 0) {
      a.vacancies = std::stoul(arg.substr(12));
    } else if (arg.rfind("--sync-runs=", 0) == 0) {
      a.sync_runs = std::stoi(arg.substr(12));
    } else if (arg.rfind("--store=", 0) == 0) {
      a.store = arg.substr(8);
    } else {
      argv[kept++] = argv[i];
    }
  }
  argc = kept;
  return a;
}

// One ranking benchmark's wall times per call, and its mean CPU time per
// call (the wall time includes waiting for a core on a busy machine).
struct RankSamples {
  std::vector<double> ms;
  double cpu_mean_ms = 0.0;
  std::size_t eligible = 0;
};

struct Samples {
  RankSamples rank;
  RankSamples rank_occupation;
  std::vector<double> keystroke_ms;
  std::vector<double> build_ms;
  std::size_t words = 0;
};

// The query the journey builds after consent; `occupation` as if picked on
// the grid (empty: none picked).
MatchQuery query_for(const MatchPerson& person, const Catalog& catalog, WallTime now,
                     const std::string& occupation) {
  MatchQuery query = match_query_for(person, MatchScope{}, catalog.sessions, now);
  if (!occupation.empty()) {
    query.occupations = {occupation};
  }
  return query;
}

void bench_rank(benchmark::State& state, const Catalog& catalog, const MatchPerson& person,
                std::string occupation, RankSamples& out) {
  const WallTime now = SystemClock{}.wall();
  const double cpu_start = process_cpu_ms();
  std::size_t calls = 0;
  for (auto _ : state) {
    const auto start = BenchClock::now();
    const MatchResult result =
        match_vacancies(catalog.vacancies, query_for(person, catalog, now, occupation));
    out.ms.push_back(ms_since(start));
    out.eligible = result.eligible;
    ++calls;
    benchmark::DoNotOptimize(result);
  }
  out.cpu_mean_ms = calls == 0 ? 0.0 : (process_cpu_ms() - cpu_start) / static_cast<double>(calls);
  state.counters["eligible"] = static_cast<double>(out.eligible);
  state.counters["median_ms"] = percentile(out.ms, 0.5);
  state.counters["p95_ms"] = percentile(out.ms, 0.95);
}

void bench_build(benchmark::State& state, const Catalog& catalog, Samples& out) {
  for (auto _ : state) {
    const auto start = BenchClock::now();
    SearchIndex index = SearchIndex::build(catalog.vacancies);
    out.build_ms.push_back(ms_since(start));
    out.words = index.word_count();
    benchmark::DoNotOptimize(index);
  }
  state.counters["words"] = static_cast<double>(out.words);
}

void bench_keystrokes(benchmark::State& state, const SearchIndex& index, Samples& out) {
  const std::vector<std::string> typed = keystrokes();
  std::size_t found = 0;
  for (auto _ : state) {
    for (const std::string& text : typed) {
      const auto start = BenchClock::now();
      found += index.search(make_search_query(text)).size();
      out.keystroke_ms.push_back(ms_since(start));
    }
  }
  benchmark::DoNotOptimize(found);
  state.counters["keystrokes"] = static_cast<double>(typed.size());
  state.counters["median_ms"] = percentile(out.keystroke_ms, 0.5);
  state.counters["p95_ms"] = percentile(out.keystroke_ms, 0.95);
}

void print_sync_line(const std::vector<SyncRun>& runs, std::size_t requests) {
  std::vector<double> total;
  std::vector<double> fetch;
  std::vector<double> store;
  std::vector<double> cpu;
  for (const SyncRun& r : runs) {
    cpu.push_back(r.cpu_ms);
    total.push_back(r.total_ms);
    fetch.push_back(r.fetch_ms);
    store.push_back(r.store_ms);
  }
  fmt::print(
      "sync: vacancies={} skipped={} runs={} requests_per_run={} median_ms={:.0f} min_ms={:.0f} "
      "max_ms={:.0f} fetch_median_ms={:.0f} store_median_ms={:.0f} cpu_median_ms={:.0f}\n",
      runs.back().vacancies, runs.back().skipped, runs.size(), requests / runs.size(),
      percentile(total, 0.5), percentile(total, 0.0), percentile(total, 1.0),
      percentile(fetch, 0.5), percentile(store, 0.5), percentile(cpu, 0.5));
}

int run(int argc, char** argv) {
  const Args args = take_args(argc, argv);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
    return 2;
  }
  spdlog::set_level(spdlog::level::warn);
  dev::DevCentralOptions options;
  options.vacancies = args.vacancies;
  const auto generate_start = BenchClock::now();
  dev::DevCentral central(options);
  const double generate_ms = ms_since(generate_start);
  const auto port = central.start();
  if (!port) {
    std::fprintf(stderr, "dev server: %s\n", port.error().c_str());
    return 1;
  }
  fmt::print("dev server: {} vacancies generated in {:.0f} ms, {}\n", central.vacancy_count(),
             generate_ms, central.base_url());
  central.clear_requests();
  auto syncs = run_snapshot_syncs(central.base_url(), options.token, args.store, args.sync_runs);
  if (!syncs || syncs->empty()) {
    std::fprintf(stderr, "%s\n", syncs ? "no sync runs" : syncs.error().c_str());
    return 1;
  }
  const std::size_t requests = central.requests().size();
  central.stop();

  // Rank and search over the cache the kiosk would load at start.
  Profile profile;
  profile.data.store_path = args.store;
  auto store = make_store(profile);
  tl::expected<Catalog, StoreFailure> loaded = tl::unexpected(StoreFailure{});
  if (store) {
    loaded = (*store)->load();
  }
  auto wards = load_ward_table(std::string(KIOSK_DATA_DIR) + "/hanoi_wards.json");
  const auto card = parse_citizen_id(k_card);
  if (!loaded || !wards || !card) {
    std::fprintf(stderr, "cache, ward table or card unreadable\n");
    return 1;
  }
  Catalog catalog = std::move(*loaded);
  drop_expired(catalog, SystemClock{}.wall());
  const MatchPerson person = match_person_from_card(*card, wards->get());
  const SearchIndex index = SearchIndex::build(catalog.vacancies);

  Samples samples;
  benchmark::RegisterBenchmark("Rank/OnePerson", bench_rank, std::cref(catalog), person,
                               std::string{}, std::ref(samples.rank))
      ->Unit(benchmark::kMillisecond)
      ->Iterations(50);
  benchmark::RegisterBenchmark("Rank/OnePersonWelder", bench_rank, std::cref(catalog), person,
                               std::string{"7212"}, std::ref(samples.rank_occupation))
      ->Unit(benchmark::kMillisecond)
      ->Iterations(50);
  benchmark::RegisterBenchmark("Search/Build", bench_build, std::cref(catalog), std::ref(samples))
      ->Unit(benchmark::kMillisecond)
      ->Iterations(5);
  benchmark::RegisterBenchmark("Search/Keystrokes", bench_keystrokes, std::cref(index),
                               std::ref(samples))
      ->Unit(benchmark::kMillisecond)
      ->Iterations(20);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();

  print_sync_line(*syncs, requests);
  fmt::print(
      "rank: vacancies={} eligible={} runs={} median_ms={:.2f} p95_ms={:.2f} "
      "cpu_mean_ms={:.2f} welder_median_ms={:.2f} welder_p95_ms={:.2f}\n",
      catalog.vacancies.size(), samples.rank.eligible, samples.rank.ms.size(),
      percentile(samples.rank.ms, 0.5), percentile(samples.rank.ms, 0.95), samples.rank.cpu_mean_ms,
      percentile(samples.rank_occupation.ms, 0.5), percentile(samples.rank_occupation.ms, 0.95));
  fmt::print(
      "search: vacancies={} words={} build_ms={:.1f} keystrokes={} keystroke_median_ms={:.3f} "
      "keystroke_p95_ms={:.3f} keystroke_max_ms={:.3f}\n",
      catalog.vacancies.size(), samples.words, percentile(samples.build_ms, 0.5),
      samples.keystroke_ms.size(), percentile(samples.keystroke_ms, 0.5),
      percentile(samples.keystroke_ms, 0.95), percentile(samples.keystroke_ms, 1.0));
  return 0;
}

}  // namespace
}  // namespace kiosk::bench

int main(int argc, char** argv) {
  return kiosk::bench::run(argc, argv);
}
