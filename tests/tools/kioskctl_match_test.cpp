// kioskctl match: a hand-made cache and one filled from the development
// central API, ranked from the cache exactly as the kiosk ranks, with no
// personal data in the output.

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "../support/source_test_support.hpp"
#include "adapters/factory/adapter_factory.hpp"
#include "adapters/factory/profile_file.hpp"
#include "core/catalog_sync.hpp"
#include "core/match_query.hpp"
#include "tools/central_dev/dev_central.hpp"
#include "tools/kioskctl/match_command.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;

constexpr const char* k_now = "2026-11-27T09:00:00+07:00";
// Born 15/03/1995 (31 on "now"), living in Phường Yên Hòa (Cầu Giấy).
constexpr const char* k_card =
    "001095012345|123456789|Nguyễn Văn An|15031995|Nam|Số 12 ngõ 34 Trần Duy Hưng, Phường Yên "
    "Hòa, Thành phố Hà Nội|01082021";

struct Outcome {
  int status = 0;
  std::string out;
  std::string err;
  nlohmann::json json() const { return nlohmann::json::parse(out, nullptr, false); }
};

Vacancy make(std::string id, std::string isco08, double lat, double lon) {
  Vacancy v;
  v.id = std::move(id);
  v.title = "Tuyển " + v.id;
  v.employer_name = "Công ty TNHH Điện tử Thăng Long";
  v.isco08 = std::move(isco08);
  v.occupation_label = "Thợ hàn";
  v.ward_name = "Phường Cầu Giấy";
  v.employment_type = "full_time";
  v.published_at = *parse_iso8601("2026-11-26T08:00:00+07:00");
  v.expires_at = *parse_iso8601("2027-01-31T17:00:00+07:00");
  v.lat = lat;
  v.lon = lon;
  v.min_age = 18;
  v.max_age = 45;
  v.session_ids = {"pgd-1"};
  v.slots_available = 4;
  return v;
}

class KioskctlMatch : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { spdlog::set_level(spdlog::level::warn); }

  // A profile whose cache is `store.db` in the temp folder.
  fs::path write_profile(const std::string& extra = "", const std::string& name = "kiosk.toml") {
    const fs::path path = m_dir.path() / name;
    std::ofstream(path) << "[data]\nwards_file = \"" << KIOSK_WARDS_FILE << "\"\n"
                        << "store_path = \"" << (m_dir.path() / "store.db").string() << "\"\n"
                        << extra;
    return path;
  }

  void save(const Catalog& catalog) {
    auto profile = load_profile_file(write_profile("", "writer.toml"));
    ASSERT_TRUE(profile.has_value());
    auto store = make_store(*profile);
    ASSERT_TRUE(store.has_value()) << store.error();
    ASSERT_TRUE((*store)->save(catalog).has_value());
  }

  Outcome run(std::vector<std::string> args, const std::string& stdin_text = "") {
    args.insert(args.begin(), {"--profile", m_profile.string(), "--now", k_now});
    auto options = parse_match_args(args);
    EXPECT_TRUE(options.has_value()) << options.error();
    std::istringstream in(stdin_text);
    std::ostringstream out;
    std::ostringstream err;
    Outcome r;
    r.status = options ? match_command(*options, in, out, err) : 64;
    r.out = out.str();
    r.err = err.str();
    return r;
  }

  // Three welders near Cầu Giấy and a far cook; one too old, one expired.
  void save_hand_made() {
    Catalog c;
    c.vacancies = {
        make("weld-near", "7212", 21.035, 105.79), make("weld-far", "7212", 21.20, 105.80),
        make("fitter", "7213", 21.036, 105.79),    make("cook", "5120", 21.035, 105.79),
        make("old-only", "7212", 21.035, 105.79),  make("expired", "7212", 21.035, 105.79)};
    c.vacancies[4].min_age = 40;
    c.vacancies[5].expires_at = *parse_iso8601(k_now);
    save(c);
  }

  test_support::TempDir m_dir;
  fs::path m_profile = write_profile();
};

