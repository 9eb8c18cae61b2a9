#include "tools/out_of_service/out_of_service_screen.hpp"

#include <algorithm>
#include <cfloat>
#include <string>

#include <imgui.h>

namespace kiosk::tools {

namespace {

struct Notice {
  const char* language;  // a small label over the notice
  const char* title;
  const char* body;
  const char* kiosk_label;
};

constexpr Notice k_vietnamese{
    "Tiếng Việt",
    "Ki-ốt tạm ngừng phục vụ",
    "Xin lỗi quý khách vì sự bất tiện này. Vui lòng liên hệ cán bộ tại quầy để được hỗ trợ "
    "tìm việc làm và đặt lịch phỏng vấn.",
    "Mã ki-ốt",
};

constexpr Notice k_english{
    "English",
    "This kiosk is temporarily out of service",
    "We are sorry for the inconvenience. Please ask staff at the counter: they will help you "
    "find vacancies and book an interview.",
    "Kiosk",
};

constexpr float k_pad = 48.0f;  // inside a card, at 1080 px tall
constexpr float k_gap = 24.0f;  // between a card's lines

// The label of the kiosk id line, or "" when there is no id to show.
std::string kiosk_line(const Notice& n, const OutOfServiceView& view) {
  return view.kiosk_id.empty() ? std::string() : std::string(n.kiosk_label) + ": " + view.kiosk_id;
}

float text_height(ImFont* font, const char* text, float wrap) {
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, text).y;
}

// The height of a notice's card `width` wide.
float notice_height(const Notice& n, const OutOfServiceView& view, const ui::Fonts& fonts,
                    float width, float scale) {
  const float pad = k_pad * scale;
  const float gap = k_gap * scale;
  const float inner = width - 2.0f * pad;
  float h = 2.0f * pad + text_height(fonts.small, n.language, inner) + gap +
            text_height(fonts.title, n.title, inner) + gap + text_height(fonts.body, n.body, inner);
  const std::string id = kiosk_line(n, view);
  if (!id.empty()) {
    h += gap + text_height(fonts.small, id.c_str(), inner);
  }
  return h;
}

// One notice in a card at `origin`, `width` × `height`.
void draw_notice(const Notice& n, const OutOfServiceView& view, const ui::Fonts& fonts,
                 ImVec2 origin, ImVec2 size, float scale) {
  ImDrawList& draw = *ImGui::GetWindowDrawList();
  const float pad = k_pad * scale;
  const float gap = k_gap * scale;
  const float inner = size.x - 2.0f * pad;
  const float rounding = 20.0f * scale;
  const ImVec2 end(origin.x + size.x, origin.y + size.y);
  draw.AddRectFilled(origin, end, ui::colour::k_card, rounding);
  draw.AddRect(origin, end, ui::colour::k_card_border, rounding, 0,
               ui::colour::k_border_px * scale);
  // The coloured edge of the kiosk's own message boxes.
  draw.AddRectFilled(origin, ImVec2(origin.x + 14.0f * scale, end.y), ui::colour::k_notice_border,
                     rounding, ImDrawFlags_RoundCornersLeft);

  float y = origin.y + pad;
  const auto line = [&](ImFont* font, ImU32 colour, const char* text) {
    draw.AddText(font, font->FontSize, ImVec2(origin.x + pad, y), colour, text, nullptr, inner);
    y += text_height(font, text, inner) + gap;
  };
  line(fonts.small, ui::colour::k_muted, n.language);
  line(fonts.title, ui::colour::k_text, n.title);
  line(fonts.body, ui::colour::k_text, n.body);
  // On the card's last line, so that the two cards' ids line up.
  const std::string id = kiosk_line(n, view);
  if (!id.empty()) {
    y = end.y - pad - text_height(fonts.small, id.c_str(), inner);
    line(fonts.small, ui::colour::k_muted, id.c_str());
  }
}

}  // namespace

void draw_out_of_service(const OutOfServiceView& view, const ui::Fonts& fonts, float scale) {
  const ImGuiViewport& screen = *ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(screen.Pos);
  ImGui::SetNextWindowSize(screen.Size);
  ImGui::Begin("out-of-service", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground |
                   ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoSavedSettings);
  ImDrawList& draw = *ImGui::GetWindowDrawList();

  // The header bar with the centre's name, as on every kiosk screen.
  const float header = 110.0f * scale;
  draw.AddRectFilled(screen.Pos, ImVec2(screen.Pos.x + screen.Size.x, screen.Pos.y + header),
                     ui::colour::k_header);
  const ImVec2 centre_size =
      fonts.heading->CalcTextSizeA(fonts.heading->FontSize, FLT_MAX, 0.0f, view.centre.c_str());
  draw.AddText(fonts.heading, fonts.heading->FontSize,
               ImVec2(screen.Pos.x + 48.0f * scale, screen.Pos.y + (header - centre_size.y) * 0.5f),
               ui::colour::k_header_text, view.centre.c_str());

  // Two cards: side by side when the screen is wide, stacked when it is tall.
  const float margin = 64.0f * scale;
  const float gap = 48.0f * scale;
  const bool wide = screen.Size.x >= screen.Size.y;
  const float avail_w = screen.Size.x - 2.0f * margin;
  const float card_w = wide ? std::min((avail_w - gap) * 0.5f, 820.0f * scale) : avail_w;
  const float top = screen.Pos.y + header;
  const float avail_h = screen.Size.y - header;

  if (wide) {
    const float h = std::max(notice_height(k_vietnamese, view, fonts, card_w, scale),
                             notice_height(k_english, view, fonts, card_w, scale));
    const float x = screen.Pos.x + (screen.Size.x - 2.0f * card_w - gap) * 0.5f;
    const float y = top + (avail_h - h) * 0.5f;
    draw_notice(k_vietnamese, view, fonts, ImVec2(x, y), ImVec2(card_w, h), scale);
    draw_notice(k_english, view, fonts, ImVec2(x + card_w + gap, y), ImVec2(card_w, h), scale);
  } else {
    const float h_vi = notice_height(k_vietnamese, view, fonts, card_w, scale);
    const float h_en = notice_height(k_english, view, fonts, card_w, scale);
    const float x = screen.Pos.x + margin;
    const float y = top + (avail_h - h_vi - gap - h_en) * 0.5f;
    draw_notice(k_vietnamese, view, fonts, ImVec2(x, y), ImVec2(card_w, h_vi), scale);
    draw_notice(k_english, view, fonts, ImVec2(x, y + h_vi + gap), ImVec2(card_w, h_en), scale);
  }
  ImGui::End();
}

}  // namespace kiosk::tools
