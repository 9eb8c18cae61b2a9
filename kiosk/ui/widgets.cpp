#include "ui/widgets.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <imgui_internal.h>

namespace kiosk::ui {

void GlyphAudit::check(const ImFont* font, std::string_view s) {
  if (m_recording) {
    m_recorded.emplace_back(s);
    m_recorded_fonts.push_back(font);
  }
  const char* p = s.data();
  const char* end = s.data() + s.size();
  while (p < end) {
    unsigned int c = 0;
    const int n = ImTextCharFromUtf8(&c, p, end);
    if (n <= 0) {
      break;
    }
    p += n;
    if (c >= 0x20 && font->FindGlyphNoFallback(static_cast<ImWchar>(c)) == nullptr) {
      m_missing.insert(c);
    }
  }
}

std::string fit_line(const ImFont* font, std::string_view s, float width) {
  const auto w = [&](std::string_view t) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, t.data(), t.data() + t.size()).x;
  };
  if (w(s) <= width) {
    return std::string(s);
  }
  constexpr std::string_view k_ellipsis = "…";
  std::size_t end = s.size();
  while (end > 0) {
    // Back to the start of the previous UTF-8 character.
    do {
      --end;
    } while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80);
    std::string cut(s.substr(0, end));
    while (!cut.empty() && cut.back() == ' ') {
      cut.pop_back();
    }
    cut += k_ellipsis;
    if (w(cut) <= width) {
      return cut;
    }
  }
  return std::string(k_ellipsis);
}

float text_height(const ImFont* font, std::string_view s, float width) {
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, width, s.data(), s.data() + s.size()).y;
}

void draw_text(const UiContext& ctx, ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 colour,
               std::string_view s, float wrap_width) {
  if (ctx.audit != nullptr) {
    ctx.audit->check(font, s);
  }
  dl->AddText(font, font->FontSize, pos, colour, s.data(), s.data() + s.size(), wrap_width);
}

void text(const UiContext& ctx, ImFont* font, ImU32 colour, std::string_view s, float wrap_width) {
  const float width = wrap_width > 0.0f ? wrap_width : ImGui::GetContentRegionAvail().x;
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  draw_text(ctx, ImGui::GetWindowDrawList(), font, pos, colour, s, width);
  ImGui::Dummy(ImVec2(width, text_height(font, s, width)));
}

void text_centered(const UiContext& ctx, ImFont* font, ImU32 colour, std::string_view s) {
  const float avail = ImGui::GetContentRegionAvail().x;
  const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, avail, s.data(),
                                          s.data() + s.size());
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  draw_text(ctx, ImGui::GetWindowDrawList(), font,
            ImVec2(pos.x + std::max(0.0f, (avail - size.x) / 2), pos.y), colour, s, avail);
  ImGui::Dummy(ImVec2(avail, size.y));
}

void begin_screen_window(const char* name) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  ImGui::Begin(name, nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                   ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                   ImGuiWindowFlags_NoBackground);
}

bool was_drag() {
  const float threshold = ImGui::GetIO().MouseDragThreshold * 2.0f;
  return ImGui::GetIO().MouseDragMaxDistanceSqr[0] > threshold * threshold;
}

bool button(const UiContext& ctx, const char* id, std::string_view label, ImVec2 size,
            ButtonKind kind, bool enabled, bool back_arrow) {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  if (ctx.audit != nullptr && enabled) {
    ctx.audit->record_target(id, pos, size);
  }
  const bool pressed = ImGui::InvisibleButton(id, size) && enabled && !was_drag();
  const bool held = ImGui::IsItemActive() && enabled;
  ImU32 fill = colour::k_primary;
  ImU32 text_colour = colour::k_header_text;
  // High contrast outlines every button; normal only the danger one.
  ImU32 border = colour::k_button_border_px > 0.0f ? colour::k_button_border : 0;
  float border_px = colour::k_button_border_px;
  switch (kind) {
    case ButtonKind::primary:
      fill = held ? colour::k_primary_active : colour::k_primary;
      break;
    case ButtonKind::secondary:
      fill = held ? colour::k_secondary_active : colour::k_secondary;
      text_colour = colour::k_text;
      break;
    case ButtonKind::danger_outline:
      fill = held ? colour::k_secondary_active : colour::k_card;
      text_colour = colour::k_danger;
      border = colour::k_danger;
      border_px = std::max(border_px, 3.0f);
      break;
  }
  if (!enabled) {
    fill = colour::k_secondary;
    text_colour = colour::k_disabled;
    border = 0;  // an inactive button is flat
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 max(pos.x + size.x, pos.y + size.y);
  const float rounding = ctx.px(16);
  dl->AddRectFilled(pos, max, fill, rounding);
  if (border != 0) {
    dl->AddRect(pos, max, border, rounding, 0, ctx.px(border_px));
  }
  ImFont* font = ctx.fonts.bold;
  const ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, size.x - ctx.px(24),
                                        label.data(), label.data() + label.size());
  // The font has no arrow glyphs, so the back arrow is drawn.
  const float arrow = back_arrow ? ctx.px(44) : 0.0f;
  const float x = pos.x + (size.x - ts.x - arrow) / 2 + arrow;
  const float mid = pos.y + size.y / 2;
  if (back_arrow) {
    const float ax = x - arrow;
    const float s = ctx.px(13);
    dl->AddLine(ImVec2(ax, mid), ImVec2(ax + 2.2f * s, mid), text_colour, ctx.px(4));
    dl->AddTriangleFilled(ImVec2(ax - ctx.px(2), mid), ImVec2(ax + s, mid - s),
                          ImVec2(ax + s, mid + s), text_colour);
  }
  draw_text(ctx, dl, font, ImVec2(x, pos.y + (size.y - ts.y) / 2), text_colour, label,
            size.x - ctx.px(24));
  return pressed;
}

