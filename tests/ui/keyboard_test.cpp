// The on-screen keyboard: the pure edit rules, then the widget itself driven
// through a headless ImGui context (no window, no GL) by simulated taps.

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/keyboard.hpp"
#include "ui/widgets.hpp"

namespace kiosk::ui {
namespace {

Key letter(char c) {
  return Key{Key::Kind::character, c};
}
const Key k_space{Key::Kind::space};
const Key k_backspace{Key::Kind::backspace};

TEST(KeyboardEdit, AppendsLettersDigitsAndSingleSpaces) {
  std::string text;
  EXPECT_EQ(apply_key(text, k_space), KeyboardResult::none);  // never a leading space
  EXPECT_EQ(apply_key(text, letter('h')), KeyboardResult::edited);
  EXPECT_EQ(apply_key(text, letter('a')), KeyboardResult::edited);
  EXPECT_EQ(apply_key(text, k_space), KeyboardResult::edited);
  EXPECT_EQ(apply_key(text, k_space), KeyboardResult::none);  // nor two in a row
  EXPECT_EQ(apply_key(text, letter('1')), KeyboardResult::edited);
  EXPECT_EQ(text, "ha 1");
}

TEST(KeyboardEdit, BackspaceRemovesOneWholeCodePoint) {
  std::string text = "Hà Nội";  // ộ is three bytes, à two
  EXPECT_EQ(apply_key(text, k_backspace), KeyboardResult::edited);
  EXPECT_EQ(text, "Hà Nộ");
  EXPECT_EQ(apply_key(text, k_backspace), KeyboardResult::edited);
  EXPECT_EQ(text, "Hà N");
  text = "Hà";
  EXPECT_EQ(apply_key(text, k_backspace), KeyboardResult::edited);
  EXPECT_EQ(text, "H");
  text = "a\xF0\x9F\x98\x80";  // a four-byte code point
  apply_key(text, k_backspace);
  EXPECT_EQ(text, "a");
  // NFD text: the combining mark is its own code point.
  text = "e\xCC\x81";
  apply_key(text, k_backspace);
  EXPECT_EQ(text, "e");
}

TEST(KeyboardEdit, BackspaceOnEmptyOrBrokenText) {
  std::string text;
  EXPECT_EQ(apply_key(text, k_backspace), KeyboardResult::none);
  EXPECT_EQ(text, "");
  // Stray continuation bytes with no lead byte go one at a time.
  text = "a\x80\x80\x80\x80\x80";
  apply_key(text, k_backspace);
  EXPECT_EQ(text, "a\x80\x80\x80\x80");
  text = "\x80";
  apply_key(text, k_backspace);
  EXPECT_EQ(text, "");
}

TEST(KeyboardEdit, StopsAtMaxBytesAndCloseChangesNothing) {
  std::string text = "abc";
  EXPECT_EQ(apply_key(text, letter('d'), 3), KeyboardResult::none);
  EXPECT_EQ(apply_key(text, k_space, 3), KeyboardResult::none);
  EXPECT_EQ(apply_key(text, Key{Key::Kind::close}), KeyboardResult::closed);
  EXPECT_EQ(apply_key(text, letter('\0')), KeyboardResult::none);
  EXPECT_EQ(text, "abc");
}

// A 1920×1080 ImGui frame holding only the keyboard, fed with mouse input.
class KeyboardWidget : public ::testing::Test {
 protected:
  KeyboardWidget() : m_context(ImGui::CreateContext()) {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1920, 1080);
    io.DeltaTime = 1.0f / 60.0f;
    ImFont* font = io.Fonts->AddFontDefault();
    unsigned char* pixels = nullptr;
    int w = 0;
    int h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    m_fonts = Fonts{font, font, font, font, font, font};
    frame(ImVec2(-1, -1), false);  // the window exists from now on
  }
  ~KeyboardWidget() override { ImGui::DestroyContext(m_context); }

