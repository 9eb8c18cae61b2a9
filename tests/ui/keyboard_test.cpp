// The on-screen keyboard: the pure edit rules and the Telex state, then the
// widget itself driven through a headless ImGui context (no window, no GL)
// by simulated taps.

#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/keyboard.hpp"
#include "ui/widgets.hpp"
#include "../support/headless_imgui.hpp"

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

// Presses `typed` one key at a time: letters and digits, ' ' the space bar.
std::string press_all(KeyboardState& state, std::string text, std::string_view typed) {
  for (const char c : typed) {
    state.apply(text, c == ' ' ? k_space : letter(c));
  }
  return text;
}

Key mode_key(TelexMode mode) {
  return Key{Key::Kind::mode, 0, mode};
}

TEST(KeyboardTelex, ComposesTheIssuesExamples) {
  KeyboardState state;
  EXPECT_EQ(state.mode(), TelexMode::telex);  // Vietnamese with accents first
  EXPECT_EQ(press_all(state, "", "tieengs vieetj"), "tiếng việt");
  state.reset();
  EXPECT_EQ(press_all(state, "", "ddi"), "đi");
  state.reset();
  EXPECT_EQ(press_all(state, "", "thowj ddieenj"), "thợ điện");
  state.reset();
  EXPECT_EQ(press_all(state, "", "hoaf nguwowif"), "hoà người");
}

TEST(KeyboardTelex, EachKeyReportsWhetherTheTextChanged) {
  KeyboardState state;
  std::string text;
  EXPECT_EQ(state.apply(text, k_space), KeyboardResult::none);  // never a leading space
  EXPECT_EQ(state.apply(text, letter('v')), KeyboardResult::edited);
  EXPECT_EQ(state.apply(text, letter('i')), KeyboardResult::edited);
  EXPECT_EQ(state.apply(text, letter('e')), KeyboardResult::edited);
  EXPECT_EQ(state.apply(text, letter('e')), KeyboardResult::edited);  // vie → viê
  EXPECT_EQ(text, "viê");
  EXPECT_EQ(state.apply(text, letter('t')), KeyboardResult::edited);
  EXPECT_EQ(state.apply(text, letter('j')), KeyboardResult::edited);  // the tone moves in
  EXPECT_EQ(text, "việt");
  EXPECT_EQ(state.apply(text, k_space), KeyboardResult::edited);
  EXPECT_EQ(state.apply(text, k_space), KeyboardResult::none);  // nor two in a row
  EXPECT_EQ(state.apply(text, Key{Key::Kind::close}), KeyboardResult::closed);
  EXPECT_EQ(state.apply(text, letter('\0')), KeyboardResult::none);
  EXPECT_EQ(text, "việt ");
}

TEST(KeyboardTelex, ModeKeySwitchesBetweenTelexAndPlain) {
  KeyboardState state;
  std::string text = press_all(state, "", "tieengs");
  EXPECT_EQ(text, "tiếng");
  // Switching keeps the word as it is and changes no text.
  EXPECT_EQ(state.apply(text, mode_key(TelexMode::plain)), KeyboardResult::none);
  EXPECT_EQ(state.mode(), TelexMode::plain);
  EXPECT_EQ(text, "tiếng");
  text = press_all(state, text, "s vieetj");
  EXPECT_EQ(text, "tiếngs vieetj");  // accent-free: every key as typed
  EXPECT_EQ(state.apply(text, mode_key(TelexMode::plain)), KeyboardResult::none);
  EXPECT_EQ(state.mode(), TelexMode::plain);  // the mode in use: nothing happens
  EXPECT_EQ(state.apply(text, mode_key(TelexMode::telex)), KeyboardResult::none);
  EXPECT_EQ(state.mode(), TelexMode::telex);
  EXPECT_EQ(press_all(state, text, " ddi"), "tiếngs vieetj đi");
  // A new person starts with Telex again, and nothing of the old text.
  state.apply(text, mode_key(TelexMode::plain));
  state.reset();
  EXPECT_EQ(state.mode(), TelexMode::telex);
  EXPECT_EQ(press_all(state, "", "aa"), "â");
}

TEST(KeyboardTelex, BackspaceTakesOneCharacterAlsoBeforeWhatWasTyped) {
  KeyboardState state;
  std::string text = press_all(state, "", "vieetj");
  EXPECT_EQ(state.apply(text, k_backspace), KeyboardResult::edited);
  EXPECT_EQ(text, "việ");  // ệ keeps its tone while it stays
  text = "Hà Nội";         // set elsewhere: typing goes on after it, as a new word
  EXPECT_EQ(state.apply(text, k_backspace), KeyboardResult::edited);
  EXPECT_EQ(text, "Hà Nộ");
  EXPECT_EQ(state.apply(text, letter('s')), KeyboardResult::edited);
  EXPECT_EQ(text, "Hà Nộs");  // not a tone on the earlier word
  text.clear();
  EXPECT_EQ(state.apply(text, k_backspace), KeyboardResult::none);
}

