#pragma once
// The staff screens: the unlock screen (PIN keypad, or a staff card held
// to the scanner) and the staff panels. They draw a StaffView and the
// kiosk's facts (StaffInfo) and return what staff asked for. UI thread only.

#include <string>
#include <vector>

#include "core/staff_mode.hpp"
#include "ui/widgets.hpp"

namespace kiosk::ui {

/// Facts about the kiosk the panels show; filled by the app. Texts marked
/// "msgid" are looked up in the catalogues when drawn.
struct StaffInfo {
  std::string kiosk_id;
  std::string kiosk_name;
  std::string version;
  std::string clock_text;        // "09:41"
  std::string profile_source;    // where the profile in force came from (file, central, staff)
  bool profile_pending = false;  // a central profile waits for the session to end
  bool restart_needed = false;   // a setting in force only after a restart changed
  bool online = false;           // the last sync reached the central API
  std::string last_sync;         // "08:30", or "" when never
  std::size_t vacancy_count = 0;
  std::size_t outbox_pending = 0;  // bookings and interests not yet delivered
  std::string printer_state;       // msgid: "Sẵn sàng", "Hết giấy", …
  std::string printer_uri;
  std::string scanner_state;  // msgid
  std::vector<std::string> scanner_sources;
  ImTextureID preview = nullptr;  // the camera's live picture, or null
  float preview_aspect = 4.0f / 3.0f;
  std::string decode_stats;            // "12,1 hình/giây · …", "" without a camera
  std::string last_scan;               // what the last scan was, masked; "" when none
  std::vector<std::string> log_lines;  // the newest last; free of personal data
};

/// Draws the staff screen for `view` over the whole window and returns the
/// intents. Call inside an ImGui frame.
std::vector<StaffIntent> draw_staff(const UiContext& ctx, const StaffView& view,
                                    const StaffInfo& info);

/// Five taps within three seconds on the same spot (the header's Centre
/// name on the welcome screen) open staff mode: hidden from job seekers,
/// easy for staff who know it. Pure: time comes from the caller.
class SecretTaps {
 public:
  /// A tap at `t` seconds; true on the fifth tap within the window.
  bool tap(double t);

 private:
  static constexpr int k_needed = 5;
  static constexpr double k_window = 3.0;
  std::vector<double> m_taps;
};

}  // namespace kiosk::ui
