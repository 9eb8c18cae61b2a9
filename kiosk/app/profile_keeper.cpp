#include "app/profile_keeper.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include <fcntl.h>
#include <unistd.h>

#include <toml++/toml.h>

#include "adapters/crypto/central_profile_check.hpp"
#include "adapters/factory/central_profile_cache.hpp"
#include "adapters/factory/profile_file.hpp"
#include "core/log.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;

std::optional<ProfileLayer> read_staff_layer(const std::string& path) {
  std::error_code ec;
  if (path.empty() || !fs::exists(path, ec)) {
    return std::nullopt;
  }
  auto layer = load_profile_layer(path, ProfileLayer::Kind::Staff);
  if (!layer) {
    logger("ops")->error("staff profile left out: {}", layer.error().to_string());
    return std::nullopt;
  }
  return std::move(*layer);
}

// Writes `text` to `path` whole: aside first, flushed to the disk, then
// renamed over it and the rename flushed too, so a power cut leaves the old
// file or the new one, never an empty one.
tl::expected<void, std::string> replace_file(const std::string& path, const std::string& text) {
  std::error_code ec;
  const fs::path folder = fs::path(path).parent_path();
  fs::create_directories(folder, ec);
  const std::string aside = path + ".new";
  const int fd = ::open(aside.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
  if (fd < 0) {
    return tl::unexpected("cannot write " + aside);
  }
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n <= 0) {
      ::close(fd);
      return tl::unexpected("cannot write " + aside);
    }
    done += static_cast<std::size_t>(n);
  }
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!synced) {
    return tl::unexpected("cannot flush " + aside);
  }
  fs::rename(aside, path, ec);
  if (ec) {
    return tl::unexpected("cannot replace " + path + ": " + ec.message());
  }
  if (const int dir =
          ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  return {};
}

}  // namespace

tl::expected<ProfileKeeper, ProfileError> ProfileKeeper::load(const std::string& local_path) {
  auto local_layer = load_profile_layer(local_path);
  if (!local_layer) {
    return tl::unexpected(local_layer.error());
  }
  auto local_only = merge_profile_layers({*local_layer});
  if (!local_only) {
    return tl::unexpected(local_only.error());
  }
  ProfileKeeper k;
  k.m_local_path = local_path;
  k.m_local = local_only->profile;
  resolve_profile_paths(k.m_local, local_path);
  k.m_stack.below = {*local_layer};
  if (!k.m_local.api.profile_pubkey.empty()) {
    k.m_stack.central =
        CentralProfileCache::next_to_store(k.m_local).load(k.m_local.api.profile_pubkey);
  }
  if (auto staff = read_staff_layer(k.m_local.data.staff_path)) {
    k.m_stack.above = {std::move(*staff)};
  }
  // A layer that does not merge is left out, so a bad staff change or cache
  // never keeps the kiosk from starting: the staff file first, then the
  // cache alone (with the staff file back), then both.
  auto merged = k.merge(k.m_stack);
  const ProfileStack full = k.m_stack;
  const auto with_layers = [&](bool staff, bool central) {
    ProfileStack s = full;
    if (!staff) {
      s.above.clear();
    }
    if (!central) {
      s.central.reset();
    }
    return s;
  };
  // (keep the staff file?, keep the cache?), in the order they are tried.
  std::vector<std::pair<bool, bool>> tries;
  if (!full.above.empty()) {
    tries.emplace_back(false, true);
  }
  if (full.central) {
    tries.emplace_back(true, false);
  }
  if (!full.above.empty() && full.central) {
    tries.emplace_back(false, false);
  }
  for (const auto& [staff, central] : tries) {
    if (merged) {
      break;
    }
    logger("ops")->error("the profile layers do not merge ({}); trying without the {}",
                         merged.error().to_string(),
                         !staff && !central ? "staff profile and the cached central profile"
                         : !staff           ? "staff profile"
                                            : "cached central profile");
    k.m_stack = with_layers(staff, central);
    merged = k.merge(k.m_stack);
  }
  if (!merged) {
    return tl::unexpected(merged.error());
  }
  k.commit(std::move(*merged));
  return k;
}

tl::expected<EffectiveProfile, ProfileError> ProfileKeeper::merge(const ProfileStack& stack) const {
  auto merged = merge_profile_layers(stack.layers());
  if (merged) {
    resolve_profile_paths(merged->profile, m_local_path);
  }
  return merged;
}

void ProfileKeeper::commit(EffectiveProfile next) {
  m_effective = std::move(next);
  m_profile = m_effective.profile;
}

