// Slots, confirmation, the waiting screens and the final screen.

#include <fmt/format.h>

#include "ui/screens.hpp"

namespace kiosk::ui {
namespace {

std::string slot_time(const Slot& s) {
  return fmt::format("{} – {}", format_vn_hhmm(s.starts_at), format_vn_hhmm(s.ends_at));
}

bool slot_row(const UiContext& ctx, const Slot& s, int index) {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float h = ctx.px(150);
  const bool open = s.remaining > 0;
  ImGui::PushID(index);
  const bool tapped = ImGui::InvisibleButton("slot", ImVec2(width, h)) && open && !was_drag();
  const bool held = ImGui::IsItemActive() && open;
  ImGui::PopID();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h),
                    held ? colour::k_secondary : colour::k_card, ctx.px(16));
  dl->AddRect(pos, ImVec2(pos.x + width, pos.y + h),
              open ? colour::k_primary : colour::k_card_border, ctx.px(16), 0, ctx.px(3));
  const float pad = ctx.px(32);
  const ImU32 main = open ? colour::k_text : colour::k_disabled;
  draw_text(ctx, dl, ctx.fonts.title, ImVec2(pos.x + pad, pos.y + ctx.px(18)), main, slot_time(s));
  draw_text(ctx, dl, ctx.fonts.body, ImVec2(pos.x + pad, pos.y + ctx.px(94)), colour::k_muted,
            format_vn_weekday_date(s.starts_at) + (s.booth.empty() ? "" : "   ·   " + s.booth));
  const std::string places = open ? fmt::format("Còn {} chỗ", s.remaining) : "Hết chỗ";
  const ImVec2 ps = ctx.fonts.heading->CalcTextSizeA(ctx.fonts.heading->FontSize, FLT_MAX, 0,
                                                     places.c_str());
  draw_text(ctx, dl, ctx.fonts.heading,
            ImVec2(pos.x + width - pad - ps.x, pos.y + (h - ps.y) / 2),
            open ? colour::k_primary : colour::k_disabled, places);
  return tapped;
}

void summary_line(const UiContext& ctx, std::string_view label, std::string_view value,
                  float width) {
  const float label_w = ctx.px(300);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  draw_text(ctx, dl, ctx.fonts.body, pos, colour::k_muted, label);
  draw_text(ctx, dl, ctx.fonts.bold, ImVec2(pos.x + label_w, pos.y), colour::k_text, value,
            width - label_w);
  ImGui::Dummy(ImVec2(width, text_height(ctx.fonts.bold, value, width - label_w)));
}

}  // namespace

void draw_slots(const UiContext& ctx, const JourneyView& view) {
  text(ctx, ctx.fonts.title, colour::k_text, "Chọn giờ phỏng vấn");
  if (view.vacancy) {
    text(ctx, ctx.fonts.body, colour::k_muted,
         view.vacancy->title + " · " + view.vacancy->employer_name);
  }
  if (!view.notice.empty()) {
    notice(ctx, view.notice);
  }
  if (view.slots_loading) {
    ImGui::Dummy(ImVec2(0, ctx.px(60)));
    spinner(ctx, ctx.px(48));
    ImGui::Dummy(ImVec2(0, ctx.px(20)));
    text_centered(ctx, ctx.fonts.heading, colour::k_muted, "Đang tải lịch phỏng vấn…");
    return;
  }
  ImGui::BeginChild("slots", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar);
  drag_to_scroll();
  for (std::size_t i = 0; i < view.slots.size(); ++i) {
    if (slot_row(ctx, view.slots[i], static_cast<int>(i))) {
      ctx.emit(intent::ChooseSlot{view.slots[i].id});
    }
  }
  ImGui::EndChild();
}

