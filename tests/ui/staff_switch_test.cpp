// Issue 7, Done-when 3: the real kiosk runtime in a real SDL window (under
// Xvfb), against the development central API on loopback. A job seeker's
// matches come from today's general session; staff scan their card, switch
// the kiosk to another session on the staff screen by tapping, lock it; the
// next job seeker's matches all come from the new session.
//
// Taps are SDL mouse events at the rectangles the screens drew their
// buttons in (GlyphAudit::targets), so they go the way a finger's would:
// SDL → ImGui → the screens → intents.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "app/runtime.hpp"
#include "core/time.hpp"
#include "support/ed25519_signer.hpp"
#include "support/temp_dir.hpp"
#include "tools/central_dev/dev_central.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

constexpr const char* k_card =
    "001095012345|123456789|Nguyễn Văn An|15031995|Nam|Số 12 ngõ 34 Trần Duy Hưng, Phường Yên "
    "Hòa, Thành phố Hà Nội|01082021";

std::string base64url(std::string_view bytes) {
  std::string out = test_support::Ed25519Signer::base64(bytes);
  while (!out.empty() && out.back() == '=') {
    out.pop_back();
  }
  for (char& c : out) {
    c = c == '+' ? '-' : c == '/' ? '_' : c;
  }
  return out;
}

class StaffSwitch : public ::testing::Test {
 protected:
  void SetUp() override {
    dev::DevCentralOptions options;
    options.vacancies = 400;
    central = std::make_unique<dev::DevCentral>(options);
    auto port = central->start();
    ASSERT_TRUE(port) << port.error();
    today = format_iso_date(vn_date(std::chrono::time_point_cast<std::chrono::seconds>(
                                std::chrono::system_clock::now())))
                .substr(0, 10);
  }
  void TearDown() override {
    runtime.reset();
    central->stop();
  }

  std::string general_session() const {
    std::string compact = today;
    std::erase(compact, '-');
    return "pgd-" + compact;
  }

  void write_profile(const std::string& session) {
    std::ofstream out(dir / "kiosk.toml");
    out << "[kiosk]\nid = \"hn-test-07\"\nname = \"Ki-ốt thử\"\n"
        << "[api]\nbase_url = \"" << central->base_url() << "\"\ntoken = \"dev-token\"\n"
        << "profile_pubkey = \"" << profile_key.public_b64() << "\"\n"
        << "[session]\nsession_ids = [\"" << session << "\"]\nlanguages = [\"vi\"]\n"
        << "[printer]\nuri = \"file:" << (dir / "slips").string() << "\"\n"
        << "[ui]\nfullscreen = false\nwidth = 1920\nheight = 1080\nwelcome_animation = false\n"
        << "sound = false\nlocale_dir = \"" << KIOSK_LOCALE_DIR << "\"\n"
        << "[logging]\ndirectory = \"\"\n"
        << "[data]\nwards_file = \"" << KIOSK_WARDS_FILE << "\"\nstore_path = \""
        << (dir / "kiosk.db").string() << "\"\n"
        << "[staff]\ncard_pubkey = \"" << centre.public_b64()
        << "\"\n"
        // PIN 2468 (kioskctl pin-hash) in slot 1.
        << "pin_hashes = [\"$argon2id$v=19$m=65536,t=3,p=1$3ZI1EVcQ9COJAu9lgPOwOw$"
           "b9muGIOcp80ZPIDEqTyezPhl9x1M5niNy3uGg1EjpP0\"]\n";
  }

  std::string staff_card() const {
    const std::string payload =
        R"({"id":"staff-017","name_hint":"Lan","expires":"2099-12-31T23:59:59+07:00"})";
    const std::string signed_part = "KIOSK-STAFF:1:" + base64url(payload);
    return signed_part + "." + base64url(centre.sign(signed_part));
  }

  /// The kiosk on today's general session, its buttons recorded for tap().
  void start_kiosk() {
    write_profile(general_session());
    auto parts = build_runtime_parts((dir / "kiosk.toml").string(), true);
    ASSERT_TRUE(parts) << parts.error();
    runtime = std::make_unique<Runtime>(std::move(*parts));
    runtime->audit().record_text(true);
    runtime->start();
  }

