// Slots, confirmation, the waiting screens and the final screen.

#include <algorithm>

#include <fmt/format.h>

#include "ui/keyboard.hpp"
#include "ui/screens.hpp"

namespace kiosk::ui {
namespace {

std::string slot_time(const Slot& s) {
  return fmt::format("{} – {}", format_vn_hhmm(s.starts_at), format_vn_hhmm(s.ends_at));
}

bool slot_row(const UiContext& ctx, const Slot& s, int index) {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  // The time and the date under it, 150 px at normal sizes; taller with
  // large text.
  const float date_y = ctx.px(18) + ctx.fonts.title->FontSize * 1.3f;
  const float h = date_y + ctx.fonts.body->FontSize + ctx.px(22);
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
  draw_text(ctx, dl, ctx.fonts.body, ImVec2(pos.x + pad, pos.y + date_y), colour::k_muted,
            format_weekday_date(s.starts_at, ctx.t) + (s.booth.empty() ? "" : "   ·   " + s.booth));
  const std::string places =
      open ? ctx.trn("Còn {} chỗ", "Còn {} chỗ", s.remaining) : std::string(ctx.tr("Hết chỗ"));
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
  text(ctx, ctx.fonts.title, colour::k_text, ctx.tr("Chọn giờ phỏng vấn"));
  if (view.vacancy) {
    text(ctx, ctx.fonts.body, colour::k_muted,
         view.vacancy->title + " · " + view.vacancy->employer_name);
  }
  if (!view.notice.empty()) {
    notice(ctx, ctx.t.trv(view.notice, view.notice_args));
  }
  if (view.slots_loading) {
    ImGui::Dummy(ImVec2(0, ctx.px(60)));
    spinner(ctx, ctx.px(48));
    ImGui::Dummy(ImVec2(0, ctx.px(20)));
    text_centered(ctx, ctx.fonts.heading, colour::k_muted, ctx.tr("Đang tải lịch phỏng vấn…"));
    return;
  }
  if (view.can_register_interest && view.slots.empty()) {
    ImGui::Dummy(ImVec2(0, ctx.px(20)));
    text(
        ctx, ctx.fonts.body, colour::k_text,
        ctx.tr(
            "Bạn vẫn có thể đăng ký quan tâm vị trí này: máy lưu lại và gửi khi có mạng, rồi Trung "
            "tâm sẽ gọi cho bạn để hẹn lịch phỏng vấn."),
        ImGui::GetContentRegionAvail().x);
    ImGui::Dummy(ImVec2(0, ctx.px(16)));
    if (button(ctx, "##interest", ctx.tr("Đăng ký quan tâm vị trí này"),
               ImVec2(ImGui::GetContentRegionAvail().x, ctx.px(120)))) {
      ctx.emit(intent::RegisterInterest{});
    }
    return;
  }
  ImGui::BeginChild("slots", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar);
  drag_to_scroll(ctx);
  for (std::size_t i = 0; i < view.slots.size(); ++i) {
    if (slot_row(ctx, view.slots[i], static_cast<int>(i))) {
      ctx.emit(intent::ChooseSlot{view.slots[i].id});
    }
  }
  ImGui::EndChild();
}

namespace {

void confirm_summary(const UiContext& ctx, const JourneyView& view, float width) {
  const float pad = ctx.px(28);
  begin_panel(ctx, pad);
  const float inner = width - 2 * pad;
  summary_line(ctx, ctx.tr("Vị trí"), view.vacancy->title, inner);
  summary_line(ctx, ctx.tr("Đơn vị"), view.vacancy->employer_name, inner);
  if (view.chosen_slot) {
    const Slot& s = *view.chosen_slot;
    summary_line(ctx, ctx.tr("Thời gian"),
                 slot_time(s) + ", " + format_weekday_date(s.starts_at, ctx.t), inner);
    summary_line(ctx, ctx.tr("Địa điểm"), s.booth.empty() ? s.venue : s.booth + " – " + s.venue,
                 inner);
  } else {
    summary_line(ctx, ctx.tr("Sau đó"), ctx.tr("Trung tâm sẽ gọi cho bạn để hẹn lịch phỏng vấn"),
                 inner);
  }
  summary_line(ctx, ctx.tr("Người đăng ký"),
               view.id_check ? ctx.trf("chủ thẻ {}, sinh năm {}", view.id_check->masked_id,
                                       view.id_check->birth_year)
                             : view.person_name,
               inner);
  end_panel(ctx, pad);
}

// The optional phone number: a box that opens the keypad, and the keypad.
void phone_entry(const UiContext& ctx, const JourneyView& view, float width) {
  const std::string shown =
      view.phone.size() > 7
          ? view.phone.substr(0, 4) + " " + view.phone.substr(4, 3) + " " + view.phone.substr(7)
          : view.phone;
  if (view.phone_locked) {
    if (!view.phone.empty()) {
      text(ctx, ctx.fonts.body, colour::k_muted, ctx.trf("Số điện thoại: {}", shown));
    }
    return;
  }
  if (view.keyboard_open) {
    text(ctx, ctx.fonts.bold, colour::k_text,
         ctx.tr("Số điện thoại để Trung tâm liên hệ khi cần (không bắt buộc)"));
  }
  if (search_box(ctx, "##phone", shown,
                 ctx.tr("Số điện thoại để Trung tâm liên hệ (không bắt buộc)"), view.keyboard_open,
                 ImVec2(width, ctx.px(88)), {}, false)) {
    ctx.emit(intent::ShowKeyboard{true});
  }
  if (!view.keyboard_open) {
    return;
  }
  ImGui::Dummy(ImVec2(0, ctx.px(6)));
  const float pad_w = std::min(width, ctx.px(620));
  ImGui::SetCursorScreenPos(
      ImVec2(ImGui::GetCursorScreenPos().x + (width - pad_w) / 2, ImGui::GetCursorScreenPos().y));
  std::string digits = view.phone;
  switch (numeric_keypad(ctx, digits, 10, pad_w)) {
    case KeyboardResult::edited:
      ctx.emit(intent::SetPhone{digits});
      break;
    case KeyboardResult::closed:
      ctx.emit(intent::ShowKeyboard{false});
      break;
    case KeyboardResult::none:
      break;
  }
}

}  // namespace

void draw_confirm(const UiContext& ctx, const JourneyView& view) {
  if (!view.vacancy || (!view.chosen_slot && !view.interest)) {
    return;
  }
  const float width = ImGui::GetContentRegionAvail().x;
  const float buttons_h = ctx.px(110);
  // Why the request is not sent yet stays by the buttons, on screen.
  const std::string why =
      view.notice.empty() ? std::string() : ctx.t.trv(view.notice, view.notice_args);
  if (!view.keyboard_open) {
    const float why_h = why.empty() ? 0.0f
                                    : notice_height(ctx, why, width) + ctx.px(8) +
                                          2 * ImGui::GetStyle().ItemSpacing.y;
    begin_details(ctx, "##confirm-details", buttons_h + why_h);
  }
  text(ctx, ctx.fonts.title, colour::k_text,
       view.interest ? ctx.tr("Đăng ký quan tâm vị trí này") : ctx.tr("Kiểm tra lại lịch hẹn"));
  ImGui::Dummy(ImVec2(0, ctx.px(4)));
  if (!view.keyboard_open) {
    confirm_summary(ctx, view, width);
    ImGui::Dummy(ImVec2(0, ctx.px(8)));
  }
  phone_entry(ctx, view, width);
  ImGui::Dummy(ImVec2(0, ctx.px(8)));
  if (!view.keyboard_open) {
    end_details(ctx);
  }
  if (!why.empty()) {
    notice(ctx, why);
    ImGui::Dummy(ImVec2(0, ctx.px(8)));
  }
  if (view.keyboard_open) {
    return;  // "Xong" on the keypad brings the buttons back
  }
  // The buttons sit at the bottom, whatever is above them.
  ImGui::SetCursorScreenPos(ImVec2(
      ImGui::GetCursorScreenPos().x,
      std::max(ImGui::GetCursorScreenPos().y,
               ImGui::GetWindowPos().y + ImGui::GetWindowHeight() - buttons_h - ctx.px(24))));
  std::string_view label = view.can_retry  ? ctx.tr("Thử lại")
                           : view.interest ? ctx.tr("Gửi đăng ký")
                                           : ctx.tr("Xác nhận đặt lịch");
  if (!view.can_leave_queued) {
    if (button(ctx, "##confirm", label, ImVec2(width, buttons_h))) {
      ctx.emit(intent::ConfirmBooking{});
    }
    return;
  }
  const float gap = ctx.px(30);
  const ImVec2 half((width - gap) / 2, buttons_h);
  if (button(ctx, "##leave", ctx.tr("Để máy tự gửi sau"), half, ButtonKind::secondary)) {
    ctx.emit(intent::LeaveQueued{});
  }
  ImGui::SameLine(0, gap);
  if (button(ctx, "##confirm", label, half)) {
    ctx.emit(intent::ConfirmBooking{});
  }
}

void draw_working(const UiContext& ctx, const JourneyView& view) {
  ImGui::Dummy(ImVec2(0, ctx.px(200)));
  spinner(ctx, ctx.px(70));
  ImGui::Dummy(ImVec2(0, ctx.px(40)));
  text_centered(ctx, ctx.fonts.title, colour::k_text,
                view.screen == Screen::booking ? ctx.tr("Đang đặt lịch phỏng vấn…")
                                               : ctx.tr("Đang in phiếu hẹn…"));
  text_centered(ctx, ctx.fonts.body, colour::k_muted, ctx.tr("Bạn vui lòng đợi trong giây lát"));
}

namespace {

// The slip itself, as it would have printed: the person can photograph it.
void slip_picture(const UiContext& ctx, const FrameInfo& info, ImVec2 box) {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  float h = box.y;
  float w = h * info.slip_aspect;
  if (w > box.x) {
    w = box.x;
    h = w / info.slip_aspect;
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 min(pos.x + (box.x - w) / 2, pos.y);
  dl->AddRectFilled(ImVec2(min.x - ctx.px(12), min.y - ctx.px(12)),
                    ImVec2(min.x + w + ctx.px(12), min.y + h + ctx.px(12)), colour::k_card,
                    ctx.px(8));
  dl->AddImage(info.slip_image, min, ImVec2(min.x + w, min.y + h));
  ImGui::Dummy(box);
}

void done_details(const UiContext& ctx, const JourneyView& view, float width, bool brief) {
  const float pad = ctx.px(36);
  begin_panel(ctx, pad);
  const float inner = width - 2 * pad;
  const bool booked = view.confirmation && !view.interest;
  const std::string code = booked ? view.confirmation->reference : view.queued_code;
  // A child as wide as the panel, so the code centres in the panel.
  // Its label and the code: 190 px at normal sizes.
  // The code in the largest type that fits the panel whole.
  ImFont* code_font = ctx.fonts.huge;
  if (code_font->CalcTextSizeA(code_font->FontSize, FLT_MAX, 0, code.c_str()).x >
      inner - ctx.px(24)) {
    code_font = ctx.fonts.title;
  }
  const float code_h =
      ctx.fonts.body->FontSize + ImGui::GetStyle().ItemSpacing.y + code_font->FontSize + ctx.px(16);
  ImGui::BeginChild("code", ImVec2(inner, code_h), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoInputs);
  text_centered(ctx, ctx.fonts.body, colour::k_muted,
                booked        ? ctx.tr("Mã đặt lịch của bạn")
                : view.queued ? ctx.tr("Mã yêu cầu (đưa cho cán bộ tại quầy)")
                              : ctx.tr("Mã đăng ký của bạn"));
  text_centered(ctx, code_font, colour::k_text, code);
  ImGui::EndChild();
  if (brief) {
    // The slip beside it says the rest.
  } else if (booked) {
    const auto& c = *view.confirmation;
    summary_line(ctx, ctx.tr("Vị trí"), c.vacancy_title, inner);
    summary_line(ctx, ctx.tr("Đơn vị"), c.employer_name, inner);
    summary_line(ctx, ctx.tr("Thời gian"),
                 slot_time(c.slot) + ", " + format_weekday_date(c.slot.starts_at, ctx.t), inner);
    summary_line(ctx, ctx.tr("Địa điểm"),
                 c.slot.booth.empty() ? c.slot.venue : c.slot.booth + " – " + c.slot.venue, inner);
  } else if (view.vacancy) {
    summary_line(ctx, ctx.tr("Vị trí"), view.vacancy->title, inner);
    summary_line(ctx, ctx.tr("Đơn vị"), view.vacancy->employer_name, inner);
    text(ctx, ctx.fonts.body, colour::k_text,
         view.queued ? ctx.tr("Máy sẽ tự gửi yêu cầu khi có mạng. Trung tâm sẽ liên hệ với bạn.")
                     : ctx.tr("Trung tâm sẽ gọi cho bạn để hẹn lịch phỏng vấn."),
         inner);
  }
  end_panel(ctx, pad);
}

}  // namespace

void draw_done(const UiContext& ctx, const JourneyView& view, const FrameInfo& info) {
  if (!view.confirmation && view.queued_code.empty()) {
    return;
  }
  const float width = ImGui::GetContentRegionAvail().x;
  const bool show_slip = !view.printed && view.slip && info.slip_image != nullptr;
  const float slip_w = show_slip ? width * 0.34f : 0.0f;
  const float gap = show_slip ? ctx.px(40) : 0.0f;
  if (show_slip) {
    slip_picture(ctx, info, ImVec2(slip_w, ImGui::GetContentRegionAvail().y - ctx.px(12)));
    ImGui::SameLine(0, gap);
  }
  // A child of its own, so centred text centres on this side.
  ImGui::BeginChild("done-side", ImVec2(0, 0), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  // ImGui clips a child half its padding inside its edge.
  const float side = ImGui::GetContentRegionAvail().x - ctx.px(12);
  const float button_h = ctx.px(110);
  begin_details(ctx, "##done-details", button_h + ctx.px(12));
  std::string_view title = view.interest && !view.queued ? ctx.tr("Đã đăng ký quan tâm!")
                           : view.queued ? ctx.tr("Đã lưu yêu cầu của bạn")
                                         : ctx.tr("Đặt lịch phỏng vấn thành công!");
  text(ctx, ctx.fonts.title, view.queued ? colour::k_text : colour::k_primary, title, side);
  ImGui::Dummy(ImVec2(0, ctx.px(4)));
  done_details(ctx, view, side, show_slip);
  ImGui::Dummy(ImVec2(0, ctx.px(4)));
  if (!view.notice.empty()) {
    notice(ctx, ctx.t.trv(view.notice, view.notice_args));
  } else if (view.printed) {
    text(ctx, ctx.fonts.heading, colour::k_text,
         ctx.tr("Mời bạn nhận phiếu ở khe máy in bên dưới màn hình."), side);
  }
  end_details(ctx);
  const std::string label = ctx.trf("Hoàn tất ({} giây)", view.done_seconds_left);
  if (button(ctx, "##finish", label, ImVec2(side, button_h))) {
    ctx.emit(intent::Finish{});
  }
  ImGui::EndChild();
}

}  // namespace kiosk::ui
