#include "ui/staff_screens.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace kiosk::ui {
namespace {

constexpr float k_bar = 110.0f;    // the staff header's height
constexpr float k_margin = 48.0f;  // around the content
constexpr float k_row = 96.0f;     // a touch target's height in the panels

struct Out {
  std::vector<StaffIntent>& intents;
  void emit(StaffIntent i) const { intents.push_back(std::move(i)); }
};

std::string_view panel_title(const UiContext& ctx, StaffPanel p) {
  switch (p) {
    case StaffPanel::status:
      return ctx.tr("Tình trạng");
    case StaffPanel::session:
      return ctx.tr("Phiên giao dịch");
    case StaffPanel::devices:
      return ctx.tr("Máy in và máy quét");
    case StaffPanel::slips:
      return ctx.tr("In lại phiếu");
    case StaffPanel::logs:
      return ctx.tr("Nhật ký");
  }
  return {};
}

// The dark bar across the top: what this is, who is in, the clock.
void draw_bar(const UiContext& ctx, const StaffView& view, const StaffInfo& info) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float h = ctx.px(k_bar);
  dl->AddRectFilled(vp->Pos, ImVec2(vp->Pos.x + vp->Size.x, vp->Pos.y + h), colour::k_text);
  const float x = vp->Pos.x + ctx.px(k_margin);
  draw_text(ctx, dl, ctx.fonts.heading, ImVec2(x, vp->Pos.y + ctx.px(12)), colour::k_header_text,
            ctx.tr("Chế độ nhân viên"));
  std::string sub = ctx.trf("Ki-ốt {}", info.kiosk_id);
  if (!info.kiosk_name.empty()) {
    sub += " · " + info.kiosk_name;
  }
  if (!view.who.empty()) {
    sub += " · " + ctx.trf("Đã mở bởi {}", view.who);
  }
  draw_text(ctx, dl, ctx.fonts.small, ImVec2(x, vp->Pos.y + ctx.px(66)), colour::k_header_subtle,
            fit_line(ctx.fonts.small, sub, vp->Size.x * 0.75f));
  const ImVec2 cs = ctx.fonts.heading->CalcTextSizeA(ctx.fonts.heading->FontSize, FLT_MAX, 0,
                                                     info.clock_text.c_str());
  draw_text(ctx, dl, ctx.fonts.heading,
            ImVec2(vp->Pos.x + vp->Size.x - ctx.px(k_margin) - cs.x, vp->Pos.y + ctx.px(24)),
            colour::k_header_text, info.clock_text);
}

