#pragma once
// Full snapshot sync timings for the vacancies benchmark: the real
// CurlCentralApi and CatalogSync against a DevCentral on loopback, stored by
// the real SqliteVacancyStore into a fresh SQLite file, the way the kiosk's
// sync thread does on its first run.

#include <cstddef>
#include <string>
#include <vector>

#include <tl/expected.hpp>

namespace kiosk::bench {

/// One full sync, in wall-clock milliseconds.
struct SyncRun {
  double total_ms = 0.0;  // open the cache + fetch + store
  double fetch_ms = 0.0;  // CatalogSync::run: every snapshot page downloaded and parsed
  double store_ms = 0.0;  // SqliteVacancyStore::save + purge_expired (one transaction each)
  double cpu_ms = 0.0;  // CPU time of the whole process meanwhile, the in-process server's included
  std::size_t vacancies = 0;
  std::size_t skipped = 0;
};

/// Runs `runs` full snapshot syncs from `base_url` (token `token`) into
/// `store_path`, deleting the file (and its -wal/-shm) before each, so every
/// run starts from nothing. The last run's file stays for the start-up
/// benchmark. Fails with a message on the first sync or store failure.
/// Blocking; any thread.
tl::expected<std::vector<SyncRun>, std::string> run_snapshot_syncs(const std::string& base_url,
                                                                   const std::string& token,
                                                                   const std::string& store_path,
                                                                   int runs);

}  // namespace kiosk::bench
