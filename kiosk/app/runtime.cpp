#include "app/runtime.hpp"

#include <algorithm>
#include <thread>
#include <utility>

#include <backends/imgui_impl_sdl.h>
#include <fmt/format.h>
#include <imgui.h>

#include "adapters/crypto/argon2_pin.hpp"
#include "adapters/crypto/ed25519.hpp"
#include "adapters/crypto/staff_card_check.hpp"
#include "adapters/factory/adapter_factory.hpp"
#include "adapters/factory/profile_file.hpp"
#include "adapters/i18n/po_catalog.hpp"
#include "adapters/system/logging.hpp"
#include "app/printer_monitor.hpp"
#include "core/citizen_id.hpp"
#include "core/log.hpp"
#include "core/overloaded.hpp"
#include "core/spoken_text.hpp"
#include "core/text.hpp"

#ifndef KIOSK_VERSION_STRING
#define KIOSK_VERSION_STRING "dev"
#endif

namespace kiosk {
namespace {

constexpr std::size_t k_slips_kept = 5;
constexpr std::size_t k_log_lines = 200;

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

StaffLockSettings lock_settings(const Profile& p) {
  StaffLockSettings s;
  s.idle_lock = p.staff.idle_lock;
  return s;
}

// True when `a` and `b` differ in a setting the running kiosk cannot take
// over without a restart (connections, devices, files, the window).
bool needs_restart(const Profile& a, const Profile& b) {
  return a.api.base_url != b.api.base_url || a.api.token_file != b.api.token_file ||
         a.api.token != b.api.token || a.api.ca_file != b.api.ca_file ||
         a.scanner.sources != b.scanner.sources || a.printer.uri != b.printer.uri ||
         a.printer.width_dots != b.printer.width_dots || a.printer.dpi != b.printer.dpi ||
         a.ui.width != b.ui.width || a.ui.height != b.ui.height ||
         a.ui.fullscreen != b.ui.fullscreen || a.ui.font_dir != b.ui.font_dir ||
         a.ui.locale_dir != b.ui.locale_dir || a.data.store_path != b.data.store_path ||
         a.data.outbox_path != b.data.outbox_path || a.data.wards_file != b.data.wards_file ||
         a.api.sync_interval != b.api.sync_interval ||
         a.api.connect_timeout != b.api.connect_timeout ||
         a.api.total_timeout != b.api.total_timeout || a.staff.idle_lock != b.staff.idle_lock ||
         a.logging.directory != b.logging.directory || a.logging.level != b.logging.level ||
         a.logging.otlp_endpoint != b.logging.otlp_endpoint ||
         a.logging.spool_dir != b.logging.spool_dir ||
         a.logging.heartbeat_interval != b.logging.heartbeat_interval;
}

// What a scan was, for the staff screen: never a name, an ID number only masked.
std::string describe_scan(const std::string& text, WallTime at, const Tr& tr) {
  const std::string when = format_vn_hhmm(at);
  if (is_staff_card_text(text)) {
    return tr.trf("{} · thẻ nhân viên", when);
  }
  auto id = parse_citizen_id(text);
  if (id) {
    std::string s = tr.trf("{} · thẻ căn cước {}", when, mask_id(id->id));
    id->wipe();
    return s;
  }
  return tr.trf("{} · không phải thẻ căn cước ({})", when, error_code(id.error()));
}

// Checks staff cards against the profile's key (base64 of 32 raw bytes);
// none when no key is set or it is unreadable (logged): cards then unlock
// nothing, the PIN still does.
StaffMode::CardCheck card_check(const std::string& key_b64, const Clock& clock) {
  if (key_b64.empty()) {
    return {};
  }
  auto key = crypto::base64_decode(key_b64);
  if (!key || key->size() != 32) {
    logger("ops")->error("staff.card_pubkey is not a base64 Ed25519 key; staff cards are refused");
    return {};
  }
  return [key = std::move(*key), &clock](std::string_view text) {
    return crypto::verify_staff_card(text, key, clock.wall());
  };
}

}  // namespace

Runtime::Runtime(RuntimeParts parts)
    : m_keeper(std::move(parts.keeper)),
      m_window(std::move(parts.window)),
      m_wards(std::move(parts.wards)),
      m_translations(std::move(parts.translations)),
      m_api(std::move(parts.api)),
      m_sync_api(std::move(parts.sync_api)),
      m_store(std::move(parts.store)),
      m_outbox(std::move(parts.outbox)),
      m_printer(std::make_unique<PrinterMonitor>(std::move(parts.printer))),
      m_workers(m_queue, 2, "io"),
      m_journey(JourneyPorts{*m_api, *m_outbox, *m_printer, m_clock, m_workers},
                journey_config(m_keeper.profile(), m_wards, m_translations)),
      m_staff(
          lock_settings(m_keeper.profile()),
          [this](const StaffAuditEvent& e) {
            // Every attempt and action, with the wall time and who; never a PIN.
            logger("audit")->info("{} {}", format_iso8601_vn(m_clock.wall()), e.describe());
          },
          [hashes =
               m_keeper.local().staff.pin_hashes](const std::string& pin) -> std::optional<int> {
            for (std::size_t i = 0; i < hashes.size(); ++i) {
              if (crypto::verify_pin(hashes[i], pin)) {
                return static_cast<int>(i) + 1;
              }
            }
            return std::nullopt;
          },
          card_check(m_keeper.local().staff.card_pubkey, m_clock), m_workers),
      m_ui(parts.fonts, m_window->scale()),
      m_sync(*m_sync_api, *m_store, m_clock, m_keeper.profile().api.sync_interval,
             [this](SyncResult r) {
               m_queue.post([this, r = std::move(r)] {
                 m_vacancy_count = r.catalog ? r.catalog->vacancies.size() : 0;
                 m_online = r.online;
                 m_catalog = r.catalog;
                 if (r.catalog && r.catalog->synced_at) {
                   m_synced_at = *r.catalog->synced_at;
                 }
                 m_journey.set_catalog(r.catalog, r.online, r.search_index);
               });
             }),
      m_outbox_sender(*m_outbox, std::chrono::seconds{30},
                      [this, last = std::optional<std::size_t>()](std::size_t pending) mutable {
                        // On the outbox thread. Only a change is posted: a post
                        // wakes the loop to draw.
                        if (last == pending) {
                          return;
                        }
                        last = pending;
                        m_queue.post([this, pending] { m_outbox_pending = pending; });
                      }),
      m_sources(std::move(parts.sources)) {
  m_ui.set_translations(m_translations);
  m_staff.set_active_sessions(m_keeper.profile().session.session_ids);
  for (const auto& s : m_sources) {
    if (const auto* preview = dynamic_cast<const PreviewSource*>(s.get())) {
      m_preview_source = preview;
    }
  }
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

void Runtime::start() {
  for (auto& source : m_sources) {
    source->start(
        [this](ScanEvent e) {
          m_queue.post([this, e = std::move(e)]() mutable { on_scan(std::move(e)); });
        },
        [this](SourceStatus s) {
          m_queue.post([this, s = std::move(s)] {
            m_scanner_ready = s.state == SourceState::ready || s.state == SourceState::starting;
            if (s.detail == k_status_reading) {
              m_journey.on_reading();
              return;
            }
            m_scanner_detail = s.detail;
            // Posted in order with the scans: it marks the scan right after it.
            m_text_lost_next = s.detail == k_status_text_lost;
          });
        });
  }
  m_sync.start();
  m_outbox_sender.start();
  m_speech.start();
  m_next_profile_check = m_clock.steady();
}

void Runtime::inject_scan(const std::string& text) {
  ScanEvent e;
  e.bytes = text;
  e.source = "test";
  m_queue.post([this, e = std::move(e)]() mutable { on_scan(std::move(e)); });
}

void Runtime::on_scan(ScanEvent e) {
  const WallTime now = m_clock.wall();
  const Tr staff_tr(m_translations.get(), m_journey.config().default_lang);
  m_last_scan = describe_scan(e.bytes, now, staff_tr);
  const bool staff_card = is_staff_card_text(e.bytes);
  if (!staff_card && m_staff.open() && !m_staff.unlocked()) {
    // Someone found the gesture, or staff gave up: a card held to the
    // scanner means a job seeker is here. The keypad makes way.
    handle_staff(staff_intent::Close{});
  }
  if (staff_card || m_staff.open()) {
    // A staff card opens staff mode, but only between job seekers; and
    // while staff mode is open no scan reaches the journey.
    if (staff_card && !m_journey.has_person() && m_journey.view().screen == Screen::welcome) {
      m_staff.on_card(e.bytes, m_clock.steady());
    }
    secure_wipe(e.bytes);
    return;
  }
  e.text_lost = e.text_lost || std::exchange(m_text_lost_next, false);
  m_journey.on_scan(e);
  secure_wipe(e.bytes);  // the raw card payload is not kept around
}

int Runtime::run(RunSignals signals) {
  const auto raised = [](const std::atomic<bool>* flag) { return flag != nullptr && *flag; };
  start();
  logger("ops")->info("kiosk {} ready", m_keeper.profile().kiosk.id);
  // The loop must come round well within the watchdog's interval: it is
  // what pets it, so a stuck loop gets the kiosk restarted.
  const auto pet = m_notifier.watchdog_interval();
  bool first = true;
  std::string status;
  std::optional<WallTime> published_sync;
  while (!raised(signals.stop) && !m_restart) {
    auto wait = wait_time();
    if (pet) {
      wait =
          std::min(wait, std::max(std::chrono::milliseconds{1},
                                  std::chrono::duration_cast<std::chrono::milliseconds>(*pet / 4)));
    }
    if (!step(wait)) {
      break;
    }
    if (raised(signals.hang)) {
      logger("ops")->warn("test hook: the UI thread hangs now");
      for (;;) {
        std::this_thread::sleep_for(std::chrono::hours{1});
      }
    }
    if (first && m_frames_drawn > 0) {
      m_notifier.ready();  // after the first frame is on screen
      first = false;
    }
    if (!first) {
      m_notifier.keep_alive(m_clock.steady());  // from this loop, so a hung loop stops it
    }
    if (auto now = status_summary(); now != status || m_synced_at != published_sync) {
      if (now != status) {
        status = std::move(now);
        m_notifier.status(status);
      }
      published_sync = m_synced_at;
      publish_heartbeat();
    }
    if (signals.report != nullptr && signals.report->exchange(false)) {
      // Read by scripts/bench.sh idle.
      logger("ops")->info(
          "frames drawn: {} at steady {:.3f} s", m_frames_drawn,
          std::chrono::duration<double>(m_clock.steady().time_since_epoch()).count());
    }
  }
  m_notifier.stopping();
  logger("ops")->info(m_restart ? "kiosk restarting at staff's request" : "kiosk stopping");
  return m_restart ? k_exit_restart : 0;
}

void Runtime::publish_heartbeat() const {
  if (!m_heartbeat) {
    return;
  }
  HeartbeatStatus h;
  h.last_sync = m_synced_at ? format_iso8601_vn(*m_synced_at) : "";
  h.outbox_depth = m_outbox_pending;
  h.printer = std::string(printer_state_code(m_printer->state()));
  h.camera = m_preview_source == nullptr ? "none" : m_scanner_ready ? "ok" : "missing";
  m_heartbeat(std::move(h));
}

std::string Runtime::status_summary() const {
  // For operators (systemctl status, the journal): English, no personal data.
  return fmt::format("{} · {} vacancies · {} · outbox {} · printer: {} · scanner {}",
                     m_staff.open()           ? "staff mode"
                     : m_journey.has_person() ? "in use"
                                              : "ready",
                     m_vacancy_count, m_online ? "online" : "offline", m_outbox_pending,
                     Tr(m_translations.get(), Lang::en).tr(printer_state_msgid(m_printer->state())),
                     m_scanner_ready ? "ready" : "unavailable");
}

std::chrono::milliseconds Runtime::wait_time() const {
  // Event-driven: sleep until input, a posted job or the next timer.
  std::chrono::milliseconds timeout{1000};
  const auto now = m_clock.steady();
  const auto until = [&](std::chrono::steady_clock::time_point t) {
    return std::clamp(std::chrono::duration_cast<std::chrono::milliseconds>(t - now),
                      std::chrono::milliseconds{1}, timeout);
  };
  if (m_staff.open()) {
    if (const auto d = m_staff.next_deadline(now)) {
      timeout = until(*d);
    }
    return m_frames_wanted > 0 || m_ui.scrolling() ? std::chrono::milliseconds{16} : timeout;
  }
  if (m_frames_wanted > 0 || ui::KioskUi::animating(m_journey.view()) || m_ui.scrolling()) {
    timeout = std::chrono::milliseconds{16};
  } else if (m_preview_source != nullptr && m_journey.view().screen == Screen::welcome) {
    timeout = std::chrono::milliseconds{80};  // a live preview at about 12 pictures a second
  } else if (const auto deadline = m_journey.next_deadline()) {
    timeout = until(*deadline);
  }
  if (m_animation_due) {
    timeout = std::min(
        timeout, std::max(std::chrono::milliseconds{0},
                          std::chrono::ceil<std::chrono::milliseconds>(*m_animation_due - now)));
  }
  return timeout;
}

bool Runtime::step(std::chrono::milliseconds max_wait) {
  if (!pump_events(max_wait)) {
    return false;
  }
  if (m_queue.drain() > 0) {
    m_frames_wanted = std::max(m_frames_wanted, 2);
  }
  const auto now = m_clock.steady();
  m_journey.tick();
  const bool staff_was_open = m_staff.open();
  m_staff.tick(now);
  if (staff_was_open && !m_staff.open()) {
    m_frames_wanted = std::max(m_frames_wanted, 2);  // locked itself: back to welcome
  }
  // A new profile waits while a job seeker or staff is at the screen.
  if (auto next = m_pending_profile.take_if(m_journey.has_person() || m_staff.open() ||
                                            m_journey.view().screen != Screen::welcome)) {
    apply_profile(std::move(*next));
  }
  if (now >= m_next_profile_check && !m_profile_check_running) {
    refresh_central_profile();
  }
  follow_speech();
  if (m_journey.view().scans_accepted != m_scans_heard) {
    m_scans_heard = m_journey.view().scans_accepted;
    if (m_keeper.profile().ui.sound) {
      m_beeper.beep();
      m_speech.say(spoken_card_read(m_journey.tr()),
                   std::string(speech_voice(m_journey.view().lang)),
                   std::chrono::milliseconds{250});
    }
  }
  remember_slip();
  if (needs_frame()) {
    render();
  }
  return true;
}

void Runtime::refresh_central_profile() {
  m_profile_check_running = true;
  m_next_profile_check = m_clock.steady() + m_keeper.profile().api.sync_interval;
  m_workers.submit([this, local = m_keeper.local(), etag = m_keeper.central_etag()] {
    CentralFetch fetch = ProfileKeeper::fetch_central(*m_sync_api, local, etag);
    return [this, fetch = std::move(fetch)] {
      m_profile_check_running = false;
      if (auto next = m_keeper.take_central(fetch)) {
        m_pending_profile.offer(std::move(*next));
      }
    };
  });
}

void Runtime::apply_profile(EffectiveProfile next) {
  if (!m_journey.reconfigure(journey_config(next.profile, m_wards, m_translations))) {
    m_pending_profile.offer(std::move(next));  // a session began meanwhile: later
    return;
  }
  if (needs_restart(m_keeper.profile(), next.profile)) {
    m_restart_needed = true;
    logger("ops")->warn("the new profile changes settings that take effect at the next restart");
  }
  m_staff.set_active_sessions(next.profile.session.session_ids);
  // Anything still waiting was merged from older layers: `next` already has
  // the newest central profile and the staff file (the keeper's stack).
  m_pending_profile.discard();
  m_keeper.commit(std::move(next));
  logger("ops")->info("profile in force: {}", m_keeper.sources());
  m_frames_wanted = std::max(m_frames_wanted, 2);
}

void Runtime::remember_slip() {
  const JourneyView& v = m_journey.view();
  if (v.screen != Screen::done || !v.confirmation || v.confirmation->reference.empty()) {
    return;
  }
  for (const auto& r : m_slips) {
    if (r.booking.reference == v.confirmation->reference) {
      return;
    }
  }
  // The session's title, as on the slip the person took (from the catalog,
  // like the journey's own slip).
  std::string title;
  if (m_catalog && v.vacancy) {
    for (const auto& s : m_catalog->sessions) {
      const auto& ids = v.vacancy->session_ids;
      if (std::find(ids.begin(), ids.end(), s.id) != ids.end()) {
        title = s.title;
        break;
      }
    }
  }
  m_slips.push_front(Remembered{*v.confirmation, std::move(title), v.lang, m_clock.wall()});
  if (m_slips.size() > k_slips_kept) {
    m_slips.pop_back();
  }
  std::vector<StaffReprintChoice> choices;
  for (const auto& r : m_slips) {
    choices.push_back(StaffReprintChoice{
        r.booking.reference, fmt::format("{} · {} · {}", format_vn_hhmm(r.at),
                                         r.booking.vacancy_title, r.booking.employer_name)});
  }
  m_staff.set_reprints(std::move(choices));
}

void Runtime::read_aloud() {
  const JourneyView& view = m_journey.view();
  m_speech.say(spoken_screen(view, m_journey.tr()), std::string(speech_voice(view.lang)));
}

void Runtime::follow_speech() {
  const JourneyView& view = m_journey.view();
  if (view.screen != m_speech_screen || m_journey.has_person() != m_speech_person) {
    m_speech_screen = view.screen;
    m_speech_person = m_journey.has_person();
    m_idle_spoken.reset();
    m_speech.stop();
  }
  if (!view.idle_seconds_left) {
    if (m_idle_spoken) {
      m_idle_spoken.reset();
      m_speech.stop();
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
    m_speech.say(spoken_seconds_left(left, tr), voice);
    m_idle_spoken = left;
  }
}

bool Runtime::needs_frame() const {
  if (m_staff.open()) {
    return true;  // staff mode is short-lived; it may redraw freely
  }
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
      if (m_staff.open()) {
        m_staff.on_activity(m_clock.steady());
      } else {
        m_journey.on_activity();
      }
    }
    m_frames_wanted = std::max(m_frames_wanted, 3);
  } while (SDL_PollEvent(&e) != 0);
  return true;
}

ui::FrameInfo Runtime::frame_info() const {
  const Profile& p = m_keeper.profile();
  ui::FrameInfo info;
  info.centre_name = p.kiosk.centre;
  info.kiosk_name = p.kiosk.name;
  const WallTime now = m_clock.wall();
  info.clock_text = format_vn_hhmm(now);
  info.date_text = format_weekday_date(now, m_journey.tr());
  info.vacancy_count = m_vacancy_count;
  info.scanner_ready = m_scanner_ready;
  info.language_switch = p.session.languages.size() > 1;
  info.welcome_animation = p.ui.welcome_animation;
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

ui::StaffInfo Runtime::staff_info() const {
  const Profile& p = m_keeper.profile();
  ui::StaffInfo s;
  s.kiosk_id = p.kiosk.id;
  s.kiosk_name = p.kiosk.name;
  s.version = KIOSK_VERSION_STRING;
  s.clock_text = format_vn_hhmm(m_clock.wall());
  s.profile_source = m_keeper.sources();
  s.profile_pending = m_pending_profile.pending();
  s.restart_needed = m_restart_needed;
  s.online = m_online;
  s.last_sync = m_synced_at ? format_vn_hhmm(*m_synced_at) : "";
  s.vacancy_count = m_vacancy_count;
  s.outbox_pending = m_outbox_pending;
  s.printer_state = std::string(printer_state_msgid(m_printer->state()));
  s.printer_uri = p.printer.uri;
  s.scanner_sources = p.scanner.sources;
  s.scanner_state = p.scanner.sources.empty() ? N_("Chưa cấu hình máy quét")
                    : m_scanner_ready         ? N_("Sẵn sàng")
                                              : N_("Không dùng được máy quét");
  if (m_preview_live && m_preview.id() != nullptr) {
    s.preview = m_preview.id();
    s.preview_aspect = m_preview.aspect();
  }
  if (m_preview_source != nullptr) {
    if (const auto stats = m_preview_source->decode_stats()) {
      const Tr tr(m_translations.get(), m_journey.config().default_lang);
      s.decode_stats =
          tr.trf("{} hình đã giải mã · trung bình {} ms · chậm nhất {} ms · {} lần quét",
                 stats->decoded, stats->mean_decode_ms, stats->max_decode_ms, stats->scans);
    }
  }
  s.last_scan = m_last_scan;
  if (m_staff.view().panel == StaffPanel::logs) {
    s.log_lines = recent_log_lines(k_log_lines);  // copied only while shown
  }
  return s;
}

void Runtime::render() {
  const bool on_welcome = m_journey.view().screen == Screen::welcome;
  if (m_preview_source != nullptr && (on_welcome || m_staff.open())) {
    const auto frame = m_preview_source->latest_preview();
    m_preview_live = frame != nullptr;
    if (frame) {
      m_preview.update(*frame);
      m_preview_drawn = frame->sequence;
    }
  }
  const JourneyView& view = m_journey.view();
  m_slip_picture.update(view.screen == Screen::done && !view.printed ? view.slip : std::nullopt);
  m_window->begin_frame();
  const double t = std::chrono::duration<double>(m_clock.steady().time_since_epoch()).count();
  m_ui.audit().clear_recorded();
  if (m_staff.open()) {
    const auto intents =
        m_ui.draw_staff(m_staff.view(), staff_info(), m_journey.config().default_lang, t);
    m_window->end_frame();
    for (const auto& i : intents) {
      handle_staff(i);
    }
    m_frames_wanted = intents.empty() ? std::max(0, m_frames_wanted - 1) : 3;
    ++m_frames_drawn;
    return;
  }
  const ui::FrameInfo info = frame_info();
  m_drawn_clock = info.clock_text;
  const auto intents = m_ui.draw(m_journey.view(), info, t);
  m_window->end_frame();
  for (const auto& i : intents) {
    if (std::holds_alternative<intent::ReadAloud>(i)) {
      read_aloud();
    }
    if (std::holds_alternative<intent::OpenStaff>(i) && !m_journey.has_person()) {
      handle_staff(staff_intent::Open{});
    }
    m_journey.handle(i);
    if (std::holds_alternative<intent::LeaveQueued>(i)) {
      m_outbox_sender.poke();
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

void Runtime::handle_staff(const StaffIntent& intent) {
  if (auto command = m_staff.handle(intent, m_clock.steady())) {
    run_staff(*command);
  }
  m_frames_wanted = std::max(m_frames_wanted, 2);
}

void Runtime::print_for_staff(Slip slip, std::string done_msgid) {
  m_workers.submit([this, slip = std::move(slip), done = std::move(done_msgid)]() mutable {
    auto result = m_printer->print(slip);
    return [this, ok = result.has_value(), done = std::move(done)] {
      m_staff.set_notice(ok ? done : std::string(N_("Không in được. Xem trạng thái máy in.")));
    };
  });
}

void Runtime::run_staff(const StaffCommand& command) {
  const Profile& p = m_keeper.profile();
  const Tr tr(m_translations.get(), m_journey.config().default_lang);
  std::visit(Overloaded{
                 [&](const staff_command::LoadSessions&) {
                   m_workers.submit([this, tr] {
                     auto sessions = m_sync_api->sessions();
                     tl::expected<std::vector<StaffSessionChoice>, std::string> choices =
                         std::vector<StaffSessionChoice>{};
                     if (!sessions) {
                       choices = tl::unexpected(sessions.error().message);
                     } else {
                       for (const auto& s : *sessions) {
                         choices->push_back(StaffSessionChoice{
                             s.id, s.title,
                             fmt::format("{} {}–{}", format_weekday_date(s.starts_at, tr),
                                         format_vn_hhmm(s.starts_at), format_vn_hhmm(s.ends_at)),
                             s.venue});
                       }
                     }
                     return [this, choices = std::move(choices)]() mutable {
                       m_staff.set_sessions(std::move(choices));
                     };
                   });
                 },
                 [&](const staff_command::SwitchSession& c) {
                   std::vector<std::string> ids;
                   if (!c.session_id.empty()) {
                     ids.push_back(c.session_id);
                   }
                   auto next = m_keeper.set_staff_sessions(ids);
                   if (!next) {
                     logger("ops")->error("session switch failed: {}", next.error());
                     m_staff.set_notice(N_("Không lưu được thay đổi. Xem nhật ký."));
                     return;
                   }
                   apply_profile(std::move(*next));
                   m_staff.set_notice(c.session_id.empty() ? N_("Đã chuyển sang tất cả các phiên.")
                                                           : N_("Đã chuyển sang phiên {}."),
                                      {c.session_id});
                 },
                 [&](const staff_command::PrintTestSlip&) {
                   SlipContext ctx;
                   ctx.centre_name = p.kiosk.centre;
                   ctx.printed_at = m_clock.wall();
                   ctx.tr = tr;
                   print_for_staff(make_test_slip(p.kiosk.id, ctx), N_("Đã in phiếu thử."));
                 },
                 [&](const staff_command::Reprint& c) {
                   for (const auto& r : m_slips) {
                     if (r.booking.reference == c.reference) {
                       SlipContext ctx;
                       ctx.centre_name = p.kiosk.centre;
                       ctx.session_title = r.session_title;
                       ctx.printed_at = m_clock.wall();
                       ctx.tr = Tr(m_translations.get(), r.lang);
                       ctx.seeker_name = std::string(ctx.tr.tr("(bản in lại)"));
                       print_for_staff(make_booking_slip(r.booking, ctx), N_("Đã in lại phiếu."));
                     }
                   }
                 },
                 [&](const staff_command::ResendOutbox&) {
                   m_outbox_sender.poke();
                   m_staff.set_notice(N_("Đang gửi lại các yêu cầu trong hàng đợi."));
                 },
                 [&](const staff_command::SyncNow&) {
                   m_sync.sync_now();
                   m_staff.set_notice(N_("Đang đồng bộ danh sách việc làm."));
                 },
                 [&](const staff_command::Restart&) { m_restart = true; },
             },
             command);
}

tl::expected<RuntimeParts, std::string> build_runtime_parts(const std::string& profile_path,
                                                            bool windowed) {
  auto keeper = ProfileKeeper::load(profile_path);
  if (!keeper) {
    return tl::unexpected("bad profile: " + keeper.error().to_string());
  }
  RuntimeParts parts(std::move(*keeper));
  const Profile& p = parts.keeper.profile();
  auto wards = load_ward_table(p.data.wards_file);
  auto token = read_api_token(p);
  auto store = make_store(p);
  auto printer = make_slip_printer(p);
  if (!wards || !token || !store || !printer) {
    return tl::unexpected(!wards   ? wards.error()
                          : !token ? token.error()
                          : !store ? store.error()
                                   : printer.error());
  }
  auto translations = i18n::load_translations(p.ui.locale_dir);
  if (!translations) {
    return tl::unexpected("translations: " + translations.error());
  }
  auto outbox = make_outbox(p, *token);
  if (!outbox) {
    return tl::unexpected(outbox.error());
  }
  auto window = Window::open(
      WindowOptions{"Kiosk " + p.kiosk.id, p.ui.width, p.ui.height, p.ui.fullscreen && !windowed});
  if (!window) {
    return tl::unexpected("no display: " + window.error());
  }
  auto fonts = ui::load_fonts(p.ui.font_dir, (*window)->scale());
  if (!fonts) {
    return tl::unexpected(fonts.error());
  }
  ui::apply_style((*window)->scale());
  (*window)->rebuild_font_texture();
  parts.window = std::move(*window);
  parts.fonts = *fonts;
  parts.wards = std::move(*wards);
  parts.translations = *translations;
  parts.api = make_central_api(p, *token);
  parts.sync_api = make_central_api(p, *token);
  parts.store = std::move(*store);
  parts.outbox = std::move(*outbox);
  parts.printer = std::move(*printer);
  secure_wipe(*token);
  for (const auto& uri : p.scanner.sources) {
    auto source = make_scan_source(uri);
    if (!source) {
      return tl::unexpected(source.error());
    }
    parts.sources.push_back(std::move(*source));
  }
  return parts;
}

}  // namespace kiosk
