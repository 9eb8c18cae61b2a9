// libFuzzer target for the citizen-ID parser and the mojibake repair: any
// bytes a scanner could deliver must give a value or an error, never a
// crash, a hang or a result that breaks the parser's own promises.

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/citizen_id.hpp"
#include "core/mojibake.hpp"
#include "core/text.hpp"

namespace {

void check(bool ok) {
  if (!ok) {
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto parsed = kiosk::parse_citizen_id(bytes);
  if (parsed) {
    check(parsed->id.size() == 12);
    check(kiosk::id_facts(parsed->id).has_value());
    check(kiosk::is_valid_utf8(parsed->full_name) && !parsed->full_name.empty());
    check(kiosk::is_valid_date(parsed->birth_date) && kiosk::is_valid_date(parsed->issue_date));
    check(kiosk::mask_id(parsed->id).find(parsed->id.substr(3, 6)) == std::string::npos);
    parsed->wipe();
    check(parsed->id.empty() && parsed->full_name.empty() && parsed->address.empty());
  } else {
    check(!kiosk::message_for(parsed.error()).empty());
  }
  if (kiosk::is_valid_utf8(bytes)) {
    const auto repaired = kiosk::repair_mojibake(bytes);
    if (repaired.kind == kiosk::Mojibake::latin1 || repaired.kind == kiosk::Mojibake::sjis) {
      check(kiosk::is_valid_utf8(repaired.text));
    }
    (void)kiosk::fold_for_search(bytes);
  }
  return 0;
}