  /// Steps the loop until `done` holds (or ~20 s pass).
  bool step_until(const std::function<bool()>& done) {
    for (int i = 0; i < 1000; ++i) {
      runtime->step(20ms);
      if (done()) {
        // A few more frames, so the screen that goes with it is drawn.
        for (int j = 0; j < 3; ++j) {
          runtime->step(5ms);
        }
        return true;
      }
    }
    return false;
  }

  /// Taps the centre of the button drawn with ImGui id `id` in the last frame.
  bool tap(const std::string& id) {
    runtime->step(5ms);  // a fresh frame, so the targets are current
    const auto& targets = runtime->audit().targets();
    const auto it =
        std::find_if(targets.begin(), targets.end(), [&](const auto& t) { return t.id == id; });
    if (it == targets.end()) {
      ADD_FAILURE() << "no button " << id << " on screen";
      return false;
    }
    const int x = static_cast<int>((it->min.x + it->max.x) / 2);
    const int y = static_cast<int>((it->min.y + it->max.y) / 2);
    // The X pointer itself moves there (ImGui's SDL backend reads the
    // pointer from the display); the press comes as an SDL event.
    SDL_Window* window = SDL_GL_GetCurrentWindow();
    SDL_WarpMouseInWindow(window, x, y);
    runtime->step(5ms);
    runtime->step(5ms);
    SDL_Event e{};
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.state = SDL_PRESSED;
    e.button.x = x;
    e.button.y = y;
    e.button.windowID = SDL_GetWindowID(window);
    SDL_PushEvent(&e);
    runtime->step(5ms);
    runtime->step(5ms);
    e.type = SDL_MOUSEBUTTONUP;
    e.button.state = SDL_RELEASED;
    SDL_PushEvent(&e);
    for (int i = 0; i < 4; ++i) {
      runtime->step(5ms);
    }
    return true;
  }

  /// A job seeker scans their card, agrees, sees their matches and leaves.
  std::vector<Match> seeker_matches() {
    runtime->inject_scan(k_card);
    EXPECT_TRUE(step_until([&] { return runtime->journey().view().screen == Screen::consent; }));
    EXPECT_TRUE(tap("##agree"));
    EXPECT_TRUE(step_until([&] { return runtime->journey().view().screen == Screen::matches; }));
    std::vector<Match> ids = runtime->journey().view().matches;
    EXPECT_TRUE(tap("##end"));
    EXPECT_TRUE(step_until([&] { return !runtime->journey().has_person(); }));
    return ids;
  }

  test::TempDir temp;  // removed with the fixture
  const fs::path dir = temp.path();
  std::unique_ptr<dev::DevCentral> central;
  std::string today;
  test_support::Ed25519Signer centre;       // signs staff cards
  test_support::Ed25519Signer profile_key;  // signs the central profile
  std::unique_ptr<Runtime> runtime;
};

TEST_F(StaffSwitch, SwitchingTheSessionOnTheStaffScreenChangesTheNextSeekersMatches) {
  // The Centre serves this kiosk a profile of its own: it takes effect
  // beside the staff's choice (layers: local, central, staff).
  const std::string central_body = "[session]\nidle_timeout_s = 120\n";
  central->set_kiosk_profile("hn-test-07", central_body, profile_key.sign_b64(central_body));
  ASSERT_NO_FATAL_FAILURE(start_kiosk());
  ASSERT_TRUE(step_until([&] { return !runtime->journey().view().catalog_empty; }))
      << "the catalogue never arrived";

  std::set<std::string> before;
  for (const auto& m : seeker_matches()) {
    before.insert(m.vacancy.id);
  }
  ASSERT_FALSE(before.empty());

  // Staff: the card, the session panel, another session, switch, lock.
  runtime->inject_scan(staff_card());
  ASSERT_TRUE(step_until([&] { return runtime->staff().unlocked(); }));
  ASSERT_TRUE(tap("##tab-1"));  // StaffPanel::session
  ASSERT_TRUE(step_until([&] {
    return !runtime->staff().view().sessions_loading && !runtime->staff().view().sessions.empty();
  }));
  const std::string target = "pgd-" + std::string(general_session()).substr(4) + "-bdxn";
  bool offered = false;
  for (const auto& s : runtime->staff().view().sessions) {
    offered = offered || s.id == target;
  }
  ASSERT_TRUE(offered) << target << " is not in the API's list";
  ASSERT_TRUE(tap("##session-" + target));
  ASSERT_TRUE(runtime->staff().view().chosen_session);
  EXPECT_EQ(*runtime->staff().view().chosen_session, target);
  ASSERT_TRUE(tap("##switch-session"));
  EXPECT_EQ(runtime->profile().session.session_ids, std::vector<std::string>{target});
  EXPECT_EQ(runtime->staff().view().active_sessions, std::vector<std::string>{target});
  ASSERT_TRUE(tap("##staff-lock"));
  EXPECT_FALSE(runtime->staff().open());

  // The central profile is in force too, under the staff's session choice.
  EXPECT_EQ(runtime->profile().session.idle_timeout, std::chrono::seconds{120});
  EXPECT_EQ(runtime->journey().config().idle_timeout, std::chrono::seconds{120});
  EXPECT_EQ(runtime->journey().config().active_session_ids, std::vector<std::string>{target});

  // The staff change is on disk, as the top layer, for the next start.
  std::ifstream staff_file(dir / "staff.toml");
  std::stringstream staff_text;
  staff_text << staff_file.rdbuf();
  EXPECT_NE(staff_text.str().find(target), std::string::npos) << staff_text.str();

  // The next job seeker sees the new session's vacancies only.
  std::set<std::string> after;
  for (const auto& m : seeker_matches()) {
    after.insert(m.vacancy.id);
    const auto& s = m.vacancy.session_ids;
    EXPECT_NE(std::find(s.begin(), s.end(), target), s.end())
        << m.vacancy.id << " is not in " << target;
  }
  EXPECT_FALSE(after.empty());
  EXPECT_NE(after, before);
}

