#include "core/staff_card.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace kiosk {
namespace {

constexpr std::string_view k_any_staff_prefix = "KIOSK-STAFF:";
constexpr std::size_t k_max_id = 64;
constexpr std::size_t k_max_name_hint = 64;

bool valid_id(std::string_view id) {
  // The id goes into audit lines, so only a plain word is accepted.
  return !id.empty() && id.size() <= k_max_id && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
  });
}

}  // namespace

std::string_view error_code(StaffCardError e) {
  switch (e) {
    case StaffCardError::not_a_staff_card:
      return "not_a_staff_card";
    case StaffCardError::malformed:
      return "malformed";
    case StaffCardError::bad_signature:
      return "bad_signature";
    case StaffCardError::expired:
      return "expired";
  }
  return "unknown";
}

bool is_staff_card_text(std::string_view text) {
  return text.starts_with(k_any_staff_prefix);
}

tl::expected<StaffCardText, StaffCardError> split_staff_card(std::string_view text) {
  if (!is_staff_card_text(text)) {
    return tl::unexpected(StaffCardError::not_a_staff_card);
  }
  if (!text.starts_with(k_staff_card_prefix)) {
    return tl::unexpected(StaffCardError::malformed);  // a version this kiosk does not know
  }
  const auto dot = text.rfind('.');
  if (dot == std::string_view::npos || dot <= k_staff_card_prefix.size() ||
      dot + 1 == text.size()) {
    return tl::unexpected(StaffCardError::malformed);
  }
  StaffCardText parts;
  parts.signed_part = text.substr(0, dot);
  parts.payload = text.substr(k_staff_card_prefix.size(), dot - k_staff_card_prefix.size());
  parts.signature = text.substr(dot + 1);
  if (parts.payload.find('.') != std::string_view::npos) {
    return tl::unexpected(StaffCardError::malformed);
  }
  return parts;
}

tl::expected<StaffCard, StaffCardError> parse_staff_card_payload(std::string_view json) {
  const auto j = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) {
    return tl::unexpected(StaffCardError::malformed);
  }
  const auto id = j.find("id");
  const auto expires = j.find("expires");
  if (id == j.end() || !id->is_string() || expires == j.end() || !expires->is_string()) {
    return tl::unexpected(StaffCardError::malformed);
  }
  StaffCard card;
  card.id = id->get<std::string>();
  if (!valid_id(card.id)) {
    return tl::unexpected(StaffCardError::malformed);
  }
  const auto name = j.find("name_hint");
  if (name != j.end()) {
    if (!name->is_string() || name->get_ref<const std::string&>().size() > k_max_name_hint) {
      return tl::unexpected(StaffCardError::malformed);
    }
    card.name_hint = name->get<std::string>();
  }
  const auto when = parse_iso8601(expires->get_ref<const std::string&>());
  if (!when) {
    return tl::unexpected(StaffCardError::malformed);
  }
  card.expires = *when;
  return card;
}

bool staff_card_expired(const StaffCard& card, WallTime now) {
  return now > card.expires;
}

}  // namespace kiosk
