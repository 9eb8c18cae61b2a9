// Nothing personal outlives a session: a person reaches the confirm screen
// (name, phone, home ward on screen), walks away, and the idle timeout ends
// the session. Then the journey holds no person, its view no personal field,
// and the next frame drawn (every string, through the widgets' text audit)
// none of the card's data. A headless ImGui context: no window, no GL.

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <imgui.h>

#include "adapters/fake/fakes.hpp"
#include "adapters/fake/memory_outbox.hpp"
#include "core/journey.hpp"
#include "ui/kiosk_ui.hpp"
#include "../support/headless_imgui.hpp"

namespace kiosk::ui {
namespace {

using namespace std::chrono_literals;

constexpr const char* k_card =
    "001095012345|123456789|Nguyễn Văn Bình|15031995|Nam|Số 12 ngõ 34 Trần Duy Hưng, Phường Yên "
    "Hòa, Thành phố Hà Nội|01082021";

// What the card and the person gave, as it could appear on screen.
const std::vector<std::string> k_personal = {
    "Nguyễn Văn Bình", "Bình", "001095012345", "001******345", "123456789", "15/03/1995",
    "15031995",        "1995", "Trần Duy Hưng", "Yên Hoà",     "Yên Hòa",   "0912345678",
    "0912 345 678"};

std::shared_ptr<const WardTable> wards() {
  std::ifstream in(KIOSK_WARDS_FILE);
  std::stringstream ss;
  ss << in.rdbuf();
  return std::make_shared<const WardTable>(*WardTable::from_json(ss.str()));
}

class SessionPrivacy : public ::testing::Test {
 protected:
  SessionPrivacy()
      : clock(*parse_iso8601("2026-11-27T09:00:00+07:00")),
        journey(JourneyPorts{api, outbox, printer, clock, runner}, config()) {
    m_ui = std::make_unique<KioskUi>(m_imgui.fonts(), 1.0f);
    m_ui->audit().record_text(true);

    Vacancy v;
    v.id = "vac-1";
    v.title = "Thợ hàn";
    v.employer_name = "Cơ sở Hoa Mai";
    v.expires_at = *parse_iso8601("2027-01-31T17:00:00+07:00");
    v.lat = 21.02;
    v.lon = 105.79;
    v.slots_available = 3;
    auto catalog = std::make_shared<Catalog>();
    catalog->vacancies = {v};
    catalog->synced_at = clock.wall();
    api.vacancies = catalog->vacancies;
    api.slots_by_vacancy["vac-1"] = {Slot{"slot-1", *parse_iso8601("2026-11-27T14:00:00+07:00"),
                                          *parse_iso8601("2026-11-27T14:30:00+07:00"),
                                          "215 Trung Kính", "Gian 3", 5, 5}};
    journey.set_catalog(catalog, true);
  }

  static JourneyConfig config() {
    JourneyConfig c;
    c.kiosk_id = "hn-test";
    c.wards = wards();
    c.idle_timeout = 60s;
    return c;
  }

  // Draws one frame of the current view; returns every string it drew.
  std::vector<std::string> frame() {
    m_ui->audit().clear_recorded();
    ImGui::NewFrame();
    const FrameInfo info{"Trung tâm", "Ki-ốt", "09:00", "Thứ Sáu", 1, true, {}};
    m_ui->draw(journey.view(), info, 0.0);
    ImGui::Render();
    return m_ui->audit().recorded();
  }

  static std::vector<std::string> personal_in(const std::vector<std::string>& drawn) {
    std::vector<std::string> found;
    for (const auto& s : drawn) {
      for (const auto& p : k_personal) {
        if (s.find(p) != std::string::npos) {
          found.push_back(p + " in \"" + s + "\"");
        }
      }
    }
    return found;
  }

  test::HeadlessImGui m_imgui;
  std::unique_ptr<KioskUi> m_ui;  // after m_imgui: destroyed before the context
  fake::FakeCentralApi api;
  fake::MemoryOutbox outbox{api};
  fake::FakePrinter printer;
  fake::FakeClock clock;
  fake::ManualTaskRunner runner;
  Journey journey;
};

TEST_F(SessionPrivacy, AnIdleTimeoutLeavesNoPersonalFieldInStateViewOrFrame) {
  journey.on_scan(ScanEvent{k_card, "test"});
  ASSERT_EQ(journey.view().screen, Screen::consent);
  // The control: personal data is on screen while the person is here.
  EXPECT_FALSE(personal_in(frame()).empty());
  journey.handle(intent::AcceptConsent{});
  journey.handle(intent::OpenVacancy{"vac-1"});
  journey.handle(intent::ShowSlots{});
  runner.run_all();
  journey.handle(intent::ChooseSlot{"slot-1"});
  journey.handle(intent::SetPhone{"0912345678"});
  ASSERT_EQ(journey.view().screen, Screen::confirm);
  const auto shown = personal_in(frame());
  EXPECT_FALSE(shown.empty());

  // The person walks away.
  clock.advance(61s);
  journey.tick();
  ASSERT_EQ(journey.view().screen, Screen::welcome);
  EXPECT_FALSE(journey.has_person());
  const JourneyView& v = journey.view();
  EXPECT_TRUE(v.greeting_name.empty());
  EXPECT_TRUE(v.person_name.empty());
  EXPECT_TRUE(v.home_area.empty());
  EXPECT_TRUE(v.phone.empty());
  EXPECT_FALSE(v.id_check.has_value());
  EXPECT_FALSE(v.slip.has_value());
  EXPECT_FALSE(v.vacancy.has_value());
  EXPECT_FALSE(v.chosen_slot.has_value());
  EXPECT_TRUE(v.matches.empty());
  EXPECT_TRUE(v.search_text.empty());
  EXPECT_TRUE(v.chosen_occupations.empty());
  EXPECT_TRUE(v.notice.empty());
  frame();  // the frame after the reset settles the layout
  const auto left = personal_in(frame());
  EXPECT_TRUE(left.empty()) << ::testing::PrintToString(left);
}

}  // namespace
}  // namespace kiosk::ui
