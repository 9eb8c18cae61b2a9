// Sync and cache (issue 4) end to end: SyncService over libcurl against the
// development central API on loopback, into a real SQLite file.

#include <algorithm>

#include "sync_harness.hpp"

namespace kiosk::test {
namespace {

using Kind = dev::DevFault::Kind;

dev::DevFault fault(Kind kind, std::string path, int times = 1) {
  dev::DevFault f;
  f.kind = kind;
  f.path = std::move(path);
  f.times = times;
  return f;
}

constexpr const char* k_snapshot = "/api/v1/vacancies/snapshot";
constexpr const char* k_changes = "/api/v1/vacancies/changes";

using SyncIntegration = SyncHarness;

TEST_F(SyncIntegration, SnapshotIsPagedGzippedAndCachedWithoutExpiredVacancies) {
  start_kiosk();
  const SyncResult* r = wait_synced();
  ASSERT_NE(r, nullptr);
  const Catalog& c = *r->catalog;
  EXPECT_GT(c.vacancies.size(), 550u);
  EXPECT_LT(c.vacancies.size(), 600u);  // the expired ones are not shown
  EXPECT_EQ(find(c, "vac-000013"), nullptr);  // expired, per the dev server's fixed facts
  EXPECT_NE(find(c, "vac-000001"), nullptr);
  EXPECT_FALSE(c.sync_token.empty());
  EXPECT_FALSE(c.sessions.empty());
  EXPECT_FALSE(c.occupations.empty());
  EXPECT_TRUE(c.synced_at.has_value());

  const auto pages = requests_to(k_snapshot);
  ASSERT_EQ(pages.size(), 6u);  // 600 vacancies, 100 a page
  for (const auto& p : pages) {
    EXPECT_EQ(p.status, 200);
    EXPECT_NE(p.accept_encoding.find("gzip"), std::string::npos);
    EXPECT_EQ(p.content_encoding, "gzip");
  }
  EXPECT_NE(pages[1].query.find("cursor=c1."), std::string::npos);

  const Catalog disk = cached();
  EXPECT_EQ(disk.vacancies.size(), c.vacancies.size());
  EXPECT_EQ(disk.sync_token, c.sync_token);
  EXPECT_EQ(disk.occupations.size(), c.occupations.size());
}

TEST_F(SyncIntegration, ChangesUpsertAndRemoveIncrementally) {
  start_kiosk();
  const SyncResult* first = wait_synced();
  ASSERT_NE(first, nullptr);
  const auto before = first->catalog;
  const std::int64_t version = find(*before, "vac-000002")->version;
  ASSERT_TRUE(central->remove_vacancy("vac-000001"));
  ASSERT_TRUE(central->touch_vacancy("vac-000002"));
  central->clear_requests();

  const std::size_t seen = results.size();
  sync->sync_now();
  const SyncResult* next = wait_synced(seen);
  ASSERT_NE(next, nullptr);
  const Catalog& c = *next->catalog;
  EXPECT_EQ(find(c, "vac-000001"), nullptr);
  ASSERT_NE(find(c, "vac-000002"), nullptr);
  EXPECT_EQ(find(c, "vac-000002")->version, version + 1);
  EXPECT_EQ(c.vacancies.size(), before->vacancies.size() - 1);
  EXPECT_NE(c.sync_token, before->sync_token);
  EXPECT_TRUE(requests_to(k_snapshot).empty());
  ASSERT_EQ(requests_to(k_changes).size(), 1u);
  EXPECT_NE(requests_to(k_changes)[0].query.find("since=" + before->sync_token),
            std::string::npos);

  const Catalog disk = cached();
  EXPECT_EQ(find(disk, "vac-000001"), nullptr);
  ASSERT_NE(find(disk, "vac-000002"), nullptr);
  EXPECT_EQ(find(disk, "vac-000002")->version, version + 1);
  EXPECT_EQ(disk.sync_token, c.sync_token);
  EXPECT_NE(logged().find("1 upserted, 1 removed"), std::string::npos);
}

TEST_F(SyncIntegration, GoneSyncTokenTakesAFreshSnapshot) {
  start_kiosk();
  ASSERT_NE(wait_synced(), nullptr);
  central->clear_requests();
  auto gone = fault(Kind::status, k_changes);
  gone.status = 410;
  central->add_fault(gone);
  const std::size_t seen = results.size();
  sync->sync_now();
  const SyncResult* r = wait_synced(seen);
  ASSERT_NE(r, nullptr);
  const auto changes = requests_to(k_changes);
  ASSERT_EQ(changes.size(), 1u);  // a 410 is not retried
  EXPECT_EQ(changes[0].status, 410);
  EXPECT_EQ(requests_to(k_snapshot).size(), 6u);
  EXPECT_GT(r->catalog->vacancies.size(), 550u);
  EXPECT_NE(logged().find("taking a new snapshot"), std::string::npos);
}

TEST_F(SyncIntegration, SessionsAndTaxonomyAreRefetchedOnlyWhenTheirEtagChanged) {
  start_kiosk();
  const SyncResult* first = wait_synced();
  ASSERT_NE(first, nullptr);
  const auto sessions_etag = first->catalog->sessions_etag;
  const auto occupations_etag = first->catalog->occupations_etag;
  ASSERT_FALSE(sessions_etag.empty());
  ASSERT_FALSE(occupations_etag.empty());
  central->clear_requests();

  // A restart reads the ETags back from the file, so even the first sync
  // after it asks conditionally.
  stop_kiosk();
  start_kiosk();
  const SyncResult* r = wait_synced(results.size());
  ASSERT_NE(r, nullptr);
  for (const char* path : {"/api/v1/sessions", "/api/v1/taxonomy/occupations"}) {
    const auto asked = requests_to(path);
    ASSERT_EQ(asked.size(), 1u) << path;
    EXPECT_EQ(asked[0].status, 304) << path;
  }
  EXPECT_EQ(requests_to("/api/v1/sessions")[0].if_none_match, sessions_etag);
  EXPECT_EQ(requests_to("/api/v1/taxonomy/occupations")[0].if_none_match, occupations_etag);
  // 304 kept the cached copies.
  EXPECT_EQ(r->catalog->sessions.size(), first->catalog->sessions.size());
  EXPECT_EQ(r->catalog->occupations.size(), first->catalog->occupations.size());
  EXPECT_EQ(r->catalog->occupations_etag, occupations_etag);
}

TEST_F(SyncIntegration, RateLimitWaitsForRetryAfter) {
  auto limited = fault(Kind::status, k_snapshot);
  limited.status = 429;
  limited.retry_after = "1";
  central->add_fault(limited);
  start_kiosk();
  const SyncResult* r = wait_synced();
  ASSERT_NE(r, nullptr);
  const auto pages = requests_to(k_snapshot);
  ASSERT_GE(pages.size(), 2u);
  EXPECT_EQ(pages[0].status, 429);
  EXPECT_EQ(pages[1].status, 200);
  // The backoff alone would be 25 ms (base 50 ms, draw 0.5); the server
  // asked for a second.
  EXPECT_GE(pages[1].at - pages[0].at, 950ms);
}

TEST_F(SyncIntegration, TruncatedOrMalformedPagesFailOnlyThatAttempt) {
  start_kiosk();
  const SyncResult* last = wait_synced();
  ASSERT_NE(last, nullptr);
  for (const Kind kind : {Kind::truncate, Kind::malformed, Kind::wrong_shape}) {
    SCOPED_TRACE(static_cast<int>(kind));
    const auto before = last->catalog;
    const std::int64_t version = find(*before, "vac-000003")->version;
    ASSERT_TRUE(central->touch_vacancy("vac-000003"));
    central->add_fault(fault(kind, k_changes));
    const std::size_t seen = results.size();
    sync->sync_now();
    const SyncResult* failed = wait_failed(seen);
    ASSERT_NE(failed, nullptr);
    EXPECT_EQ(failed->catalog, before);  // the very same catalog stays in use
    EXPECT_EQ(find(cached(), "vac-000003")->version, version);  // and on disk
    // The next attempt (after a short backoff) goes through.
    last = wait_synced(seen);
    ASSERT_NE(last, nullptr);
    EXPECT_EQ(find(*last->catalog, "vac-000003")->version, version + 1);
  }
  EXPECT_NE(logged().find("the body is not JSON"), std::string::npos);
  EXPECT_NE(logged().find("changes page: no \"upserted\""), std::string::npos);
}

TEST_F(SyncIntegration, AMalformedVacancyIsSkippedAndCounted) {
  central->add_fault(fault(Kind::bad_vacancy, k_snapshot));
  start_kiosk();
  const SyncResult* r = wait_synced();
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->skipped, 1u);
  EXPECT_EQ(find(*r->catalog, "vac-000001"), nullptr);  // the one broken
  EXPECT_NE(find(*r->catalog, "vac-000002"), nullptr);
  EXPECT_NE(logged().find("skipped 1 malformed vacancies"), std::string::npos);
}

TEST_F(SyncIntegration, AnOversizedBodyHitsTheCapAndKeepsTheCatalog) {
  start_kiosk();
  const SyncResult* first = wait_synced();
  ASSERT_NE(first, nullptr);
  auto huge = fault(Kind::oversize, k_changes);
  huge.oversize_bytes = std::size_t{3} << 20;  // gzip makes it small on the wire
  central->add_fault(huge);
  const std::size_t seen = results.size();
  sync->sync_now();
  const SyncResult* failed = wait_failed(seen);
  ASSERT_NE(failed, nullptr);
  EXPECT_EQ(failed->catalog, first->catalog);
  EXPECT_NE(failed->failure.find("over the 1048576 byte limit (api.max_response_bytes)"),
            std::string::npos)
      << failed->failure;
  EXPECT_NE(logged().find("over the 1048576 byte limit"), std::string::npos);
}

TEST_F(SyncIntegration, AHangingServerTimesOutWhileTheUiKeepsDrawingFrames) {
  settings.total_timeout = 800ms;
  start_kiosk();
  const SyncResult* first = wait_synced();
  ASSERT_NE(first, nullptr);
  const auto before = first->catalog;
  auto stuck = fault(Kind::hang, "/api/v1/", 0);  // every request, until cleared
  stuck.hang = 60s;
  central->add_fault(stuck);
  const std::size_t seen = results.size();

  // This thread is the UI thread: a 60 fps frame loop that drains the queue,
  // as Runtime::run does, for 2.5 s while the sync is stuck on the server.
  const auto frame = 16ms;
  const auto start = std::chrono::steady_clock::now();
  auto last = start;
  std::chrono::steady_clock::duration worst{};
  int frames = 0;
  std::optional<std::chrono::steady_clock::duration> failed_after;
  sync->sync_now();
  while (std::chrono::steady_clock::now() - start < 2500ms) {
    queue.drain();
    if (!failed_after && results.size() > seen && !results.back().online) {
      failed_after = std::chrono::steady_clock::now() - start;
    }
    sync->sync_now();  // pressing "sync" on the staff screen never blocks either
    std::this_thread::sleep_until(last + frame);
    const auto now = std::chrono::steady_clock::now();
    worst = std::max(worst, now - last);
    last = now;
    ++frames;
  }
  central->clear_faults();
  ASSERT_TRUE(failed_after.has_value()) << "the hung sync never gave up";
  // Two tries of 0.8 s each, with a short backoff between them.
  EXPECT_GE(*failed_after, 1500ms);
  EXPECT_EQ(results.back().catalog, before);
  EXPECT_NE(logged().find("timed out"), std::string::npos);
  // Frames kept coming: about 150 in 2.5 s, none late by a sync-sized gap.
  EXPECT_GE(frames, 100);
  EXPECT_LT(worst, 250ms);
}

TEST_F(SyncIntegration, ARestartShowsTheCachedVacanciesWithTheApiDown) {
  start_kiosk();
  const SyncResult* first = wait_synced();
  ASSERT_NE(first, nullptr);
  const std::size_t count = first->catalog->vacancies.size();
  stop_kiosk();
  central->stop();

  results.clear();
  start_kiosk();
  const SyncResult* cache = wait_result(0, [](const SyncResult& r) { return r.from_cache; });
  ASSERT_NE(cache, nullptr);
  EXPECT_EQ(&results.front(), cache);  // the cache comes first, before any request
  EXPECT_EQ(cache->catalog->vacancies.size(), count);
  EXPECT_FALSE(cache->catalog->occupations.empty());
  EXPECT_TRUE(cache->catalog->synced_at.has_value());
  const SyncResult* offline = wait_failed();
  ASSERT_NE(offline, nullptr);
  EXPECT_EQ(offline->catalog->vacancies.size(), count);
}

}  // namespace
}  // namespace kiosk::test
