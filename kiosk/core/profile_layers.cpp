#include "core/profile_layers.hpp"

#include <sstream>

#include <fmt/format.h>

#include "core/profile_table.hpp"

namespace kiosk {
namespace {

std::string origin_label(const ProfileLayer& layer, const toml::node& node) {
  switch (layer.kind) {
    case ProfileLayer::Kind::Central:
      return layer.etag.empty() ? std::string("central")
                                : fmt::format("central (etag {})", layer.etag);
    case ProfileLayer::Kind::Staff:
      return "staff";
    case ProfileLayer::Kind::Local:
      break;
  }
  return fmt::format("{}:{}", layer.source, node.source().begin.line);
}

void forget_under(std::map<std::string, std::string>& origin, const std::string& prefix) {
  origin.erase(prefix);
  const std::string under = prefix + ".";
  for (auto it = origin.lower_bound(under); it != origin.end() && it->first.rfind(under, 0) == 0;) {
    it = origin.erase(it);
  }
}

void record_leaves(const toml::node& node, const std::string& path, const ProfileLayer& layer,
                   std::map<std::string, std::string>& origin) {
  if (const auto* t = node.as_table()) {
    for (const auto& [k, child] : *t) {
      record_leaves(child, path + "." + std::string(k.str()), layer, origin);
    }
    return;
  }
  origin[path] = origin_label(layer, node);
}

// Moves `from`'s keys into `into` (moving keeps each node's file and line):
// tables merge, anything else replaces.
void merge_into(toml::table& into, toml::table& from, const std::string& prefix,
                const ProfileLayer& layer, std::map<std::string, std::string>& origin) {
  for (auto& [k, node] : from) {
    const std::string key(k.str());
    const std::string path = prefix.empty() ? key : prefix + "." + key;
    toml::node* existing = into.get(key);
    if (existing != nullptr && existing->is_table() && node.is_table()) {
      merge_into(*existing->as_table(), *node.as_table(), path, layer, origin);
      continue;
    }
    forget_under(origin, path);
    record_leaves(node, path, layer, origin);
    into.insert_or_assign(key, std::move(node));
  }
}

}  // namespace

std::string EffectiveProfile::origin_of(const std::string& key) const {
  const auto it = origin.find(key);
  return it == origin.end() ? std::string("defaults") : it->second;
}

tl::expected<EffectiveProfile, ProfileError> merge_profile_layers(
    const std::vector<ProfileLayer>& layers) {
  toml::table merged;
  EffectiveProfile effective;
  for (const auto& layer : layers) {
    auto table = parse_profile_toml(layer.text, layer.source);
    if (!table) {
      return tl::unexpected(table.error());
    }
    merge_into(merged, *table, "", layer, effective.origin);
  }
  const std::string fallback = layers.empty() ? std::string("defaults") : layers.back().source;
  auto profile = parse_profile_table(merged, fallback);
  if (!profile) {
    return tl::unexpected(profile.error());
  }
  effective.profile = std::move(*profile);
  return effective;
}

tl::expected<void, ProfileError> check_central_layer(const ProfileLayer& layer) {
  auto table = parse_profile_toml(layer.text, layer.source);
  if (!table) {
    return tl::unexpected(table.error());
  }
  // The central profile reaches every kiosk: a secret in it would be one
  // shared by all, so it is refused rather than ignored.
  const char* const k_secrets[] = {"api.token", "api.token_file", "api.client_key"};
  for (const char* key : k_secrets) {
    if (const toml::node* n = table->at_path(key).node()) {
      return tl::unexpected(ProfileError{layer.source, static_cast<int>(n->source().begin.line),
                                         key, "is a secret; the central profile must not set it"});
    }
  }
  if (const toml::node* staff = table->get("staff")) {
    std::string key = "staff";
    const toml::node* at = staff;
    if (const auto* t = staff->as_table(); t != nullptr && !t->empty()) {
      key += "." + std::string(t->begin()->first.str());
      at = &t->begin()->second;
    }
    return tl::unexpected(ProfileError{layer.source, static_cast<int>(at->source().begin.line), key,
                                       "is a staff secret; the central profile must not set it"});
  }
  auto profile = parse_profile_table(*table, layer.source);
  if (!profile) {
    return tl::unexpected(profile.error());
  }
  return {};
}

namespace {

// Writes one section of the effective profile, a comment per key.
class SectionWriter {
 public:
  SectionWriter(std::string& out, const EffectiveProfile& effective, std::string section)
      : m_out(out), m_effective(effective), m_section(std::move(section)) {
    m_out += fmt::format("\n[{}]\n", m_section);
  }

