// The welcome animation: its loop as pure poses (8 pictures a second, 3 s,
// a pause at the scanner with the scan light), when the next picture is due,
// and the drawing itself in a headless ImGui context (no window, no GL).

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include <imgui.h>

#include "core/profile.hpp"
#include "ui/kiosk_ui.hpp"
#include "ui/welcome_animation.hpp"
#include "ui/widgets.hpp"
#include "../support/headless_imgui.hpp"

namespace kiosk::ui {
namespace {

constexpr double k_step = 1.0 / k_welcome_animation_fps;
// Any time works: the loop does not depend on when the kiosk started.
constexpr double k_start = 123456.0;

TEST(WelcomeAnimation, ChangesOnlyEighthTimesASecond) {
  for (int i = 0; i < 3 * k_welcome_animation_frames; ++i) {
    const double step_start = k_start + i * k_step;
    const WelcomePose pose = welcome_pose(step_start + 0.001);
    for (const double into : {0.02, 0.05, 0.09, 0.12}) {
      EXPECT_EQ(welcome_pose(step_start + into), pose) << i << " +" << into;
    }
  }
}

TEST(WelcomeAnimation, LoopsEveryThreeSeconds) {
  EXPECT_DOUBLE_EQ(k_welcome_animation_frames * k_step, 3.0);
  for (int i = 0; i < k_welcome_animation_frames; ++i) {
    const double t = k_start + (i + 0.5) * k_step;
    EXPECT_EQ(welcome_pose(t), welcome_pose(t + 3.0)) << i;
    EXPECT_EQ(welcome_pose(t), welcome_pose(t + 30.0)) << i;
  }
}

TEST(WelcomeAnimation, CardGoesToTheScannerPausesThereWhileScannedAndLifts) {
  std::vector<WelcomePose> loop;
  for (int i = 0; i < k_welcome_animation_frames; ++i) {
    loop.push_back(welcome_pose((i + 0.5) * k_step));
  }
  EXPECT_EQ(loop.front().lift, 1.0f);  // held up at the start
  EXPECT_TRUE(loop.front().moving);
  // Down without going back up, until it rests over the scanner.
  std::size_t i = 1;
  while (i < loop.size() && loop[i].lift > 0.0f) {
    EXPECT_LE(loop[i].lift, loop[i - 1].lift) << i;
    EXPECT_EQ(loop[i].scan, -1.0f) << i;  // no scan light on the way
    ++i;
  }
  // Resting: the scan light sweeps the QR code top to bottom, then the tick.
  std::size_t rest = 0;
  float last_scan = -1.0f;
  for (; i < loop.size() && loop[i].lift == 0.0f; ++i, ++rest) {
    EXPECT_FALSE(loop[i].moving);
    if (loop[i].scan >= 0.0f) {
      EXPECT_GT(loop[i].scan, last_scan) << i;
      EXPECT_LE(loop[i].scan, 1.0f);
      last_scan = loop[i].scan;
    }
  }
  EXPECT_GE(rest * k_step, 1.0);  // a clear pause, not a bounce
  EXPECT_EQ(last_scan, 1.0f);
  bool ticked = false;
  for (const WelcomePose& p : loop) {
    ticked = ticked || p.scanned;
    EXPECT_FALSE(p.scanned && p.scan >= 0.0f);  // the tick comes after the light
  }
  EXPECT_TRUE(ticked);
  // Then up again, to where the loop starts.
  for (; i < loop.size(); ++i) {
    EXPECT_GE(loop[i].lift, loop[i - 1].lift) << i;
  }
  EXPECT_GT(loop.back().lift, 0.5f);
}

TEST(WelcomeAnimation, NextChangeIsTheNextStepThatLooksDifferent) {
  int changes = 0;
  for (int i = 0; i < k_welcome_animation_frames; ++i) {
    const double t = k_start + (i + 0.3) * k_step;
    const double next = welcome_animation_next_change(t);
    EXPECT_GT(next, t);
    EXPECT_LE(next - t, 3.0);
    // On a step boundary (to well under a microsecond).
    const double steps = next * k_welcome_animation_fps;
    EXPECT_NEAR(steps, std::round(steps), 1e-6) << i;
    EXPECT_NE(welcome_pose(next + 1e-6), welcome_pose(t)) << i;
    for (double u = t; u < next - 1e-6; u += k_step / 4) {
      EXPECT_EQ(welcome_pose(u), welcome_pose(t)) << i;
    }
    changes += next - t < k_step ? 1 : 0;
  }
  // Most steps move something; still steps (held at the start) are skipped.
  EXPECT_GE(changes, k_welcome_animation_frames - 4);
  EXPECT_LT(changes, k_welcome_animation_frames);
}

TEST(WelcomeAnimation, OnlyTheWelcomeScreenWithoutCameraAnimates) {
  JourneyView view;
  FrameInfo info;
  ASSERT_EQ(view.screen, Screen::welcome);
  ASSERT_TRUE(info.welcome_animation);  // on unless the profile turns it off
  const auto next = KioskUi::next_animation_frame(view, info, k_start);
  ASSERT_TRUE(next);
  EXPECT_DOUBLE_EQ(*next, welcome_animation_next_change(k_start));
  info.welcome_animation = false;
  EXPECT_FALSE(KioskUi::next_animation_frame(view, info, k_start));
  info.welcome_animation = true;
  int texture = 0;
  info.preview = &texture;  // the camera's picture shows instead
  EXPECT_FALSE(KioskUi::next_animation_frame(view, info, k_start));
  info.preview = nullptr;
  view.screen = Screen::matches;
  EXPECT_FALSE(KioskUi::next_animation_frame(view, info, k_start));
}

TEST(WelcomeAnimation, ProfileSwitchesItOff) {
  const auto defaults = parse_profile("", "p.toml");
  ASSERT_TRUE(defaults);
  EXPECT_TRUE(defaults->ui.welcome_animation);
  const auto off = parse_profile("[ui]\nwelcome_animation = false\n", "p.toml");
  ASSERT_TRUE(off);
  EXPECT_FALSE(off->ui.welcome_animation);
  const auto bad = parse_profile("[ui]\nwelcome_animation = \"no\"\n", "p.toml");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().to_string().find("welcome_animation"), std::string::npos);
}

// Draws the animation alone into a headless 1920×1080 frame and returns its
// vertices' positions and colours.
class WelcomeAnimationDrawing : public ::testing::Test {
 protected:
  struct Drawn {
    std::vector<float> values;  // x, y, colour of every vertex
    ImVec2 min{1e9f, 1e9f};
    ImVec2 max{-1e9f, -1e9f};
  };