// The unlock screen: dots for the digits typed, a 3×4 keypad, and the
// staff card as the other way in.
void draw_unlock(const UiContext& ctx, const StaffView& view, Out out) {
  const float width = std::min(ImGui::GetContentRegionAvail().x, ctx.px(640));
  const float left = ImGui::GetCursorPosX() + (ImGui::GetContentRegionAvail().x - width) / 2;
  ImGui::SetCursorPosX(left);
  // A column of its own, so notices and buttons take its width, not the screen's.
  ImGui::BeginChild("##unlock", ImVec2(width, 0), false, ImGuiWindowFlags_NoScrollbar);
  text(ctx, ctx.fonts.title, colour::k_text, ctx.tr("Mở chế độ nhân viên"), width);
  const bool waiting = view.wait_seconds > 0;
  // What went wrong takes the hint's place, so the keypad never moves off screen.
  if (view.locked_out) {
    notice(ctx, ctx.trf("Nhập sai quá nhiều lần. Thử lại sau {} giây, hoặc dùng thẻ nhân viên.",
                        view.wait_seconds));
  } else if (waiting) {
    notice(ctx, ctx.trf("Mã PIN không đúng. Thử lại sau {} giây.", view.wait_seconds));
  } else if (!view.notice.empty()) {
    notice(ctx, ctx.tr(view.notice));
  } else {
    text(ctx, ctx.fonts.body, colour::k_muted,
         view.card_accepted ? ctx.tr("Nhập mã PIN, hoặc đưa thẻ nhân viên vào máy quét.")
                            : ctx.tr("Nhập mã PIN."),
         width);
  }
  ImGui::Dummy(ImVec2(0, ctx.px(12)));
  // The PIN as dots in a box: never the digits.
  const ImVec2 box_pos = ImGui::GetCursorScreenPos();
  const ImVec2 box(width, ctx.px(88));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(box_pos, ImVec2(box_pos.x + box.x, box_pos.y + box.y), colour::k_card,
                    ctx.px(12));
  dl->AddRect(box_pos, ImVec2(box_pos.x + box.x, box_pos.y + box.y), colour::k_card_border,
              ctx.px(12), 0, ctx.px(colour::k_border_px));
  const float dot = ctx.px(14);
  const float step = ctx.px(44);
  const float dots_w = static_cast<float>(view.pin_length) * step;
  for (std::size_t i = 0; i < view.pin_length; ++i) {
    dl->AddCircleFilled(
        ImVec2(box_pos.x + (box.x - dots_w) / 2 + step * (0.5f + i), box_pos.y + box.y / 2), dot,
        colour::k_text, 20);
  }
  if (view.checking) {
    const std::string_view s = ctx.tr("Đang kiểm tra…");
    const ImVec2 ts = ctx.fonts.body->CalcTextSizeA(ctx.fonts.body->FontSize, FLT_MAX, 0, s.data(),
                                                    s.data() + s.size());
    draw_text(ctx, dl, ctx.fonts.body,
              ImVec2(box_pos.x + (box.x - ts.x) / 2, box_pos.y + (box.y - ts.y) / 2),
              colour::k_muted, s);
  }
  ImGui::Dummy(box);
  const bool keys = !view.checking && !waiting;
  const float gap = ctx.px(14);
  const ImVec2 key((width - 2 * gap) / 3, ctx.px(92));
  // Rows `gap` apart, whatever the style's item spacing.
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
  const char* digits = "123456789";
  for (int r = 0; r < 3; ++r) {
    for (int c = 0; c < 3; ++c) {
      const char d = digits[r * 3 + c];
      const std::string id = fmt::format("##pin-{}", d);
      if (c > 0) {
        ImGui::SameLine(0, gap);
      }
      if (button(ctx, id.c_str(), std::string(1, d), key, ButtonKind::secondary, keys)) {
        out.emit(staff_intent::Digit{d});
      }
    }
  }
  if (button(ctx, "##pin-erase", ctx.tr("Xoá"), key, ButtonKind::secondary,
             keys && view.pin_length > 0)) {
    out.emit(staff_intent::Erase{});
  }
  ImGui::SameLine(0, gap);
  if (button(ctx, "##pin-0", "0", key, ButtonKind::secondary, keys)) {
    out.emit(staff_intent::Digit{'0'});
  }
  ImGui::SameLine(0, gap);
  if (button(ctx, "##pin-ok", ctx.tr("Mở"), key, ButtonKind::primary,
             keys && view.pin_length > 0)) {
    out.emit(staff_intent::Submit{});
  }
  ImGui::PopStyleVar();
  ImGui::Dummy(ImVec2(0, ctx.px(4)));
  if (button(ctx, "##staff-cancel", ctx.tr("Quay lại màn hình chính"), ImVec2(width, ctx.px(88)),
             ButtonKind::secondary, true, true)) {
    out.emit(staff_intent::Close{});
  }
  ImGui::EndChild();
}

// One "label: value" line of the status panel.
void fact(const UiContext& ctx, std::string_view label, std::string_view value, float label_w,
          ImU32 value_colour = 0) {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  draw_text(ctx, dl, ctx.fonts.body, pos, colour::k_muted, label);
  const float w = ImGui::GetContentRegionAvail().x - label_w;
  draw_text(ctx, dl, ctx.fonts.bold, ImVec2(pos.x + label_w, pos.y),
            value_colour != 0 ? value_colour : colour::k_text, value, w);
  ImGui::Dummy(ImVec2(
      ImGui::GetContentRegionAvail().x,
      std::max(text_height(ctx.fonts.bold, value, w), ctx.fonts.body->FontSize) + ctx.px(6)));
}

