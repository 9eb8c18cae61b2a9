#pragma once
// `kioskctl sync --profile FILE`: brings the vacancy cache up to date with
// the central API once, the way the kiosk's SyncService does (CatalogSync:
// changes since the cached sync token, or a snapshot when there is none or
// the API answers 410; ETag'd sessions and taxonomy; retries with backoff
// that honour Retry-After), then stores only what changed.

#include <ostream>
#include <string>
#include <vector>

#include <tl/expected.hpp>

namespace kiosk {

struct SyncCommandOptions {
  std::string profile_path;
};

/// Parses `--profile FILE`; an error text on a missing or unknown flag.
tl::expected<SyncCommandOptions, std::string> parse_sync_args(const std::vector<std::string>& args);

/// Runs one sync against the profile's API and cache and writes what it did
/// to `out` as JSON: {"mode": "snapshot"|"changes", "upserted", "removed",
/// "skipped", "vacancies", "expired", "sessions", "occupations",
/// "sync_token", "store"}. Errors go to `err`. Returns 0 on success, 1 when
/// the sync or the cache write failed (the cache then stays as it was),
/// 2 on a bad profile, token or cache file. Blocking; any thread.
int sync_command(const SyncCommandOptions& options, std::ostream& out, std::ostream& err);

}  // namespace kiosk
