// The development server's scripted faults (POST /api/v1/_dev/faults) and
// the sessions ETag, as the sync tests rely on them.

#include "central_dev_support.hpp"

namespace kiosk::dev::test {
namespace {

TEST_F(CentralDev, FaultsHitTheirPathTheGivenNumberOfTimes) {
  start();
  const auto set = client(false)->Post(
      "/api/v1/_dev/faults",
      R"({"fault":{"kind":"status","status":429,"retry_after":"7","path":"/api/v1/sessions","times":2}})",
      "application/json");
  ASSERT_TRUE(set);
  ASSERT_EQ(set->status, 200);
  EXPECT_EQ(get("/api/v1/taxonomy/occupations").status, 200);  // another path
  for (int i = 0; i < 2; ++i) {
    const auto limited = get("/api/v1/sessions");
    EXPECT_EQ(limited.status, 429);
    EXPECT_EQ(limited.header("Retry-After"), "7");
  }
  EXPECT_EQ(get("/api/v1/sessions").status, 200);
  EXPECT_EQ(m_central->requests().size(), 4u);
}

TEST_F(CentralDev, BodyFaultsBreakTheAnswer) {
  start();
  DevFault truncate;
  truncate.kind = DevFault::Kind::truncate;
  truncate.path = "/api/v1/vacancies/snapshot";
  m_central->add_fault(truncate);
  const auto cut = get("/api/v1/vacancies/snapshot?limit=5");
  EXPECT_EQ(cut.status, 200);
  EXPECT_TRUE(cut.json().is_discarded());
  DevFault broken;
  broken.kind = DevFault::Kind::bad_vacancy;
  m_central->add_fault(broken);
  const auto page = get("/api/v1/vacancies/snapshot?limit=5").json();
  ASSERT_TRUE(page.is_object());
  EXPECT_TRUE(page["vacancies"][0]["id"].is_number());
  EXPECT_TRUE(page["vacancies"][1]["id"].is_string());
  const auto unknown = client(false)->Post("/api/v1/_dev/faults", R"({"fault":{"kind":"nap"}})",
                                           "application/json");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 400);
}

TEST_F(CentralDev, SessionsCarryAnEtagAndAnswer304ToIt) {
  start();
  const auto first = get("/api/v1/sessions");
  ASSERT_EQ(first.status, 200);
  const std::string etag = first.header("ETag");
  ASSERT_FALSE(etag.empty());
  const auto again = get("/api/v1/sessions", true, {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(m_central->requests().back().if_none_match, etag);
}

}  // namespace
}  // namespace kiosk::dev::test
