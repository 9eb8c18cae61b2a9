// Touch scrolling: the pure TouchScroller (slop, 1:1 drag, fling, friction,
// catching, clamping), then a list of buttons in a headless ImGui context
// (no window, no GL) dragged and tapped with simulated mouse input.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <vector>

#include <imgui.h>

#include "ui/touch_scroll.hpp"
#include "ui/widgets.hpp"
#include "../support/headless_imgui.hpp"

namespace kiosk::ui {
namespace {

constexpr double k_frame = 1.0 / 60.0;

// A long list scrolled to the middle, so both directions are free.
TouchScroller middle_of_long_list(float scale = 1.0f) {
  TouchScroller s(scale);
  s.set_range(10000.0f);
  s.set_offset(5000.0f);
  return s;
}

// Moves the finger from `from` to `to` at `speed` px/s in 60 Hz samples,
// starting at time `t`; returns the time of the last sample.
double slide(TouchScroller& s, float from, float to, float speed, double t) {
  const float per_frame = speed * static_cast<float>(k_frame);
  const int steps = std::max(1, static_cast<int>(std::lround(std::abs(to - from) / per_frame)));
  for (int i = 1; i <= steps; ++i) {
    t += k_frame;
    s.move(from + (to - from) * static_cast<float>(i) / static_cast<float>(steps), t);
  }
  return t;
}

TEST(TouchScroller, SlowDragFollowsTheFingerOneToOneAndStopsDeadOnRelease) {
  TouchScroller s = middle_of_long_list();
  s.press(800.0f, 0.0);
  double t = slide(s, 800.0f, 760.0f, 100.0f, 0.0);  // past the 24 px slop
  ASSERT_TRUE(s.is_drag());
  // Only the part beyond the slop scrolls, so the content did not jump.
  EXPECT_FLOAT_EQ(s.offset(), 5000.0f + 16.0f);
  // From here on the content follows the finger pixel for pixel.
  for (float y = 758.5f; y >= 500.0f; y -= 1.5f) {
    const float before = s.offset();
    t += k_frame;
    s.move(y, t);
    EXPECT_NEAR(s.offset() - before, 1.5f, 1e-3f);
  }
  const float at_release = s.offset();
  s.release(t + k_frame);
  EXPECT_FALSE(s.coasting());
  EXPECT_EQ(s.velocity(), 0.0f);
  s.advance(t + 1.0);
  EXPECT_EQ(s.offset(), at_release);
}

TEST(TouchScroller, FingerThatRestsBeforeLiftingDoesNotFling) {
  TouchScroller s = middle_of_long_list();
  s.press(800.0f, 0.0);
  const double t = slide(s, 800.0f, 300.0f, 3000.0f, 0.0);
  EXPECT_GT(s.velocity(), 2500.0f);
  s.move(300.0f, t + 0.1);  // held still: no new position
  s.release(t + 0.12);
  EXPECT_FALSE(s.coasting());
}

TEST(TouchScroller, FlingCoastsAndDecaysMonotonicallyToAStop) {
  TouchScroller s = middle_of_long_list();
  s.press(900.0f, 0.0);
  double t = slide(s, 900.0f, 500.0f, 2000.0f, 0.0);  // upwards: the offset grows
  const float at_release = s.offset();
  s.release(t);
  ASSERT_TRUE(s.coasting());
  // The speed is the mean of the last ~80 ms, not one noisy delta.
  EXPECT_NEAR(s.velocity(), 2000.0f, 100.0f);
  const double released = t;
  float offset = s.offset();
  float speed = s.velocity();
  while (s.coasting()) {
    t += k_frame;
    s.advance(t);
    EXPECT_GT(s.offset(), offset);  // keeps going the same way
    EXPECT_LT(s.velocity(), speed);  // and slows down every frame
    offset = s.offset();
    speed = s.velocity();
    ASSERT_LT(t - released, 2.0) << "never stopped";
  }
  EXPECT_EQ(s.velocity(), 0.0f);
  // friction 7/s, stop below 50 px/s: ≈0.53 s and ≈280 px.
  EXPECT_GE(t - released, 0.3);
  EXPECT_LE(t - released, 0.6);
  EXPECT_NEAR(s.offset() - at_release, 280.0f, 25.0f);
  s.advance(t + 1.0);
  EXPECT_EQ(s.offset(), offset);
}

TEST(TouchScroller, CoastDistanceDoesNotDependOnTheFrameRate) {
  float ends[2] = {};
  const double steps[2] = {1.0 / 60.0, 1.0 / 20.0};
  for (int i = 0; i < 2; ++i) {
    TouchScroller s = middle_of_long_list();
    s.press(900.0f, 0.0);
    double t = slide(s, 900.0f, 500.0f, 2000.0f, 0.0);
    s.release(t);
    while (s.coasting()) {
      t += steps[i];
      s.advance(t);
    }
    ends[i] = s.offset();
  }
  EXPECT_NEAR(ends[0], ends[1], 12.0f);
}

TEST(TouchScroller, ShortMoveIsATapAndLongerMoveIsADrag) {
  TouchScroller s = middle_of_long_list();
  s.press(500.0f, 0.0);
  s.move(510.0f, k_frame);
  s.move(490.0f, 2 * k_frame);
  s.release(3 * k_frame);
  EXPECT_FALSE(s.is_drag());
  EXPECT_EQ(s.offset(), 5000.0f);

  s.press(500.0f, 1.0);
  s.move(530.0f, 1.0 + k_frame);
  EXPECT_TRUE(s.is_drag());
  EXPECT_FLOAT_EQ(s.offset(), 5000.0f - 6.0f);
  s.release(1.0 + 2 * k_frame);
  EXPECT_TRUE(s.is_drag());  // still known after the lift, for the widget
}

TEST(TouchScroller, SlopScalesWithTheUi) {
  TouchScroller s = middle_of_long_list(2.0f);  // 48 px at scale 2
  s.press(500.0f, 0.0);
  s.move(540.0f, k_frame);
  EXPECT_FALSE(s.is_drag());
  s.move(550.0f, 2 * k_frame);
  EXPECT_TRUE(s.is_drag());
}

TEST(TouchScroller, TouchOnACoastingListStopsItAndIsNoTap) {
  TouchScroller s = middle_of_long_list();
  s.press(900.0f, 0.0);
  double t = slide(s, 900.0f, 500.0f, 2000.0f, 0.0);
  s.release(t);
  t += 0.1;
  s.advance(t);
  ASSERT_TRUE(s.coasting());
  const float caught_at = s.offset();
  s.press(600.0f, t);
  EXPECT_FALSE(s.coasting());
  EXPECT_TRUE(s.is_drag());
  s.advance(t + 0.5);
  EXPECT_EQ(s.offset(), caught_at);
  s.release(t + 0.6);  // lifted without moving
  EXPECT_TRUE(s.is_drag());
  EXPECT_FALSE(s.coasting());
  // A fresh touch on the still list is a tap again until it passes the slop.
  s.press(600.0f, t + 1.0);
  s.move(590.0f, t + 1.0 + k_frame);
  EXPECT_EQ(s.offset(), caught_at);
  EXPECT_FALSE(s.is_drag());
}

TEST(TouchScroller, ClampsAtBothEnds) {
  TouchScroller s;
  s.set_range(1000.0f);
  s.press(500.0f, 0.0);
  double t = slide(s, 500.0f, 900.0f, 300.0f, 0.0);  // pulling down at the top
  EXPECT_EQ(s.offset(), 0.0f);
  t = slide(s, 900.0f, 880.0f, 300.0f, t);  // turning back moves at once
  EXPECT_FLOAT_EQ(s.offset(), 20.0f);
  s.release(t);
  t += 1.0;
  s.advance(t);  // whatever little coast that was, it is over
  ASSERT_FALSE(s.coasting());
  // A fling towards the bottom coasts into the end and stops there.
  s.press(900.0f, t);
  t = slide(s, 900.0f, 200.0f, 6000.0f, t);
  s.release(t);
  ASSERT_TRUE(s.coasting());
  for (int i = 0; i < 120 && s.coasting(); ++i) {
    t += k_frame;
    s.advance(t);
    EXPECT_LE(s.offset(), 1000.0f);
  }
  EXPECT_FALSE(s.coasting());
  EXPECT_EQ(s.offset(), 1000.0f);
  // A shorter list clamps the offset at once.
  s.set_range(300.0f);
  EXPECT_EQ(s.offset(), 300.0f);
  // A fling towards an end already reached does not coast.
  s.press(200.0f, 10.0);
  t = slide(s, 200.0f, 600.0f, 3000.0f, 10.0);
  s.release(t);
  EXPECT_EQ(s.offset(), 0.0f);
  EXPECT_FALSE(s.coasting());
}

TEST(TouchScrolling, ForgetsListsThatLeftTheScreen) {
  TouchScrolling lists;
  TouchScroller& s = lists.list(7);
  s.set_range(10000.0f);
  s.press(900.0f, 0.0);
  s.release(slide(s, 900.0f, 500.0f, 2000.0f, 0.0));
  lists.end_frame();
  EXPECT_TRUE(lists.coasting());
  lists.end_frame();  // list 7 was not drawn in this frame
  EXPECT_FALSE(lists.coasting());
}

// A 1920×1080 ImGui frame with one 600 px child window holding 30 buttons
// 100 px tall, fed with mouse input and a 60 Hz animation clock.
class TouchList : public ::testing::Test {
 protected:
  TouchList() {
    frame(ImVec2(-1, -1), false);
    frame(ImVec2(-1, -1), false);  // the list knows its content height
  }

