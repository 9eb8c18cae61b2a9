// CurlCentralApi's sync calls against canned loopback answers: the changes
// page, 410 Gone, and conditional GETs with If-None-Match / 304.

#include "curl_api_support.hpp"

#include "core/backoff.hpp"
#include "core/catalog_changes.hpp"

namespace kiosk::test {
namespace {

using nlohmann::json;

TEST_F(CurlApi, ChangesPageReadsUpsertsAndTombstonesAndSkipsBrokenOnes) {
  server().Get("/api/v1/vacancies/changes", [](const httplib::Request& req,
                                               httplib::Response& res) {
    EXPECT_EQ(req.get_param_value("since"), "st 1/2");
    EXPECT_EQ(req.get_param_value("limit"), "50");
    reply_json(res, 200,
               {{"upserted", {vacancy_json("vac-2", "Thợ hàn"), {{"id", 7}}}},
                {"removed", {{{"id", "vac-1"}, {"removed_at", "2026-11-27T10:00:00+07:00"}},
                             {{"removed_at", "x"}}}},
                {"sync_token", "st-2"},
                {"has_more", true}});
  });
  start();
  CurlCentralApi api(settings());
  const auto page = api.changes("st 1/2", 50);
  ASSERT_TRUE(page.has_value()) << page.error().message;
  ASSERT_EQ(page->upserted.size(), 1u);
  EXPECT_EQ(page->upserted[0].id, "vac-2");
  EXPECT_EQ(page->removed, std::vector<std::string>{"vac-1"});
  EXPECT_EQ(page->skipped, 2u);
  EXPECT_EQ(page->sync_token, "st-2");
  EXPECT_TRUE(page->has_more);
}

TEST_F(CurlApi, ExpiredSyncTokenIsGone) {
  server().Get("/api/v1/vacancies/changes", [](const httplib::Request&, httplib::Response& res) {
    reply_json(res, 410, error_json("sync_token_expired", "take a new snapshot"));
  });
  start();
  CurlCentralApi api(settings());
  const auto page = api.changes("old", 100);
  ASSERT_FALSE(page.has_value());
  EXPECT_TRUE(is_gone(page.error()));
  EXPECT_EQ(page.error().code, "sync_token_expired");
}

TEST_F(CurlApi, ChangesPageWithoutTokenIsBadResponse) {
  server().Get("/api/v1/vacancies/changes", [](const httplib::Request&, httplib::Response& res) {
    reply_json(res, 200, {{"upserted", json::array()}, {"removed", json::array()}});
  });
  start();
  CurlCentralApi api(settings());
  const auto page = api.changes("st", 100);
  ASSERT_FALSE(page.has_value());
  EXPECT_EQ(page.error().kind, ApiError::bad_response);
}

TEST_F(CurlApi, TaxonomySendsIfNoneMatchAndReadsNotModified) {
  server().Get("/api/v1/taxonomy/occupations", [](const httplib::Request& req,
                                                  httplib::Response& res) {
    res.set_header("ETag", "\"occ-7\"");
    if (req.get_header_value("If-None-Match") == "\"occ-7\"") {
      res.status = 304;
      return;
    }
    reply_json(res, 200,
               {{"occupations",
                 {{{"isco08", "7533"}, {"label_vi", "Thợ may"}, {"label_en", "Sewers"}},
                  {{"isco08", "nope"}}}}});
  });
  start();
  CurlCentralApi api(settings());
  const auto fresh = api.occupations_if_changed("");
  ASSERT_TRUE(fresh.has_value()) << fresh.error().message;
  ASSERT_TRUE(fresh->value.has_value());
  ASSERT_EQ(fresh->value->size(), 1u);
  EXPECT_EQ((*fresh->value)[0].label_vi, "Thợ may");
  EXPECT_EQ(fresh->etag, "\"occ-7\"");
  const auto same = api.occupations_if_changed(fresh->etag);
  ASSERT_TRUE(same.has_value()) << same.error().message;
  EXPECT_FALSE(same->value.has_value());
  EXPECT_EQ(same->etag, "\"occ-7\"");
}

TEST_F(CurlApi, UnconditionalNotModifiedIsBadResponse) {
  server().Get("/api/v1/sessions", [](const httplib::Request&, httplib::Response& res) {
    res.status = 304;
  });
  start();
  CurlCentralApi api(settings());
  const auto sessions = api.sessions_if_changed("");
  ASSERT_FALSE(sessions.has_value());
  EXPECT_EQ(sessions.error().kind, ApiError::bad_response);
}

TEST(Backoff, FullJitterGrowsToTheCapAndHonoursRetryAfter) {
  using namespace std::chrono_literals;
  const BackoffPolicy policy{100ms, 1000ms, 5000ms};
  const UnitRandom top = [] { return 1.0; };
  const UnitRandom half = [] { return 0.5; };
  const UnitRandom zero = [] { return 0.0; };
  EXPECT_EQ(backoff_delay(policy, 0, top, std::nullopt), 100ms);
  EXPECT_EQ(backoff_delay(policy, 2, top, std::nullopt), 400ms);
  EXPECT_EQ(backoff_delay(policy, 2, half, std::nullopt), 200ms);
  EXPECT_EQ(backoff_delay(policy, 30, top, std::nullopt), 1000ms);  // capped, no overflow
  EXPECT_EQ(backoff_delay(policy, 0, zero, std::nullopt), 0ms);
  EXPECT_EQ(backoff_delay(policy, 0, zero, std::chrono::seconds{2}), 2000ms);
  EXPECT_EQ(backoff_delay(policy, 0, zero, std::chrono::seconds{86400}), 5000ms);
  EXPECT_TRUE(is_retryable(ApiFailure{ApiError::unavailable, 429, "", "", {}}));
  EXPECT_TRUE(is_retryable(ApiFailure{ApiError::timeout, 0, "", "", {}}));
  EXPECT_FALSE(is_retryable(ApiFailure{ApiError::conflict, 410, "", "", {}}));
  EXPECT_FALSE(is_retryable(ApiFailure{ApiError::bad_response, 200, "", "", {}}));
}

TEST(CatalogChangesApply, UpsertsInPlaceAppendsNewAndRemoves) {
  Catalog c;
  for (const char* id : {"a", "b", "c"}) {
    Vacancy v;
    v.id = id;
    c.vacancies.push_back(v);
  }
  CatalogChanges changes;
  Vacancy b2;
  b2.id = "b";
  b2.version = 2;
  Vacancy d;
  d.id = "d";
  changes.upserted = {b2, d};
  changes.removed = {"a", "zzz"};
  changes.sync_token = "t2";
  apply_changes(c, changes);
  ASSERT_EQ(c.vacancies.size(), 3u);
  EXPECT_EQ(c.vacancies[0].id, "b");
  EXPECT_EQ(c.vacancies[0].version, 2);
  EXPECT_EQ(c.vacancies[1].id, "c");
  EXPECT_EQ(c.vacancies[2].id, "d");
  EXPECT_EQ(c.sync_token, "t2");
}

}  // namespace
}  // namespace kiosk::test