TEST_F(KioskctlMatch, RanksTheCachedVacanciesForTheCard) {
  save_hand_made();
  const Outcome r = run({"--citizen", k_card, "--occupation", "7212", "--json"});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = r.json();
  ASSERT_TRUE(j.is_array()) << r.out;
  ASSERT_EQ(j.size(), 4u);
  EXPECT_EQ(j[0]["id"], "weld-near");
  EXPECT_EQ(j[1]["id"], "weld-far");  // exact occupation outweighs 19 km
  EXPECT_EQ(j[2]["id"], "fitter");
  EXPECT_EQ(j[3]["id"], "cook");
  EXPECT_EQ(j[0]["reasons"][0], "Đúng nghề bạn chọn");
  EXPECT_EQ(j[0]["reasons"][1], "Gần nhà bạn");
  EXPECT_EQ(j[0]["title"], "Tuyển weld-near");
  EXPECT_GT(j[0]["score"].get<double>(), j[1]["score"].get<double>());
  EXPECT_TRUE(j[0].contains("distance_km"));
  EXPECT_NE(r.err.find("4 shown of 4 eligible, 6 cached"), std::string::npos) << r.err;
}

TEST_F(KioskctlMatch, PrintsNoPersonalData) {
  save_hand_made();
  for (const bool json : {true, false}) {
    std::vector<std::string> args = {"--citizen", k_card};
    if (json) {
      args.emplace_back("--json");
    }
    const Outcome r = run(args);
    ASSERT_EQ(r.status, 0) << r.err;
    for (const char* secret :
         {"001095012345", "Nguyễn Văn An", "15031995", "Trần Duy Hưng", "123456789"}) {
      EXPECT_EQ(r.out.find(secret), std::string::npos) << secret;
      EXPECT_EQ(r.err.find(secret), std::string::npos) << secret;
    }
  }
}

TEST_F(KioskctlMatch, IdOnlyPayloadUsesTheBirthYearFromStdin) {
  save_hand_made();
  Catalog c;
  c.vacancies = {make("upto-30", "7212", 21.035, 105.79), make("upto-31", "7212", 21.035, 105.79)};
  c.vacancies[0].max_age = 30;  // 1995: 30 or 31 in 2026 → eligible
  c.vacancies[1].min_age = 32;  // out
  save(c);
  const Outcome r = run({"--citizen", "-", "--json"}, "001095012345\r\n");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = r.json();
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["id"], "upto-30");
  EXPECT_FALSE(j[0].contains("distance_km"));  // no address, no home
}

