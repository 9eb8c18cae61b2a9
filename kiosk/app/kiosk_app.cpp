#include "app/kiosk_app.hpp"

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstring>
#include <iostream>
#include <optional>
#include <utility>

#include <SDL.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>

#include "adapters/factory/adapter_factory.hpp"
#include "adapters/factory/profile_file.hpp"
#include "adapters/i18n/po_catalog.hpp"
#include "adapters/system/logging.hpp"
#include "adapters/system/service_notifier.hpp"
#include "adapters/system/system_clock.hpp"
#include "app/beeper.hpp"
#include "app/outbox_sender.hpp"
#include "app/preview_texture.hpp"
#include "app/slip_picture.hpp"
#include "app/speech_service.hpp"
#include "app/sync_service.hpp"
#include "app/ui_queue.hpp"
#include "app/window.hpp"
#include "app/worker_runner.hpp"
#include "core/journey.hpp"
#include "core/log.hpp"
#include "core/spoken_text.hpp"
#include "core/text.hpp"
#include "ui/kiosk_ui.hpp"

namespace kiosk {
namespace {

std::atomic<bool> g_stop_requested{false};  // set by SIGTERM/SIGINT only
std::atomic<bool> g_report_requested{false};  // set by SIGUSR1 only

void on_signal(int) { g_stop_requested = true; }
void on_report_signal(int) {
  g_report_requested = true;
}

struct Options {
  std::string profile_path = "/etc/kiosk/kiosk.toml";
  bool windowed = false;
};

Options parse_args(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--profile" && i + 1 < argc) {
      o.profile_path = argv[++i];
    } else if (a == "--windowed") {
      o.windowed = true;
    }
  }
  return o;
}

// Everything the running kiosk owns, in construction order.
class Runtime {
 public:
  Runtime(const Profile& profile, std::unique_ptr<Window> window, ui::FontSets fonts,
          std::shared_ptr<const WardTable> wards, std::shared_ptr<const Translations> translations,
          std::unique_ptr<CentralApi> api, std::unique_ptr<CentralApi> sync_api,
          std::unique_ptr<VacancyStore> store, std::unique_ptr<BookingOutbox> outbox,
          std::unique_ptr<Printer> printer);
  ~Runtime();
  void add_source(std::unique_ptr<CodeSource> source) {
    if (auto* preview = dynamic_cast<const PreviewSource*>(source.get())) {
      m_preview_source = preview;
    }
    m_sources.push_back(std::move(source));
  }
  int run();

 private:
  /// Waits for input; false on quit. Sets m_had_input when events came.
  bool pump_events(std::chrono::milliseconds timeout);
  bool needs_frame() const;
  void render();
  /// Speaks the screen in the session's language (the "read aloud" button).
  void read_aloud();
  /// After each tick: speaks the idle warning and its countdown, and
  /// silences speech when the screen changes or the session ends.
  void follow_speech();
  ui::FrameInfo frame_info() const;  // reads m_preview: main thread

  const Profile& m_profile;
  std::unique_ptr<Window> m_window;
  UiQueue m_queue;
  SystemClock m_clock;
  std::unique_ptr<CentralApi> m_api;       // the journey's: slots and bookings
  std::unique_ptr<CentralApi> m_sync_api;  // its own connection, so a slow sync never delays a booking
  std::unique_ptr<VacancyStore> m_store;
  std::unique_ptr<BookingOutbox> m_outbox;
  std::unique_ptr<Printer> m_printer;
  WorkerRunner m_workers;
  Journey m_journey;
  ui::KioskUi m_ui;
  SyncService m_sync;
  OutboxSender m_outbox_sender;
  std::size_t m_outbox_pending = 0;  // for the staff screen and the status line
  ServiceNotifier m_notifier;
  std::vector<std::unique_ptr<CodeSource>> m_sources;
  std::size_t m_vacancy_count = 0;
  bool m_scanner_ready = true;
  bool m_text_lost_next = false;
  int m_frames_wanted = 2;
  bool m_had_input = false;
  /// When the welcome animation's next picture is due (steady clock); none
  /// while nothing animates at a low frame rate.
  std::optional<std::chrono::steady_clock::time_point> m_animation_due;
  std::uint64_t m_frames_drawn = 0;  // logged on SIGUSR1 (scripts/bench.sh idle)
  std::string m_drawn_clock;  // the header clock of the last frame drawn
  Beeper m_beeper;
  SpeechService m_speech;                           // read aloud, the card cue, the idle countdown
  Screen m_speech_screen = Screen::welcome;         // the screen follow_speech() last saw
  bool m_speech_person = false;                     // whether a session was open then
  std::optional<int> m_idle_spoken;                 // the idle countdown's seconds last spoken
  const PreviewSource* m_preview_source = nullptr;  // the camera, when there is one
  PreviewTexture m_preview;
  SlipPicture m_slip_picture;
  bool m_preview_live = false;
  std::uint64_t m_preview_drawn = 0;  // sequence of the picture last drawn
  std::uint64_t m_scans_heard = 0;  // the journey's accepted-scan count last sounded
  Uint32 m_wake_event = 0;
};