void draw_confirm(const UiContext& ctx, const JourneyView& view) {
  if (!view.vacancy || !view.chosen_slot) {
    return;
  }
  const float width = ImGui::GetContentRegionAvail().x;
  text(ctx, ctx.fonts.title, colour::k_text, "Kiểm tra lại lịch hẹn");
  ImGui::Dummy(ImVec2(0, ctx.px(4)));
  const Slot& s = *view.chosen_slot;
  const float pad = ctx.px(40);
  begin_panel(ctx, pad);
  const float inner = width - 2 * pad;
  summary_line(ctx, "Vị trí", view.vacancy->title, inner);
  summary_line(ctx, "Đơn vị", view.vacancy->employer_name, inner);
  summary_line(ctx, "Thời gian", slot_time(s) + ", " + format_vn_weekday_date(s.starts_at), inner);
  summary_line(ctx, "Địa điểm", s.booth.empty() ? s.venue : s.booth + " – " + s.venue, inner);
  summary_line(ctx, "Người đăng ký",
               view.id_check ? fmt::format("chủ thẻ {}, sinh năm {}", view.id_check->masked_id,
                                           view.id_check->birth_year)
                             : view.person_name,
               inner);
  end_panel(ctx, pad);
  ImGui::Dummy(ImVec2(0, ctx.px(10)));
  if (!view.notice.empty()) {
    notice(ctx, view.notice);
    ImGui::Dummy(ImVec2(0, ctx.px(10)));
  }
  const char* label = view.can_retry ? "Thử lại" : "Xác nhận đặt lịch";
  if (button(ctx, "##confirm", label, ImVec2(width, ctx.px(130)))) {
    ctx.emit(intent::ConfirmBooking{});
  }
}

void draw_working(const UiContext& ctx, const JourneyView& view) {
  ImGui::Dummy(ImVec2(0, ctx.px(200)));
  spinner(ctx, ctx.px(70));
  ImGui::Dummy(ImVec2(0, ctx.px(40)));
  text_centered(ctx, ctx.fonts.title, colour::k_text,
                view.screen == Screen::booking ? "Đang đặt lịch phỏng vấn…" : "Đang in phiếu hẹn…");
  text_centered(ctx, ctx.fonts.body, colour::k_muted, "Bạn vui lòng đợi trong giây lát");
}

void draw_done(const UiContext& ctx, const JourneyView& view) {
  if (!view.confirmation) {
    return;
  }
  const auto& c = *view.confirmation;
  const float width = ImGui::GetContentRegionAvail().x;
  text_centered(ctx, ctx.fonts.title, colour::k_primary, "Đặt lịch phỏng vấn thành công!");
  ImGui::Dummy(ImVec2(0, ctx.px(4)));
  const float pad = ctx.px(40);
  begin_panel(ctx, pad);
  const float inner = width - 2 * pad;
  ImGui::BeginChild("reference", ImVec2(inner, ctx.px(200)), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoInputs);
  text_centered(ctx, ctx.fonts.body, colour::k_muted, "Mã đặt lịch của bạn");
  text_centered(ctx, ctx.fonts.huge, colour::k_text, c.reference);
  ImGui::EndChild();
  summary_line(ctx, "Vị trí", c.vacancy_title, inner);
  summary_line(ctx, "Đơn vị", c.employer_name, inner);
  summary_line(ctx, "Thời gian",
               slot_time(c.slot) + ", " + format_vn_weekday_date(c.slot.starts_at), inner);
  summary_line(ctx, "Địa điểm",
               c.slot.booth.empty() ? c.slot.venue : c.slot.booth + " – " + c.slot.venue, inner);
  end_panel(ctx, pad);
  ImGui::Dummy(ImVec2(0, ctx.px(4)));
  if (!view.notice.empty()) {
    notice(ctx, view.notice);
  } else if (view.printed) {
    text_centered(ctx, ctx.fonts.heading, colour::k_text,
                  "Mời bạn nhận phiếu hẹn ở khe máy in bên dưới màn hình.");
  }
  ImGui::Dummy(ImVec2(0, ctx.px(12)));
  const std::string label = fmt::format("Hoàn tất ({} giây)", view.done_seconds_left);
  if (button(ctx, "##finish", label, ImVec2(width, ctx.px(110)))) {
    ctx.emit(intent::Finish{});
  }
}

}  // namespace kiosk::ui
