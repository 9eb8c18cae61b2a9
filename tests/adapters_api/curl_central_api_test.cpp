// CurlCentralApi against a loopback cpp-httplib server: parsing, paging,
// status mapping and the headers that reach the server.

#include <mutex>

#include "curl_api_support.hpp"

namespace kiosk::test {
namespace {

using nlohmann::json;

BookingRequest booking_request() {
  BookingRequest r;
  r.idempotency_key = "7b0c2f6e-3d1a-4c55-9e2b-8f1d2a3b4c5d";
  r.kiosk_id = k_kiosk_id;
  r.vacancy_id = "v-100";
  r.slot_id = "slot-1";
  r.citizen_id = "001095012345";
  r.full_name = "Nguyễn Thị Hồng Nhung";
  r.birth_date = Date{1995, 3, 15};
  r.sex = Sex::female;
  return r;
}

json confirmation_json() {
  return {{"booking_id", "b-1"},
          {"reference", "HN-7K3Q"},
          {"slot",
           {{"id", "slot-1"},
            {"starts_at", "2026-12-28T08:30:00+07:00"},
            {"ends_at", "2026-12-28T08:45:00+07:00"},
            {"venue", "Trung tâm Dịch vụ việc làm Hà Nội"},
            {"booth", "B12"}}},
          {"vacancy", {{"id", "v-100"}, {"title", "Công nhân"}, {"employer", {{"name", "ABC"}}}}},
          {"instructions", {"Mang theo CCCD"}}};
}

TEST_F(CurlApi, SnapshotParsesPageAndSkipsMalformedVacancies) {
  server().Get("/api/v1/vacancies/snapshot", [](const httplib::Request&, httplib::Response& res) {
    json page = {{"vacancies",
                  {vacancy_json("v-1", "Công nhân may công nghiệp"),
                   json{{"id", "v-bad"}},  // no title, no expires_at
                   vacancy_json("v-2", "Nhân viên bán hàng"), json("not an object"),
                   vacancy_json("v-3", "Thợ hàn")}},
                 {"next_cursor", nullptr},
                 {"sync_token", "tok-42"}};
    reply_json(res, 200, page);
  });
  start();
  CurlCentralApi api(settings());
  const auto page = api.snapshot_page("", 100);
  ASSERT_TRUE(page.has_value()) << page.error().message;
  ASSERT_EQ(page->vacancies.size(), 3U);
  EXPECT_EQ(page->vacancies[0].title, "Công nhân may công nghiệp");
  EXPECT_EQ(page->vacancies[0].employer_name, "Công ty TNHH Điện tử Việt Hưng");
  EXPECT_EQ(page->vacancies[2].id, "v-3");
  EXPECT_EQ(page->skipped, 2U);
  EXPECT_FALSE(page->next_cursor.has_value());
  EXPECT_EQ(page->sync_token, "tok-42");
  EXPECT_NE(logged().find("skipped 2 malformed vacancies"), std::string::npos);
}

TEST_F(CurlApi, SnapshotPassesCursorAndLimitThrough) {
  std::mutex mutex;
  std::vector<std::pair<std::string, std::string>> seen;  // cursor, limit
  std::string user_agent;
  server().Get("/api/v1/vacancies/snapshot",
               [&](const httplib::Request& req, httplib::Response& res) {
                 const std::lock_guard lock(mutex);
                 seen.emplace_back(req.get_param_value("cursor"), req.get_param_value("limit"));
                 user_agent = req.get_header_value("User-Agent");
                 const bool first = req.get_param_value("cursor").empty();
                 json page = {{"vacancies", {vacancy_json(first ? "v-1" : "v-2", "Thợ điện")}}};
                 if (first) {
                   page["next_cursor"] = "c1.a/b+c=d&e f";  // needs escaping on the way back
                 } else {
                   page["sync_token"] = "tok-2";
                 }
                 reply_json(res, 200, page);
               });
  start();
  CurlCentralApi api(settings());
  const auto first = api.snapshot_page("", 250);
  ASSERT_TRUE(first.has_value()) << first.error().message;
  ASSERT_EQ(first->next_cursor, "c1.a/b+c=d&e f");
  EXPECT_FALSE(first->sync_token.has_value());
  const auto second = api.snapshot_page(*first->next_cursor, 250);
  ASSERT_TRUE(second.has_value()) << second.error().message;
  EXPECT_EQ(second->vacancies.at(0).id, "v-2");
  EXPECT_EQ(second->sync_token, "tok-2");
  const std::lock_guard lock(mutex);
  ASSERT_EQ(seen.size(), 2U);
  EXPECT_EQ(seen[0], (std::pair<std::string, std::string>{"", "250"}));
  EXPECT_EQ(seen[1], (std::pair<std::string, std::string>{"c1.a/b+c=d&e f", "250"}));
  EXPECT_EQ(user_agent, "kiosk/0.1 (kiosk-test-01)");
}

TEST_F(CurlApi, MalformedPageTopLevelIsBadResponse) {
  int variant = 0;
  server().Get("/api/v1/vacancies/snapshot", [&](const httplib::Request&, httplib::Response& res) {
    const json bodies[] = {json::array(), json{{"vacancies", json::object()}},
                           json{{"vacancies", json::array()}, {"next_cursor", 5}}};
    reply_json(res, 200, bodies[variant]);
  });
  start();
  CurlCentralApi api(settings());
  for (variant = 0; variant < 3; ++variant) {
    const auto page = api.snapshot_page("", 10);
    ASSERT_FALSE(page.has_value()) << "variant " << variant;
    EXPECT_EQ(page.error().kind, ApiError::bad_response);
    EXPECT_EQ(page.error().http_status, 200);
  }
}

TEST_F(CurlApi, InvalidJsonIsBadResponse) {
  server().Get("/api/v1/sessions", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("{\"sessions\": [", "application/json");
  });
  start();
  CurlCentralApi api(settings());
  const auto sessions = api.sessions();
  ASSERT_FALSE(sessions.has_value());
  EXPECT_EQ(sessions.error().kind, ApiError::bad_response);
  EXPECT_NE(sessions.error().message.find("not JSON"), std::string::npos);
}

TEST_F(CurlApi, BaseUrlWithOrWithoutTrailingSlashAndPrefix) {
  server().Get("/central/api/v1/sessions", [](const httplib::Request&, httplib::Response& res) {
    reply_json(res, 200, {{"sessions", {{{"id", "s-1"}, {"title", "Phiên giao dịch việc làm"}}}}});
  });
  start();
  for (const char* suffix : {"/central", "/central/", "/central//"}) {
    auto s = settings();
    s.base_url = base_url() + suffix;
    CurlCentralApi api(s);
    const auto sessions = api.sessions();
    ASSERT_TRUE(sessions.has_value()) << suffix << ": " << sessions.error().message;
    EXPECT_EQ(sessions->at(0).title, "Phiên giao dịch việc làm");
  }
}

TEST_F(CurlApi, SlotsAreReadAndVacancyIdIsEscaped) {
  std::string target;
  server().Get(R"(/api/v1/vacancies/([^/]+)/slots)",
               [&](const httplib::Request& req, httplib::Response& res) {
                 target = req.target;
                 reply_json(res, 200,
                            {{"vacancy_id", "v 1"},
                             {"slots",
                              {{{"id", "slot-1"},
                                {"starts_at", "2026-12-28T08:30:00+07:00"},
                                {"booth", "B12"},
                                {"capacity", 10},
                                {"remaining", 3}},
                               {{"id", "no-start"}}}}});
               });
  start();
  CurlCentralApi api(settings());
  const auto slots = api.slots("v 1");
  ASSERT_TRUE(slots.has_value()) << slots.error().message;
  ASSERT_EQ(slots->size(), 1U);  // the one without starts_at is skipped
  EXPECT_EQ(slots->at(0).booth, "B12");
  EXPECT_EQ(slots->at(0).remaining, 3);
  EXPECT_EQ(target, "/api/v1/vacancies/v%201/slots");
}

struct StatusCase {
  int status;
  const char* code;
  ApiError kind;
};

TEST_F(CurlApi, HttpStatusesMapToApiErrors) {
  int status = 0;
  std::string code;
  server().Get(R"(/api/v1/vacancies/([^/]+)/slots)",
               [&](const httplib::Request&, httplib::Response& res) {
                 reply_json(res, status, error_json(code, "canned failure"));
               });
  start();
  CurlCentralApi api(settings());
  const StatusCase cases[] = {{401, "unauthorized", ApiError::unauthorized},
                              {403, "forbidden", ApiError::unauthorized},
                              {404, "not_found", ApiError::not_found},
                              {409, "slot_full", ApiError::conflict},
                              {422, "idempotency_key_reused", ApiError::conflict},
                              {400, "bad_request", ApiError::conflict},
                              {500, "internal", ApiError::server},
                              {502, "bad_gateway", ApiError::server}};
  for (const auto& c : cases) {
    status = c.status;
    code = c.code;
    const auto slots = api.slots("v-1");
    ASSERT_FALSE(slots.has_value()) << c.status;
    EXPECT_EQ(slots.error().kind, c.kind) << c.status;
    EXPECT_EQ(slots.error().http_status, c.status);
    EXPECT_EQ(slots.error().code, c.code);
    EXPECT_NE(slots.error().message.find("canned failure"), std::string::npos);
    EXPECT_FALSE(slots.error().retry_after.has_value());
  }
}

TEST_F(CurlApi, UnavailableCarriesRetryAfter) {
  int status = 503;
  server().Get("/api/v1/sessions", [&](const httplib::Request&, httplib::Response& res) {
    res.set_header("Retry-After", status == 503 ? "7" : "120");
    reply_json(res, status, error_json("unavailable", "try later"));
  });
  start();
  CurlCentralApi api(settings());
  for (const int s : {503, 429}) {
    status = s;
    const auto sessions = api.sessions();
    ASSERT_FALSE(sessions.has_value());
    EXPECT_EQ(sessions.error().kind, ApiError::unavailable);
    EXPECT_EQ(sessions.error().http_status, s);
    EXPECT_EQ(sessions.error().retry_after, std::chrono::seconds(s == 503 ? 7 : 120));
  }
}

TEST_F(CurlApi, BookingSendsHeadersAndReadsConfirmation) {
  httplib::Headers headers;
  json body;
  server().Post("/api/v1/bookings", [&](const httplib::Request& req, httplib::Response& res) {
    headers = req.headers;
    body = json::parse(req.body, nullptr, false);
    reply_json(res, 201, confirmation_json());
  });
  start();
  auto s = settings();
  s.token = std::string(k_token) + "\n";  // as read from a token file
  CurlCentralApi api(s);
  const auto confirmation = api.book(booking_request());
  ASSERT_TRUE(confirmation.has_value()) << confirmation.error().message;
  EXPECT_EQ(confirmation->reference, "HN-7K3Q");
  EXPECT_EQ(confirmation->slot.booth, "B12");
  const auto header = [&](const char* name) {
    const auto it = headers.find(name);
    return it == headers.end() ? std::string("<missing>") : it->second;
  };
  EXPECT_EQ(header("Authorization"), std::string("Bearer ") + k_token);
  EXPECT_EQ(header("Idempotency-Key"), "7b0c2f6e-3d1a-4c55-9e2b-8f1d2a3b4c5d");
  EXPECT_EQ(header("Content-Type"), "application/json");
  EXPECT_EQ(header("Accept"), "application/json");
  EXPECT_NE(header("Accept-Encoding").find("gzip"), std::string::npos);
  ASSERT_TRUE(body.is_object());
  EXPECT_EQ(body["citizen"]["full_name"], "Nguyễn Thị Hồng Nhung");
  EXPECT_EQ(body["slot_id"], "slot-1");
}

TEST_F(CurlApi, BookingConflictIsLoggedWithoutTokenOrPersonalData) {
  server().Post("/api/v1/bookings", [](const httplib::Request&, httplib::Response& res) {
    reply_json(res, 409, error_json("slot_full", "no places left in this slot"));
  });
  start();
  CurlCentralApi api(settings());
  const auto confirmation = api.book(booking_request());
  ASSERT_FALSE(confirmation.has_value());
  EXPECT_EQ(confirmation.error().kind, ApiError::conflict);
  EXPECT_EQ(confirmation.error().code, "slot_full");
  EXPECT_EQ(confirmation.error().http_status, 409);
  const std::string log = logged();
  EXPECT_NE(log.find("/api/v1/bookings"), std::string::npos);
  EXPECT_NE(log.find("slot_full"), std::string::npos);
  EXPECT_EQ(log.find(k_token), std::string::npos);
  EXPECT_EQ(log.find("001095012345"), std::string::npos);
  EXPECT_EQ(log.find("Nhung"), std::string::npos);
}

TEST_F(CurlApi, UnsafeIdempotencyKeyIsNotSent) {
  std::atomic<int> hits{0};
  server().Post("/api/v1/bookings", [&](const httplib::Request&, httplib::Response& res) {
    ++hits;
    reply_json(res, 201, confirmation_json());
  });
  start();
  CurlCentralApi api(settings());
  auto request = booking_request();
  request.idempotency_key = "abc\r\nX-Injected: 1";
  const auto confirmation = api.book(request);
  ASSERT_FALSE(confirmation.has_value());
  EXPECT_EQ(confirmation.error().kind, ApiError::conflict);
  EXPECT_EQ(confirmation.error().code, "idempotency_key_invalid");
  EXPECT_EQ(hits, 0);
}

TEST_F(CurlApi, ConfirmationWithWrongTypesIsBadResponse) {
  server().Post("/api/v1/bookings", [](const httplib::Request&, httplib::Response& res) {
    reply_json(res, 201, {{"booking_id", 12345}, {"reference", "HN-1"}});
  });
  start();
  CurlCentralApi api(settings());
  const auto confirmation = api.book(booking_request());
  ASSERT_FALSE(confirmation.has_value());
  EXPECT_EQ(confirmation.error().kind, ApiError::bad_response);
  EXPECT_EQ(confirmation.error().http_status, 201);
}

}  // namespace
}  // namespace kiosk::test
