#include "core/profile.hpp"

#include "core/i18n.hpp"
#include "core/profile_table.hpp"

#include <algorithm>

#include <fmt/format.h>

#include <toml++/toml.h>

namespace kiosk {
namespace {

// Reads one table into a profile section, checking each key's type and
// refusing keys it does not know.
class TableReader {
 public:
  TableReader(const toml::table& root, std::string section, std::string source,
              std::vector<ProfileError>& errors)
      : m_section(std::move(section)), m_source(std::move(source)), m_errors(errors) {
    if (const toml::node* node = root.get(m_section)) {
      m_table = node->as_table();
      if (m_table == nullptr) {
        fail(*node, m_section, "must be a table");
      }
    }
  }

  void read(const char* key, std::string& out) {
    if (const auto* n = take(key)) {
      if (const auto v = n->value<std::string>()) {
        out = *v;
      } else {
        fail(*n, key, "must be a string");
      }
    }
  }
  void read(const char* key, bool& out) {
    if (const auto* n = take(key)) {
      // as_boolean, not value<bool>: toml++ would turn a number into a bool.
      if (const auto* v = n->as_boolean()) {
        out = v->get();
      } else {
        fail(*n, key, "must be true or false");
      }
    }
  }
  void read(const char* key, int& out, std::int64_t lo, std::int64_t hi) {
    if (const auto* n = take(key)) {
      const auto v = n->value<std::int64_t>();
      if (v && *v >= lo && *v <= hi) {
        out = static_cast<int>(*v);
      } else {
        fail(*n, key, fmt::format("must be a whole number from {} to {}", lo, hi));
      }
    }
  }
  template <typename Duration>
  void read(const char* key, Duration& out, std::int64_t lo, std::int64_t hi) {
    int v = static_cast<int>(out.count());
    read(key, v, lo, hi);
    out = Duration{v};
  }
  void read(const char* key, std::vector<std::string>& out) {
    if (const auto* n = take(key)) {
      const auto* arr = n->as_array();
      std::vector<std::string> values;
      if (arr != nullptr) {
        for (const auto& e : *arr) {
          if (const auto s = e.value<std::string>()) {
            values.push_back(*s);
          } else {
            fail(e, key, "must be a list of strings");
            return;
          }
        }
        out = std::move(values);
      } else {
        fail(*n, key, "must be a list of strings");
      }
    }
  }

  /// Reports keys that no read() asked for.
  void finish() {
    if (m_table == nullptr) {
      return;
    }
    for (const auto& [k, node] : *m_table) {
      if (std::find(m_seen.begin(), m_seen.end(), std::string(k.str())) == m_seen.end()) {
        fail(node, std::string(k.str()), "is not a known setting");
      }
    }
  }

 private:
  const toml::node* take(const char* key) {
    m_seen.emplace_back(key);
    return m_table == nullptr ? nullptr : m_table->get(key);
  }
  void fail(const toml::node& n, const std::string& key, std::string message) {
    // A merged table keeps each value's own file and line (profile layers).
    const std::string source = n.source().path ? *n.source().path : m_source;
    m_errors.push_back(ProfileError{source, static_cast<int>(n.source().begin.line),
                                    m_section + "." + key, std::move(message)});
  }