void draw_status(const UiContext& ctx, const StaffInfo& info, const StaffView& view, Out out) {
  const float label_w = ctx.px(360);
  begin_details(ctx, "##status-facts", ctx.px(k_row + 8));
  fact(ctx, ctx.tr("Ki-ốt"),
       info.kiosk_name.empty() ? info.kiosk_id : info.kiosk_id + " · " + info.kiosk_name, label_w);
  fact(ctx, ctx.tr("Phiên bản"), info.version, label_w);
  fact(ctx, ctx.tr("Cấu hình"), info.profile_source, label_w);
  if (info.profile_pending) {
    fact(ctx, "", ctx.tr("Cấu hình mới từ trung tâm đang chờ: áp dụng khi hết lượt người dùng."),
         label_w, colour::k_muted);
  }
  if (info.restart_needed) {
    fact(ctx, "", ctx.tr("Một thiết lập mới chỉ có hiệu lực sau khi khởi động lại."), label_w,
         colour::k_danger);
  }
  std::string sessions;
  for (const auto& id : view.active_sessions) {
    sessions += (sessions.empty() ? "" : ", ") + id;
  }
  fact(ctx, ctx.tr("Phiên giao dịch"), sessions.empty() ? ctx.tr("Tất cả các phiên") : sessions,
       label_w);
  fact(ctx, ctx.tr("Mạng"), info.online ? ctx.tr("Đã kết nối máy chủ") : ctx.tr("Mất kết nối"),
       label_w, info.online ? colour::k_primary : colour::k_danger);
  fact(ctx, ctx.tr("Đồng bộ lần cuối"),
       info.last_sync.empty() ? std::string(ctx.tr("Chưa đồng bộ"))
                              : fmt::format("{} · {}", info.last_sync,
                                            ctx.trn("{} việc làm", "{} việc làm",
                                                    static_cast<long long>(info.vacancy_count))),
       label_w);
  fact(ctx, ctx.tr("Hàng đợi gửi"),
       info.outbox_pending == 0 ? std::string(ctx.tr("Trống"))
                                : ctx.trn("{} yêu cầu chờ gửi", "{} yêu cầu chờ gửi",
                                          static_cast<long long>(info.outbox_pending)),
       label_w, info.outbox_pending == 0 ? 0 : colour::k_danger);
  fact(ctx, ctx.tr("Máy in"), ctx.tr(info.printer_state), label_w);
  fact(ctx, ctx.tr("Máy quét"), ctx.tr(info.scanner_state), label_w);
  end_details(ctx);
  const float gap = ctx.px(20);
  const ImVec2 b((ImGui::GetContentRegionAvail().x - 2 * gap) / 3, ctx.px(k_row));
  if (button(ctx, "##sync-now", ctx.tr("Đồng bộ ngay"), b)) {
    out.emit(staff_intent::SyncNow{});
  }
  ImGui::SameLine(0, gap);
  if (button(ctx, "##resend", ctx.tr("Gửi lại hàng đợi"), b, ButtonKind::primary,
             info.outbox_pending > 0)) {
    out.emit(staff_intent::ResendOutbox{});
  }
  ImGui::SameLine(0, gap);
  if (button(ctx, "##restart",
             view.restart_armed ? ctx.tr("Chạm lần nữa để khởi động lại") : ctx.tr("Khởi động lại"),
             b, ButtonKind::danger_outline)) {
    out.emit(staff_intent::Restart{});
  }
}

