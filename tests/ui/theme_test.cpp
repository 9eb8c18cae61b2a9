// The accessibility modes: every text colour the screens draw on each
// background is readable (WCAG contrast ratio ≥ 4.5:1 in the normal palette,
// ≥ 7:1 in high contrast); the large font set is 1.3× the normal one in the
// same atlas; and KioskUi draws in the view's palette and font set. A
// headless ImGui context: no window, no GL.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <imgui.h>

#include "core/journey.hpp"
#include "ui/kiosk_ui.hpp"
#include "ui/theme.hpp"
#include "../support/headless_imgui.hpp"

namespace kiosk::ui {
namespace {

constexpr const char* k_font_dir = "/usr/share/fonts/truetype/noto";

struct Rgb {
  double r, g, b;
};

// `c` over `under` (translucent colours are drawn over something).
Rgb composite(ImU32 c, Rgb under) {
  const double a = static_cast<double>((c >> IM_COL32_A_SHIFT) & 0xFF) / 255.0;
  const auto ch = [&](int shift, double u) {
    return static_cast<double>((c >> shift) & 0xFF) * a + u * (1.0 - a);
  };
  return Rgb{ch(IM_COL32_R_SHIFT, under.r), ch(IM_COL32_G_SHIFT, under.g),
             ch(IM_COL32_B_SHIFT, under.b)};
}

// WCAG 2 relative luminance of an sRGB colour.
double luminance(Rgb c) {
  const auto lin = [](double v) {
    v /= 255.0;
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

double contrast(Rgb a, Rgb b) {
  const double la = luminance(a);
  const double lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

TEST(Contrast, MatchesWcagReferenceValues) {
  const Rgb white{255, 255, 255};
  EXPECT_NEAR(contrast(white, Rgb{0, 0, 0}), 21.0, 1e-9);
  EXPECT_NEAR(contrast(white, white), 1.0, 1e-9);
  EXPECT_NEAR(contrast(white, Rgb{118, 118, 118}), 4.54, 0.01);  // the AA grey on white
  EXPECT_NEAR(contrast(white, composite(IM_COL32(0, 0, 0, 0), white)), 1.0, 1e-9);
}

// A text colour and the background the UI draws it on, and where.
struct TextPair {
  ImU32 Palette::*text;
  ImU32 Palette::*back;
  const char* where;
};

const TextPair k_pairs[] = {
    {&Palette::text, &Palette::background, "titles and body text on the screen"},
    {&Palette::text, &Palette::card, "cards, panels, letter keys, idle dialog"},
    {&Palette::text, &Palette::secondary, "secondary buttons, held cards"},
    {&Palette::text, &Palette::secondary_active, "held secondary buttons, function keys"},
    {&Palette::text, &Palette::notice, "notices"},
    {&Palette::muted, &Palette::background, "sub-headings"},
    {&Palette::muted, &Palette::card, "card details, idle countdown"},
    {&Palette::muted, &Palette::secondary, "card details while held"},
    {&Palette::header, &Palette::background, "employer name, welcome subtitle"},
    {&Palette::header, &Palette::card, "search result count"},
    {&Palette::header_text, &Palette::header, "header, step numbers, special keys"},
    {&Palette::header_subtle, &Palette::header, "kiosk name and date in the header"},
    {&Palette::header_text, &Palette::header_button, "header button labels"},
    {&Palette::header_text, &Palette::header_button_held, "header button labels, pressed"},
    {&Palette::header, &Palette::header_text, "header button labels, mode on"},
    {&Palette::header_text, &Palette::primary, "primary buttons, chosen chips"},
    {&Palette::header_text, &Palette::primary_active, "primary buttons pressed, done key"},
    {&Palette::primary, &Palette::background, "booking confirmed title"},
    {&Palette::primary, &Palette::card, "free places on a slot"},
    {&Palette::primary, &Palette::secondary, "free places on a held slot"},
    {&Palette::danger, &Palette::card, "the end-session button"},
    {&Palette::danger, &Palette::secondary_active, "the end-session button, pressed"},
    {&Palette::chip_text, &Palette::chip, "reason pills, success banner"},
    {&Palette::disabled, &Palette::secondary, "inactive buttons"},
    {&Palette::disabled, &Palette::card, "a full interview slot"},
    {&Palette::placeholder, &Palette::card, "the empty search box's hint"},
};

// Every pair's ratio below `minimum`, described.
std::vector<std::string> too_faint(const Palette& p, double minimum) {
  const Rgb white{255, 255, 255};
  std::vector<std::string> failed;
  const auto check = [&](const char* where, Rgb fg, Rgb bg) {
    const double ratio = contrast(fg, bg);
    if (ratio < minimum) {
      char buf[160];
      std::snprintf(buf, sizeof buf, "%s: %.2f:1", where, ratio);
      failed.emplace_back(buf);
    }
  };
  for (const TextPair& pair : k_pairs) {
    const Rgb bg = composite(p.*pair.back, composite(p.background, white));
    check(pair.where, composite(p.*pair.text, bg), bg);
  }
  // The camera hint sits on a translucent box over the live picture, which
  // can be anything: check it over white and over black.
  for (const Rgb picture : {white, Rgb{0, 0, 0}}) {
    const Rgb bg = composite(p.caption, picture);
    check("camera hint", composite(p.caption_text, bg), bg);
  }
  return failed;
}

TEST(Palette, NormalTextIsAtLeastWcagAA) {
  const auto failed = too_faint(normal_palette(), 4.5);
  EXPECT_TRUE(failed.empty()) << ::testing::PrintToString(failed);
}

TEST(Palette, HighContrastTextIsAtLeastWcagAAA) {
  const auto failed = too_faint(high_contrast_palette(), 7.0);
  EXPECT_TRUE(failed.empty()) << ::testing::PrintToString(failed);
}

TEST(Palette, HighContrastOutlinesCardsButtonsAndNotices) {
  const Palette p = high_contrast_palette();
  EXPECT_GE(p.border_px, 3.0f);
  EXPECT_GE(p.button_border_px, 3.0f);
  EXPECT_GE(p.notice_border_px, 3.0f);
  const Rgb white{255, 255, 255};
  // Outlines that mark a card or a button's edge are themselves strong
  // (WCAG 1.4.11 asks 3:1 of such parts; high contrast gives far more).
  EXPECT_GE(contrast(composite(p.card_border, white), composite(p.card, white)), 7.0);
  EXPECT_GE(contrast(composite(p.button_border, white), composite(p.background, white)), 7.0);
  EXPECT_GE(contrast(composite(p.notice_border, white), composite(p.notice, white)), 7.0);
  EXPECT_GE(contrast(composite(p.chip_text, white), composite(p.background, white)), 7.0);
}

// A headless ImGui context with the kiosk's fonts (Debian's fonts-noto-core).
class ThemedUi : public ::testing::Test {
 protected:
  test::HeadlessImGui m_imgui{1.0f / 60.0f, false};  // the fonts are loaded by each test
};

std::vector<ImFont*> members(const Fonts& f) {
  return {f.small, f.body, f.bold, f.heading, f.title, f.huge};
}

TEST_F(ThemedUi, LargeSetIs13TimesTheNormalInOneAtlas) {
  auto sets = load_fonts(k_font_dir, 1.0f);
  ASSERT_TRUE(sets) << sets.error();
  const auto normal = members(sets->normal);
  const auto large = members(sets->large);
  for (std::size_t i = 0; i < normal.size(); ++i) {
    EXPECT_NEAR(large[i]->FontSize, normal[i]->FontSize * 1.3f, 0.01f) << "font " << i;
    EXPECT_EQ(large[i]->ContainerAtlas, normal[i]->ContainerAtlas);
    // The same glyphs: Vietnamese letters, ₫ and the dashes in both sets.
    for (const ImWchar c : {ImWchar{0x1EBF}, ImWchar{0x01B0}, ImWchar{0x20AB}, ImWchar{0x2013}}) {
      EXPECT_NE(normal[i]->FindGlyphNoFallback(c), nullptr) << "font " << i << " U+" << c;
      EXPECT_NE(large[i]->FindGlyphNoFallback(c), nullptr) << "font " << i << " U+" << c;
    }
  }
  const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  EXPECT_TRUE(atlas.IsBuilt());
  // Both sets fit the 4096×4096 texture the normal set alone needed before
  // (ImGui 1.86 grows the atlas to 4096 wide, then in power-of-two heights).
  EXPECT_LE(atlas.TexWidth, 4096);
  EXPECT_LE(atlas.TexHeight, 4096);
  ::testing::Test::RecordProperty(
      "atlas_1080", std::to_string(atlas.TexWidth) + "x" + std::to_string(atlas.TexHeight));
}

// Draws one frame of `view` and returns the fonts every string was drawn in.
std::vector<const ImFont*> fonts_drawn(KioskUi& ui, const JourneyView& view) {
  ui.audit().clear_recorded();
  ImGui::NewFrame();
  FrameInfo info;
  info.centre_name = "Trung tâm Dịch vụ việc làm Hà Nội";
  info.kiosk_name = "Ki-ốt";
  info.clock_text = "09:41";
  info.date_text = "Thứ Sáu, 27/11/2026";
  ui.draw(view, info, 0.0);
  ImGui::Render();
  return ui.audit().recorded_fonts();
}

// Every vertex colour of the last rendered frame.
std::vector<ImU32> colours_rendered() {
  std::vector<ImU32> out;
  const ImDrawData* data = ImGui::GetDrawData();
  for (int i = 0; i < data->CmdListsCount; ++i) {
    for (const ImDrawVert& v : data->CmdLists[i]->VtxBuffer) {
      out.push_back(v.col);
    }
  }
  return out;
}

bool contains(const std::vector<ImU32>& v, ImU32 c) {
  return std::find(v.begin(), v.end(), c) != v.end();
}

bool all_in(const std::vector<const ImFont*>& drawn, const Fonts& set) {
  const auto m = members(set);
  return std::all_of(drawn.begin(), drawn.end(),
                     [&](const ImFont* f) { return std::find(m.begin(), m.end(), f) != m.end(); });
}

TEST_F(ThemedUi, KioskUiDrawsWithTheLargeSetWhenTheViewAsks) {
  auto sets = load_fonts(k_font_dir, 1.0f);
  ASSERT_TRUE(sets) << sets.error();
  apply_style(1.0f);
  KioskUi ui(*sets, 1.0f);
  ui.audit().record_text(true);
  JourneyView view;
  view.screen = Screen::welcome;

  const auto normal = fonts_drawn(ui, view);
  ASSERT_FALSE(normal.empty());
  EXPECT_TRUE(all_in(normal, sets->normal));

  view.large_text = true;
  const auto large = fonts_drawn(ui, view);
  ASSERT_FALSE(large.empty());
  EXPECT_TRUE(all_in(large, sets->large));
  EXPECT_TRUE(std::find(large.begin(), large.end(), sets->large.title) != large.end());

  view.large_text = false;  // the next person's session starts normal again
  EXPECT_TRUE(all_in(fonts_drawn(ui, view), sets->normal));
}

TEST_F(ThemedUi, KioskUiDrawsInThePaletteOfTheView) {
  auto sets = load_fonts(k_font_dir, 1.0f);
  ASSERT_TRUE(sets) << sets.error();
  apply_style(1.0f);
  KioskUi ui(*sets, 1.0f);
  JourneyView view;
  const auto window_bg = [] {
    return ImGui::ColorConvertFloat4ToU32(ImGui::GetStyle().Colors[ImGuiCol_WindowBg]);
  };

  const Palette normal = normal_palette();
  const Palette high = high_contrast_palette();

  view.high_contrast = true;
  fonts_drawn(ui, view);
  auto drawn = colours_rendered();
  EXPECT_TRUE(contains(drawn, high.header));
  EXPECT_TRUE(contains(drawn, high.text));
  EXPECT_FALSE(contains(drawn, normal.header));
  EXPECT_FALSE(contains(drawn, normal.text));
  EXPECT_EQ(colour::k_text, high.text);
  EXPECT_EQ(window_bg(), high.background);

  view.high_contrast = false;
  fonts_drawn(ui, view);
  drawn = colours_rendered();
  EXPECT_TRUE(contains(drawn, normal.header));
  EXPECT_TRUE(contains(drawn, normal.text));
  EXPECT_FALSE(contains(drawn, high.header));
  EXPECT_EQ(colour::k_text, normal.text);
  EXPECT_EQ(window_bg(), normal.background);
}

// A match card's title cut to one line: whole characters, an ellipsis, and
// no wider than asked; a title that fits is left alone.
TEST_F(ThemedUi, FitLineCutsAtACharacterAndEndsWithAnEllipsis) {
  auto sets = load_fonts(k_font_dir, 1.0f);
  ASSERT_TRUE(sets) << sets.error();
  const ImFont* font = sets->normal.heading;
  const std::string title = "Nhân viên chăm sóc khách hàng qua điện thoại ca đêm";
  const auto width = [&](const std::string& s) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, s.c_str()).x;
  };
  EXPECT_EQ(fit_line(font, title, width(title) + 1), title);
  for (const float limit : {420.0f, 300.0f, 120.0f}) {
    const std::string cut = fit_line(font, title, limit);
    ASSERT_GE(cut.size(), 3u);
    EXPECT_EQ(cut.substr(cut.size() - 3), "…") << cut;
    EXPECT_LE(width(cut), limit) << cut;
    const std::string kept = cut.substr(0, cut.size() - 3);
    EXPECT_EQ(title.rfind(kept, 0), 0u) << cut;  // a prefix of the title
    // It ends on a whole character: the next byte of the title starts one.
    ASSERT_LT(kept.size(), title.size());
    EXPECT_NE(static_cast<unsigned char>(title[kept.size()]) & 0xC0, 0x80) << cut;
  }
}

}  // namespace
}  // namespace kiosk::ui
