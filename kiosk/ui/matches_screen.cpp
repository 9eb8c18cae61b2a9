#include <fmt/format.h>

#include "ui/keyboard.hpp"
#include "ui/screens.hpp"

namespace kiosk::ui {
namespace {

// Heights follow the fonts, so large text keeps its lines apart: a card is
// 236 px and a short row 92 px (with the gap after each) at normal sizes.
float card_line(const UiContext& ctx, const ImFont* f, float gap) {
  return f->FontSize + ctx.px(gap);
}
float card_height(const UiContext& ctx) {
  // Title, employer, salary and place, then the chips and the gap below.
  return ctx.px(20) + card_line(ctx, ctx.fonts.heading, 16) +
         2 * card_line(ctx, ctx.fonts.body, 12) + ctx.fonts.small->FontSize + ctx.px(8 + 11) +
         ctx.px(20);
}
float row_height(const UiContext& ctx) {
  return ctx.px(6) + card_line(ctx, ctx.fonts.bold, 4) + ctx.fonts.small->FontSize + ctx.px(9) +
         ctx.px(12);
}

// One vacancy as a tappable card: title, employer, salary and place, and
// the reasons it was offered.
bool match_card(const UiContext& ctx, const Match& m, int index) {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float h = card_height(ctx) - ctx.px(20);
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
  float y = pos.y + ctx.px(20);
  // One line each, so every card has the same height (the list is
  // virtualised); the vacancy screen shows them whole.
  draw_text(ctx, dl, ctx.fonts.heading, ImVec2(pos.x + pad, y), colour::k_text,
            fit_line(ctx.fonts.heading, v.title, text_w));
  y += card_line(ctx, ctx.fonts.heading, 16);
  draw_text(ctx, dl, ctx.fonts.body, ImVec2(pos.x + pad, y), colour::k_muted,
            fit_line(ctx.fonts.body, v.employer_name, text_w));
  y += card_line(ctx, ctx.fonts.body, 12);
  std::string line = format_salary(v, ctx.t);
  if (!v.ward_name.empty()) {
    line += "   ·   " + v.ward_name;
  }
  draw_text(ctx, dl, ctx.fonts.bold, ImVec2(pos.x + pad, y), colour::k_text,
            fit_line(ctx.fonts.bold, line, text_w));
  y += card_line(ctx, ctx.fonts.bold, 12);
  // The reasons, as chips along the bottom: the strongest first, as many
  // as fit whole (a narrow screen or large text shows fewer).
  float x = pos.x + pad;
  for (const auto& reason : m.reasons) {
    ImFont* f = ctx.fonts.small;
    const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, reason.c_str());
    if (x + ts.x + ctx.px(32) > pos.x + pad + text_w && x > pos.x + pad) {
      break;
    }
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

// One vacancy as a short row, while the keyboard takes half the screen.
bool match_row(const UiContext& ctx, const Match& m, int index) {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float h = row_height(ctx) - ctx.px(12);
  ImGui::PushID(index);
  const bool tapped = ImGui::InvisibleButton("row", ImVec2(width, h)) && !was_drag();
  const bool held = ImGui::IsItemActive();
  ImGui::PopID();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h),
                    held ? colour::k_secondary : colour::k_card, ctx.px(12));
  const float pad = ctx.px(24);
  draw_text(ctx, dl, ctx.fonts.bold, ImVec2(pos.x + pad, pos.y + ctx.px(6)), colour::k_text,
            fit_line(ctx.fonts.bold, m.vacancy.title, width - 2 * pad));
  std::string line = m.vacancy.employer_name;
  if (!m.vacancy.ward_name.empty()) {
    line += "  ·  " + m.vacancy.ward_name;
  }
  draw_text(ctx, dl, ctx.fonts.small,
            ImVec2(pos.x + pad, pos.y + ctx.px(6) + card_line(ctx, ctx.fonts.bold, 4)),
            colour::k_muted, fit_line(ctx.fonts.small, line, width - 2 * pad));
  ImGui::Dummy(ImVec2(width, ctx.px(12) - ImGui::GetStyle().ItemSpacing.y));
  return tapped;
}

// Search field, occupation grid and filters, in one row.
void toolbar(const UiContext& ctx, const JourneyView& view) {
  const float width = ImGui::GetContentRegionAvail().x;
  const float gap = ctx.px(20);
  ImVec2 button_size(ctx.px(290), ctx.px(view.keyboard_open ? 80 : 96));
  // On a narrow screen the search field gets a row of its own, the two
  // buttons share the next.
  const bool stacked = width - 2 * (button_size.x + gap) < ctx.px(700);
  const float field_w = stacked ? width : width - 2 * (button_size.x + gap);
  const std::string count =
      view.search_text.empty()
          ? std::string()
          : ctx.trn("{} việc", "{} việc", static_cast<long long>(view.matches_shown));
  if (search_box(ctx, "##search", view.search_text, ctx.tr("Tìm việc: tên việc, công ty, phường…"),
                 view.keyboard_open, ImVec2(field_w, button_size.y), count)) {
    ctx.emit(intent::ShowKeyboard{true});
  }
  if (stacked) {
    button_size.x = (width - gap) / 2;
  } else {
    ImGui::SameLine(0, gap);
  }
  const std::string jobs = view.chosen_occupations.empty()
                               ? std::string(ctx.tr("Chọn nghề"))
                               : ctx.trf("Chọn nghề ({})", view.chosen_occupations.size());
  if (button(ctx, "##occupations", jobs, button_size, ButtonKind::secondary)) {
    ctx.emit(intent::OpenOccupations{});
  }
  ImGui::SameLine(0, gap);
  const int active = view.filters.active();
  const std::string filters =
      active == 0 ? std::string(ctx.tr("Bộ lọc")) : ctx.trf("Bộ lọc ({})", active);
  if (button(ctx, "##filters", filters, button_size, ButtonKind::secondary)) {
    ctx.emit(intent::OpenFilters{});
  }
}

// The chosen occupations (tap to drop) and related ones (tap to add).
void occupation_chips(const UiContext& ctx, const JourneyView& view) {
  if (view.chosen_occupations.empty()) {
    return;
  }
  ImGui::Dummy(ImVec2(0, ctx.px(4)));
  bool first = true;
  int id = 0;
  for (const auto& o : view.chosen_occupations) {
    const std::string label = o.label + "  ×";
    chip_row_place(ctx, toggle_chip_width(ctx, label), first);
    first = false;
    ImGui::PushID(id++);
    if (toggle_chip(ctx, "##chosen", label, true)) {
      ctx.emit(intent::ToggleOccupation{o.isco08});
    }
    ImGui::PopID();
  }
  for (const auto& o : view.related) {
    const std::string label = fmt::format("+ {} ({})", o.label, o.vacancies);
    const float w = toggle_chip_width(ctx, label);
    ImGui::SameLine(0, ctx.px(16));
    if (ImGui::GetContentRegionAvail().x < w) {
      break;  // one row only: the list matters more
    }
    ImGui::PushID(id++);
    if (toggle_chip(ctx, "##related", label, false)) {
      ctx.emit(intent::ToggleOccupation{o.isco08});
    }
    ImGui::PopID();
  }
}

void empty_result(const UiContext& ctx, const JourneyView& view) {
  const bool narrowed = !view.search_text.empty() || view.filters.active() > 0 ||
                        !view.chosen_occupations.empty();
  if (!narrowed) {
    notice(
        ctx,
        ctx.tr(
            "Hiện chưa có vị trí nào phù hợp với độ tuổi của bạn trong phiên này. Bạn hãy hỏi cán "
            "bộ tư vấn tại quầy để được giới thiệu thêm."));
    return;
  }
  notice(ctx, ctx.trf("Không có việc nào khớp với lựa chọn của bạn. Có {} việc phù hợp "
                      "với bạn nếu bỏ bớt điều kiện.",
                      view.matches_total));
  ImGui::Dummy(ImVec2(0, ctx.px(10)));
  const ImVec2 size(ctx.px(380), ctx.px(96));
  bool first = true;
  if (!view.search_text.empty()) {
    if (button(ctx, "##clear-search", ctx.tr("Xoá tìm kiếm"), size, ButtonKind::secondary)) {
      ctx.emit(intent::SetSearch{""});
    }
    first = false;
  }
  if (view.filters.active() > 0) {
    if (!first) {
      ImGui::SameLine(0, ctx.px(20));
    }
    if (button(ctx, "##clear-filters", ctx.tr("Xoá bộ lọc"), size, ButtonKind::secondary)) {
      ctx.emit(intent::SetFilters{});
    }
    first = false;
  }
  if (!view.chosen_occupations.empty()) {
    if (!first) {
      ImGui::SameLine(0, ctx.px(20));
    }
    if (button(ctx, "##other-jobs", ctx.tr("Chọn nghề khác"), size, ButtonKind::secondary)) {
      ctx.emit(intent::OpenOccupations{});
    }
  }
}

std::string sub_heading(const UiContext& ctx, const JourneyView& view) {
  std::string sub = view.home_area.empty()
                        ? std::string(ctx.tr("Việc đúng nghề, gần nhà, lương tốt xếp trước"))
                        : ctx.trf("Việc gần {} được xếp lên trước", view.home_area);
  if (view.matches_shown < view.matches_total) {
    sub +=
        ctx.trf(" · {} trên {} việc khớp lựa chọn của bạn", view.matches_shown, view.matches_total);
  }
  if (view.matches_shown > view.matches.size()) {
    sub += ctx.trf(" · đang hiện {} việc đầu", view.matches.size());
  }
  return sub;
}

void match_list(const UiContext& ctx, const JourneyView& view, int session_serial) {
  ImGui::PushID(session_serial);
  const float list_h = view.keyboard_open ? ImGui::GetContentRegionAvail().y -
                                                keyboard_height(ctx) - ctx.px(12)
                                          : 0.0f;
  ImGui::BeginChild("matches", ImVec2(0, list_h), false, ImGuiWindowFlags_NoScrollbar);
  drag_to_scroll(ctx);
  ImGuiListClipper clipper;
  const float item_h = view.keyboard_open ? row_height(ctx) : card_height(ctx);
  clipper.Begin(static_cast<int>(view.matches.size()), item_h);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const Match& m = view.matches[static_cast<std::size_t>(i)];
      if (view.keyboard_open ? match_row(ctx, m, i) : match_card(ctx, m, i)) {
        ctx.emit(intent::OpenVacancy{m.vacancy.id});
      }
    }
  }
  scroll_position(ctx);
  ImGui::EndChild();
  ImGui::PopID();
}

}  // namespace