void draw_sessions(const UiContext& ctx, const StaffView& view, Out out) {
  text(ctx, ctx.fonts.body, colour::k_muted,
       ctx.tr("Chọn phiên giao dịch ki-ốt này phục vụ. Người tiếp theo chỉ thấy việc làm của phiên "
              "đó."));
  ImGui::Dummy(ImVec2(0, ctx.px(8)));
  const float width = ImGui::GetContentRegionAvail().x;
  begin_details(ctx, "##sessions", ctx.px(k_row + 8));
  const auto row = [&](const std::string& id, std::string_view title, std::string_view detail) {
    const bool active = id.empty()
                            ? view.active_sessions.empty()
                            : std::find(view.active_sessions.begin(), view.active_sessions.end(),
                                        id) != view.active_sessions.end();
    const bool chosen = view.chosen_session && *view.chosen_session == id;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x - ctx.px(16);
    const float inner = w - ctx.px(48) - ctx.px(200);
    const float h =
        std::max(ctx.px(k_row), text_height(ctx.fonts.bold, title, inner) +
                                    text_height(ctx.fonts.small, detail, inner) + ctx.px(36));
    const std::string button_id = "##session-" + (id.empty() ? std::string("all") : id);
    const bool tapped = ImGui::InvisibleButton(button_id.c_str(), ImVec2(w, h)) && !was_drag();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h), chosen ? colour::k_chip : colour::k_card,
                      ctx.px(12));
    dl->AddRect(pos, ImVec2(pos.x + w, pos.y + h),
                chosen ? colour::k_primary : colour::k_card_border, ctx.px(12), 0,
                ctx.px(chosen ? 4.0f : colour::k_border_px));
    draw_text(ctx, dl, ctx.fonts.bold, ImVec2(pos.x + ctx.px(24), pos.y + ctx.px(16)),
              colour::k_text, title, inner);
    draw_text(
        ctx, dl, ctx.fonts.small,
        ImVec2(pos.x + ctx.px(24), pos.y + ctx.px(20) + text_height(ctx.fonts.bold, title, inner)),
        colour::k_muted, detail, inner);
    if (active) {
      const std::string_view s = ctx.tr("Đang dùng");
      const ImVec2 ts = ctx.fonts.bold->CalcTextSizeA(ctx.fonts.bold->FontSize, FLT_MAX, 0,
                                                      s.data(), s.data() + s.size());
      draw_text(ctx, dl, ctx.fonts.bold,
                ImVec2(pos.x + w - ctx.px(24) - ts.x, pos.y + (h - ts.y) / 2), colour::k_primary,
                s);
    }
    if (ctx.audit != nullptr) {
      ctx.audit->record_target(button_id, pos, ImVec2(w, h));
    }
    if (tapped) {
      out.emit(staff_intent::ChooseSession{id});
    }
    ImGui::Dummy(ImVec2(0, ctx.px(4)));
  };
  row("", ctx.tr("Tất cả các phiên"), ctx.tr("Mọi phiên giao dịch trung tâm tổ chức hôm nay"));
  for (const auto& s : view.sessions) {
    row(s.id, s.title, s.when + (s.venue.empty() ? "" : " · " + s.venue) + " · " + s.id);
  }
  if (view.sessions_loading) {
    text(ctx, ctx.fonts.body, colour::k_muted, ctx.tr("Đang tải danh sách phiên…"));
  } else if (view.sessions_failed) {
    notice(ctx, ctx.tr("Không tải được danh sách phiên từ máy chủ."));
  }
  end_details(ctx);
  const float gap = ctx.px(20);
  const ImVec2 b((width - gap) / 2, ctx.px(k_row));
  if (button(ctx, "##reload-sessions", ctx.tr("Tải lại danh sách"), b, ButtonKind::secondary,
             !view.sessions_loading)) {
    out.emit(staff_intent::ReloadSessions{});
  }
  ImGui::SameLine(0, gap);
  if (button(ctx, "##switch-session", ctx.tr("Chuyển sang phiên đã chọn"), b, ButtonKind::primary,
             view.chosen_session.has_value())) {
    out.emit(staff_intent::SwitchSession{});
  }
}