TEST_F(StaffSwitch, TheHiddenGestureAndThePinOpenStaffModeWhichPrintsATestSlip) {
  ASSERT_NO_FATAL_FAILURE(start_kiosk());
  // A job seeker who found the gesture: their card closes the keypad and
  // starts their session.
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(tap("##staff-gesture"));
  }
  ASSERT_TRUE(step_until([&] { return runtime->staff().open(); }));
  runtime->inject_scan(k_card);
  ASSERT_TRUE(step_until([&] { return runtime->journey().view().screen == Screen::consent; }));
  EXPECT_FALSE(runtime->staff().open());
  ASSERT_TRUE(tap("##end"));
  ASSERT_TRUE(step_until([&] { return !runtime->journey().has_person(); }));
  for (int i = 0; i < 40; ++i) {
    runtime->step(50ms);  // more than the gesture's 3 s window
  }
  // Four taps on the Centre's name do nothing; the fifth opens the keypad.
  for (int i = 0; i < 4; ++i) {
    ASSERT_TRUE(tap("##staff-gesture"));
  }
  EXPECT_FALSE(runtime->staff().open());
  ASSERT_TRUE(tap("##staff-gesture"));
  ASSERT_TRUE(step_until([&] { return runtime->staff().open(); }));
  // A wrong PIN first, then the right one.
  for (const char* key : {"##pin-1", "##pin-1", "##pin-1", "##pin-1", "##pin-ok"}) {
    ASSERT_TRUE(tap(key));
  }
  ASSERT_TRUE(step_until([&] { return !runtime->staff().view().checking; }));
  EXPECT_FALSE(runtime->staff().unlocked());
  EXPECT_EQ(runtime->staff().view().notice, "Mã PIN không đúng.");
  for (const char* key : {"##pin-2", "##pin-4", "##pin-6", "##pin-8", "##pin-ok"}) {
    ASSERT_TRUE(tap(key));
  }
  ASSERT_TRUE(step_until([&] { return runtime->staff().unlocked(); }));
  EXPECT_EQ(runtime->staff().view().who, "pin-slot 1");

  ASSERT_TRUE(tap("##tab-2"));  // StaffPanel::devices
  ASSERT_TRUE(tap("##test-slip"));
  ASSERT_TRUE(step_until([&] { return runtime->staff().view().notice == "Đã in phiếu thử."; }));
  std::size_t slips = 0;
  for (const auto& f : fs::directory_iterator(dir / "slips")) {
    slips += f.path().extension() == ".png" ? 1 : 0;
  }
  EXPECT_EQ(slips, 1u);
  ASSERT_TRUE(tap("##staff-lock"));
  EXPECT_FALSE(runtime->staff().open());
  EXPECT_EQ(runtime->journey().view().screen, Screen::welcome);
}

}  // namespace
}  // namespace kiosk