  Drawn draw(double time) {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    // No background: only the animation's own shapes are in the draw data.
    ImGui::Begin(
        "welcome", nullptr,
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBackground);
    const UiContext ctx{m_fonts, 1.0f, time, nullptr, &m_intents, nullptr, {}};
    draw_welcome_animation(ctx, m_origin, m_size, ctx.anim_time);
    ImGui::End();
    ImGui::Render();
    Drawn d;
    const ImDrawData* data = ImGui::GetDrawData();
    for (int l = 0; l < data->CmdListsCount; ++l) {
      for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer) {
        d.values.insert(d.values.end(), {v.pos.x, v.pos.y, static_cast<float>(v.col)});
        d.min = ImVec2(std::min(d.min.x, v.pos.x), std::min(d.min.y, v.pos.y));
        d.max = ImVec2(std::max(d.max.x, v.pos.x), std::max(d.max.y, v.pos.y));
      }
    }
    return d;
  }

  test::HeadlessImGui m_imgui;
  const Fonts& m_fonts = m_imgui.fonts();
  std::vector<Intent> m_intents;
  ImVec2 m_origin{100, 300};
  ImVec2 m_size{750, 410};
};

TEST_F(WelcomeAnimationDrawing, SamePictureWithinAStepAnotherAtTheNext) {
  for (int i = 0; i < k_welcome_animation_frames; ++i) {
    const double t = k_start + i * k_step + 0.01;
    const Drawn a = draw(t);
    EXPECT_GT(a.values.size(), 100u);  // a card, its QR code, the scanner
    EXPECT_EQ(draw(t + 0.1).values, a.values) << i;
    const double next = welcome_animation_next_change(t);
    EXPECT_NE(draw(next + 0.01).values, a.values) << i;
  }
}

TEST_F(WelcomeAnimationDrawing, StaysInsideItsBoxAndShrinksToFit) {
  // The landscape box, then a narrow one (a portrait screen).
  for (const ImVec2 size : {ImVec2(750, 410), ImVec2(260, 260)}) {
    m_size = size;
    for (int i = 0; i < k_welcome_animation_frames; ++i) {
      const Drawn d = draw(k_start + (i + 0.5) * k_step);
      // Shadows may reach a little past the box (at most 24 px).
      EXPECT_GE(d.min.x, m_origin.x - 1) << size.x << " " << i;
      EXPECT_GE(d.min.y, m_origin.y - 1) << size.x << " " << i;
      EXPECT_LE(d.max.x, m_origin.x + m_size.x + 24) << size.x << " " << i;
      EXPECT_LE(d.max.y, m_origin.y + m_size.y + 24) << size.x << " " << i;
    }
  }
}

}  // namespace
}  // namespace kiosk::ui