  KeyboardResult frame(ImVec2 mouse, bool down) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = mouse;
    io.MouseDown[0] = down;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("keyboard", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    const UiContext ctx{m_fonts, 1.0f, 0.0, nullptr, &m_intents, nullptr, {}};
    m_top = ImGui::GetCursorScreenPos();
    m_height = keyboard_height(ctx);
    const KeyboardResult result = keyboard(ctx, m_text);
    ImGui::End();
    ImGui::Render();
    return result;
  }

  // Finger down at `from`, moved to `to`, lifted there.
  KeyboardResult tap(ImVec2 from, ImVec2 to) {
    KeyboardResult result = frame(from, true);
    if (to.x != from.x || to.y != from.y) {
      result = frame(to, true);
    }
    const KeyboardResult lifted = frame(to, false);
    frame(ImVec2(-1, -1), false);
    return lifted != KeyboardResult::none ? lifted : result;
  }

  // Taps every 16 px over the keyboard; remembers where each key acted.
  std::map<std::string, ImVec2> scan() {
    std::map<std::string, ImVec2> found;
    for (float y = m_top.y + 2; y < m_top.y + m_height; y += 16) {
      for (float x = 2; x < 1920; x += 16) {
        m_text = "ab";
        const KeyboardResult r = tap(ImVec2(x, y), ImVec2(x, y));
        std::string key = r == KeyboardResult::closed ? "close"
                          : m_text == "a"             ? "backspace"
                          : m_text.size() == 3        ? m_text.substr(2)
                                                      : "";
        EXPECT_EQ(r == KeyboardResult::edited, key != "" && key != "close") << x << "," << y;
        if (!key.empty()) {
          found.try_emplace(key, ImVec2(x, y));
        }
      }
    }
    return found;
  }

  ImGuiContext* m_context;
  Fonts m_fonts;
  std::vector<Intent> m_intents;
  std::string m_text;
  ImVec2 m_top;
  float m_height = 0.0f;
};

TEST_F(KeyboardWidget, EveryKeyIsThereAndTypesOnRelease) {
  const auto keys = scan();
  std::set<std::string> expected = {" ", "backspace", "close"};
  for (const char c : std::string("abcdefghijklmnopqrstuvwxyz0123456789")) {
    expected.insert(std::string(1, c));
  }
  std::set<std::string> seen;
  for (const auto& [key, pos] : keys) {
    seen.insert(key);
  }
  EXPECT_EQ(seen, expected);
  // Pressing alone types nothing; lifting the finger does.
  m_text.clear();
  const ImVec2 q = keys.at("q");
  EXPECT_EQ(frame(q, true), KeyboardResult::none);
  EXPECT_EQ(m_text, "");
  EXPECT_EQ(frame(q, false), KeyboardResult::edited);
  EXPECT_EQ(m_text, "q");
}

TEST_F(KeyboardWidget, KeysAreAtLeast64PxTall) {
  EXPECT_GE(m_height, 5 * 64.0f);
  const auto keys = scan();
  // Probe straight up and down from where "g" acted to its top and bottom edge.
  const ImVec2 g = keys.at("g");
  float top = g.y;
  float bottom = g.y;
  for (m_text = "ab";
       tap(ImVec2(g.x, top - 1), ImVec2(g.x, top - 1)) == KeyboardResult::edited && m_text == "abg";
       m_text = "ab") {
    --top;
  }
  for (m_text = "ab";
       tap(ImVec2(g.x, bottom + 1), ImVec2(g.x, bottom + 1)) == KeyboardResult::edited &&
       m_text == "abg";
       m_text = "ab") {
    ++bottom;
  }
  EXPECT_GE(bottom - top + 1, 64.0f);
}

TEST_F(KeyboardWidget, SlidingOffOrDraggingTypesNothing) {
  const auto keys = scan();
  m_text = "ab";
  EXPECT_EQ(tap(keys.at("q"), keys.at("m")), KeyboardResult::none);
  const ImVec2 space = keys.at(" ");
  EXPECT_EQ(tap(space, ImVec2(space.x + 40, space.y)), KeyboardResult::none);
  EXPECT_EQ(m_text, "ab");
}

}  // namespace
}  // namespace kiosk::ui