JourneyConfig journey_config(const Profile& p, std::shared_ptr<const WardTable> wards,
                             std::shared_ptr<const Translations> translations) {
  JourneyConfig c;
  c.translations = std::move(translations);
  c.default_lang = lang_from_code(p.session.languages.front()).value_or(Lang::vi);
  c.large_text = p.ui.large_text;
  c.high_contrast = p.ui.high_contrast;
  c.kiosk_id = p.kiosk.id;
  c.centre_name = p.kiosk.centre;
  c.active_session_ids = p.session.session_ids;
  c.target_groups = p.session.target_groups;
  c.idle_timeout = p.session.idle_timeout;
  c.done_timeout = p.session.done_timeout;
  c.wards = std::move(wards);
  return c;
}

Runtime::Runtime(const Profile& profile, std::unique_ptr<Window> window, ui::FontSets fonts,
                 std::shared_ptr<const WardTable> wards,
                 std::shared_ptr<const Translations> translations, std::unique_ptr<CentralApi> api,
                 std::unique_ptr<CentralApi> sync_api, std::unique_ptr<VacancyStore> store,
                 std::unique_ptr<BookingOutbox> outbox, std::unique_ptr<Printer> printer)
    : m_profile(profile),
      m_window(std::move(window)),
      m_api(std::move(api)),
      m_sync_api(std::move(sync_api)),
      m_store(std::move(store)),
      m_outbox(std::move(outbox)),
      m_printer(std::move(printer)),
      m_workers(m_queue, 2, "io"),
      m_journey(JourneyPorts{*m_api, *m_outbox, *m_printer, m_clock, m_workers},
                journey_config(profile, std::move(wards), translations)),
      m_ui(fonts, m_window->scale()),
      m_sync(*m_sync_api, *m_store, m_clock, profile.api.sync_interval,
             [this](SyncResult r) {
               m_queue.post([this, r = std::move(r)] {
                 m_vacancy_count = r.catalog ? r.catalog->vacancies.size() : 0;
                 m_journey.set_catalog(r.catalog, r.online, r.search_index);
               });
             }),
      // What a crash or a dead network left in the outbox goes out from here.
      m_outbox_sender(*m_outbox, std::chrono::seconds{30},
                      [this, last = std::optional<std::size_t>()](std::size_t pending) mutable {
                        // On the outbox thread. Only a change is posted: a post
                        // wakes the loop to draw, and an idle kiosk should not
                        // redraw every 30 s for the same count.
                        if (last == pending) {
                          return;
                        }
                        last = pending;
                        m_queue.post([this, pending] { m_outbox_pending = pending; });
                      }) {
  m_ui.set_translations(std::move(translations));
  m_wake_event = SDL_RegisterEvents(1);
  m_queue.set_wake([this] {
    SDL_Event e{};
    e.type = m_wake_event;
    SDL_PushEvent(&e);
  });
}

Runtime::~Runtime() {
  // Stop every thread before any member dies: first the producers, then the
  // workers, then drop what they posted (those closures point at members).
  for (auto& s : m_sources) {
    s->stop();
  }
  m_sync.stop();
  m_outbox_sender.stop();
  m_workers.stop();
  m_queue.set_wake({});
  m_queue.clear();
}

