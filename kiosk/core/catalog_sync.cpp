#include "core/catalog_sync.hpp"

#include <unordered_map>
#include <unordered_set>

#include "core/log.hpp"

namespace kiosk {
namespace {

using PageFetcher = std::function<tl::expected<SnapshotPage, ApiFailure>(const std::string&)>;

struct SnapshotRead {
  std::vector<Vacancy> vacancies;
  std::string sync_token;
  std::size_t skipped = 0;
};

ApiFailure loop_failure(const char* what, const std::string& token) {
  return ApiFailure{ApiError::bad_response, 200, "cursor_loop",
                    std::string(what) + " repeated: " + token, {}};
}

// Every snapshot page from the first; a vacancy that moves between pages
// while they are read may come twice, and the later copy wins.
tl::expected<SnapshotRead, ApiFailure> read_snapshot(const PageFetcher& fetch) {
  SnapshotRead out;
  std::string cursor;
  std::unordered_set<std::string> cursors_seen;
  std::unordered_map<std::string, std::size_t> index_of;
  while (true) {
    auto page = fetch(cursor);
    if (!page) {
      return tl::unexpected(std::move(page.error()));
    }
    out.skipped += page->skipped;
    for (auto& v : page->vacancies) {
      const auto [it, inserted] = index_of.emplace(v.id, out.vacancies.size());
      if (inserted) {
        out.vacancies.push_back(std::move(v));
      } else {
        out.vacancies[it->second] = std::move(v);
      }
    }
    if (page->sync_token) {
      out.sync_token = *page->sync_token;
    }
    if (!page->next_cursor || page->next_cursor->empty()) {
      return out;
    }
    cursor = *page->next_cursor;
    if (!cursors_seen.insert(cursor).second) {
      return tl::unexpected(loop_failure("snapshot cursor", cursor));
    }
  }
}

// Folds the pages of one changes run into one set of changes in which each
// id appears once, as its last event (upsert or removal) left it.
class ChangesMerger {
 public:
  void add(ChangesPage& page) {
    for (Vacancy& v : page.upserted) {
      m_removed.erase(v.id);
      const auto [it, inserted] = m_upsert_at.emplace(v.id, m_upserted.size());
      if (inserted) {
        m_upserted.push_back(std::move(v));
        m_live.push_back(true);
      } else {
        m_upserted[it->second] = std::move(v);
        m_live[it->second] = true;
      }
    }
    for (std::string& id : page.removed) {
      if (const auto it = m_upsert_at.find(id); it != m_upsert_at.end()) {
        m_live[it->second] = false;
      }
      m_removed.insert(std::move(id));
    }
  }

  void finish(CatalogChanges& changes) {
    for (std::size_t i = 0; i < m_upserted.size(); ++i) {
      if (m_live[i]) {
        changes.upserted.push_back(std::move(m_upserted[i]));
      }
    }
    changes.removed.assign(m_removed.begin(), m_removed.end());
  }

