// libFuzzer target for the central API's page readers: whatever bytes a
// server (or a man in the middle of a broken proxy) sends as a snapshot
// page, a changes page, the sessions or the occupation taxonomy must give a
// value or an error, never a crash, a hang or a vacancy that breaks the
// readers' own promises.

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>

#include "adapters/curl/api_responses.hpp"

namespace {

using nlohmann::json;

void check(bool ok) {
  if (!ok) {
    std::abort();
  }
}

// A vacancy that was read must survive the cache's round trip unchanged.
void check_vacancy(const kiosk::Vacancy& v) {
  check(!v.id.empty());
  const json stored = kiosk::to_json(v);
  const auto again = kiosk::vacancy_from_json(stored);
  check(again.has_value() && again->id == v.id && kiosk::to_json(*again) == stored);
}

void read_everything(const json& body) {
  using namespace kiosk::curl_detail;
  if (auto page = read_snapshot_page(body)) {
    for (const auto& v : page->page.vacancies) {
      check_vacancy(v);
    }
    check(page->page.vacancies.size() + page->page.skipped == body["vacancies"].size());
    check(!page->page.next_cursor || !page->page.next_cursor->empty());
  }
  if (auto page = read_changes_page(body)) {
    for (const auto& v : page->page.upserted) {
      check_vacancy(v);
    }
    for (const auto& id : page->page.removed) {
      check(!id.empty());
    }
    check(!page->page.sync_token.empty());
  }
  if (auto list = read_occupations(body)) {
    for (const auto& o : list->items) {
      check(!o.isco08.empty() && o.isco08.size() <= 4 && !o.label_vi.empty());
    }
  }
  static_cast<void>(read_sessions(body));
  static_cast<void>(read_slots(body));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // As CurlCentralApi does: parse without exceptions, then read.
  const json body = json::parse(bytes, nullptr, false);
  if (!body.is_discarded()) {
    read_everything(body);
  }
  // The status path reads error bodies of any shape.
  static_cast<void>(kiosk::curl_detail::failure_from_status(503, bytes, std::nullopt));
  return 0;
}
