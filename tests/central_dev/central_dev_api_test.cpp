// The read side of the API: paging, auth, errors, changes, ETags, gzip and
// injected failures.

#include <set>

#include "central_dev_support.hpp"

namespace kiosk::dev::test {
namespace {

TEST_F(CentralDev, SnapshotPagesEveryVacancyExactlyOnce) {
  start({.vacancies = 600});
  std::set<std::string> ids;
  std::string cursor;
  int pages = 0;
  for (;;) {
    const Answer a = get("/api/v1/vacancies/snapshot?limit=37&cursor=" + cursor);
    ASSERT_EQ(a.status, 200) << a.body;
    const auto page = a.json();
    ++pages;
    for (const auto& v : page["vacancies"]) {
      EXPECT_TRUE(ids.insert(v["id"].get<std::string>()).second) << v["id"];
    }
    if (page["next_cursor"].is_null()) {
      ASSERT_TRUE(page.contains("sync_token"));
      EXPECT_TRUE(page["sync_token"].is_string());
      break;
    }
    EXPECT_FALSE(page.contains("sync_token"));
    cursor = page["next_cursor"].get<std::string>();
    ASSERT_LT(pages, 100);
  }
  EXPECT_EQ(ids.size(), 600U);
  EXPECT_EQ(pages, 17);  // ceil(600 / 37)
}

TEST_F(CentralDev, VacancyHasTheContractShape) {
  start();
  const auto v = get("/api/v1/vacancies/snapshot?limit=1").json()["vacancies"][0];
  EXPECT_EQ(v["id"], "vac-000001");
  for (const char* key :
       {"version", "updated_at", "published_at", "expires_at", "title", "employer", "occupation",
        "location", "salary", "employment_type", "positions", "requirements", "target_groups",
        "session_ids", "benefits", "description", "slots_available"}) {
    EXPECT_TRUE(v.contains(key)) << key;
  }
  EXPECT_TRUE(v["expires_at"].get<std::string>().ends_with("+07:00"));
  EXPECT_EQ(v["location"]["province_code"], "01");
  EXPECT_EQ(v["location"]["ward_code"].get<std::string>().size(), 5U);
  EXPECT_TRUE(v["location"]["address"].get<std::string>().ends_with("Thành phố Hà Nội"));
  EXPECT_EQ(v["occupation"]["isco08"].get<std::string>().size(), 4U);
  EXPECT_LE(v["salary"]["min_vnd"].get<long>(), v["salary"]["max_vnd"].get<long>());
  EXPECT_TRUE(v["requirements"].contains("max_age"));
  EXPECT_EQ(v["session_ids"][0], "pgd-20261127");
  // slots_available is the sum of the slots' remaining places.
  const auto slots = get("/api/v1/vacancies/vac-000001/slots").json();
  int sum = 0;
  for (const auto& s : slots["slots"]) {
    sum += s["remaining"].get<int>();
    EXPECT_EQ(s["id"].get<std::string>().rfind("slot-000001-", 0), 0U);
  }
  EXPECT_EQ(v["slots_available"], sum);
  EXPECT_GE(slots["slots"].size(), 2U);
  EXPECT_LE(slots["slots"].size(), 6U);
}

TEST_F(CentralDev, RejectsMissingOrWrongToken) {
  start();
  const Answer none = get("/api/v1/sessions", false);
  EXPECT_EQ(none.status, 401);
  EXPECT_EQ(none.error_code(), "unauthorized");
  const Answer wrong = get("/api/v1/sessions", false, {{"Authorization", "Bearer nope"}});
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(get("/healthz", false).body, "ok");
  EXPECT_EQ(get("/api/v1/_dev/bookings", false).status, 200);
}

TEST_F(CentralDev, UnknownThingsAreNotFoundAndBadParamsAreBadRequests) {
  start();
  EXPECT_EQ(get("/api/v1/vacancies/vac-999999/slots").error_code(), "not_found");
  EXPECT_EQ(get("/api/v1/vacancies/garbage/slots").status, 404);
  EXPECT_EQ(get("/api/v1/no/such/thing").error_code(), "not_found");
  EXPECT_EQ(get("/api/v1/kiosks/kiosk-01/profile").error_code(), "not_found");
  EXPECT_EQ(get("/api/v1/vacancies/snapshot?limit=abc").error_code(), "bad_request");
  EXPECT_EQ(get("/api/v1/vacancies/snapshot?cursor=forged").error_code(), "bad_request");
  EXPECT_EQ(get("/api/v1/vacancies/changes").error_code(), "bad_request");
  const auto big = get("/api/v1/vacancies/snapshot?limit=5000").json();
  EXPECT_EQ(big["vacancies"].size(), 600U);  // clamped to 1000, and only 600 exist
}

TEST_F(CentralDev, SessionsIncludeTodaysGeneralAndThemedOnes) {
  start();
  const auto sessions = get("/api/v1/sessions").json()["sessions"];
  ASSERT_GE(sessions.size(), 6U);
  std::set<std::string> groups;
  bool general_active = false;
  for (const auto& s : sessions) {
    for (const auto& g : s["target_groups"]) {
      groups.insert(g.get<std::string>());
    }
    if (s["id"] == "pgd-20261127") {
      general_active = s["active"].get<bool>() && s["target_groups"].empty();
    }
    EXPECT_TRUE(s["starts_at"].get<std::string>().ends_with("+07:00"));
  }
  EXPECT_TRUE(general_active);
  EXPECT_EQ(m_central->general_session_id(), "pgd-20261127");
  for (const char* g : {"bo_doi_xuat_ngu", "nguoi_khuyet_tat", "lao_dong_ban_thoi_gian",
                        "sinh_vien_luat", "sinh_vien_ngoai_ngu"}) {
    EXPECT_TRUE(groups.contains(g)) << g;
  }
}

TEST_F(CentralDev, OccupationsCarryAnETag) {
  start();
  const Answer a = get("/api/v1/taxonomy/occupations");
  ASSERT_EQ(a.status, 200);
  const std::string etag = a.header("ETag");
  ASSERT_FALSE(etag.empty());
  bool found = false;
  const auto list = a.json()["occupations"];
  EXPECT_GE(list.size(), 60U);
  for (const auto& o : list) {
    if (o["isco08"] == "5223") {
      found = o["label_vi"] == "Nhân viên bán hàng" && o["label_en"] == "Shop sales assistants";
    }
  }
  EXPECT_TRUE(found);
  const Answer again = get("/api/v1/taxonomy/occupations", true, {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
}

TEST_F(CentralDev, ChangesFeedSeesBookingsAndRemovals) {
  start();
  EXPECT_EQ(get("/api/v1/vacancies/changes?since=bogus").status, 410);
  EXPECT_EQ(get("/api/v1/vacancies/changes?since=st1.0.0").error_code(), "sync_token_expired");
  const std::string token =
      get("/api/v1/vacancies/snapshot?limit=1000").json()["sync_token"].get<std::string>();
  auto changes = get("/api/v1/vacancies/changes?since=" + token).json();
  EXPECT_TRUE(changes["upserted"].empty());
  EXPECT_TRUE(changes["removed"].empty());
  EXPECT_FALSE(changes["has_more"].get<bool>());

  const auto slot = m_central->find_slot_with_remaining(1);
  ASSERT_TRUE(slot);
  ASSERT_EQ(post("/api/v1/bookings", booking_body(slot->vacancy_id, slot->slot_id), "k1").status,
            201);
  const std::string gone = slot->vacancy_id == "vac-000002" ? "vac-000003" : "vac-000002";
  ASSERT_TRUE(m_central->remove_vacancy(gone));
  changes = get("/api/v1/vacancies/changes?since=" + token + "&limit=1").json();
  ASSERT_EQ(changes["upserted"].size(), 1U);
  EXPECT_EQ(changes["upserted"][0]["id"], slot->vacancy_id);
  EXPECT_TRUE(changes["has_more"].get<bool>());
  changes =
      get("/api/v1/vacancies/changes?since=" + changes["sync_token"].get<std::string>()).json();
  ASSERT_EQ(changes["removed"].size(), 1U);
  EXPECT_EQ(changes["removed"][0]["id"], gone);
  EXPECT_FALSE(changes["has_more"].get<bool>());
  EXPECT_EQ(get("/api/v1/vacancies/" + gone + "/slots").status, 404);
  EXPECT_EQ(get("/api/v1/vacancies/snapshot?limit=1000").json()["vacancies"].size(), 599U);
}

TEST_F(CentralDev, GzipsWhenAskedAndNeverBrotli) {
  start();
  auto c = client();
  c->set_decompress(false);
  for (const char* offer : {"gzip", "br, gzip, deflate", "deflate, gzip;q=0.5"}) {
    const auto r = c->Get("/api/v1/vacancies/snapshot?limit=50", {{"Accept-Encoding", offer}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->get_header_value("Content-Encoding"), "gzip") << offer;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8");
  }
  for (const char* offer : {"identity", "br", "gzip;q=0"}) {
    const auto r = c->Get("/api/v1/vacancies/snapshot?limit=50", {{"Accept-Encoding", offer}});
    ASSERT_TRUE(r);
    EXPECT_FALSE(r->has_header("Content-Encoding")) << offer;
  }
  // A decompressing client gets the same JSON back.
  auto plain = client();
  const auto r = plain->Get("/api/v1/vacancies/snapshot?limit=50", {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(nlohmann::json::parse(r->body)["vacancies"].size(), 50U);
}

TEST_F(CentralDev, ErrorRateOneAnswersUnavailableWithRetryAfter) {
  start({.error_rate = 1.0});
  const Answer a = get("/api/v1/sessions");
  EXPECT_EQ(a.status, 503);
  EXPECT_EQ(a.error_code(), "unavailable");
  EXPECT_EQ(a.header("Retry-After"), "1");
  EXPECT_EQ(get("/healthz").status, 200);
  m_central->set_error_rate(0.0);
  EXPECT_EQ(get("/api/v1/sessions").status, 200);
}

TEST_F(CentralDev, InjectedFailuresAreDeterministic) {
  auto statuses = [this] {
    start({.seed = 7, .error_rate = 0.5});
    std::string seen;
    for (int i = 0; i < 24; ++i) {
      seen += get("/api/v1/sessions").status == 503 ? 'x' : '.';
    }
    return seen;
  };
  const std::string first = statuses();
  EXPECT_EQ(first, statuses());
  EXPECT_NE(first.find('x'), std::string::npos);
  EXPECT_NE(first.find('.'), std::string::npos);
}

}  // namespace
}  // namespace kiosk::dev::test