 private:
  std::vector<Vacancy> m_upserted;
  std::vector<bool> m_live;
  std::unordered_map<std::string, std::size_t> m_upsert_at;
  std::unordered_set<std::string> m_removed;
};

}  // namespace

tl::expected<Catalog, ApiFailure> fetch_catalog(CentralApi& api, const Clock& clock,
                                                int page_size) {
  Catalog catalog;
  auto sessions = api.sessions();
  if (!sessions) {
    return tl::unexpected(sessions.error());
  }
  catalog.sessions = std::move(*sessions);
  auto read = read_snapshot(
      [&](const std::string& cursor) { return api.snapshot_page(cursor, page_size); });
  if (!read) {
    return tl::unexpected(std::move(read.error()));
  }
  if (read->skipped > 0) {
    logger("api")->warn("snapshot: skipped {} malformed vacancies", read->skipped);
  }
  catalog.vacancies = std::move(read->vacancies);
  catalog.sync_token = std::move(read->sync_token);
  catalog.synced_at = clock.wall();
  return catalog;
}

CatalogSync::CatalogSync(CentralApi& api, const Clock& clock, SyncSettings settings,
                         UnitRandom random, Sleeper sleep)
    : m_api(api), m_clock(clock), m_settings(settings), m_random(std::move(random)),
      m_sleep(std::move(sleep)) {
  if (!m_random) {
    m_random = default_unit_random();
  }
}

template <typename Call>
auto CatalogSync::with_retries(const char* what, Call call) -> decltype(call()) {
  for (int attempt = 0;; ++attempt) {
    auto result = call();
    if (result || !is_retryable(result.error()) || attempt + 1 >= m_settings.max_attempts) {
      return result;
    }
    const auto delay =
        backoff_delay(m_settings.backoff, attempt, m_random, result.error().retry_after);
    logger("api")->info("{}: try {} of {} in {} ms", what, attempt + 2, m_settings.max_attempts,
                        delay.count());
    if (m_sleep && !m_sleep(delay)) {
      return result;
    }
  }
}

tl::expected<SyncOutcome, ApiFailure> CatalogSync::run(const Catalog* current) {
  SyncOutcome out;
  if (auto lists = fetch_lists(current, out); !lists) {
    return tl::unexpected(std::move(lists.error()));
  }
  const bool incremental = current != nullptr && !current->sync_token.empty();
  tl::expected<void, ApiFailure> vacancies;
  if (incremental) {
    vacancies = fetch_changes(current->sync_token, out);
    if (!vacancies && is_gone(vacancies.error())) {
      logger("api")->info("sync token too old (410): taking a new snapshot");
      out.changes.upserted.clear();
      out.changes.removed.clear();
      vacancies = fetch_snapshot(out);
    }
  } else {
    vacancies = fetch_snapshot(out);
  }
  if (!vacancies) {
    return tl::unexpected(std::move(vacancies.error()));
  }
  out.changes.synced_at = m_clock.wall();
  if (!out.snapshot) {
    out.catalog = *current;
  } else if (current != nullptr) {
    // A snapshot carries no sessions or taxonomy: keep those a 304 confirmed.
    out.catalog.sessions = current->sessions;
    out.catalog.sessions_etag = current->sessions_etag;
    out.catalog.occupations = current->occupations;
    out.catalog.occupations_etag = current->occupations_etag;
  }
  apply_changes(out.catalog, out.changes);
  return out;
}

tl::expected<void, ApiFailure> CatalogSync::fetch_lists(const Catalog* current, SyncOutcome& out) {
  auto sessions = with_retries("sessions", [&] {
    return m_api.sessions_if_changed(current != nullptr ? current->sessions_etag : "");
  });
  if (!sessions) {
    return tl::unexpected(std::move(sessions.error()));
  }
  if (sessions->value) {
    out.changes.sessions = std::move(sessions->value);
    out.changes.sessions_etag = std::move(sessions->etag);
  }
  auto occupations = with_retries("occupations", [&] {
    return m_api.occupations_if_changed(current != nullptr ? current->occupations_etag : "");
  });
  if (!occupations) {
    if (occupations.error().kind != ApiError::not_found) {
      return tl::unexpected(std::move(occupations.error()));
    }
    logger("api")->warn("no occupation taxonomy from the API; keeping the cached one");
  } else if (occupations->value) {
    out.changes.occupations = std::move(occupations->value);
    out.changes.occupations_etag = std::move(occupations->etag);
  }
  return {};
}

tl::expected<void, ApiFailure> CatalogSync::fetch_snapshot(SyncOutcome& out) {
  auto read = read_snapshot([&](const std::string& cursor) {
    return with_retries("snapshot page",
                        [&] { return m_api.snapshot_page(cursor, m_settings.page_size); });
  });
  if (!read) {
    return tl::unexpected(std::move(read.error()));
  }
  out.snapshot = true;
  out.skipped += read->skipped;
  out.changes.upserted = std::move(read->vacancies);
  out.changes.sync_token = std::move(read->sync_token);
  if (out.skipped > 0) {
    logger("api")->warn("snapshot: skipped {} malformed vacancies", out.skipped);
  }
  return {};
}

tl::expected<void, ApiFailure> CatalogSync::fetch_changes(const std::string& since,
                                                          SyncOutcome& out) {
  ChangesMerger merger;
  std::string token = since;
  std::unordered_set<std::string> tokens_seen{since};
  while (true) {
    auto page = with_retries("changes",
                             [&] { return m_api.changes(token, m_settings.page_size); });
    if (!page) {
      return tl::unexpected(std::move(page.error()));
    }
    out.skipped += page->skipped;
    merger.add(*page);
    token = page->sync_token.empty() ? token : page->sync_token;
    if (!page->has_more) {
      break;
    }
    if (!tokens_seen.insert(token).second) {
      return tl::unexpected(loop_failure("changes sync_token", token));
    }
  }
  merger.finish(out.changes);
  out.changes.sync_token = token;
  if (out.skipped > 0) {
    logger("api")->warn("changes: skipped {} malformed entries", out.skipped);
  }
  return {};
}

}  // namespace kiosk