  // One frame; returns the buttons tapped in it.
  std::vector<int> frame(ImVec2 mouse, bool down) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = mouse;
    io.MouseDown[0] = down;
    m_time += k_frame;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("screen", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    const UiContext ctx{m_fonts, 1.0f, m_time, nullptr, &m_intents, &m_scrolling, {}};
    ImGui::SetCursorScreenPos(ImVec2(100, 200));
    ImGui::BeginChild("list", ImVec2(800, 600), false, ImGuiWindowFlags_NoScrollbar);
    drag_to_scroll(ctx);
    std::vector<int> tapped;
    for (int i = 0; i < 30; ++i) {
      ImGui::PushID(i);
      if (button(ctx, "##item", "item", ImVec2(760, 100), ButtonKind::secondary)) {
        tapped.push_back(i);
      }
      ImGui::PopID();
    }
    m_scroll = ImGui::GetScrollY();
    ImGui::EndChild();
    ImGui::End();
    ImGui::Render();
    m_scrolling.end_frame();
    return tapped;
  }

  // Finger down at `from`, moved in 20 px steps to `to`, lifted there;
  // returns every button tapped along the way.
  std::vector<int> touch(ImVec2 from, ImVec2 to) {
    std::vector<int> tapped = frame(from, true);
    ImVec2 at = from;
    while (std::abs(at.y - to.y) > 0.5f) {
      at.y += std::clamp(to.y - at.y, -20.0f, 20.0f);
      const auto t = frame(at, true);
      tapped.insert(tapped.end(), t.begin(), t.end());
    }
    const auto lifted = frame(to, false);
    tapped.insert(tapped.end(), lifted.begin(), lifted.end());
    return tapped;
  }

