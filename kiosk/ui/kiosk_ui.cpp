#include "ui/kiosk_ui.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "ui/screens.hpp"
#include "ui/welcome_animation.hpp"

namespace kiosk::ui {
namespace {

constexpr float k_header_height = 120.0f;
constexpr float k_button_row = 116.0f;  // the header's second row on a narrow screen
constexpr float k_footer_height = 150.0f;
constexpr float k_margin = 64.0f;

enum class HeaderIcon { speaker, text_size, contrast, language };

// The pictures of the header's buttons (the font has no such symbols).
void draw_header_icon(const UiContext& ctx, ImDrawList* dl, HeaderIcon icon, ImVec2 c, ImU32 col) {
  const float u = ctx.px(1);
  switch (icon) {
    case HeaderIcon::speaker: {
      dl->AddRectFilled(ImVec2(c.x - 14 * u, c.y - 7 * u), ImVec2(c.x - 6 * u, c.y + 7 * u), col);
      dl->AddTriangleFilled(ImVec2(c.x - 8 * u, c.y), ImVec2(c.x + 4 * u, c.y - 15 * u),
                            ImVec2(c.x + 4 * u, c.y + 15 * u), col);
      for (int i = 1; i <= 2; ++i) {
        dl->PathArcTo(ImVec2(c.x + 2 * u, c.y), (6.0f + 7.0f * i) * u, -0.9f, 0.9f, 12);
        dl->PathStroke(col, 0, 3 * u);
      }
      break;
    }
    case HeaderIcon::text_size: {
      // A small and a large "A", drawn as strokes.
      const auto letter = [&](float x, float h, float w) {
        const ImVec2 top(x, c.y + 14 * u - h);
        dl->AddLine(ImVec2(x - w / 2, c.y + 14 * u), top, col, 3.5f * u);
        dl->AddLine(ImVec2(x + w / 2, c.y + 14 * u), top, col, 3.5f * u);
        dl->AddLine(ImVec2(x - w / 4, c.y + 14 * u - h * 0.4f),
                    ImVec2(x + w / 4, c.y + 14 * u - h * 0.4f), col, 3 * u);
      };
      letter(c.x - 9 * u, 16 * u, 13 * u);
      letter(c.x + 8 * u, 28 * u, 20 * u);
      break;
    }
    case HeaderIcon::contrast: {
      dl->AddCircle(c, 15 * u, col, 32, 3 * u);
      dl->PathArcTo(c, 15 * u, -IM_PI / 2, IM_PI / 2, 24);
      dl->PathFillConvex(col);
      break;
    }
    case HeaderIcon::language: {
      // A globe: a circle, its equator and a meridian.
      dl->AddCircle(c, 15 * u, col, 32, 2.5f * u);
      dl->AddLine(ImVec2(c.x - 15 * u, c.y), ImVec2(c.x + 15 * u, c.y), col, 2 * u);
      for (int i = 0; i < 24; ++i) {  // the meridian, an ellipse
        const float a = 2 * IM_PI * static_cast<float>(i) / 24;
        dl->PathLineTo(ImVec2(c.x + 7 * u * std::cos(a), c.y + 15 * u * std::sin(a)));
      }
      dl->PathStroke(col, ImDrawFlags_Closed, 2 * u);
      break;
    }
  }
}

bool has_footer(Screen s) {
  return s != Screen::welcome && s != Screen::booking && s != Screen::printing &&
         s != Screen::done;
}

}  // namespace

bool KioskUi::animating(const JourneyView& view) {
  return view.screen == Screen::booking || view.screen == Screen::printing ||
         view.slots_loading || view.reading;
}

std::optional<double> KioskUi::next_animation_frame(const JourneyView& view, const FrameInfo& info,
                                                    double anim_time) {
  if (view.screen != Screen::welcome || !info.welcome_animation || info.preview != nullptr) {
    return std::nullopt;
  }
  return welcome_animation_next_change(anim_time);
}

std::vector<StaffIntent> KioskUi::draw_staff(const StaffView& view, const StaffInfo& info,
                                             Lang lang, double anim_time) {
  use_palette(normal_palette());
  const UiContext ctx{m_fonts.normal,
                      m_scale,
                      anim_time,
                      &m_audit,
                      nullptr,
                      nullptr,
                      Tr(m_translations.get(), lang)};
  return ui::draw_staff(ctx, view, info);
}

std::vector<Intent> KioskUi::draw(const JourneyView& view, const FrameInfo& info,
                                  double anim_time) {
  std::vector<Intent> intents;
  use_palette(view.high_contrast ? high_contrast_palette() : normal_palette());
  const UiContext ctx{view.large_text ? m_fonts.large : m_fonts.normal,
                      m_scale,
                      anim_time,
                      &m_audit,
                      &intents,
                      &m_scrolling,
                      Tr(m_translations.get(), view.lang),
                      &m_keyboard};
  if (view.screen == Screen::welcome && m_last_screen != Screen::welcome) {
    m_keyboard.reset();  // nothing typed outlives the session; Telex again
  }
  if (m_last_screen == Screen::welcome && view.screen != Screen::welcome) {
    ++m_session_serial;  // a new person: lists start at the top again
  }
  const bool screen_changed = view.screen != m_last_screen;
  m_last_screen = view.screen;

  const ImGuiViewport* vp = ImGui::GetMainViewport();
  begin_screen_window("kiosk");
  draw_header(ctx, info, view);

  const float footer = has_footer(view.screen) ? ctx.px(k_footer_height) : 0.0f;
  ImGui::SetCursorScreenPos(
      ImVec2(vp->Pos.x + ctx.px(k_margin), vp->Pos.y + m_header_h + ctx.px(40)));
  const ImVec2 content(vp->Size.x - 2 * ctx.px(k_margin),
                       vp->Size.y - m_header_h - ctx.px(40) - footer - ctx.px(24));
  // A screen taller than the content area (large text, a small display)
  // scrolls by dragging, with its position shown, rather than losing its
  // buttons below the edge. Screens that fit, which includes every screen
  // with a list of its own, are left alone so their lists get the drags.
  if (screen_changed) {
    ImGui::SetNextWindowScroll(ImVec2(0, 0));
  }
  ImGui::BeginChild("content", content, false, ImGuiWindowFlags_NoScrollbar);
  const bool overflows = ImGui::GetScrollMaxY() > 0.0f;
  if (overflows) {
    drag_to_scroll(ctx);
  }
  switch (view.screen) {
    case Screen::welcome: draw_welcome(ctx, view, info); break;
    case Screen::check_id: draw_check_id(ctx, view); break;
    case Screen::consent: draw_consent(ctx, view); break;
    case Screen::ward: draw_ward(ctx, view); break;
    case Screen::matches: draw_matches(ctx, view, m_session_serial); break;
    case Screen::occupations: draw_occupations(ctx, view); break;
    case Screen::filters: draw_filters(ctx, view); break;
    case Screen::vacancy: draw_vacancy(ctx, view); break;
    case Screen::slots: draw_slots(ctx, view); break;
    case Screen::confirm: draw_confirm(ctx, view); break;
    case Screen::booking:
    case Screen::printing: draw_working(ctx, view); break;
    case Screen::done: draw_done(ctx, view, info); break;
  }
  if (overflows) {
    scroll_position(ctx);
  }
  ImGui::EndChild();
  if (footer > 0.0f) {
    draw_footer(ctx, view);
  }
  if (view.idle_seconds_left) {
    draw_idle_warning(ctx, *view.idle_seconds_left);
  }
  ImGui::End();
  m_scrolling.end_frame();
  return intents;
}

void KioskUi::draw_header(const UiContext& ctx, const FrameInfo& info, const JourneyView& view) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  // One row when the name, the buttons and the clock fit side by side;
  // on a narrow (portrait) screen or with large text, the buttons get a
  // second row of their own.
  const ImVec2 name_size = ctx.fonts.heading->CalcTextSizeA(ctx.fonts.heading->FontSize, FLT_MAX, 0,
                                                            info.centre_name.c_str());
  const ImVec2 clock_size = ctx.fonts.heading->CalcTextSizeA(ctx.fonts.heading->FontSize, FLT_MAX,
                                                             0, info.clock_text.c_str());
  const ImVec2 date_size =
      ctx.fonts.small->CalcTextSizeA(ctx.fonts.small->FontSize, FLT_MAX, 0, info.date_text.c_str());
  const float clock_w = std::max(clock_size.x, date_size.x);
  const float needed = 2 * ctx.px(k_margin) + name_size.x + ctx.px(40) +
                       header_buttons_width(ctx, view, info.language_switch) + ctx.px(40) + clock_w;
  const bool two_rows = needed > vp->Size.x;
  m_header_h = ctx.px(k_header_height) + (two_rows ? ctx.px(k_button_row) : 0.0f);
  const float h = m_header_h;
  dl->AddRectFilled(vp->Pos, ImVec2(vp->Pos.x + vp->Size.x, vp->Pos.y + h), colour::k_header);
  const float x = vp->Pos.x + ctx.px(k_margin);
  draw_text(ctx, dl, ctx.fonts.heading, ImVec2(x, vp->Pos.y + ctx.px(14)), colour::k_header_text,
            info.centre_name);
  std::string sub = info.kiosk_name;
  if (!view.catalog_status.empty()) {
    sub += sub.empty() ? view.catalog_status : "  ·  " + view.catalog_status;
  }
  draw_text(ctx, dl, ctx.fonts.small, ImVec2(x, vp->Pos.y + ctx.px(70)), colour::k_header_subtle,
            sub);
  // Clock on the right: time large, date below.
  const float right = vp->Pos.x + vp->Size.x - ctx.px(k_margin);
  const ImVec2 tsize = ctx.fonts.heading->CalcTextSizeA(ctx.fonts.heading->FontSize, FLT_MAX, 0,
                                                        info.clock_text.c_str());
  draw_text(ctx, dl, ctx.fonts.heading, ImVec2(right - tsize.x, vp->Pos.y + ctx.px(14)),
            colour::k_header_text, info.clock_text);
  const ImVec2 dsize =
      ctx.fonts.small->CalcTextSizeA(ctx.fonts.small->FontSize, FLT_MAX, 0, info.date_text.c_str());
  draw_text(ctx, dl, ctx.fonts.small, ImVec2(right - dsize.x, vp->Pos.y + ctx.px(70)),
            colour::k_header_subtle, info.date_text);
  if (view.screen == Screen::welcome) {
    // The hidden way into staff mode: five quick taps on the Centre's name.
    // Nothing shows or sounds, so job seekers do not stumble into it.
    const ImVec2 at(vp->Pos.x, vp->Pos.y);
    const ImVec2 size(x - vp->Pos.x + name_size.x, ctx.px(k_header_height));
    ImGui::SetCursorScreenPos(at);
    if (ImGui::InvisibleButton("##staff-gesture", size) && !was_drag() &&
        m_secret_taps.tap(ctx.anim_time)) {
      ctx.emit(intent::OpenStaff{});
    }
    if (ctx.audit != nullptr) {
      ctx.audit->record_target("##staff-gesture", at, size);
    }
  }
  if (two_rows) {
    draw_header_buttons(ctx, view, info.language_switch, right,
                        vp->Pos.y + ctx.px(k_header_height) - ctx.px(8), ctx.px(k_button_row));
  } else {
    draw_header_buttons(ctx, view, info.language_switch, right - clock_w - ctx.px(40), vp->Pos.y,
                        ctx.px(k_header_height));
  }
}

