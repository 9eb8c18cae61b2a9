#include "tools/kioskctl/sync_command.hpp"

#include <chrono>
#include <thread>

#include <nlohmann/json.hpp>

#include "adapters/factory/adapter_factory.hpp"
#include "adapters/factory/profile_file.hpp"
#include "adapters/system/system_clock.hpp"
#include "core/catalog_sync.hpp"

namespace kiosk {

tl::expected<SyncCommandOptions, std::string> parse_sync_args(
    const std::vector<std::string>& args) {
  SyncCommandOptions options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--profile" && i + 1 < args.size()) {
      options.profile_path = args[++i];
    } else {
      return tl::unexpected("unexpected argument " + args[i]);
    }
  }
  if (options.profile_path.empty()) {
    return tl::unexpected(std::string("--profile FILE is required"));
  }
  return options;
}

int sync_command(const SyncCommandOptions& options, std::ostream& out, std::ostream& err) {
  auto profile = load_profile_file(options.profile_path);
  if (!profile) {
    err << "bad profile: " << profile.error().to_string() << "\n";
    return 2;
  }
  auto token = read_api_token(*profile);
  if (!token) {
    err << token.error() << "\n";
    return 2;
  }
  auto store = make_store(*profile);
  if (!store) {
    err << store.error() << "\n";
    return 2;
  }
  SystemClock clock;
  // An unreadable cache is not fatal: the sync then starts from a snapshot.
  auto cached = (*store)->load();
  if (!cached) {
    err << "cache unreadable, fetching a snapshot: " << cached.error().message << "\n";
  }
  // Its sync token and ETags decide between changes and a snapshot.
  const Catalog* current = cached ? &*cached : nullptr;
  auto api = make_central_api(*profile, *token);
  CatalogSync sync(*api, clock, SyncSettings{}, default_unit_random(),
                   [](std::chrono::milliseconds delay) {
                     std::this_thread::sleep_for(delay);
                     return true;
                   });
  auto outcome = sync.run(current);
  if (!outcome) {
    err << "sync failed, the cache stays as it was: " << outcome.error().message << "\n";
    return 1;
  }
  // As SyncService stores: a snapshot whole, otherwise only the changed rows.
  auto saved = outcome->snapshot ? (*store)->save(outcome->catalog)
                                 : (*store)->apply(outcome->changes);
  if (!saved) {
    err << "cache not saved: " << saved.error().message << "\n";
    return 1;
  }
  if (auto purged = (*store)->purge_expired(clock.wall()); !purged) {
    err << "expired vacancies not purged: " << purged.error().message << "\n";
  }
  const Catalog& catalog = outcome->catalog;
  std::size_t expired = 0;
  for (const auto& v : catalog.vacancies) {
    expired += v.expires_at <= clock.wall() ? 1 : 0;
  }
  // A snapshot reports every vacancy it brought as upserted.
  const std::size_t upserted =
      outcome->snapshot ? catalog.vacancies.size() : outcome->changes.upserted.size();
  const nlohmann::json report = {{"mode", outcome->snapshot ? "snapshot" : "changes"},
                                 {"upserted", upserted},
                                 {"removed", outcome->snapshot ? 0 : outcome->changes.removed.size()},
                                 {"skipped", outcome->skipped},
                                 {"vacancies", catalog.vacancies.size()},
                                 {"expired", expired},
                                 {"sessions", catalog.sessions.size()},
                                 {"occupations", catalog.occupations.size()},
                                 {"sync_token", catalog.sync_token},
                                 {"store", profile->data.store_path}};
  out << report.dump(2) << "\n";
  return 0;
}

}  // namespace kiosk
