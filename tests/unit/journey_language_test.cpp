// The person's language and presentation choices: they last for one
// session, reset when it ends or when a choice is left on the welcome
// screen, and text the journey composes follows the language at once.

#include <gtest/gtest.h>

#include "adapters/fake/fakes.hpp"
#include "adapters/fake/memory_outbox.hpp"
#include "core/journey.hpp"
#include "test_data.hpp"

namespace kiosk {
namespace {

using namespace std::chrono_literals;

// A few English translations, enough to see the reasons and status change.
std::shared_ptr<const Translations> english() {
  MessageCatalog en;
  en.add("Gần nhà bạn", "Near your home");
  en.add("Phù hợp độ tuổi của bạn", "Suits your age");
  en.add("Cập nhật lúc {}", "Updated at {}");
  en.add("Đây không phải mã QR của thẻ căn cước. Bạn hãy đưa mặt sau thẻ căn cước có mã QR.",
         "This is not the QR code of a citizen ID card.");
  en.add_plural("Còn {} suất phỏng vấn", {"{} interview place left", "{} interview places left"});
  auto t = std::make_shared<Translations>();
  t->set(Lang::en, std::move(en));
  return t;
}

class JourneyLanguage : public ::testing::Test {
 protected:
  JourneyLanguage()
      : clock(*parse_iso8601("2026-11-27T09:00:00+07:00")),
        journey(JourneyPorts{api, outbox, printer, clock, runner}, config()) {
    auto catalog = std::make_shared<Catalog>();
    catalog->vacancies = {testing::make_vacancy("vac-near", 21.025, 105.79, 18, 45)};
    catalog->sessions = {JobFairSession{"pgd-20261127", "Phiên giao dịch việc làm định kỳ", {},
                                        "215 Trung Kính",
                                        *parse_iso8601("2026-11-27T08:00:00+07:00"),
                                        *parse_iso8601("2026-11-27T17:00:00+07:00")}};
    catalog->synced_at = clock.wall();
    journey.set_catalog(catalog, true);
  }

  static JourneyConfig config() {
    JourneyConfig c;
    c.kiosk_id = "hn-test";
    c.idle_timeout = 60s;
    c.wards = testing::load_wards();
    c.translations = english();
    return c;
  }

  void start() {
    journey.on_scan(ScanEvent{testing::k_card, "fifo:test"});
    ASSERT_EQ(journey.view().screen, Screen::consent);
    journey.handle(intent::AcceptConsent{});
    ASSERT_EQ(journey.view().screen, Screen::matches);
  }

  fake::FakeCentralApi api;
  fake::MemoryOutbox outbox{api};
  fake::FakePrinter printer;
  fake::FakeClock clock;
  fake::ManualTaskRunner runner;
  Journey journey;
};

TEST_F(JourneyLanguage, AChoiceMadeOnWelcomeLastsForTheSessionAndEndsWithIt) {
  EXPECT_EQ(journey.view().lang, Lang::vi);
  journey.handle(intent::SetLanguage{Lang::en});
  journey.handle(intent::SetLargeText{true});
  journey.handle(intent::SetHighContrast{true});
  start();
  EXPECT_EQ(journey.view().lang, Lang::en);
  EXPECT_TRUE(journey.view().large_text);
  EXPECT_TRUE(journey.view().high_contrast);
  journey.handle(intent::Cancel{});
  ASSERT_EQ(journey.view().screen, Screen::welcome);
  EXPECT_EQ(journey.view().lang, Lang::vi);
  EXPECT_FALSE(journey.view().large_text);
  EXPECT_FALSE(journey.view().high_contrast);
}

TEST_F(JourneyLanguage, AChoiceLeftOnTheWelcomeScreenResetsAfterTheIdleTimeout) {
  EXPECT_FALSE(journey.next_deadline());  // idle on welcome: nothing to wake for
  journey.handle(intent::SetLanguage{Lang::en});
  EXPECT_TRUE(journey.next_deadline());  // the choice must be undone in time
  clock.advance(59s);
  journey.tick();
  EXPECT_EQ(journey.view().lang, Lang::en);
  clock.advance(1s);
  journey.tick();
  EXPECT_EQ(journey.view().lang, Lang::vi);
  EXPECT_FALSE(journey.next_deadline());
}

TEST_F(JourneyLanguage, SwitchingMidSessionRewritesTheReasonsAndStatus) {
  start();
  ASSERT_FALSE(journey.view().matches.empty());
  const auto& vi_reasons = journey.view().matches.front().reasons;
  EXPECT_NE(std::find(vi_reasons.begin(), vi_reasons.end(), "Gần nhà bạn"), vi_reasons.end());
  EXPECT_EQ(journey.view().catalog_status, "Cập nhật lúc 09:00");
  journey.handle(intent::SetLanguage{Lang::en});
  EXPECT_EQ(journey.view().screen, Screen::matches);  // still where the person was
  const auto& en_reasons = journey.view().matches.front().reasons;
  EXPECT_NE(std::find(en_reasons.begin(), en_reasons.end(), "Near your home"), en_reasons.end());
  EXPECT_EQ(journey.view().catalog_status, "Updated at 09:00");
  journey.handle(intent::SetLanguage{Lang::vi});
  EXPECT_EQ(journey.view().matches.front().reasons, vi_reasons);
}

TEST_F(JourneyLanguage, ANoticeIsKeptAsItsSourceStringToBeTranslatedWhenDrawn) {
  journey.on_scan(ScanEvent{"https://zalo.me/g/abcdef", "fifo:test"});
  ASSERT_FALSE(journey.view().notice.empty());
  journey.handle(intent::SetLanguage{Lang::en});
  // The view keeps the msgid; the screen translates it for the language.
  const auto translations = english();
  const Tr en(translations.get(), Lang::en);
  EXPECT_EQ(journey.view().notice,
            "Đây không phải mã QR của thẻ căn cước. Bạn hãy đưa mặt sau thẻ căn cước có mã QR.");
  EXPECT_EQ(en.trv(journey.view().notice, journey.view().notice_args),
            "This is not the QR code of a citizen ID card.");
}

}  // namespace
}  // namespace kiosk