void draw_devices(const UiContext& ctx, const StaffInfo& info, Out out) {
  const float width = ImGui::GetContentRegionAvail().x;
  const float label_w = ctx.px(300);
  begin_details(ctx, "##devices", 0.0f);
  fact(ctx, ctx.tr("Máy in"), ctx.tr(info.printer_state), label_w);
  fact(ctx, ctx.tr("Địa chỉ máy in"), info.printer_uri, label_w);
  if (button(ctx, "##test-slip", ctx.tr("In phiếu thử"), ImVec2(ctx.px(420), ctx.px(k_row)))) {
    out.emit(staff_intent::PrintTestSlip{});
  }
  ImGui::Dummy(ImVec2(0, ctx.px(16)));
  fact(ctx, ctx.tr("Máy quét"), ctx.tr(info.scanner_state), label_w);
  std::string sources;
  for (const auto& s : info.scanner_sources) {
    sources += (sources.empty() ? "" : ", ") + s;
  }
  fact(ctx, ctx.tr("Nguồn quét"), sources.empty() ? ctx.tr("Không có") : sources, label_w);
  fact(ctx, ctx.tr("Lần quét cuối"), info.last_scan.empty() ? ctx.tr("Chưa có") : info.last_scan,
       label_w);
  if (!info.decode_stats.empty()) {
    fact(ctx, ctx.tr("Giải mã"), info.decode_stats, label_w);
  }
  if (info.preview != nullptr) {
    const float h = std::max(ImGui::GetContentRegionAvail().y - ctx.px(8), ctx.px(240));
    const float w = std::min(width, h * info.preview_aspect);
    ImGui::Image(info.preview, ImVec2(w, w / info.preview_aspect));
  } else if (info.decode_stats.empty()) {
    text(ctx, ctx.fonts.small, colour::k_muted,
         ctx.tr("Không có camera: không có hình xem trước."));
  }
  end_details(ctx);
}

void draw_slips(const UiContext& ctx, const StaffView& view, Out out) {
  text(ctx, ctx.fonts.body, colour::k_muted,
       ctx.tr("Phiếu in lại không có họ tên người lao động (thông tin cá nhân không được giữ lại "
              "sau lượt dùng)."));
  ImGui::Dummy(ImVec2(0, ctx.px(8)));
  if (view.reprints.empty()) {
    text(ctx, ctx.fonts.bold, colour::k_text, ctx.tr("Chưa có phiếu nào từ khi ki-ốt khởi động."));
    return;
  }
  const float width = ImGui::GetContentRegionAvail().x;
  for (const auto& r : view.reprints) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float bw = ctx.px(260);
    draw_text(ctx, ImGui::GetWindowDrawList(), ctx.fonts.bold, ImVec2(pos.x, pos.y + ctx.px(14)),
              colour::k_text, r.reference);
    draw_text(ctx, ImGui::GetWindowDrawList(), ctx.fonts.small, ImVec2(pos.x, pos.y + ctx.px(56)),
              colour::k_muted, fit_line(ctx.fonts.small, r.label, width - bw - ctx.px(24)));
    ImGui::SetCursorScreenPos(ImVec2(pos.x + width - bw, pos.y));
    const std::string id = "##reprint-" + r.reference;
    if (button(ctx, id.c_str(), ctx.tr("In lại"), ImVec2(bw, ctx.px(k_row)))) {
      out.emit(staff_intent::Reprint{r.reference});
    }
    ImGui::Dummy(ImVec2(0, ctx.px(8)));
  }
}

void draw_logs(const UiContext& ctx, const StaffInfo& info) {
  text(ctx, ctx.fonts.body, colour::k_muted,
       ctx.tr("Các dòng nhật ký gần đây (không chứa thông tin cá nhân)."));
  const ImVec2 size = ImGui::GetContentRegionAvail();
  ImGui::BeginChild("##log-lines", size, false, ImGuiWindowFlags_NoScrollbar);
  drag_to_scroll(ctx);
  for (const auto& line : info.log_lines) {
    text(ctx, ctx.fonts.small, colour::k_text, line);
  }
  if (info.log_lines.empty()) {
    text(ctx, ctx.fonts.small, colour::k_muted, ctx.tr("Chưa có dòng nhật ký nào."));
  }
  if (ImGui::IsWindowAppearing()) {
    ImGui::SetScrollHereY(1.0f);  // the newest at the bottom, in view
  }
  scroll_position(ctx);
  ImGui::EndChild();
}