namespace {

// A header button: an icon above a short label; lit while its mode is on.
bool header_button(const UiContext& ctx, const char* id, HeaderIcon icon, std::string_view label,
                   bool on, ImVec2 pos, ImVec2 size) {
  ImGui::SetCursorScreenPos(pos);
  const bool tapped = ImGui::InvisibleButton(id, size) && !was_drag();
  const bool held = ImGui::IsItemActive();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 max(pos.x + size.x, pos.y + size.y);
  const ImU32 fill = on     ? colour::k_header_text
                     : held ? colour::k_header_button_held
                            : colour::k_header_button;
  const ImU32 ink = on ? colour::k_header : colour::k_header_text;
  dl->AddRectFilled(pos, max, fill, ctx.px(14));
  dl->AddRect(pos, max, colour::k_header_button_border, ctx.px(14), 0, ctx.px(colour::k_border_px));
  draw_header_icon(ctx, dl, icon, ImVec2(pos.x + size.x / 2, pos.y + ctx.px(28)), ink);
  ImFont* font = ctx.fonts.small;
  const ImVec2 ts =
      font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.data(), label.data() + label.size());
  draw_text(ctx, dl, font, ImVec2(pos.x + (size.x - ts.x) / 2, max.y - ts.y - ctx.px(6)), ink,
            label);
  return tapped;
}