TEST(KeyboardTelex, StopsAtMaxBytesCountingComposedLetters) {
  KeyboardState state;
  std::string text = press_all(state, "", "vie");
  // "viê" is 4 bytes: composing it from "vie" needs one more than 3.
  EXPECT_EQ(state.apply(text, letter('e'), 3), KeyboardResult::none);
  EXPECT_EQ(text, "vie");
  EXPECT_EQ(state.apply(text, letter('e'), 4), KeyboardResult::edited);
  EXPECT_EQ(text, "viê");
  EXPECT_EQ(state.apply(text, letter('j'), 4), KeyboardResult::none);  // ệ is one byte more
  EXPECT_EQ(state.apply(text, k_space, 4), KeyboardResult::none);
  EXPECT_EQ(text, "viê");
}

// A 1920×1080 ImGui frame holding only the keyboard, fed with mouse input.
class KeyboardWidget : public ::testing::Test {
 protected:
  KeyboardWidget() {
    frame(ImVec2(-1, -1), false);  // the window exists from now on
  }

  KeyboardResult frame(ImVec2 mouse, bool down) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = mouse;
    io.MouseDown[0] = down;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("keyboard", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    const UiContext ctx{m_fonts,    1.0f,    0.0, nullptr,
                        &m_intents, nullptr, {},  m_with_state ? &m_state : nullptr};
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
        if (m_with_state) {  // letters as typed, so each key shows itself
          m_state.reset();
          set_mode(TelexMode::plain);
        }
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

  void set_mode(TelexMode mode) {
    std::string unused;
    m_state.apply(unused, Key{Key::Kind::mode, 0, mode});
  }

  // Where a tap switches the keyboard to `mode`, searched along the row of
  // `row_y` (from the other mode each time).
  std::optional<ImVec2> find_mode_key(TelexMode mode, float row_y) {
    const TelexMode other = mode == TelexMode::telex ? TelexMode::plain : TelexMode::telex;
    for (float x = 2; x < 1920; x += 16) {
      set_mode(other);
      tap(ImVec2(x, row_y), ImVec2(x, row_y));
      if (m_state.mode() == mode) {
        return ImVec2(x, row_y);
      }
    }
    return std::nullopt;
  }

  // Taps the keys of `typed` (' ' is the space bar) as a person would.
  void type(const std::map<std::string, ImVec2>& keys, std::string_view typed) {
    for (const char c : typed) {
      const ImVec2 at = keys.at(std::string(1, c));
      tap(at, at);
    }
  }

  test::HeadlessImGui m_imgui;
  const Fonts& m_fonts = m_imgui.fonts();
  bool m_with_state = false;  // lends the widget m_state (as KioskUi does)
  KeyboardState m_state;
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

namespace kiosk::ui {
namespace {

TEST_F(KeyboardWidget, TelexByTapsAndTheModeKeys) {
  m_with_state = true;
  const auto keys = scan();
  for (const char c : std::string("abcdefghijklmnopqrstuvwxyz0123456789 ")) {
    ASSERT_TRUE(keys.count(std::string(1, c))) << c;
  }
  const float bottom_row = keys.at(" ").y;
  const auto plain = find_mode_key(TelexMode::plain, bottom_row);
  const auto telex = find_mode_key(TelexMode::telex, bottom_row);
  ASSERT_TRUE(plain && telex);

  m_state.reset();
  m_text.clear();
  type(keys, "tieengs vieetj");
  EXPECT_EQ(m_text, "tiếng việt");
  // "Không dấu": the text stays, and keys are typed as they are.
  EXPECT_EQ(tap(*plain, *plain), KeyboardResult::none);
  EXPECT_EQ(m_state.mode(), TelexMode::plain);
  EXPECT_EQ(m_text, "tiếng việt");
  type(keys, " tho dien");
  EXPECT_EQ(m_text, "tiếng việt tho dien");
  // "Có dấu (Telex)" again.
  m_text = "";
  EXPECT_EQ(tap(*telex, *telex), KeyboardResult::none);
  EXPECT_EQ(m_state.mode(), TelexMode::telex);
  type(keys, "ddi");
  EXPECT_EQ(m_text, "đi");
}

TEST_F(KeyboardWidget, ModeKeysAreLargeToo) {
  m_with_state = true;
  const auto keys = scan();
  const auto plain = find_mode_key(TelexMode::plain, keys.at(" ").y);
  ASSERT_TRUE(plain);
  const auto switches = [&](float x, float y) {
    set_mode(TelexMode::telex);
    tap(ImVec2(x, y), ImVec2(x, y));
    return m_state.mode() == TelexMode::plain;
  };
  float top = plain->y;
  float bottom = plain->y;
  float left = plain->x;
  float right = plain->x;
  while (switches(plain->x, top - 1)) {
    --top;
  }
  while (switches(plain->x, bottom + 1)) {
    ++bottom;
  }
  while (switches(left - 1, plain->y)) {
    --left;
  }
  while (switches(right + 1, plain->y)) {
    ++right;
  }
  EXPECT_GE(bottom - top + 1, 64.0f);
  EXPECT_GE(right - left + 1, 160.0f);  // wide enough for its label
}

}  // namespace
}  // namespace kiosk::ui
