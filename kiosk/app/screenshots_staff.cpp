// kiosk-screenshots: the staff screens, drawn from views a running kiosk
// would have (the unlock screen in each of its states, every panel).

#include "app/screenshot_shooter.hpp"

namespace kiosk {

void shoot_staff(Shooter& shoot, Lang lang, ImTextureID camera_picture, float camera_aspect) {
  StaffView v;
  v.mode = StaffView::Mode::unlock;
  v.card_accepted = true;
  ui::StaffInfo info;
  info.kiosk_id = "hn-demo-01";
  info.kiosk_name = "Ki-ốt thử nghiệm";
  info.version = "0.1.0";
  info.clock_text = "09:41";
  shoot.staff_frame(v, info, lang, "staff-unlock");
  v.pin_length = 4;
  shoot.staff_frame(v, info, lang, "staff-unlock-typed");
  v.pin_length = 0;
  v.checking = true;
  shoot.staff_frame(v, info, lang, "staff-unlock-checking");
  v.checking = false;
  v.notice = "Mã PIN không đúng.";
  v.wait_seconds = 10;
  shoot.staff_frame(v, info, lang, "staff-unlock-wait");
  v.locked_out = true;
  v.wait_seconds = 287;
  shoot.staff_frame(v, info, lang, "staff-unlock-locked-out");
  v = StaffView{};
  v.mode = StaffView::Mode::unlock;
  v.card_accepted = true;
  v.notice = "Thẻ nhân viên đã hết hạn.";
  shoot.staff_frame(v, info, lang, "staff-card-expired");

  v = StaffView{};
  v.mode = StaffView::Mode::panels;
  v.who = "staff-017 (Lan)";
  v.active_sessions = {"pgd-20261127"};
  info.profile_source = "kiosk.toml + central \"prof-3f9a1c\" + staff";
  info.online = true;
  info.last_sync = "09:30";
  info.vacancy_count = 592;
  info.outbox_pending = 2;
  info.printer_state = "Sẵn sàng (lần in cuối thành công)";
  info.printer_uri = "escpos-usb:/dev/usb/lp0";
  info.scanner_state = "Sẵn sàng";
  info.scanner_sources = {"camera:/dev/video0", "serial:/dev/kiosk-scanner-serial"};
  info.last_scan = "09:38 · thẻ căn cước 001******345";
  info.profile_pending = true;
  shoot.staff_frame(v, info, lang, "staff-status");
  v.panel = StaffPanel::session;
  v.sessions = {
      {"pgd-20261127", "Phiên giao dịch việc làm định kỳ", "Thứ Sáu, 27/11/2026 08:00–11:30",
       "Trung tâm Dịch vụ việc làm Hà Nội, 215 Trung Kính"},
      {"pgd-20261127-bdxn", "Phiên giao dịch việc làm chuyên đề dành cho bộ đội xuất ngũ",
       "Thứ Sáu, 27/11/2026 13:30–16:30", "Trung tâm Dịch vụ việc làm Hà Nội, 215 Trung Kính"},
      {"pgd-20261130-luat", "Phiên giao dịch việc làm cho sinh viên tốt nghiệp ngành Luật",
       "Thứ Hai, 30/11/2026 08:00–11:30",
       "Trường Đại học Luật Hà Nội, 87 Nguyễn Chí Thanh, Phường Láng"},
  };
  v.chosen_session = "pgd-20261127-bdxn";
  shoot.staff_frame(v, info, lang, "staff-session");
  v.chosen_session.reset();
  v.active_sessions = {"pgd-20261127-bdxn"};
  v.notice = "Đã chuyển sang phiên {}.";
  v.notice_args = {"pgd-20261127-bdxn"};
  shoot.staff_frame(v, info, lang, "staff-session-switched");
  v.notice.clear();
  v.panel = StaffPanel::devices;
  info.preview = camera_picture;
  info.preview_aspect = camera_aspect;
  info.decode_stats = "1 284 hình đã giải mã · trung bình 9 ms · chậm nhất 41 ms · 12 lần quét";
  shoot.staff_frame(v, info, lang, "staff-devices");
  info.printer_state = "Hết giấy";
  info.preview = nullptr;
  v.notice = "Không in được. Xem trạng thái máy in.";
  shoot.staff_frame(v, info, lang, "staff-devices-no-paper");
  v.notice.clear();
  v.panel = StaffPanel::slips;
  shoot.staff_frame(v, info, lang, "staff-slips-none");
  v.reprints = {{"HN-7Q2K", "09:36 · Nhân viên kho · Công ty TNHH Logistics Thăng Long"},
                {"HN-4M8P", "09:12 · Kế toán tổng hợp · Công ty Cổ phần Xây dựng Hà Đông"}};
  shoot.staff_frame(v, info, lang, "staff-slips");
  v.panel = StaffPanel::logs;
  for (int i = 0; i < 40; ++i) {
    info.log_lines.push_back(
        i % 3 == 0 ? "09:3" + std::to_string(i % 10) + ":12 info [api] sync (changes): 3 upserted"
        : i % 3 == 1
            ? "09:3" + std::to_string(i % 10) + ":15 info [flow] session started for 001******345"
            : "09:3" + std::to_string(i % 10) + ":20 warn [print] printer out of paper");
  }
  shoot.staff_frame(v, info, lang, "staff-logs");
  v.panel = StaffPanel::status;
  v.restart_armed = true;
  info.restart_needed = true;
  info.online = false;
  shoot.staff_frame(v, info, lang, "staff-status-restart");
}

}  // namespace kiosk