float header_button_width(const UiContext& ctx, std::string_view label) {
  ImFont* font = ctx.fonts.small;
  const float w =
      font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.data(), label.data() + label.size()).x;
  return std::max(ctx.px(110), w + ctx.px(28));
}

}  // namespace

// Language, text size, contrast and read-aloud: on every screen, at the
// same place, right-aligned before `right`.
namespace {

struct HeaderItem {
  const char* id;
  HeaderIcon icon;
  std::string_view label;
  bool on;
};

// Read aloud, large text, contrast and (when the profile offers two) the
// language; the language button names the other language in that language.
std::vector<HeaderItem> header_items(const UiContext& ctx, const JourneyView& view,
                                     bool language_switch) {
  std::vector<HeaderItem> items{
      {"##read", HeaderIcon::speaker, ctx.tr("Đọc to"), false},
      {"##large", HeaderIcon::text_size, ctx.tr("Chữ to"), view.large_text},
      {"##contrast", HeaderIcon::contrast, ctx.tr("Tương phản"), view.high_contrast},
  };
  if (language_switch) {
    items.push_back({"##lang", HeaderIcon::language,
                     view.lang == Lang::vi ? std::string_view("English") : ctx.tr("Tiếng Việt"),
                     false});
  }
  return items;
}

constexpr float k_header_gap = 12.0f;

}  // namespace

