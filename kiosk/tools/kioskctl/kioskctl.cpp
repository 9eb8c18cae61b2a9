// kioskctl: the staff's and operator's command line.
//
//   kioskctl decode [--raw] [--reveal] FILE…   what QR images hold, as JSON (masked unless
//   --reveal) kioskctl profile validate FILE…   check profiles alone (FILE:LINE: key: message)
//   kioskctl profile show --effective [--profile FILE] [--central FILE --signature FILE]
//                 [--staff FILE]   the merged profile, each key with where it came from
//   kioskctl slip --booking FILE.json --printer URI   render one booking's slip and print it
//   kioskctl sync --profile FILE   bring the cache up to date (changes, or a snapshot) once
//   kioskctl match --profile FILE --citizen PAYLOAD|- [--query TEXT] [--occupation CODE…]
//                  [--limit N] [--json] …   the ranked list the kiosk would show, from the cache
//   kioskctl book --profile FILE --citizen PAYLOAD|- --vacancy ID --slot ID [--phone N]
//                 [--interest]   one booking through the outbox: stored, then sent
//   kioskctl outbox --profile FILE [--flush] [--json]   what the outbox holds (after sending)
//   kioskctl pin-hash < PIN   the Argon2id hash of a staff PIN for the profile's [staff] section

#include <iostream>
#include <string>
#include <vector>

#include "tools/kioskctl/book_command.hpp"
#include "tools/kioskctl/decode_command.hpp"
#include "tools/kioskctl/match_command.hpp"
#include "tools/kioskctl/pin_hash_command.hpp"
#include "tools/kioskctl/profile_command.hpp"
#include "tools/kioskctl/slip_command.hpp"
#include "tools/kioskctl/sync_command.hpp"

namespace kiosk {
namespace {

int usage() {
  std::cerr << "usage:\n"
               "  kioskctl decode [--json] [--raw] [--reveal] FILE...   (PNG, JPEG, PGM)\n"
               "  kioskctl slip --booking FILE.json --printer URI [--profile FILE]\n"
               "                [--width 384|576] [--dpi N] [--no-cutter]\n"
               "  kioskctl sync --profile FILE\n"
               "  kioskctl profile validate FILE...\n"
               "  kioskctl profile show --effective [--profile FILE]\n"
               "                 [--central FILE --signature FILE] [--staff FILE]\n"
               "  kioskctl match --profile FILE --citizen PAYLOAD|- [--query TEXT]\n"
               "                 [--occupation CODE...] [--limit N] [--json] [--now ISO-8601]\n"
               "                 [--group ISCO...] [--ward CODE...] [--max-km KM]\n"
               "                 [--type TYPE...] [--min-salary VND] [--education LEVEL]\n"
               "                 [--prefer TYPE]\n"
               "  kioskctl book --profile FILE --citizen PAYLOAD|- --vacancy ID\n"
               "                (--slot ID | --interest) [--phone N] [--key UUID]\n"
               "  kioskctl outbox --profile FILE [--flush] [--json]\n"
               "  kioskctl pin-hash   (reads a PIN of 4-12 digits from stdin)\n";
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
  if (command == "profile") {
    const auto parsed = kiosk::parse_profile_args(args);
    if (!parsed) {
      std::cerr << "kioskctl profile: " << parsed.error() << "\n";
      return kiosk::usage();
    }
    return kiosk::profile_command(*parsed, std::cout, std::cerr);
  }
  if (command == "slip") {
    const auto parsed = kiosk::parse_slip_args(args);
    if (!parsed) {
      std::cerr << "kioskctl slip: " << parsed.error() << "\n";
      return kiosk::usage();
    }
    return kiosk::slip_command(*parsed, std::cout);
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
  if (command == "book") {
    const auto parsed = kiosk::parse_book_args(args);
    if (!parsed) {
      std::cerr << "kioskctl book: " << parsed.error() << "\n";
      return kiosk::usage();
    }
    return kiosk::book_command(*parsed, std::cin, std::cout, std::cerr);
  }
  if (command == "outbox") {
    const auto parsed = kiosk::parse_outbox_args(args);
    if (!parsed) {
      std::cerr << "kioskctl outbox: " << parsed.error() << "\n";
      return kiosk::usage();
    }
    return kiosk::outbox_command(*parsed, std::cout, std::cerr);
  }
  if (command == "pin-hash" && args.empty()) {
    return kiosk::pin_hash_command(std::cin, std::cout, std::cerr);
  }
  return kiosk::usage();
}
