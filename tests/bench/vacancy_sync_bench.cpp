#include "vacancy_sync_bench.hpp"

#include <filesystem>

#include "adapters/factory/adapter_factory.hpp"
#include "adapters/system/system_clock.hpp"
#include "bench_stats.hpp"
#include "core/catalog_sync.hpp"

namespace kiosk::bench {

namespace {

void remove_database(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::error_code ignored;
    std::filesystem::remove(path + suffix, ignored);
  }
}

}  // namespace

tl::expected<std::vector<SyncRun>, std::string> run_snapshot_syncs(const std::string& base_url,
                                                                   const std::string& token,
                                                                   const std::string& store_path,
                                                                   int runs) {
  Profile profile;
  profile.api.base_url = base_url;
  profile.data.store_path = store_path;
  SystemClock clock;
  std::vector<SyncRun> out;
  for (int i = 0; i < runs; ++i) {
    remove_database(store_path);
    SyncRun run;
    const auto start = BenchClock::now();
    const double cpu_start = process_cpu_ms();
    auto store = make_store(profile);
    if (!store) {
      return tl::unexpected(store.error());
    }
    // A fresh client per run: no connection or ETag carried over.
    auto api = make_central_api(profile, token);
    CatalogSync sync(*api, clock, SyncSettings{}, default_unit_random(),
                     [](std::chrono::milliseconds) { return true; });
    const auto fetch_start = BenchClock::now();
    auto outcome = sync.run(nullptr);
    run.fetch_ms = ms_since(fetch_start);
    if (!outcome) {
      return tl::unexpected("sync failed: " + outcome.error().message);
    }
    if (!outcome->snapshot) {
      return tl::unexpected(std::string("expected a snapshot, got changes"));
    }
    const auto store_start = BenchClock::now();
    if (auto saved = (*store)->save(outcome->catalog); !saved) {
      return tl::unexpected("cache not saved: " + saved.error().message);
    }
    if (auto purged = (*store)->purge_expired(clock.wall()); !purged) {
      return tl::unexpected("purge failed: " + purged.error().message);
    }
    run.store_ms = ms_since(store_start);
    run.total_ms = ms_since(start);
    run.cpu_ms = process_cpu_ms() - cpu_start;
    run.vacancies = outcome->catalog.vacancies.size();
    run.skipped = outcome->skipped;
    out.push_back(run);
  }
  return out;
}

}  // namespace kiosk::bench