float KioskUi::header_buttons_width(const UiContext& ctx, const JourneyView& view,
                                    bool language_switch) {
  float w = 0.0f;
  for (const auto& item : header_items(ctx, view, language_switch)) {
    w += header_button_width(ctx, item.label) + ctx.px(k_header_gap);
  }
  return w - ctx.px(k_header_gap);
}

void KioskUi::draw_header_buttons(const UiContext& ctx, const JourneyView& view,
                                  bool language_switch, float right, float top, float row_h) {
  const float h = ctx.px(100);
  const float y = top + (row_h - h) / 2;
  const float gap = ctx.px(k_header_gap);
  const auto items = header_items(ctx, view, language_switch);
  float x = right;
  for (int i = static_cast<int>(items.size()) - 1; i >= 0; --i) {
    const HeaderItem& item = items[static_cast<std::size_t>(i)];
    const float w = header_button_width(ctx, item.label);
    x -= w;
    if (header_button(ctx, item.id, item.icon, item.label, item.on, ImVec2(x, y), ImVec2(w, h))) {
      switch (item.icon) {
        case HeaderIcon::speaker:
          ctx.emit(intent::ReadAloud{});
          break;
        case HeaderIcon::text_size:
          ctx.emit(intent::SetLargeText{!view.large_text});
          break;
        case HeaderIcon::contrast:
          ctx.emit(intent::SetHighContrast{!view.high_contrast});
          break;
        case HeaderIcon::language:
          ctx.emit(intent::SetLanguage{view.lang == Lang::vi ? Lang::en : Lang::vi});
          break;
      }
    }
    x -= gap;
  }
}

