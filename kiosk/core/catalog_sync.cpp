#include "core/catalog_sync.hpp"

#include <algorithm>
#include <iterator>

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
  while (true) {
    auto page = api.snapshot_page(cursor, page_size);
    if (!page) {
      return tl::unexpected(page.error());
    }
    skipped += page->skipped;
    std::move(page->vacancies.begin(), page->vacancies.end(),
              std::back_inserter(catalog.vacancies));
    if (page->sync_token) {
      catalog.sync_token = *page->sync_token;
    }
    if (!page->next_cursor || page->next_cursor->empty()) {
      break;
    }
    cursor = *page->next_cursor;
  }
  if (skipped > 0) {
    logger("api")->warn("snapshot: skipped {} malformed vacancies", skipped);
  }
  catalog.synced_at = clock.wall();
  return catalog;
}

}  // namespace kiosk
