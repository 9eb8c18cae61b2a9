#include <fmt/format.h>

#include "ui/screens.hpp"

namespace kiosk::ui {
namespace {

constexpr float k_card_height = 236.0f;

// One vacancy as a tappable card: title, employer, salary and place, and
// the reasons it was offered.
bool match_card(const UiContext& ctx, const Match& m, int index) {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float h = ctx.px(k_card_height - 20);
  ImGui::PushID(index);
  const bool tapped = ImGui::InvisibleButton("card", ImVec2(width, h)) && !was_drag();
  const bool held = ImGui::IsItemActive();
  ImGui::PopID();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h),
                    held ? colour::k_secondary : colour::k_card, ctx.px(16));
  dl->AddRect(pos, ImVec2(pos.x + width, pos.y + h), colour::k_card_border, ctx.px(16), 0,
              ctx.px(2));
  const float pad = ctx.px(32);
  const float text_w = width - 2 * pad - ctx.px(80);
  const Vacancy& v = m.vacancy;
  draw_text(ctx, dl, ctx.fonts.heading, ImVec2(pos.x + pad, pos.y + ctx.px(20)), colour::k_text,
            v.title, text_w);
  draw_text(ctx, dl, ctx.fonts.body, ImVec2(pos.x + pad, pos.y + ctx.px(78)), colour::k_muted,
            v.employer_name, text_w);
  std::string line = salary_line(v);
  if (!v.ward_name.empty()) {
    line += "   ·   " + v.ward_name;
  }
  draw_text(ctx, dl, ctx.fonts.bold, ImVec2(pos.x + pad, pos.y + ctx.px(124)), colour::k_text,
            line, text_w);
  // The reasons, as chips along the bottom.
  float x = pos.x + pad;
  const float y = pos.y + ctx.px(170);
  for (const auto& reason : m.reasons) {
    ImFont* f = ctx.fonts.small;
    const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, reason.c_str());
    dl->AddRectFilled(ImVec2(x, y), ImVec2(x + ts.x + ctx.px(32), y + ts.y + ctx.px(8)),
                      colour::k_chip, ts.y);
    draw_text(ctx, dl, f, ImVec2(x + ctx.px(16), y + ctx.px(4)), colour::k_chip_text, reason);
    x += ts.x + ctx.px(48);
  }
  // A chevron says "tap to open".
  const float cx = pos.x + width - ctx.px(56);
  const float cy = pos.y + h / 2;
  dl->AddTriangleFilled(ImVec2(cx, cy - ctx.px(22)), ImVec2(cx + ctx.px(22), cy),
                        ImVec2(cx, cy + ctx.px(22)), colour::k_disabled);
  ImGui::Dummy(ImVec2(width, ctx.px(20) - ImGui::GetStyle().ItemSpacing.y));
  return tapped;
}

}  // namespace

void draw_matches(const UiContext& ctx, const JourneyView& view, int session_serial) {
  const std::string heading =
      view.matches.empty() && view.catalog_empty ? "Đang tải danh sách việc làm"
      : view.matches.empty()
          ? "Chưa có việc làm phù hợp"
          : view.greeting_name.empty()
          ? fmt::format("Có {} việc làm phù hợp với bạn", view.matches_total)
          : fmt::format("{}, có {} việc làm phù hợp với bạn", view.greeting_name,
                        view.matches_total);
  text(ctx, ctx.fonts.title, colour::k_text, heading);
  std::string sub = view.home_area.empty() ? "Sắp xếp theo khoảng cách đến nơi làm việc"
                                           : "Việc gần " + view.home_area + " được xếp lên trước";
  if (view.matches_total > view.matches.size()) {
    sub += fmt::format(" · đang hiện {} việc gần nhất", view.matches.size());
  }
  text(ctx, ctx.fonts.body, colour::k_muted, sub);
  ImGui::Dummy(ImVec2(0, ctx.px(4)));
  if (!view.notice.empty()) {
    notice(ctx, view.notice);
  }
  if (view.matches.empty() && view.catalog_empty) {
    notice(ctx,
           "Danh sách việc làm chưa tải xong. Bạn hãy đợi một lát rồi quét thẻ lại, hoặc hỏi cán "
           "bộ tư vấn tại quầy.");
    return;
  }
  if (view.matches.empty()) {
    notice(ctx,
           "Hiện chưa có vị trí nào phù hợp với độ tuổi của bạn trong phiên này. Bạn hãy hỏi cán "
           "bộ tư vấn tại quầy để được giới thiệu thêm.");
    return;
  }
  ImGui::PushID(session_serial);
  ImGui::BeginChild("matches", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar);
  drag_to_scroll();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(view.matches.size()), ctx.px(k_card_height));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      if (match_card(ctx, view.matches[static_cast<std::size_t>(i)], i)) {
        ctx.emit(intent::OpenVacancy{view.matches[static_cast<std::size_t>(i)].vacancy.id});
      }
    }
  }
  ImGui::EndChild();
  ImGui::PopID();
}

std::string salary_line(const Vacancy& v) {
  if (!v.salary_text.empty()) {
    return v.salary_text;
  }
  if (v.salary_min_vnd <= 0) {
    return "Lương thoả thuận";
  }
  const auto millions = [](std::int64_t vnd) { return fmt::format("{:g}", vnd / 1e6); };
  if (v.salary_max_vnd > v.salary_min_vnd) {
    return fmt::format("{}–{} triệu ₫", millions(v.salary_min_vnd), millions(v.salary_max_vnd));
  }
  return fmt::format("{} triệu ₫", millions(v.salary_min_vnd));
}

}  // namespace kiosk::ui