void draw_panels(const UiContext& ctx, const StaffView& view, const StaffInfo& info, Out out) {
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  // Side tabs when there is room, a row of tabs above on a narrow screen.
  const bool side = avail.x > ctx.px(1300);
  const float nav_w = side ? ctx.px(400) : avail.x;
  const StaffPanel panels[] = {StaffPanel::status, StaffPanel::session, StaffPanel::devices,
                               StaffPanel::slips, StaffPanel::logs};
  ImGui::BeginGroup();
  const float tab_h = ctx.px(side ? k_row : 88);
  const float gap = ctx.px(12);
  const float tab_w = side ? nav_w : (avail.x - 2 * gap) / 3;
  int i = 0;
  for (StaffPanel p : panels) {
    if (!side && i % 3 != 0) {
      ImGui::SameLine(0, gap);
    }
    const std::string id = fmt::format("##tab-{}", static_cast<int>(p));
    if (button(ctx, id.c_str(), panel_title(ctx, p), ImVec2(tab_w, tab_h),
               p == view.panel ? ButtonKind::primary : ButtonKind::secondary)) {
      out.emit(staff_intent::ShowPanel{p});
    }
    ++i;
  }
  if (!side) {
    ImGui::SameLine(0, gap);
  } else {
    ImGui::Dummy(ImVec2(0, ctx.px(24)));
  }
  if (button(ctx, "##staff-lock", ctx.tr("Khoá và thoát"), ImVec2(tab_w, tab_h),
             ButtonKind::danger_outline)) {
    out.emit(staff_intent::Close{});
  }
  ImGui::EndGroup();
  if (side) {
    ImGui::SameLine(0, ctx.px(40));
  } else {
    ImGui::Dummy(ImVec2(0, ctx.px(16)));
  }
  const ImVec2 area = ImGui::GetContentRegionAvail();
  ImGui::BeginChild("##staff-panel", area, false, ImGuiWindowFlags_NoScrollbar);
  text(ctx, ctx.fonts.title, colour::k_text, panel_title(ctx, view.panel));
  if (!view.notice.empty()) {
    notice(ctx, ctx.t.trv(view.notice, view.notice_args));
  }
  ImGui::Dummy(ImVec2(0, ctx.px(8)));
  switch (view.panel) {
    case StaffPanel::status:
      draw_status(ctx, info, view, out);
      break;
    case StaffPanel::session:
      draw_sessions(ctx, view, out);
      break;
    case StaffPanel::devices:
      draw_devices(ctx, info, out);
      break;
    case StaffPanel::slips:
      draw_slips(ctx, view, out);
      break;
    case StaffPanel::logs:
      draw_logs(ctx, info);
      break;
  }
  ImGui::EndChild();
}

}  // namespace

bool SecretTaps::tap(double t) {
  std::erase_if(m_taps, [t](double at) { return t - at > k_window || at > t; });
  m_taps.push_back(t);
  if (static_cast<int>(m_taps.size()) >= k_needed) {
    m_taps.clear();
    return true;
  }
  return false;
}

std::vector<StaffIntent> draw_staff(const UiContext& ctx, const StaffView& view,
                                    const StaffInfo& info) {
  std::vector<StaffIntent> intents;
  Out out{intents};
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  begin_screen_window("staff");
  draw_bar(ctx, view, info);
  ImGui::SetCursorScreenPos(
      ImVec2(vp->Pos.x + ctx.px(k_margin), vp->Pos.y + ctx.px(k_bar) + ctx.px(32)));
  const ImVec2 content(vp->Size.x - 2 * ctx.px(k_margin),
                       vp->Size.y - ctx.px(k_bar) - ctx.px(32) - ctx.px(k_margin));
  ImGui::BeginChild("##staff-content", content, false, ImGuiWindowFlags_NoScrollbar);
  if (view.mode == StaffView::Mode::unlock) {
    draw_unlock(ctx, view, out);
  } else if (view.mode == StaffView::Mode::panels) {
    draw_panels(ctx, view, info, out);
  }
  ImGui::EndChild();
  ImGui::End();
  return intents;
}

}  // namespace kiosk::ui
