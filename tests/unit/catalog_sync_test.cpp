#include "core/catalog_sync.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "adapters/fake/fakes.hpp"
#include "test_data.hpp"

namespace kiosk {
namespace {

// A central API whose pages are scripted.
class PagedApi final : public CentralApi {
 public:
  std::vector<SnapshotPage> pages;
  std::size_t calls = 0;
  tl::expected<SnapshotPage, ApiFailure> snapshot_page(const std::string&, int) override {
    return pages[std::min(calls++, pages.size() - 1)];
  }
  tl::expected<std::vector<Slot>, ApiFailure> slots(const std::string&) override { return {}; }
  tl::expected<BookingConfirmation, ApiFailure> book(const BookingRequest&) override {
    return tl::unexpected(ApiFailure{});
  }
  tl::expected<std::vector<JobFairSession>, ApiFailure> sessions() override {
    return std::vector<JobFairSession>{};
  }
};

TEST(CatalogSync, ReadsEveryPageAndKeepsTheLastCopyOfADuplicate) {
  fake::FakeClock clock(*parse_iso8601("2026-11-27T09:00:00+07:00"));
  PagedApi api;
  auto moved = testing::make_vacancy("b", 21.0, 105.8, 18, 60);
  moved.title = "newer";
  api.pages = {SnapshotPage{{testing::make_vacancy("a", 21.0, 105.8, 18, 60),
                             testing::make_vacancy("b", 21.0, 105.8, 18, 60)},
                            1, std::string("p2"), std::nullopt},
               SnapshotPage{{moved, testing::make_vacancy("c", 21.0, 105.8, 18, 60)}, 0,
                            std::nullopt, std::string("tok")}};
  const auto catalog = fetch_catalog(api, clock);
  ASSERT_TRUE(catalog.has_value());
  ASSERT_EQ(catalog->vacancies.size(), 3u);
  EXPECT_EQ(catalog->vacancies[1].title, "newer");
  EXPECT_EQ(catalog->sync_token, "tok");
  EXPECT_EQ(catalog->synced_at, clock.wall());
}

TEST(CatalogSync, ACursorThatRepeatsFailsInsteadOfLoopingForever) {
  fake::FakeClock clock(*parse_iso8601("2026-11-27T09:00:00+07:00"));
  PagedApi api;
  api.pages = {SnapshotPage{{}, 0, std::string("same"), std::nullopt}};
  const auto catalog = fetch_catalog(api, clock);
  ASSERT_FALSE(catalog.has_value());
  EXPECT_EQ(catalog.error().kind, ApiError::bad_response);
  EXPECT_LE(api.calls, 3u);
}

TEST(CatalogSync, OutOfRangeNumbersAreIgnoredNotTruncated) {
  const auto v = vacancy_from_json(nlohmann::json::parse(
      R"({"id":"x","title":"t","expires_at":"2027-01-01T00:00:00Z","positions":3e12,
          "requirements":{"min_age":18.5,"max_age":40}})"));
  ASSERT_TRUE(v.has_value());
  EXPECT_EQ(v->positions, 0);
  EXPECT_FALSE(v->min_age.has_value());
  EXPECT_EQ(v->max_age, 40);
}

TEST(CatalogSync, ConfirmationWithWrongTypesIsAnErrorNotAnException) {
  const auto c = confirmation_from_json(
      nlohmann::json::parse(R"({"booking_id":12345,"reference":"HN-1","vacancy":{"title":7}})"));
  EXPECT_FALSE(c.has_value());
}

}  // namespace
}  // namespace kiosk