void draw_matches(const UiContext& ctx, const JourneyView& view, int session_serial) {
  if (!view.keyboard_open) {
    const std::string heading =
        view.matches_total == 0 && view.catalog_empty
            ? std::string(ctx.tr("Đang tải danh sách việc làm"))
        : view.matches_total == 0 ? std::string(ctx.tr("Chưa có việc làm phù hợp"))
        : view.greeting_name.empty()
            ? ctx.trf("Có {} việc làm phù hợp với bạn", view.matches_total)
            : ctx.trf("{}, có {} việc làm phù hợp với bạn", view.greeting_name, view.matches_total);
    text(ctx, ctx.fonts.title, colour::k_text, heading);
    text(ctx, ctx.fonts.body, colour::k_muted, sub_heading(ctx, view));
    ImGui::Dummy(ImVec2(0, ctx.px(4)));
  }
  if (view.matches_total == 0 && view.catalog_empty) {
    notice(
        ctx,
        ctx.tr(
            "Danh sách việc làm chưa tải xong. Bạn hãy đợi một lát rồi quét thẻ lại, hoặc hỏi cán "
            "bộ tư vấn tại quầy."));
    return;
  }
  if (view.matches_total > 0) {
    toolbar(ctx, view);
    occupation_chips(ctx, view);
    ImGui::Dummy(ImVec2(0, ctx.px(4)));
  }
  if (!view.notice.empty()) {
    notice(ctx, ctx.t.trv(view.notice, view.notice_args));
  } else if (view.offline && !view.keyboard_open) {
    notice(ctx, ctx.trf("{}. Máy chưa kết nối được với trung tâm; một số việc có thể đã đủ người.",
                        view.catalog_status));
  }
  if (view.matches.empty()) {
    empty_result(ctx, view);
  } else {
    match_list(ctx, view, session_serial);
  }
  if (view.keyboard_open) {
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x,
                                     ImGui::GetWindowPos().y + ImGui::GetWindowHeight() -
                                         keyboard_height(ctx)));
    std::string typed = view.search_text;
    switch (keyboard(ctx, typed)) {
      case KeyboardResult::edited: ctx.emit(intent::SetSearch{typed}); break;
      case KeyboardResult::closed: ctx.emit(intent::ShowKeyboard{false}); break;
      case KeyboardResult::none: break;
    }
  }
}

}  // namespace kiosk::ui