void begin_panel(const UiContext& ctx, float padding) {
  // Content goes to channel 1; end_panel() draws the background into
  // channel 0 once the content's size is known.
  ImGui::GetWindowDrawList()->ChannelsSplit(2);
  ImGui::GetWindowDrawList()->ChannelsSetCurrent(1);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  ImGui::SetCursorScreenPos(ImVec2(pos.x + padding, pos.y + padding));
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 2 * padding);
  ImGui::Dummy(ImVec2(width - 2 * padding, 0));
  (void)ctx;
}

void end_panel(const UiContext& ctx, float padding) {
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  const ImVec2 min(ImGui::GetItemRectMin().x - padding, ImGui::GetItemRectMin().y - padding);
  const ImVec2 max(ImGui::GetItemRectMax().x + padding, ImGui::GetItemRectMax().y + padding);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSetCurrent(0);
  dl->AddRectFilled(min, max, colour::k_card, ctx.px(16));
  dl->AddRect(min, max, colour::k_card_border, ctx.px(16), 0, ctx.px(colour::k_border_px));
  dl->ChannelsMerge();
  ImGui::SetCursorScreenPos(ImVec2(min.x, max.y));
  ImGui::Dummy(ImVec2(max.x - min.x, 0));
}

void chip(const UiContext& ctx, std::string_view s) {
  ImFont* font = ctx.fonts.small;
  const ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, s.data(),
                                        s.data() + s.size());
  const ImVec2 pad(ctx.px(16), ctx.px(6));
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + ts.x + 2 * pad.x, pos.y + ts.y + 2 * pad.y),
                    colour::k_chip, ts.y);
  draw_text(ctx, dl, font, ImVec2(pos.x + pad.x, pos.y + pad.y), colour::k_chip_text, s);
  ImGui::Dummy(ImVec2(ts.x + 2 * pad.x, ts.y + 2 * pad.y));
  ImGui::SameLine(0, ctx.px(12));
}

float toggle_chip_width(const UiContext& ctx, std::string_view label) {
  ImFont* font = ctx.fonts.bold;
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.data(), label.data() + label.size())
             .x +
         ctx.px(56);
}

bool toggle_chip(const UiContext& ctx, const char* id, std::string_view label, bool on) {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const ImVec2 size(toggle_chip_width(ctx, label), ctx.px(72));
  const bool tapped = ImGui::InvisibleButton(id, size) && !was_drag();
  const bool held = ImGui::IsItemActive();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 max(pos.x + size.x, pos.y + size.y);
  const ImU32 fill = on ? (held ? colour::k_primary_active : colour::k_primary)
                        : (held ? colour::k_secondary_active : colour::k_card);
  dl->AddRectFilled(pos, max, fill, size.y / 2);
  if (!on || colour::k_button_border_px > 0.0f) {
    dl->AddRect(pos, max, on ? colour::k_button_border : colour::k_card_border, size.y / 2, 0,
                ctx.px(colour::k_border_px));
  }
  ImFont* font = ctx.fonts.bold;
  const float th = text_height(font, label, FLT_MAX);
  draw_text(ctx, dl, font, ImVec2(pos.x + ctx.px(28), pos.y + (size.y - th) / 2),
            on ? colour::k_header_text : colour::k_text, label);
  return tapped;
}

void chip_row_place(const UiContext& ctx, float width, bool first) {
  if (first) {
    return;
  }
  ImGui::SameLine(0, ctx.px(16));
  if (ImGui::GetContentRegionAvail().x < width) {
    ImGui::NewLine();
  }
}

