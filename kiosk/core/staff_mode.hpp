#pragma once
// Staff mode: the unlock screen (PIN keypad, staff card) and the staff
// panels, as a state machine over StaffLock. It owns what staff typed and
// chose; the app does the work (printing, syncing, switching the profile)
// for the StaffCommand each action returns, and fills in the status.
//
// Staff mode opens only on the welcome screen with no job seeker in
// session (the app checks), so a profile switched here is applied between
// sessions by construction. Main thread only; no I/O, no clock of its own.

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <tl/expected.hpp>

#include "core/staff_card.hpp"
#include "core/staff_lock.hpp"
#include "ports/task_runner.hpp"

namespace kiosk {

enum class StaffPanel { status, session, devices, slips, logs };

/// A job-fair session the kiosk can be switched to (from GET /sessions).
struct StaffSessionChoice {
  std::string id;     // "" = every session the Centre runs (the profile's default)
  std::string title;  // "Phiên giao dịch việc làm chuyên đề …"
  std::string when;   // "Thứ Sáu, 27/11/2026 13:30–16:30"
  std::string venue;
};

/// A slip that can be printed again: what the person took away, without
/// their name (personal data does not outlive the session).
struct StaffReprintChoice {
  std::string reference;  // "HN-7Q2K"
  std::string label;      // "Nhân viên kho – 09:41"
};

/// Everything the staff screens draw; plain data.
struct StaffView {
  enum class Mode { closed, unlock, panels };
  Mode mode = Mode::closed;
  // The unlock screen.
  std::size_t pin_length = 0;  // digits typed so far (drawn as dots, never as digits)
  bool checking = false;       // a PIN is being checked (Argon2id takes a moment)
  int wait_seconds = 0;        // > 0: wrong PINs; the keypad waits this long
  bool locked_out = false;     // too many wrong PINs: only a staff card opens now
  bool card_accepted = false;  // the unlock screen offers cards (a key is configured)
  /// A message (a msgid of the catalogues, with its fmt arguments).
  std::string notice;
  std::vector<std::string> notice_args;
  // The panels.
  std::string who;  // "card staff-017 (Lan)" / "pin-slot 1"
  StaffPanel panel = StaffPanel::status;
  std::vector<StaffSessionChoice> sessions;
  bool sessions_loading = false;
  bool sessions_failed = false;
  std::vector<std::string> active_sessions;   // the profile's session ids in force ([] = every)
  std::optional<std::string> chosen_session;  // picked in the list, not switched yet
  std::vector<StaffReprintChoice> reprints;
  bool restart_armed = false;  // "restart" asks again before it acts
};

/// Work the app does for staff; each is audited before it is returned.
namespace staff_command {
struct LoadSessions {};
struct SwitchSession {
  std::string session_id;  // "" = every session
};
struct PrintTestSlip {};
struct Reprint {
  std::string reference;
};
struct ResendOutbox {};
struct SyncNow {};
struct Restart {};
}  // namespace staff_command

using StaffCommand =
    std::variant<staff_command::LoadSessions, staff_command::SwitchSession,
                 staff_command::PrintTestSlip, staff_command::Reprint, staff_command::ResendOutbox,
                 staff_command::SyncNow, staff_command::Restart>;

/// What the staff screens ask for.
namespace staff_intent {
struct Open {};  // the hidden gesture: show the unlock screen
struct Digit {
  char digit = '0';
};
struct Erase {};   // the last digit
struct Submit {};  // check the PIN
struct Close {};   // leave staff mode (locks it)
struct ShowPanel {
  StaffPanel panel = StaffPanel::status;
};
struct ChooseSession {
  std::string session_id;
};
struct SwitchSession {};  // to the chosen one
struct PrintTestSlip {};
struct Reprint {
  std::string reference;
};
struct ResendOutbox {};
struct SyncNow {};
struct Restart {};  // first tap arms, second restarts
struct ReloadSessions {};
}  // namespace staff_intent

using StaffIntent =
    std::variant<staff_intent::Open, staff_intent::Digit, staff_intent::Erase, staff_intent::Submit,
                 staff_intent::Close, staff_intent::ShowPanel, staff_intent::ChooseSession,
                 staff_intent::SwitchSession, staff_intent::PrintTestSlip, staff_intent::Reprint,
                 staff_intent::ResendOutbox, staff_intent::SyncNow, staff_intent::Restart,
                 staff_intent::ReloadSessions>;

/// The longest PIN the keypad takes (kioskctl pin-hash takes 4 to 12 digits).
inline constexpr std::size_t k_max_pin_digits = 12;

/// The unlock screen closes by itself after this long without a touch, so a
/// job seeker who found the gesture never leaves the kiosk stuck on it.
inline constexpr std::chrono::seconds k_unlock_screen_timeout{45};

class StaffMode {
 public:
  /// The slot (from 1) whose hash `pin` matches, or nullopt. Runs on a
  /// worker: an Argon2id check takes a fraction of a second per slot.
  using PinCheck = std::function<std::optional<int>(const std::string& pin)>;
  /// A scanned staff card's text checked (signature, expiry).
  using CardCheck = std::function<tl::expected<StaffCard, StaffCardError>(std::string_view)>;