const std::string& ProfileKeeper::central_etag() const {
  static const std::string none;
  return m_stack.central ? m_stack.central->etag : none;
}

std::string ProfileKeeper::sources() const {
  std::string s = fs::path(m_local_path).filename().string();
  if (m_stack.central) {
    s += " + central " +
         (m_stack.central->etag.empty() ? std::string("(cached)") : m_stack.central->etag);
  }
  if (!m_stack.above.empty()) {
    s += " + staff";
  }
  return s;
}

CentralFetch ProfileKeeper::fetch_central(CentralApi& api, const Profile& local,
                                          const std::string& etag) {
  CentralFetch f;
  if (local.api.profile_pubkey.empty() || local.api.base_url.empty()) {
    return f;  // this kiosk takes no central profile
  }
  auto got = api.kiosk_profile_if_changed(local.kiosk.id, etag);
  if (!got) {
    f.outcome = got.error().kind == ApiError::not_found ? CentralFetch::Outcome::none
                                                        : CentralFetch::Outcome::failed;
    f.error = got.error().message;
    return f;
  }
  if (!got->value) {
    f.outcome = CentralFetch::Outcome::unchanged;
    f.etag = got->etag;
    return f;
  }
  auto checked = check_central_profile(got->value->body, got->value->signature,
                                       local.api.profile_pubkey, "central", got->etag);
  if (!checked) {
    f.outcome = CentralFetch::Outcome::refused;
    f.error = checked.error().to_string();
    return f;
  }
  f.outcome = CentralFetch::Outcome::checked;
  f.layer = std::move(*checked);
  f.body = std::move(got->value->body);
  f.signature = std::move(got->value->signature);
  f.etag = std::move(got->etag);
  return f;
}

std::optional<EffectiveProfile> ProfileKeeper::take_central(const CentralFetch& fetch) {
  auto log = logger("ops");
  switch (fetch.outcome) {
    case CentralFetch::Outcome::none:
    case CentralFetch::Outcome::unchanged:
      return std::nullopt;
    case CentralFetch::Outcome::failed:
      log->warn("central profile not fetched: {}", fetch.error);
      return std::nullopt;
    case CentralFetch::Outcome::refused:
      log->error("central profile refused, the one in force stays: {}", fetch.error);
      return std::nullopt;
    case CentralFetch::Outcome::checked:
      break;
  }
  const ProfileUpdate update = decide_profile_update(m_stack, *fetch.layer);
  if (update.outcome == ProfileUpdate::Outcome::Refused) {
    log->error("central profile refused, the one in force stays: {}",
               update.error ? update.error->to_string() : std::string("?"));
    return std::nullopt;
  }
  if (update.outcome == ProfileUpdate::Outcome::Unchanged) {
    return std::nullopt;
  }
  const auto saved =
      CentralProfileCache::next_to_store(m_local).save(fetch.body, fetch.signature, fetch.etag);
  if (!saved) {
    // Still applied: it checked good; it just will not survive a restart.
    log->error("central profile not cached: {}", saved.error());
  }
  m_stack.central = *fetch.layer;
  auto next = merge(m_stack);
  if (!next) {
    return std::nullopt;  // decide_profile_update merged it already; cannot happen
  }
  log->info("central profile {} accepted", fetch.etag);
  return std::move(*next);
}

tl::expected<EffectiveProfile, std::string> ProfileKeeper::set_staff_sessions(
    const std::vector<std::string>& session_ids) {
  toml::table table;
  if (!m_stack.above.empty()) {
    try {
      table = toml::parse(m_stack.above.front().text, m_local.data.staff_path);
    } catch (const toml::parse_error&) {
      table = toml::table();  // unreadable: replaced by this change
    }
  }
  toml::array ids;
  for (const auto& id : session_ids) {
    ids.push_back(id);
  }
  if (!table.contains("session") || !table["session"].is_table()) {
    table.insert_or_assign("session", toml::table());
  }
  table["session"].as_table()->insert_or_assign("session_ids", std::move(ids));
  std::ostringstream text;
  text << "# Changes staff made on this kiosk (the top profile layer). Written by the kiosk.\n"
       << table << "\n";
  ProfileStack next_stack = m_stack;
  next_stack.above = {
      ProfileLayer{ProfileLayer::Kind::Staff, m_local.data.staff_path, text.str(), {}}};
  auto next = merge(next_stack);
  if (!next) {
    return tl::unexpected(next.error().to_string());
  }
  if (auto written = replace_file(m_local.data.staff_path, text.str()); !written) {
    return tl::unexpected(written.error());
  }
  m_stack = std::move(next_stack);
  return std::move(*next);
}

}  // namespace kiosk