bool search_box(const UiContext& ctx, const char* id, const std::string& text,
                std::string_view placeholder, bool focused, ImVec2 size, std::string_view trailing,
                bool magnifier) {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const bool tapped = ImGui::InvisibleButton(id, size) && !was_drag();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 max(pos.x + size.x, pos.y + size.y);
  dl->AddRectFilled(pos, max, colour::k_card, ctx.px(16));
  dl->AddRect(pos, max, focused ? colour::k_header : colour::k_card_border, ctx.px(16), 0,
              ctx.px(focused ? 4 : colour::k_border_px));
  if (magnifier) {
    // The font has no magnifier glyph, so it is drawn.
    const ImVec2 c(pos.x + ctx.px(44), pos.y + size.y / 2 - ctx.px(4));
    dl->AddCircle(c, ctx.px(14), colour::k_muted, 24, ctx.px(4));
    dl->AddLine(ImVec2(c.x + ctx.px(10), c.y + ctx.px(10)),
                ImVec2(c.x + ctx.px(22), c.y + ctx.px(22)), colour::k_muted, ctx.px(5));
  }
  ImFont* font = ctx.fonts.body;
  const std::string_view shown = text.empty() ? placeholder : std::string_view(text);
  const float th = text_height(font, shown, FLT_MAX);
  const ImVec2 tp(pos.x + ctx.px(magnifier ? 84 : 32), pos.y + (size.y - th) / 2);
  draw_text(ctx, dl, font, tp, text.empty() ? colour::k_placeholder : colour::k_text, shown);
  if (focused) {
    const float x = text.empty() ? tp.x
                                 : tp.x + font->CalcTextSizeA(font->FontSize, FLT_MAX, 0,
                                                              text.data(), text.data() + text.size())
                                              .x +
                                       ctx.px(4);
    dl->AddLine(ImVec2(x, tp.y), ImVec2(x, tp.y + th), colour::k_header, ctx.px(3));
  }
  if (!trailing.empty()) {
    ImFont* bold = ctx.fonts.bold;
    const float tw = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, trailing.data(),
                                         trailing.data() + trailing.size())
                         .x;
    draw_text(ctx, dl, bold, ImVec2(max.x - tw - ctx.px(28), tp.y), colour::k_header, trailing);
  }
  return tapped;
}

float notice_height(const UiContext& ctx, std::string_view s, float width) {
  const float pad = ctx.px(24);
  return text_height(ctx.fonts.body, s, width - 2 * pad - ctx.px(6)) + 2 * pad;
}

void notice(const UiContext& ctx, std::string_view s) {
  ImFont* font = ctx.fonts.body;
  const float width = ImGui::GetContentRegionAvail().x;
  const float pad = ctx.px(24);
  const float h = notice_height(ctx, s, width);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), colour::k_notice, ctx.px(14));
  dl->AddRectFilled(pos, ImVec2(pos.x + ctx.px(10), pos.y + h), colour::k_notice_border,
                    ctx.px(14), ImDrawFlags_RoundCornersLeft);
  if (colour::k_notice_border_px > 0.0f) {
    dl->AddRect(pos, ImVec2(pos.x + width, pos.y + h), colour::k_notice_border, ctx.px(14), 0,
                ctx.px(colour::k_notice_border_px));
  }
  draw_text(ctx, dl, font, ImVec2(pos.x + pad + ctx.px(6), pos.y + pad), colour::k_text, s,
            width - 2 * pad - ctx.px(6));
  ImGui::Dummy(ImVec2(width, h));
}

void success_banner(const UiContext& ctx, std::string_view s) {
  ImFont* font = ctx.fonts.heading;
  const float width = ImGui::GetContentRegionAvail().x;
  const float h = ctx.px(96);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), colour::k_chip, ctx.px(14));
  if (colour::k_notice_border_px > 0.0f) {
    dl->AddRect(pos, ImVec2(pos.x + width, pos.y + h), colour::k_chip_text, ctx.px(14), 0,
                ctx.px(colour::k_border_px));
  }
  // The font has no check-mark glyph, so it is drawn.
  const ImVec2 c(pos.x + ctx.px(56), pos.y + h / 2);
  dl->AddCircleFilled(c, ctx.px(30), colour::k_primary);
  dl->AddPolyline(std::array<ImVec2, 3>{ImVec2(c.x - ctx.px(14), c.y + ctx.px(1)),
                                        ImVec2(c.x - ctx.px(4), c.y + ctx.px(11)),
                                        ImVec2(c.x + ctx.px(15), c.y - ctx.px(10))}
                      .data(),
                  3, colour::k_header_text, 0, ctx.px(6));
  const float th = text_height(font, s, width);
  draw_text(ctx, dl, font, ImVec2(pos.x + ctx.px(104), pos.y + (h - th) / 2),
            colour::k_chip_text, s, width - ctx.px(120));
  ImGui::Dummy(ImVec2(width, h));
}