  test::HeadlessImGui m_imgui{static_cast<float>(k_frame)};
  const Fonts& m_fonts = m_imgui.fonts();
  std::vector<Intent> m_intents;
  TouchScrolling m_scrolling;
  double m_time = 0.0;
  float m_scroll = 0.0f;
};

TEST_F(TouchList, DragScrollsAndTapsNothingWhileATapTapsOneButton) {
  // A tap on the third button (rows from y 200, 100 px + spacing each).
  EXPECT_EQ(touch(ImVec2(400, 450), ImVec2(400, 450)), std::vector<int>{2});
  EXPECT_EQ(m_scroll, 0.0f);
  // Press, move 300 px up, lift: the list scrolled and no button fired.
  EXPECT_EQ(touch(ImVec2(400, 700), ImVec2(400, 400)), std::vector<int>{});
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(frame(ImVec2(400, 400), false), std::vector<int>{});
  }
  EXPECT_GT(m_scroll, 250.0f);
  // A drag with no fling, ended slowly, taps nothing either.
  frame(ImVec2(400, 400), true);
  for (float y = 402; y <= 460; y += 2) {
    EXPECT_EQ(frame(ImVec2(400, y), true), std::vector<int>{});
  }
  for (int i = 0; i < 6; ++i) {
    frame(ImVec2(400, 460), true);  // rests, so the lift does not fling
  }
  EXPECT_EQ(frame(ImVec2(400, 460), false), std::vector<int>{});
}

TEST_F(TouchList, FlingCoastsAndATouchCatchesItWithoutATap) {
  EXPECT_EQ(touch(ImVec2(400, 750), ImVec2(400, 350)), std::vector<int>{});
  ASSERT_TRUE(m_scrolling.coasting());
  frame(ImVec2(400, 350), false);
  const float coasting_at = m_scroll;
  frame(ImVec2(400, 350), false);
  EXPECT_GT(m_scroll, coasting_at);  // still moving without a finger
  // A tap on the moving list stops it and taps no button.
  EXPECT_EQ(touch(ImVec2(400, 500), ImVec2(400, 500)), std::vector<int>{});
  EXPECT_FALSE(m_scrolling.coasting());
  const float stopped_at = m_scroll;
  frame(ImVec2(400, 500), false);
  EXPECT_EQ(m_scroll, stopped_at);
  // The next tap on the still list is a tap again.
  EXPECT_EQ(touch(ImVec2(400, 500), ImVec2(400, 500)).size(), 1u);
}

}  // namespace
}  // namespace kiosk::ui
