// kioskctl: the staff's and operator's command line.
//
//   kioskctl decode [--raw] [--reveal] FILE…   what QR images hold, as JSON (masked unless --reveal)
//   kioskctl sync --profile FILE   fetch every vacancy from the central API into the cache
//   kioskctl match --profile FILE --citizen PAYLOAD|- [--query TEXT] [--occupation CODE…]
//                  [--limit N] [--json] …   the ranked list the kiosk would show, from the cache

#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "adapters/factory/adapter_factory.hpp"
#include "adapters/factory/profile_file.hpp"
#include "adapters/system/system_clock.hpp"
#include "core/catalog_sync.hpp"
#include "core/citizen_id.hpp"
#include "tools/kioskctl/decode_command.hpp"
#include "tools/kioskctl/match_command.hpp"

namespace kiosk {
namespace {

int usage() {
  std::cerr << "usage:\n"
               "  kioskctl decode [--json] [--raw] [--reveal] FILE...   (PNG, JPEG, PGM)\n"
               "  kioskctl sync --profile FILE\n"
               "  kioskctl match --profile FILE --citizen PAYLOAD|- [--query TEXT]\n"
               "                 [--occupation CODE...] [--limit N] [--json] [--now ISO-8601]\n"
               "                 [--group ISCO...] [--ward CODE...] [--max-km KM]\n"
               "                 [--type TYPE...] [--min-salary VND] [--education LEVEL]\n"
               "                 [--prefer TYPE]\n";
  return 64;
}

int sync_command(const std::vector<std::string>& args) {
  std::string profile_path;
  for (std::size_t i = 0; i + 1 < args.size(); ++i) {
    if (args[i] == "--profile") {
      profile_path = args[i + 1];
    }
  }
  if (profile_path.empty()) {
    return usage();
  }
  auto profile = load_profile_file(profile_path);
  if (!profile) {
    std::cerr << "bad profile: " << profile.error().to_string() << "\n";
    return 2;
  }
  auto token = read_api_token(*profile);
  if (!token) {
    std::cerr << token.error() << "\n";
    return 2;
  }
  auto store = make_store(*profile);
  if (!store) {
    std::cerr << store.error() << "\n";
    return 2;
  }
  SystemClock clock;
  auto api = make_central_api(*profile, *token);
  auto catalog = fetch_catalog(*api, clock);
  if (!catalog) {
    std::cerr << "sync failed: " << catalog.error().message << "\n";
    return 1;
  }
  if (auto saved = (*store)->save(*catalog); !saved) {
    std::cerr << "cache not saved: " << saved.error().message << "\n";
    return 1;
  }
  std::size_t expired = 0;
  for (const auto& v : catalog->vacancies) {
    expired += v.expires_at <= clock.wall() ? 1 : 0;
  }
  const nlohmann::json out = {{"vacancies", catalog->vacancies.size()},
                              {"expired", expired},
                              {"sessions", catalog->sessions.size()},
                              {"sync_token", catalog->sync_token},
                              {"store", profile->data.store_path}};
  std::cout << out.dump(2) << "\n";
  return 0;
}

}  // namespace
}  // namespace kiosk

int main(int argc, char** argv) {
  if (argc < 2) {
    return kiosk::usage();
  }
  const std::string command = argv[1];
  const std::vector<std::string> args(argv + 2, argv + argc);
  if (command == "decode") {
    const auto parsed = kiosk::parse_decode_args(args);
    if (!parsed) {
      std::cerr << "kioskctl decode: " << parsed.error() << "\n";
      return kiosk::usage();
    }
    return kiosk::decode_command(parsed->second, parsed->first, std::cout);
  }
  if (command == "sync") {
    return kiosk::sync_command(args);
  }
  if (command == "match") {
    const auto parsed = kiosk::parse_match_args(args);
    if (!parsed) {
      std::cerr << "kioskctl match: " << parsed.error() << "\n";
      return kiosk::usage();
    }
    return kiosk::match_command(*parsed, std::cin, std::cout, std::cerr);
  }
  return kiosk::usage();
}