void KioskUi::draw_footer(const UiContext& ctx, const JourneyView& view) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float h = ctx.px(k_footer_height);
  const float top = vp->Pos.y + vp->Size.y - h;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(vp->Pos.x, top), ImVec2(vp->Pos.x + vp->Size.x, vp->Pos.y + vp->Size.y),
                    colour::k_card);
  dl->AddLine(ImVec2(vp->Pos.x, top), ImVec2(vp->Pos.x + vp->Size.x, top), colour::k_card_border,
              ctx.px(colour::k_border_px));
  const ImVec2 size(ctx.px(420), ctx.px(100));
  const float y = top + (h - size.y) / 2;
  ImGui::SetCursorScreenPos(ImVec2(vp->Pos.x + ctx.px(k_margin), y));
  const bool first_screen = view.screen == Screen::check_id || view.screen == Screen::matches ||
                            (view.screen == Screen::consent && !view.id_check);
  if (!first_screen) {
    if (button(ctx, "##back", ctx.tr("Quay lại"), size, ButtonKind::secondary, true, true)) {
      ctx.emit(intent::Back{});
    }
  }
  ImGui::SetCursorScreenPos(ImVec2(vp->Pos.x + vp->Size.x - ctx.px(k_margin) - size.x, y));
  if (button(ctx, "##end", ctx.tr("Kết thúc"), size, ButtonKind::danger_outline)) {
    ctx.emit(intent::Cancel{});
  }
}

void KioskUi::draw_idle_warning(const UiContext& ctx, int seconds_left) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  // A dimmed full-screen layer under the dialog; a tap anywhere counts as
  // activity (the app restarts the idle timer on every press).
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(colour::k_overlay));
  ImGui::Begin("idle-dim", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings);
  ImGui::End();
  ImGui::PopStyleColor();
  const std::string_view title = ctx.tr("Bạn còn ở đây không?");
  const std::string message =
      ctx.trf("Để bảo vệ thông tin của bạn, màn hình sẽ tự kết thúc sau {} giây.", seconds_left);
  // As tall as what it holds, so large text or a long translation keeps the
  // button inside: padding, title, 8 px, message, 40 px, button, with the
  // style's spacing after each item.
  const ImVec2 pad(ctx.px(56), ctx.px(48));
  const float width = std::min(ctx.px(1100), vp->Size.x - 2 * ctx.px(k_margin));
  const float inner = width - 2 * pad.x;
  const float gap = ImGui::GetStyle().ItemSpacing.y;
  const float button_h = ctx.px(120);
  const ImVec2 box(width, 2 * pad.y + text_height(ctx.fonts.title, title, inner) +
                              text_height(ctx.fonts.body, message, inner) + ctx.px(8) + ctx.px(40) +
                              button_h + 4 * gap);
  const ImVec2 pos(vp->Pos.x + (vp->Size.x - box.x) / 2, vp->Pos.y + (vp->Size.y - box.y) / 2);
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(box);
  ImGui::SetNextWindowFocus();
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, pad);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, ctx.px(24));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(colour::k_card));
  ImGui::Begin("idle", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings);
  text_centered(ctx, ctx.fonts.title, colour::k_text, title);
  ImGui::Dummy(ImVec2(0, ctx.px(8)));
  text_centered(ctx, ctx.fonts.body, colour::k_muted, message);
  ImGui::Dummy(ImVec2(0, ctx.px(40)));
  const float w = ImGui::GetContentRegionAvail().x;
  if (button(ctx, "##still", ctx.tr("Tôi vẫn ở đây"), ImVec2(w, button_h))) {
    ctx.emit(intent::StillHere{});
  }
  ImGui::End();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(2);
}

}  // namespace kiosk::ui
