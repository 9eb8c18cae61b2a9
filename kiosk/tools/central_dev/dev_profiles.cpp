// Central kiosk profiles of the development server: storage, conditional
// answers and the --kiosk-profile files.

#include "tools/central_dev/dev_profiles.hpp"

#include <cstdint>
#include <fstream>
#include <optional>
#include <sstream>

#include <fmt/format.h>

namespace kiosk::dev {
namespace {

std::uint64_t fnv1a(std::string_view text, std::uint64_t h = 0xcbf29ce484222325ULL) {
  for (const char c : text) {
    h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  }
  return h;
}

std::string profile_etag(std::string_view body, std::string_view signature) {
  // The NUL keeps "ab"+"c" and "a"+"bc" apart.
  return fmt::format("\"prof-{:016x}\"",
                     fnv1a(signature, fnv1a(std::string_view("\0", 1), fnv1a(body))));
}

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    return {};
  }
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// True when If-None-Match (a list of tags, weak ones or "*") names `etag`;
// the same rule as the sessions' and taxonomy's ETags in dev_store.cpp.
bool matches_etag(std::string_view if_none_match, std::string_view etag) {
  std::string_view rest = if_none_match;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    std::string_view tag = trim(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    if (tag.starts_with("W/")) {
      tag.remove_prefix(2);
    }
    if (tag == "*" || tag == etag) {
      return true;
    }
  }
  return false;
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    return std::nullopt;
  }
  return std::move(text).str();
}

}  // namespace

void DevProfiles::set(const std::string& kiosk_id, std::string body, std::string signature_b64) {
  std::string etag = profile_etag(body, signature_b64);
  const std::lock_guard lock(m_mutex);
  m_profiles.insert_or_assign(kiosk_id,
                              Entry{std::move(body), std::move(signature_b64), std::move(etag)});
}

bool DevProfiles::clear(const std::string& kiosk_id) {
  const std::lock_guard lock(m_mutex);
  return m_profiles.erase(kiosk_id) > 0;
}

Reply DevProfiles::reply(const std::string& kiosk_id, std::string_view if_none_match) const {
  const std::lock_guard lock(m_mutex);
  const auto found = m_profiles.find(kiosk_id);
  if (found == m_profiles.end()) {
    return error_reply(404, "not_found", "no central profile for this kiosk");
  }
  const Entry& entry = found->second;
  if (matches_etag(if_none_match, entry.etag)) {
    return Reply{304, "", {{"ETag", entry.etag}}};
  }
  Reply reply{200, entry.body, {{"ETag", entry.etag}, {"Content-Type", k_profile_type}}};
  if (!entry.signature.empty()) {
    reply.headers.emplace_back("X-Signature", entry.signature);
  }
  return reply;
}

tl::expected<DevKioskProfile, std::string> read_kiosk_profile_arg(std::string_view id_and_file) {
  const auto eq = id_and_file.find('=');
  if (eq == std::string_view::npos || eq == 0 || eq + 1 == id_and_file.size()) {
    return tl::unexpected(
        fmt::format("bad value \"{}\" for --kiosk-profile (want ID=FILE)", id_and_file));
  }
  const std::string file(id_and_file.substr(eq + 1));
  auto body = read_file(file);
  if (!body) {
    return tl::unexpected(fmt::format("--kiosk-profile: cannot read {}", file));
  }
  const auto signature = read_file(file + ".sig");
  if (!signature) {
    return tl::unexpected(
        fmt::format("--kiosk-profile: cannot read {}.sig (the base64 signature)", file));
  }
  return DevKioskProfile{std::string(id_and_file.substr(0, eq)), std::move(*body),
                         std::string(trim(*signature))};
}

}  // namespace kiosk::dev
