// kioskctl: the staff's and operator's command line.
//
//   kioskctl decode [--raw] [--reveal] FILE…   what QR images hold, as JSON (masked unless --reveal)
//   kioskctl sync --profile FILE   bring the cache up to date (changes, or a snapshot) once
//   kioskctl match --profile FILE --citizen PAYLOAD|- [--query TEXT] [--occupation CODE…]
//                  [--limit N] [--json] …   the ranked list the kiosk would show, from the cache

#include <iostream>
#include <string>
#include <vector>

#include "tools/kioskctl/decode_command.hpp"
#include "tools/kioskctl/match_command.hpp"
#include "tools/kioskctl/sync_command.hpp"

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
    const auto parsed = kiosk::parse_sync_args(args);
    if (!parsed) {
      std::cerr << "kioskctl sync: " << parsed.error() << "\n";
      return kiosk::usage();
    }
    return kiosk::sync_command(*parsed, std::cout, std::cerr);
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