  std::string m_section;
  std::string m_source;
  std::vector<ProfileError>& m_errors;
  const toml::table* m_table = nullptr;
  std::vector<std::string> m_seen;
};

// An error about `key` (e.g. "session.languages"), at the file and line of
// the value when the profile has one.
ProfileError error_at(const toml::table& root, const std::string& key, const std::string& source,
                      std::string message) {
  const toml::node* n = root.at_path(key).node();
  if (n == nullptr) {
    return ProfileError{source, 0, key, std::move(message)};
  }
  return ProfileError{n->source().path ? *n->source().path : source,
                      static_cast<int>(n->source().begin.line), key, std::move(message)};
}

// `file` in the folder of data.store_path.
std::string beside_store(const Profile::Data& data, const char* file) {
  const auto slash = data.store_path.rfind('/');
  return (slash == std::string::npos ? std::string() : data.store_path.substr(0, slash + 1)) + file;
}

// Sets data.outbox_path from the profile's value, or next to the cache when
// it has none; the outbox must never share the cache's file (the cache may
// be thrown away and rebuilt, the outbox never).
void check_outbox_path(const toml::table& root, Profile::Data& data, std::string configured,
                       const std::string& source, std::vector<ProfileError>& errors) {
  if (configured.empty()) {
    configured = beside_store(data, "outbox.db");
  }
  data.outbox_path = std::move(configured);
  if (data.outbox_path == data.store_path) {
    errors.push_back(error_at(root, "data.outbox_path", source,
                              "must not be the vacancy cache's file (data.store_path)"));
  }
}

}  // namespace

std::string ProfileError::to_string() const {
  return fmt::format("{}:{}: {}: {}", source, line, key, message);
}

tl::expected<Profile, ProfileError> parse_profile(std::string_view toml_text,
                                                  std::string_view source_name) {
  auto root = parse_profile_toml(toml_text, source_name);
  if (!root) {
    return tl::unexpected(root.error());
  }
  return parse_profile_table(*root, source_name);
}

tl::expected<toml::table, ProfileError> parse_profile_toml(std::string_view toml_text,
                                                           std::string_view source_name) {
  try {
    return toml::parse(toml_text, source_name);
  } catch (const toml::parse_error& err) {
    return tl::unexpected(ProfileError{std::string(source_name),
                                       static_cast<int>(err.source().begin.line), "",
                                       std::string(err.description())});
  }
}

tl::expected<Profile, ProfileError> parse_profile_table(const toml::table& root,
                                                        std::string_view source_name) {
  const std::string source(source_name);
  Profile p;
  std::vector<ProfileError> errors;
  const std::vector<std::string> known = {"kiosk", "api",     "session", "scanner", "printer",
                                          "ui",    "logging", "data",    "staff"};
  for (const auto& [k, node] : root) {
    if (std::find(known.begin(), known.end(), std::string(k.str())) == known.end()) {
      errors.push_back(ProfileError{source, static_cast<int>(node.source().begin.line),
                                    std::string(k.str()), "is not a known section"});
    }
  }
  {
    TableReader r(root, "kiosk", source, errors);
    r.read("id", p.kiosk.id);
    r.read("centre", p.kiosk.centre);
    r.read("name", p.kiosk.name);
    r.finish();
  }
  {
    TableReader r(root, "api", source, errors);
    r.read("base_url", p.api.base_url);
    r.read("token_file", p.api.token_file);
    r.read("token", p.api.token);
    r.read("ca_file", p.api.ca_file);
    r.read("profile_pubkey", p.api.profile_pubkey);
    r.read("connect_timeout_ms", p.api.connect_timeout, 100, 60000);
    r.read("total_timeout_ms", p.api.total_timeout, 500, 300000);
    r.read("sync_interval_s", p.api.sync_interval, 10, 86400);
    int max_mib = static_cast<int>(p.api.max_response_bytes >> 20);
    r.read("max_response_mib", max_mib, 1, 1024);
    p.api.max_response_bytes = static_cast<std::size_t>(max_mib) << 20;
    r.finish();
  }
  {
    TableReader r(root, "session", source, errors);
    r.read("session_ids", p.session.session_ids);
    r.read("target_groups", p.session.target_groups);
    r.read("idle_timeout_s", p.session.idle_timeout, 20, 3600);
    r.read("done_timeout_s", p.session.done_timeout, 5, 600);
    r.read("languages", p.session.languages);
    r.finish();
    for (const auto& code : p.session.languages) {
      if (!lang_from_code(code)) {
        errors.push_back(error_at(root, "session.languages", source,
                                  "\"" + code + "\" is not a language the kiosk has (vi, en)"));
      }
    }
    if (p.session.languages.empty()) {
      errors.push_back(error_at(root, "session.languages", source, "must name at least one"));
    }
  }
  {
    TableReader r(root, "scanner", source, errors);
    r.read("sources", p.scanner.sources);
    r.finish();
  }
  {
    TableReader r(root, "printer", source, errors);
    r.read("uri", p.printer.uri);
    r.read("width_dots", p.printer.width_dots, 384, 576);
    r.read("dpi", p.printer.dpi, 100, 600);
    r.read("cutter", p.printer.cutter);
    r.finish();
    if (p.printer.width_dots != 384 && p.printer.width_dots != 576) {
      errors.push_back(error_at(root, "printer.width_dots", source, "must be 384 or 576"));
    }
  }
  {
    TableReader r(root, "ui", source, errors);
    r.read("fullscreen", p.ui.fullscreen);
    r.read("width", p.ui.width, 640, 7680);
    r.read("height", p.ui.height, 480, 4320);
    r.read("large_text", p.ui.large_text);
    r.read("high_contrast", p.ui.high_contrast);
    r.read("sound", p.ui.sound);
    r.read("welcome_animation", p.ui.welcome_animation);
    r.read("font_dir", p.ui.font_dir);
    r.read("locale_dir", p.ui.locale_dir);
    r.finish();
  }
  {
    TableReader r(root, "logging", source, errors);
    r.read("level", p.logging.level);
    r.read("directory", p.logging.directory);
    r.read("otlp_endpoint", p.logging.otlp_endpoint);
    r.read("spool_dir", p.logging.spool_dir);
    r.read("heartbeat_interval_s", p.logging.heartbeat_interval, 10, 3600);
    r.finish();
    const std::vector<std::string> levels = {"trace", "debug", "info", "warn", "error", "critical"};
    if (std::find(levels.begin(), levels.end(), p.logging.level) == levels.end()) {
      // A typo here would otherwise silence every log.
      errors.push_back(error_at(root, "logging.level", source,
                                "must be one of trace, debug, info, warn, error, critical"));
    }
  }
  {
    TableReader r(root, "data", source, errors);
    r.read("wards_file", p.data.wards_file);
    r.read("store_path", p.data.store_path);
    std::string outbox_path;
    r.read("outbox_path", outbox_path);
    std::string staff_path;
    r.read("staff_path", staff_path);
    r.finish();
    check_outbox_path(root, p.data, std::move(outbox_path), source, errors);
    p.data.staff_path = staff_path.empty() ? beside_store(p.data, "staff.toml") : staff_path;
  }
  {
    TableReader r(root, "staff", source, errors);
    r.read("pin_hashes", p.staff.pin_hashes);
    r.read("card_pubkey", p.staff.card_pubkey);
    r.read("idle_lock_s", p.staff.idle_lock, 30, 3600);
    r.finish();
    for (const auto& hash : p.staff.pin_hashes) {
      if (hash.rfind("$argon2id$", 0) != 0) {
        // A clear-text PIN pasted here by mistake must not be accepted.
        errors.push_back(error_at(root, "staff.pin_hashes", source,
                                  "each must be an Argon2id hash (kioskctl pin-hash)"));
        break;
      }
    }
  }
  if (!errors.empty()) {
    return tl::unexpected(errors.front());
  }
  return p;
}

}  // namespace kiosk
