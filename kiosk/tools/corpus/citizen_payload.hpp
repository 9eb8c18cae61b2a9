#pragma once
// Realistic citizen-ID (CCCD) QR payloads for the test corpus, in the format
// of DESIGN §3.1: ID|old ID|full name|DDMMYYYY|Nam/Nữ|address|DDMMYYYY[|extras].
// Every value is invented; any likeness to a real person is chance.

#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "tools/corpus/corpus_random.hpp"

namespace kiosk::corpus {

/// A ward or commune of Hanoi as printed on a card ("Phường Ba Đình").
struct Ward {
  std::string full_name;
  bool commune = false;  // "Xã …" rather than "Phường …"
};

/// Reads the wards of `hanoi_wards.json` (assets/data/vn-admin-2025). Fails
/// with a message when the file is missing, malformed or lists no ward.
tl::expected<std::vector<Ward>, std::string> load_hanoi_wards(const std::string& path);

/// Makes payloads from a random source. Not thread-safe; one per thread.
class PayloadMaker {
 public:
  explicit PayloadMaker(std::vector<Ward> wards) : m_wards(std::move(wards)) {}

  /// One UTF-8 payload that parse_citizen_id accepts: a 12-digit ID whose
  /// province, century/sex and birth-year digits agree with the fields, a
  /// real calendar birth date (1960-2007), an issue date after the 14th
  /// birthday, and on some 2024+ cards one extra field.
  std::string make(CorpusRandom& random) const;

 private:
  std::string make_name(CorpusRandom& random, bool female) const;
  std::string make_address(CorpusRandom& random) const;
  std::string make_street_part(CorpusRandom& random) const;

  std::vector<Ward> m_wards;
};

}  // namespace kiosk::corpus