  template <typename T>
  void put(const char* key, const T& value) {
    std::ostringstream os;
    os << toml::value<T>(value);
    line(key, os.str());
  }
  void put(const char* key, const std::vector<std::string>& values) {
    toml::array arr;
    for (const auto& v : values) {
      arr.push_back(v);
    }
    std::ostringstream os;
    os << arr;
    line(key, os.str());
  }
  /// A list of secrets: their number, in a comment.
  void put_hidden_list(const char* key, std::size_t n) {
    if (n == 0) {
      put(key, std::vector<std::string>{});
    } else {
      m_out += fmt::format("# {} = <{} set, not shown>  # {}\n", key, n,
                           m_effective.origin_of(m_section + "." + key));
    }
  }
  void put_secret(const char* key, const std::string& value) {
    if (value.empty()) {
      put(key, value);
    } else {
      line(key, "\"<redacted>\"");
    }
  }

 private:
  void line(const char* key, const std::string& value) {
    m_out +=
        fmt::format("{} = {}  # {}\n", key, value, m_effective.origin_of(m_section + "." + key));
  }

  std::string& m_out;
  const EffectiveProfile& m_effective;
  std::string m_section;
};

std::int64_t count(auto duration) {
  return static_cast<std::int64_t>(duration.count());
}

}  // namespace

std::string effective_profile_toml(const EffectiveProfile& effective) {
  const Profile& p = effective.profile;
  std::string out = "# The effective kiosk profile; each key says where its value came from.\n";
  {
    SectionWriter w(out, effective, "kiosk");
    w.put("id", p.kiosk.id);
    w.put("centre", p.kiosk.centre);
    w.put("name", p.kiosk.name);
  }
  {
    SectionWriter w(out, effective, "api");
    w.put("base_url", p.api.base_url);
    w.put("token_file", p.api.token_file);
    w.put_secret("token", p.api.token);
    w.put("ca_file", p.api.ca_file);
    w.put("profile_pubkey", p.api.profile_pubkey);
    w.put("connect_timeout_ms", count(p.api.connect_timeout));
    w.put("total_timeout_ms", count(p.api.total_timeout));
    w.put("sync_interval_s", count(p.api.sync_interval));
    w.put("max_response_mib", static_cast<std::int64_t>(p.api.max_response_bytes >> 20));
  }
  {
    SectionWriter w(out, effective, "session");
    w.put("session_ids", p.session.session_ids);
    w.put("target_groups", p.session.target_groups);
    w.put("idle_timeout_s", count(p.session.idle_timeout));
    w.put("done_timeout_s", count(p.session.done_timeout));
    w.put("languages", p.session.languages);
  }
  {
    SectionWriter w(out, effective, "scanner");
    w.put("sources", p.scanner.sources);
  }
  {
    SectionWriter w(out, effective, "printer");
    w.put("uri", p.printer.uri);
    w.put("width_dots", static_cast<std::int64_t>(p.printer.width_dots));
    w.put("dpi", static_cast<std::int64_t>(p.printer.dpi));
    w.put("cutter", p.printer.cutter);
  }
  {
    SectionWriter w(out, effective, "ui");
    w.put("fullscreen", p.ui.fullscreen);
    w.put("width", static_cast<std::int64_t>(p.ui.width));
    w.put("height", static_cast<std::int64_t>(p.ui.height));
    w.put("large_text", p.ui.large_text);
    w.put("high_contrast", p.ui.high_contrast);
    w.put("sound", p.ui.sound);
    w.put("welcome_animation", p.ui.welcome_animation);
    w.put("font_dir", p.ui.font_dir);
    w.put("locale_dir", p.ui.locale_dir);
  }
  {
    SectionWriter w(out, effective, "logging");
    w.put("level", p.logging.level);
    w.put("directory", p.logging.directory);
    w.put("otlp_endpoint", p.logging.otlp_endpoint);
    w.put("spool_dir", p.logging.spool_dir);
    w.put("heartbeat_interval_s", count(p.logging.heartbeat_interval));
  }
  {
    SectionWriter w(out, effective, "data");
    w.put("wards_file", p.data.wards_file);
    w.put("store_path", p.data.store_path);
    w.put("outbox_path", p.data.outbox_path);
    w.put("staff_path", p.data.staff_path);
  }
  {
    SectionWriter w(out, effective, "staff");
    // Hashes of short PINs can be brute-forced: never shown, only counted.
    w.put_hidden_list("pin_hashes", p.staff.pin_hashes.size());
    w.put("card_pubkey", p.staff.card_pubkey);
    w.put("idle_lock_s", count(p.staff.idle_lock));
  }
  return out;
}

}  // namespace kiosk
