#pragma once
// The running kiosk: the frame loop on the main thread, the journey, staff
// mode and the profile in force, with workers for everything that blocks.
// Built by run_kiosk() (kiosk_app.hpp) and, under Xvfb, by the UI tests,
// which step it and tap it like a finger would.

#include <atomic>
#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <SDL.h>

#include "adapters/logship/log_shipping.hpp"
#include "adapters/system/service_notifier.hpp"
#include "adapters/system/system_clock.hpp"
#include "app/beeper.hpp"
#include "app/outbox_sender.hpp"
#include "app/preview_texture.hpp"
#include "app/printer_monitor.hpp"
#include "app/profile_keeper.hpp"
#include "app/slip_picture.hpp"
#include "app/speech_service.hpp"
#include "app/sync_service.hpp"
#include "app/ui_queue.hpp"
#include "app/window.hpp"
#include "app/worker_runner.hpp"
#include "core/journey.hpp"
#include "core/staff_mode.hpp"
#include "ui/kiosk_ui.hpp"

namespace kiosk {

/// What run() returns when staff asked for a restart (run_kiosk re-executes).
inline constexpr int k_exit_restart = 75;

/// Flags the process's signal handlers set for the loop.
struct RunSignals {
  const std::atomic<bool>* stop = nullptr;  // SIGTERM, SIGINT: leave cleanly
  std::atomic<bool>* report = nullptr;      // SIGUSR1: log the frames drawn (scripts/bench.sh idle)
  /// SIGUSR2 with KIOSK_TEST_HOOKS=1: the loop hangs for good, as a stuck UI
  /// thread would (a test sees the watchdog pings stop).
  const std::atomic<bool>* hang = nullptr;
};

/// The parts the runtime is made of, built from the profile.
struct RuntimeParts {
  explicit RuntimeParts(ProfileKeeper k) : keeper(std::move(k)) {}
  ProfileKeeper keeper;
  std::unique_ptr<Window> window;
  ui::FontSets fonts;
  std::shared_ptr<const WardTable> wards;
  std::shared_ptr<const Translations> translations;
  std::unique_ptr<CentralApi> api;       // the journey's: slots and bookings
  std::unique_ptr<CentralApi> sync_api;  // its own connection: sync, sessions, the central profile
  std::unique_ptr<VacancyStore> store;
  std::unique_ptr<BookingOutbox> outbox;
  std::unique_ptr<Printer> printer;
  std::vector<std::unique_ptr<CodeSource>> sources;
};

/// Builds every part from the profile at `profile_path` (layered: local
/// file, cached central profile, staff changes) and opens the window. An
/// error text (for the log) when anything is missing.
tl::expected<RuntimeParts, std::string> build_runtime_parts(const std::string& profile_path,
                                                            bool windowed);

class Runtime {
 public:
  explicit Runtime(RuntimeParts parts);
  ~Runtime();
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  /// Starts the sources and services, then loops until SIGTERM, a quit
  /// event or a staff restart. Returns 0, or k_exit_restart. Tells systemd
  /// READY=1 after the first frame, WATCHDOG=1 from this loop and STATUS=
  /// when the summary changes.
  int run(RunSignals signals);
  /// "ready · 588 vacancies · online · outbox 0 · printer: … · scanner ready"
  std::string status_summary() const;
  /// Called from run() with the facts a heartbeat reports, whenever the
  /// status summary changes (the log shipper reads them on its own thread).
  void set_heartbeat(std::function<void(HeartbeatStatus)> publish) {
    m_heartbeat = std::move(publish);
  }

  // For the UI tests: start(), then step() as often as wanted.
  void start();
  /// One turn of the loop: waits up to `max_wait` for input or work, runs
  /// what came, draws when needed. False when the window was closed.
  bool step(std::chrono::milliseconds max_wait);
  /// A scan, as a source would deliver it.
  void inject_scan(const std::string& text);
  const Journey& journey() const { return m_journey; }
  const StaffMode& staff() const { return m_staff; }
  const Profile& profile() const { return m_keeper.profile(); }
  ui::GlyphAudit& audit() { return m_ui.audit(); }
  bool restart_requested() const { return m_restart; }

 private:
  /// Waits for input; false on quit. Sets m_had_input when events came.
  bool pump_events(std::chrono::milliseconds timeout);
  std::chrono::milliseconds wait_time() const;
  bool needs_frame() const;
  void render();
  void on_scan(ScanEvent e);
  void read_aloud();
  void follow_speech();
  ui::FrameInfo frame_info() const;
  ui::StaffInfo staff_info() const;
  void handle_staff(const StaffIntent& intent);
  void run_staff(const StaffCommand& command);
  void print_for_staff(Slip slip, std::string done_msgid);
  /// Puts a new profile in force between sessions.
  void apply_profile(EffectiveProfile next);
  void publish_heartbeat() const;
  void refresh_central_profile();
  void remember_slip();

  ProfileKeeper m_keeper;
  std::unique_ptr<Window> m_window;
  UiQueue m_queue;
  SystemClock m_clock;
  std::shared_ptr<const WardTable> m_wards;
  std::shared_ptr<const Translations> m_translations;
  std::unique_ptr<CentralApi> m_api;
  std::unique_ptr<CentralApi> m_sync_api;
  std::unique_ptr<VacancyStore> m_store;
  std::unique_ptr<BookingOutbox> m_outbox;
  std::unique_ptr<PrinterMonitor> m_printer;  // remembers how the last print went
  WorkerRunner m_workers;
  Journey m_journey;
  StaffMode m_staff;
  ui::KioskUi m_ui;
  SyncService m_sync;
  OutboxSender m_outbox_sender;
  ApplyWhenIdle m_pending_profile;
  std::size_t m_outbox_pending = 0;
  ServiceNotifier m_notifier;
  std::vector<std::unique_ptr<CodeSource>> m_sources;
  std::size_t m_vacancy_count = 0;
  bool m_online = false;
  std::optional<WallTime> m_synced_at;
  std::shared_ptr<const Catalog> m_catalog;  // the last published, for reprints' session titles
  bool m_scanner_ready = true;
  std::string m_scanner_detail;
  bool m_text_lost_next = false;
  int m_frames_wanted = 2;
  bool m_had_input = false;
  bool m_restart = false;
  bool m_restart_needed = false;  // a setting changed that only a restart puts in force
  std::optional<std::chrono::steady_clock::time_point> m_animation_due;
  std::chrono::steady_clock::time_point m_next_profile_check{};
  bool m_profile_check_running = false;
  std::uint64_t m_frames_drawn = 0;
  std::string m_drawn_clock;
  Beeper m_beeper;
  SpeechService m_speech;
  Screen m_speech_screen = Screen::welcome;
  bool m_speech_person = false;
  std::optional<int> m_idle_spoken;
  const PreviewSource* m_preview_source = nullptr;
  PreviewTexture m_preview;
  SlipPicture m_slip_picture;
  bool m_preview_live = false;
  std::uint64_t m_preview_drawn = 0;
  std::uint64_t m_scans_heard = 0;
  Uint32 m_wake_event = 0;
  /// The last slips, for staff to print again: what was booked, never who.
  struct Remembered {
    BookingConfirmation booking;
    std::string session_title;
    Lang lang = Lang::vi;
    WallTime at{};
  };
  std::deque<Remembered> m_slips;
  std::string m_last_scan;  // masked, for the staff screen
  std::function<void(HeartbeatStatus)> m_heartbeat;
  std::string m_printer_state = "Chưa in phiếu nào";  // a msgid
};

}  // namespace kiosk