int Runtime::run() {
  for (auto& source : m_sources) {
    source->start(
        [this](ScanEvent e) {
          m_queue.post([this, e = std::move(e)]() mutable {
            e.text_lost = e.text_lost || std::exchange(m_text_lost_next, false);
            m_journey.on_scan(e);
            secure_wipe(e.bytes);  // the raw card payload is not kept around
          });
        },
        [this](SourceStatus s) {
          // The source logs its own state changes; the screen only needs to
          // know whether scanning works.
          m_queue.post([this, s = std::move(s)] {
            m_scanner_ready = s.state == SourceState::ready || s.state == SourceState::starting;
            if (s.detail == k_status_reading) {
              m_journey.on_reading();
              return;
            }
            // Posted in order with the scans: it marks the scan right after it.
            m_text_lost_next = s.detail == k_status_text_lost;
          });
        });
  }
  m_sync.start();
  m_outbox_sender.start();
  m_speech.start();
  m_notifier.ready();
  logger("ops")->info("kiosk {} ready", m_profile.kiosk.id);
  while (!g_stop_requested) {
    // Event-driven: sleep until input, a posted job or the next timer.
    std::chrono::milliseconds timeout{1000};
    if (m_frames_wanted > 0 || ui::KioskUi::animating(m_journey.view()) || m_ui.scrolling()) {
      timeout = std::chrono::milliseconds{16};
    } else if (m_preview_source != nullptr && m_journey.view().screen == Screen::welcome) {
      timeout = std::chrono::milliseconds{80};  // a live preview at about 12 pictures a second
    } else if (const auto deadline = m_journey.next_deadline()) {
      timeout = std::clamp(std::chrono::duration_cast<std::chrono::milliseconds>(
                               *deadline - m_clock.steady()),
                           std::chrono::milliseconds{1}, timeout);
    }
    if (m_animation_due) {
      // Wake when the next picture is due, not before (rounded up), and
      // draw nothing in between.
      timeout = std::min(timeout, std::max(std::chrono::milliseconds{0},
                                           std::chrono::ceil<std::chrono::milliseconds>(
                                               *m_animation_due - m_clock.steady())));
    }
    if (!pump_events(timeout)) {
      break;
    }
    if (m_queue.drain() > 0) {
      m_frames_wanted = std::max(m_frames_wanted, 2);
    }
    m_journey.tick();
    follow_speech();
    if (m_journey.view().scans_accepted != m_scans_heard) {
      m_scans_heard = m_journey.view().scans_accepted;
      if (m_profile.ui.sound) {
        m_beeper.beep();
        // Spoken once the tone has ended.
        m_speech.say(spoken_card_read(m_journey.tr()),
                     std::string(speech_voice(m_journey.view().lang)),
                     std::chrono::milliseconds{250});
      }
    }
    if (needs_frame()) {
      render();
    }
    m_notifier.keep_alive(m_clock.steady());
    if (g_report_requested.exchange(false)) {
      logger("ops")->info(
          "frames drawn: {} at steady {:.3f} s", m_frames_drawn,
          std::chrono::duration<double>(m_clock.steady().time_since_epoch()).count());
    }
  }
  m_notifier.stopping();
  logger("ops")->info("kiosk stopping");
  return 0;
}

void Runtime::read_aloud() {
  const JourneyView& view = m_journey.view();
  m_speech.say(spoken_screen(view, m_journey.tr()), std::string(speech_voice(view.lang)));
}

void Runtime::follow_speech() {
  const JourneyView& view = m_journey.view();
  if (view.screen != m_speech_screen || m_journey.has_person() != m_speech_person) {
    // What was being said was about a screen or a session that is gone.
    m_speech_screen = view.screen;
    m_speech_person = m_journey.has_person();
    m_idle_spoken.reset();
    m_speech.stop();
  }
  if (!view.idle_seconds_left) {
    if (m_idle_spoken) {
      m_idle_spoken.reset();
      m_speech.stop();  // the person is back
    }
    return;
  }
  const int left = *view.idle_seconds_left;
  const Tr tr = m_journey.tr();
  const std::string voice(speech_voice(view.lang));
  if (!m_idle_spoken) {
    m_speech.say(spoken_idle_warning(tr) + " " + spoken_seconds_left(left, tr), voice);
    m_idle_spoken = left;
  } else if (left != *m_idle_spoken && left > 0 && left % 5 == 0) {
    m_speech.say(spoken_seconds_left(left, tr), voice);  // every 5 s
    m_idle_spoken = left;
  }
}

bool Runtime::needs_frame() const {
  // An idle welcome screen redraws only when the header clock's minute
  // changes, so a kiosk nobody uses costs almost no CPU.
  if (m_preview_source != nullptr && m_journey.view().screen == Screen::welcome) {
    const auto frame = m_preview_source->latest_preview();
    if (frame && frame->sequence != m_preview_drawn) {
      return true;
    }
  }
  return m_had_input || m_frames_wanted > 0 || ui::KioskUi::animating(m_journey.view()) ||
         m_ui.scrolling() || (m_animation_due && m_clock.steady() >= *m_animation_due) ||
         m_journey.next_deadline().has_value() || format_vn_hhmm(m_clock.wall()) != m_drawn_clock;
}

bool Runtime::pump_events(std::chrono::milliseconds timeout) {
  SDL_Event e;
  m_had_input = false;
  if (SDL_WaitEventTimeout(&e, static_cast<int>(timeout.count())) == 0) {
    return true;
  }
  m_had_input = true;
  do {
    if (e.type == SDL_QUIT) {
      return false;
    }
    ImGui_ImplSDL2_ProcessEvent(&e);
    if (e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_FINGERDOWN || e.type == SDL_KEYDOWN ||
        e.type == SDL_MOUSEWHEEL) {
      m_journey.on_activity();
    }
    m_frames_wanted = std::max(m_frames_wanted, 3);
  } while (SDL_PollEvent(&e) != 0);
  return true;
}