  StaffMode(StaffLockSettings settings, StaffLock::AuditSink audit, PinCheck pin_check,
            CardCheck card_check, TaskRunner& runner);
  ~StaffMode();
  StaffMode(const StaffMode&) = delete;
  StaffMode& operator=(const StaffMode&) = delete;

  bool open() const { return m_view.mode != StaffView::Mode::closed; }
  bool unlocked() const { return m_lock.unlocked(); }
  const StaffView& view() const { return m_view; }
  const StaffLock& lock() const { return m_lock; }

  /// A staff card was scanned (the app routes texts that start with
  /// k_staff_card_prefix here, and only while no job seeker is in
  /// session). True when it unlocked.
  bool on_card(std::string_view text, SteadyTime now);

  /// A staff action or keypad press; returns the work for the app, if any.
  std::optional<StaffCommand> handle(const StaffIntent& intent, SteadyTime now);

  /// A touch or key while open: postpones the idle lock.
  void on_activity(SteadyTime now);

  /// Advances the waits and the idle lock (closes staff mode when it locks).
  void tick(SteadyTime now);
  /// When tick() next has something to do; nullopt while closed.
  std::optional<SteadyTime> next_deadline(SteadyTime now) const;

  // What the app reports back.
  void set_sessions(tl::expected<std::vector<StaffSessionChoice>, std::string> sessions);
  void set_active_sessions(std::vector<std::string> ids) {
    m_view.active_sessions = std::move(ids);
  }
  void set_reprints(std::vector<StaffReprintChoice> reprints) {
    m_view.reprints = std::move(reprints);
  }
  /// A result to show (a msgid with its arguments), e.g. "Đã in phiếu thử".
  void set_notice(std::string msgid, std::vector<std::string> args = {});

 private:
  /// A new view in `mode`, keeping only what the app reported.
  StaffView fresh_view(StaffView::Mode mode) const;
  void submit(SteadyTime now);
  void on_checked(std::optional<int> slot, std::uint64_t serial);
  void close(SteadyTime now, bool by_staff);
  void refresh_wait(SteadyTime now);
  std::optional<StaffCommand> act(const StaffIntent& intent, SteadyTime now);

  StaffLock m_lock;
  PinCheck m_pin_check;
  CardCheck m_card_check;
  TaskRunner& m_runner;
  StaffView m_view;
  std::string m_pin;  // wiped after each check and when the screen closes
  std::optional<StaffCard> m_card;
  std::uint64_t m_serial = 0;      // bumped when the screen closes: late PIN answers are dropped
  SteadyTime m_checked_at{};       // when the PIN being checked was submitted
  SteadyTime m_unlock_activity{};  // the unlock screen's last touch
  /// Lives as long as the object; a PIN check finishing after it died is
  /// dropped (the continuation holds a weak reference).
  std::shared_ptr<StaffMode*> m_self;
};

}  // namespace kiosk