TEST_F(KioskctlMatch, QueryLimitAndFilters) {
  save_hand_made();
  Outcome r = run({"--citizen", k_card, "--query", "tuyen weld", "--json"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.json().size(), 2u);
  EXPECT_NE(r.err.find("2 shown of 4 eligible"), std::string::npos) << r.err;
  r = run({"--citizen", k_card, "--limit", "1", "--json"});
  EXPECT_EQ(r.json().size(), 1u);
  r = run({"--citizen", k_card, "--group", "51", "--json"});
  ASSERT_EQ(r.json().size(), 1u);
  EXPECT_EQ(r.json()[0]["id"], "cook");
  r = run({"--citizen", k_card, "--max-km", "5", "--occupation", "7212", "--json"});
  EXPECT_EQ(r.json().size(), 3u);
}

TEST_F(KioskctlMatch, ProfileSessionsAndTargetGroupsApply) {
  Catalog c;
  c.vacancies = {make("a", "7212", 21.035, 105.79), make("b", "7212", 21.035, 105.79)};
  c.vacancies[1].session_ids = {"pgd-2"};
  c.vacancies[1].target_groups = {"bo_doi_xuat_ngu"};
  save(c);
  m_profile = write_profile("[session]\nsession_ids = [\"pgd-2\"]\n");
  Outcome r = run({"--citizen", k_card, "--json"});
  ASSERT_EQ(r.json().size(), 1u);
  EXPECT_EQ(r.json()[0]["id"], "b");
  m_profile = write_profile("[session]\ntarget_groups = [\"nguoi_khuyet_tat\"]\n");
  r = run({"--citizen", k_card, "--json"});
  EXPECT_EQ(r.json().size(), 0u);
}

TEST_F(KioskctlMatch, RejectsBadInputWithoutEchoingIt) {
  save_hand_made();
  const Outcome r = run({"--citizen", "Nguyễn Văn An|secret|stuff"});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(r.err.find("Nguyễn"), std::string::npos);
  EXPECT_NE(r.err.find("rejected"), std::string::npos);
  EXPECT_FALSE(parse_match_args({"--profile", "p", "--citizen", "c", "--occupation", "72x"}));
  EXPECT_FALSE(parse_match_args({"--profile", "p", "--citizen", "c", "--limit", "ten"}));
  EXPECT_FALSE(parse_match_args({"--profile", "p", "--citizen", "c", "--bogus"}));
  EXPECT_FALSE(parse_match_args({"--citizen", "c"}));
  const auto many = parse_match_args(
      {"--profile", "p", "--citizen", "c", "--occupation", "7212", "7213,7214", "--json"});
  ASSERT_TRUE(many.has_value());
  EXPECT_EQ(many->occupations, (std::vector<std::string>{"7212", "7213", "7214"}));
  EXPECT_TRUE(many->json);
}

TEST_F(KioskctlMatch, MissingCacheIsAClearError) {
  const Outcome r = run({"--citizen", k_card});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("kioskctl sync"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(m_dir.path() / "store.db"));
}

class FixedClock final : public Clock {
 public:
  WallTime wall() const override { return *parse_iso8601(k_now); }
  std::chrono::steady_clock::time_point steady() const override { return {}; }
};

// The cache filled from the development server's generated vacancies: the
// tool's list is the kiosk's list (match_query_for + match_vacancies).
TEST_F(KioskctlMatch, DevServerCacheRanksAsTheKioskDoes) {
  dev::DevCentralOptions options;
  options.today = "2026-11-27";
  options.token = "test-token";
  dev::DevCentral central(options);
  const auto port = central.start();
  ASSERT_TRUE(port.has_value()) << port.error();
  m_profile = write_profile(fmt::format("[api]\nbase_url = \"http://127.0.0.1:{}\"\n", *port));
  auto profile = load_profile_file(m_profile.string());
  ASSERT_TRUE(profile.has_value());
  auto api = make_central_api(*profile, "test-token");
  const FixedClock clock;
  auto catalog = fetch_catalog(*api, clock);
  ASSERT_TRUE(catalog.has_value()) << catalog.error().message;
  save(*catalog);

  const Outcome r = run({"--citizen", k_card, "--occupation", "7212", "--limit", "30", "--json"});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = r.json();
  ASSERT_TRUE(j.is_array());
  ASSERT_FALSE(j.empty());

  auto wards = load_ward_table(KIOSK_WARDS_FILE);
  ASSERT_TRUE(wards.has_value());
  CitizenId card = *parse_citizen_id(k_card);
  auto query = match_query_for(match_person_from_card(card, wards->get()), MatchScope{},
                               catalog->sessions, clock.wall());
  query.occupations = {"7212"};
  query.limit = 30;
  const auto expected = match_vacancies(catalog->vacancies, query);
  ASSERT_EQ(j.size(), expected.matches.size());
  for (std::size_t i = 0; i < j.size(); ++i) {
    EXPECT_EQ(j[i]["id"], expected.matches[i].vacancy.id) << i;
    EXPECT_GE(j[i]["reasons"].size(), 1u);
    EXPECT_LE(j[i]["reasons"].size(), 3u);
    if (i > 0) {
      EXPECT_GE(j[i - 1]["score"].get<double>(), j[i]["score"].get<double>());
    }
  }
}

}  // namespace
}  // namespace kiosk