ui::FrameInfo Runtime::frame_info() const {
  ui::FrameInfo info;
  info.centre_name = m_profile.kiosk.centre;
  info.kiosk_name = m_profile.kiosk.name;
  const WallTime now = m_clock.wall();
  info.clock_text = format_vn_hhmm(now);
  info.date_text = format_weekday_date(now, m_journey.tr());
  info.vacancy_count = m_vacancy_count;
  info.scanner_ready = m_scanner_ready;
  info.language_switch = m_profile.session.languages.size() > 1;
  info.welcome_animation = m_profile.ui.welcome_animation;
  if (m_preview_live && m_preview.id() != nullptr) {
    info.preview = m_preview.id();
    info.preview_aspect = m_preview.aspect();
  }
  if (m_slip_picture.id() != nullptr) {
    info.slip_image = m_slip_picture.id();
    info.slip_aspect = m_slip_picture.aspect();
  }
  return info;
}

void Runtime::render() {
  if (m_preview_source != nullptr && m_journey.view().screen == Screen::welcome) {
    const auto frame = m_preview_source->latest_preview();
    m_preview_live = frame != nullptr;  // null while the camera is unplugged
    if (frame) {
      m_preview.update(*frame);
      m_preview_drawn = frame->sequence;
    }
  }
  // The slip is drawn on screen only when the printer failed to print it.
  const JourneyView& view = m_journey.view();
  m_slip_picture.update(view.screen == Screen::done && !view.printed ? view.slip : std::nullopt);
  m_window->begin_frame();
  const double t = std::chrono::duration<double>(m_clock.steady().time_since_epoch()).count();
  const ui::FrameInfo info = frame_info();
  m_drawn_clock = info.clock_text;
  const auto intents = m_ui.draw(m_journey.view(), info, t);
  m_window->end_frame();
  for (const auto& i : intents) {
    if (std::holds_alternative<intent::ReadAloud>(i)) {
      read_aloud();
    }
    m_journey.handle(i);
    if (std::holds_alternative<intent::LeaveQueued>(i)) {
      m_outbox_sender.poke();  // try again soon, not only at the next interval
    }
  }
  m_frames_wanted = intents.empty() ? std::max(0, m_frames_wanted - 1) : 3;
  ++m_frames_drawn;
  m_animation_due.reset();
  if (const auto next = ui::KioskUi::next_animation_frame(m_journey.view(), info, t)) {
    m_animation_due = std::chrono::steady_clock::time_point(
        std::chrono::ceil<std::chrono::steady_clock::duration>(
            std::chrono::duration<double>(*next)));
  }
}

}  // namespace

int run_kiosk(int argc, char** argv) {
  const Options options = parse_args(argc, argv);
  auto profile = load_profile_file(options.profile_path);
  if (!profile) {
    std::cerr << "kiosk: bad profile: " << profile.error().to_string() << "\n";
    return 2;
  }
  (void)setup_logging(LoggingOptions{profile->logging.level, profile->logging.directory});
  std::signal(SIGTERM, on_signal);
  std::signal(SIGINT, on_signal);
  std::signal(SIGUSR1, on_report_signal);
  auto fail = [](const std::string& what) {
    logger("ops")->critical("{}", what);
    return 2;
  };
  auto wards = load_ward_table(profile->data.wards_file);
  auto token = read_api_token(*profile);
  auto store = make_store(*profile);
  auto printer = make_slip_printer(*profile);
  if (!wards || !token || !store || !printer) {
    return fail(!wards ? wards.error() : !token ? token.error()
                                               : !store ? store.error() : printer.error());
  }
  auto translations = i18n::load_translations(profile->ui.locale_dir);
  if (!translations) {
    return fail("translations: " + translations.error());
  }
  auto outbox = make_outbox(*profile, *token);
  if (!outbox) {
    return fail(outbox.error());
  }
  auto window = Window::open(WindowOptions{"Kiosk " + profile->kiosk.id, profile->ui.width,
                                           profile->ui.height,
                                           profile->ui.fullscreen && !options.windowed});
  if (!window) {
    return fail("no display: " + window.error());
  }
  auto fonts = ui::load_fonts(profile->ui.font_dir, (*window)->scale());
  if (!fonts) {
    return fail(fonts.error());
  }
  ui::apply_style((*window)->scale());
  (*window)->rebuild_font_texture();
  Runtime runtime(*profile, std::move(*window), *fonts, std::move(*wards), *translations,
                  make_central_api(*profile, *token), make_central_api(*profile, *token),
                  std::move(*store), std::move(*outbox), std::move(*printer));
  for (const auto& uri : profile->scanner.sources) {
    auto source = make_scan_source(uri);
    if (!source) {
      return fail(source.error());
    }
    runtime.add_source(std::move(*source));
  }
  return runtime.run();
}

}  // namespace kiosk
