#pragma once
// Vietnamese text helpers built on utf8proc: validation, NFC and folding.

#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

/// True when `bytes` is well-formed UTF-8.
bool is_valid_utf8(std::string_view bytes);

/// NFC-normalised copy of valid UTF-8 text; empty when `text` is not valid UTF-8.
std::string to_nfc(std::string_view text);

/// Search key: lower case, diacritics removed, `đ` folded to `d`, runs of
/// white space collapsed to one space. "Hà Nội" -> "ha noi".
std::string fold_for_search(std::string_view text);

/// The words of `text` folded as by fold_for_search(): split at every code
/// point that is not a letter or a digit (spaces, punctuation, hyphens,
/// symbols), empty words dropped, in order. "Thợ điện-lạnh (Hà Nội)" ->
/// {"tho", "dien", "lanh", "ha", "noi"}. Empty when `text` is not valid UTF-8.
std::vector<std::string> fold_to_words(std::string_view text);

/// Overwrites the string's storage before clearing it, so personal data does
/// not linger in freed memory.
void secure_wipe(std::string& s) noexcept;

}  // namespace kiosk