void progress_banner(const UiContext& ctx, std::string_view s) {
  ImFont* font = ctx.fonts.heading;
  const float width = ImGui::GetContentRegionAvail().x;
  // Tall enough for the text wrapped beside the arc (two lines on a
  // narrow screen or with large text).
  const float th = text_height(font, s, width - ctx.px(120));
  const float h = std::max(ctx.px(96), th + ctx.px(32));
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), colour::k_card, ctx.px(14));
  dl->AddRect(pos, ImVec2(pos.x + width, pos.y + h), colour::k_header, ctx.px(14), 0, ctx.px(3));
  const ImVec2 c(pos.x + ctx.px(56), pos.y + h / 2);
  const float start = static_cast<float>(std::fmod(ctx.anim_time * 4.0, 2 * IM_PI));
  dl->PathArcTo(c, ctx.px(26), start, start + IM_PI * 1.5f, 32);
  dl->PathStroke(colour::k_header, 0, ctx.px(8));
  draw_text(ctx, dl, font, ImVec2(pos.x + ctx.px(104), pos.y + (h - th) / 2), colour::k_text, s,
            width - ctx.px(120));
  ImGui::Dummy(ImVec2(width, h));
}

void spinner(const UiContext& ctx, float radius) {
  const float width = ImGui::GetContentRegionAvail().x;
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const ImVec2 centre(pos.x + width / 2, pos.y + radius);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float start = static_cast<float>(std::fmod(ctx.anim_time * 4.0, 2 * IM_PI));
  dl->PathArcTo(centre, radius, start, start + IM_PI * 1.5f, 48);
  dl->PathStroke(colour::k_header, 0, ctx.px(12));
  ImGui::Dummy(ImVec2(width, 2 * radius));
}

void scroll_position(const UiContext& ctx) {
  const float max = ImGui::GetScrollMaxY();
  if (max <= 0.0f) {
    return;
  }
  const ImVec2 wpos = ImGui::GetWindowPos();
  const ImVec2 wsize = ImGui::GetWindowSize();
  const float w = ctx.px(8);
  const float x = wpos.x + wsize.x - w;
  const float visible = wsize.y / (wsize.y + max);
  const float thumb = std::max(ctx.px(48), wsize.y * visible);
  const float y = wpos.y + (wsize.y - thumb) * (ImGui::GetScrollY() / max);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(x, wpos.y), ImVec2(x + w, wpos.y + wsize.y), colour::k_secondary, w / 2);
  dl->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + thumb), colour::k_disabled, w / 2);
}

void begin_details(const UiContext& ctx, const char* id, float actions_height) {
  const float h =
      ImGui::GetContentRegionAvail().y - actions_height - ImGui::GetStyle().ItemSpacing.y;
  ImGui::BeginChild(id, ImVec2(0, std::max(h, ctx.px(120))), false, ImGuiWindowFlags_NoScrollbar);
  if (ImGui::IsWindowAppearing()) {
    ImGui::SetScrollY(0.0f);  // a new screen or a new person starts at the top
  }
  drag_to_scroll(ctx);
}

void end_details(const UiContext& ctx) {
  scroll_position(ctx);
  ImGui::EndChild();
}

namespace {

// Feeds the window's scroller with this frame's finger state.
void feed_scroller(TouchScroller& s, double t) {
  const ImGuiIO& io = ImGui::GetIO();
  s.set_range(ImGui::GetScrollMaxY());
  // ImGui keeps whole-pixel offsets; take them only while the scroller is
  // idle, or a slow coast would lose its fractions every frame.
  s.set_offset(ImGui::GetScrollY());
  if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) &&
      ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows |
                             ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) {
    s.press(io.MousePos.y, t);
  } else if (s.touching()) {
    s.move(io.MousePos.y, t);
    if (!io.MouseDown[ImGuiMouseButton_Left]) {
      s.release(t);
    }
  }
  s.advance(t);
}

}  // namespace

void drag_to_scroll(const UiContext& ctx) {
  if (ctx.scrolling == nullptr) {
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows |
                               ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
        ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f)) {
      ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
    }
    return;
  }
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  TouchScroller& s = ctx.scrolling->list(window->ID);
  feed_scroller(s, ctx.anim_time);
  if (s.touching() || s.coasting()) {
    ImGui::SetScrollY(s.offset());
  }
  // A dragging finger holds the active id: the item it went down on loses
  // its pressed state and will not count the lift as a tap, and no other
  // item takes the press while the finger stays down.
  const ImGuiID grab = window->GetID("##touch-scroll");
  ImGuiContext& g = *ImGui::GetCurrentContext();
  if (s.touching() && s.is_drag()) {
    if (g.ActiveId != grab) {
      ImGui::SetActiveID(grab, window);
    }
    ImGui::KeepAliveID(grab);
  } else if (g.ActiveId == grab) {
    ImGui::ClearActiveID();
  }
}

}  // namespace kiosk::ui
