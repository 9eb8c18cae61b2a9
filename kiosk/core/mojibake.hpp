#pragma once
// Repairing text that a scanner decoded with the wrong character set before
// handing it on as UTF-8 ("Nguyá»…n" for "Nguyễn"). Only exact, reversible
// repairs are made; anything else is left for the caller to reject.

#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

enum class Mojibake {
  none,     // the text reads as it is
  latin1,   // UTF-8 bytes were read as Latin-1 / Windows-1252
  sjis,     // UTF-8 bytes were read as Shift-JIS
  garbled,  // looks mis-decoded but cannot be reversed exactly
};

struct RepairResult {
  Mojibake kind = Mojibake::none;
  std::string text;  // the repaired text (only when kind is latin1 or sjis)
};

/// Looks at valid UTF-8 `text` and, when it is the UTF-8 of bytes that were
/// themselves UTF-8 but decoded as Latin-1/Windows-1252 or Shift-JIS,
/// returns the original text. Pure; never throws.
RepairResult repair_mojibake(std::string_view text);

}  // namespace kiosk
