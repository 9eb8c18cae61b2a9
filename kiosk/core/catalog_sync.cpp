#include "core/catalog_sync.hpp"

#include <algorithm>
#include <iterator>
#include <unordered_map>
#include <unordered_set>

#include "core/log.hpp"

namespace kiosk {

tl::expected<Catalog, ApiFailure> fetch_catalog(CentralApi& api, const Clock& clock,
                                                int page_size) {
  Catalog catalog;
  auto sessions = api.sessions();
  if (!sessions) {
    return tl::unexpected(sessions.error());
  }
  catalog.sessions = std::move(*sessions);
  std::string cursor;
  std::size_t skipped = 0;
  std::unordered_set<std::string> cursors_seen;
  // A vacancy that moves between pages while they are read may come twice;
  // the later copy wins.
  std::unordered_map<std::string, std::size_t> index_of;
  while (true) {
    auto page = api.snapshot_page(cursor, page_size);
    if (!page) {
      return tl::unexpected(page.error());
    }
    skipped += page->skipped;
    for (auto& v : page->vacancies) {
      const auto [it, inserted] = index_of.emplace(v.id, catalog.vacancies.size());
      if (inserted) {
        catalog.vacancies.push_back(std::move(v));
      } else {
        catalog.vacancies[it->second] = std::move(v);
      }
    }
    if (page->sync_token) {
      catalog.sync_token = *page->sync_token;
    }
    if (!page->next_cursor || page->next_cursor->empty()) {
      break;
    }
    cursor = *page->next_cursor;
    if (!cursors_seen.insert(cursor).second) {
      return tl::unexpected(ApiFailure{ApiError::bad_response, 200, "cursor_loop",
                                       "snapshot cursor repeated: " + cursor, {}});
    }
  }
  if (skipped > 0) {
    logger("api")->warn("snapshot: skipped {} malformed vacancies", skipped);
  }
  catalog.synced_at = clock.wall();
  return catalog;
}

}  // namespace kiosk
