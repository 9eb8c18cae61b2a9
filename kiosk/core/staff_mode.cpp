#include "core/staff_mode.hpp"

#include "core/i18n.hpp"
#include "core/overloaded.hpp"
#include "core/text.hpp"

namespace kiosk {

StaffMode::StaffMode(StaffLockSettings settings, StaffLock::AuditSink audit, PinCheck pin_check,
                     CardCheck card_check, TaskRunner& runner)
    : m_lock(settings, std::move(audit)),
      m_pin_check(std::move(pin_check)),
      m_card_check(std::move(card_check)),
      m_runner(runner),
      m_self(std::make_shared<StaffMode*>(this)) {
  m_view.card_accepted = static_cast<bool>(m_card_check);
  // On the heap from the start, so moving it hands the buffer over instead
  // of leaving copies of the digits in small-string storage.
  m_pin.reserve(32);
}

StaffMode::~StaffMode() {
  secure_wipe(m_pin);
}

StaffView StaffMode::fresh_view(StaffView::Mode mode) const {
  StaffView v;
  v.mode = mode;
  v.card_accepted = static_cast<bool>(m_card_check);
  v.active_sessions = m_view.active_sessions;  // the app's fact, not a choice
  v.reprints = m_view.reprints;
  return v;
}

bool StaffMode::on_card(std::string_view text, SteadyTime now) {
  if (!m_card_check) {
    return false;
  }
  auto card = m_card_check(text);
  const bool unlocked = m_lock.on_card(card, now);
  if (unlocked) {
    secure_wipe(m_pin);
    m_view = fresh_view(StaffView::Mode::panels);
    m_card = *card;
    m_view.who = card->name_hint.empty() ? card->id : card->id + " (" + card->name_hint + ")";
    ++m_serial;  // a PIN still being checked no longer matters
  } else if (m_lock.unlocked()) {
    // Another card while unlocked changes nothing.
  } else {
    // The unlock screen says why; a card that could not be read at all is
    // not a staff card and never reaches here.
    m_view.mode = StaffView::Mode::unlock;
    m_unlock_activity = now;
    m_view.notice = card.error() == StaffCardError::expired ? N_("Thẻ nhân viên đã hết hạn.")
                                                            : N_("Thẻ nhân viên không hợp lệ.");
    m_view.notice_args.clear();
  }
  return unlocked;
}

std::optional<StaffCommand> StaffMode::handle(const StaffIntent& intent, SteadyTime now) {
  if (std::holds_alternative<staff_intent::Open>(intent)) {
    if (m_view.mode == StaffView::Mode::closed) {
      m_view = fresh_view(StaffView::Mode::unlock);
      m_unlock_activity = now;
      refresh_wait(now);
    }
    return std::nullopt;
  }
  if (std::holds_alternative<staff_intent::Close>(intent)) {
    close(now, true);
    return std::nullopt;
  }
  if (m_view.mode == StaffView::Mode::unlock) {
    m_unlock_activity = now;
    std::visit(Overloaded{
                   [&](const staff_intent::Digit& d) {
                     if (!m_view.checking && d.digit >= '0' && d.digit <= '9' &&
                         m_pin.size() < k_max_pin_digits) {
                       m_pin.push_back(d.digit);
                     }
                   },
                   [&](const staff_intent::Erase&) {
                     if (!m_view.checking && !m_pin.empty()) {
                       m_pin.back() = '\0';
                       m_pin.pop_back();
                     }
                   },
                   [&](const staff_intent::Submit&) { submit(now); },
                   [](const auto&) {},
               },
               intent);
    m_view.pin_length = m_pin.size();
    return std::nullopt;
  }
  if (m_view.mode != StaffView::Mode::panels || !m_lock.unlocked()) {
    return std::nullopt;
  }
  m_lock.on_activity(now);
  return act(intent, now);
}

std::optional<StaffCommand> StaffMode::act(const StaffIntent& intent, SteadyTime now) {
  if (!std::holds_alternative<staff_intent::Restart>(intent)) {
    m_view.restart_armed = false;
  }
  return std::visit(Overloaded{
                        [&](const staff_intent::ShowPanel& p) -> std::optional<StaffCommand> {
                          m_view.panel = p.panel;
                          m_view.notice.clear();
                          if (p.panel == StaffPanel::session && m_view.sessions.empty() &&
                              !m_view.sessions_loading) {
                            m_view.sessions_loading = true;
                            return staff_command::LoadSessions{};
                          }
                          return std::nullopt;
                        },
                        [&](const staff_intent::ReloadSessions&) -> std::optional<StaffCommand> {
                          m_view.sessions_loading = true;
                          m_view.sessions_failed = false;
                          return staff_command::LoadSessions{};
                        },
                        [&](const staff_intent::ChooseSession& c) -> std::optional<StaffCommand> {
                          m_view.chosen_session = c.session_id;
                          m_view.notice.clear();
                          return std::nullopt;
                        },
                        [&](const staff_intent::SwitchSession&) -> std::optional<StaffCommand> {
                          if (!m_view.chosen_session) {
                            return std::nullopt;
                          }
                          std::string id = *std::exchange(m_view.chosen_session, std::nullopt);
                          m_lock.record_action(
                              "switch session to " + (id.empty() ? "every session" : id), now);
                          return staff_command::SwitchSession{std::move(id)};
                        },
                        [&](const staff_intent::PrintTestSlip&) -> std::optional<StaffCommand> {
                          m_lock.record_action("print test slip", now);
                          return staff_command::PrintTestSlip{};
                        },
                        [&](const staff_intent::Reprint& r) -> std::optional<StaffCommand> {
                          m_lock.record_action("reprint slip " + r.reference, now);
                          return staff_command::Reprint{r.reference};
                        },
                        [&](const staff_intent::ResendOutbox&) -> std::optional<StaffCommand> {
                          m_lock.record_action("resend outbox", now);
                          return staff_command::ResendOutbox{};
                        },
                        [&](const staff_intent::SyncNow&) -> std::optional<StaffCommand> {
                          m_lock.record_action("sync now", now);
                          return staff_command::SyncNow{};
                        },
                        [&](const staff_intent::Restart&) -> std::optional<StaffCommand> {
                          if (!m_view.restart_armed) {
                            m_view.restart_armed = true;
                            return std::nullopt;
                          }
                          m_view.restart_armed = false;
                          m_lock.record_action("restart the kiosk", now);
                          return staff_command::Restart{};
                        },
                        [](const auto&) -> std::optional<StaffCommand> { return std::nullopt; },
                    },
                    intent);
}

void StaffMode::submit(SteadyTime now) {
  if (m_view.checking || m_pin.empty()) {
    return;
  }
  refresh_wait(now);
  if (m_view.wait_seconds > 0) {
    // Refused before any hash is computed; the lock audits the attempt.
    m_lock.on_pin_result(false, 0, now);
    secure_wipe(m_pin);
    m_pin.clear();
    return;
  }
  if (m_pin.size() < 4) {
    m_view.notice = N_("Mã PIN có từ 4 đến 12 chữ số.");
    m_view.notice_args.clear();
    return;
  }
  m_view.checking = true;
  m_view.notice.clear();
  m_checked_at = now;
  const std::uint64_t serial = m_serial;
  std::string pin = std::exchange(m_pin, std::string());
  m_pin.reserve(32);
  std::weak_ptr<StaffMode*> self = m_self;
  m_runner.submit([check = m_pin_check, pin = std::move(pin), self, serial]() mutable {
    std::optional<int> slot = check ? check(pin) : std::nullopt;
    secure_wipe(pin);
    return [self, slot, serial] {
      if (auto alive = self.lock()) {
        (*alive)->on_checked(slot, serial);
      }
    };
  });
}

void StaffMode::on_checked(std::optional<int> slot, std::uint64_t serial) {
  if (serial != m_serial || m_view.mode != StaffView::Mode::unlock) {
    return;  // the screen was closed meanwhile
  }
  m_view.checking = false;
  const bool unlocked = m_lock.on_pin_result(slot.has_value(), slot.value_or(0), m_checked_at);
  if (unlocked) {
    m_view = fresh_view(StaffView::Mode::panels);
    m_view.who = m_lock.unlocked_by()->label();
    m_card.reset();
    return;
  }
  m_view.notice = N_("Mã PIN không đúng.");
  m_view.notice_args.clear();
  refresh_wait(m_checked_at);
}

void StaffMode::on_activity(SteadyTime now) {
  m_lock.on_activity(now);
  if (m_view.mode == StaffView::Mode::unlock) {
    m_unlock_activity = now;
  }
}

void StaffMode::tick(SteadyTime now) {
  if (m_lock.tick(now)) {
    close(now, false);
    return;
  }
  if (m_view.mode == StaffView::Mode::unlock) {
    if (!m_view.checking && now - m_unlock_activity >= k_unlock_screen_timeout) {
      close(now, false);
      return;
    }
    refresh_wait(now);
  }
}

std::optional<SteadyTime> StaffMode::next_deadline(SteadyTime now) const {
  if (m_view.mode == StaffView::Mode::closed) {
    return std::nullopt;
  }
  if (m_view.mode == StaffView::Mode::unlock) {
    // The wait's countdown, a second at a time, and the screen's own timeout.
    const SteadyTime timeout = m_unlock_activity + k_unlock_screen_timeout;
    return m_view.wait_seconds > 0 ? std::min(timeout, now + std::chrono::seconds{1}) : timeout;
  }
  return m_lock.next_deadline();
}

void StaffMode::set_sessions(tl::expected<std::vector<StaffSessionChoice>, std::string> sessions) {
  m_view.sessions_loading = false;
  m_view.sessions_failed = !sessions.has_value();
  if (sessions) {
    m_view.sessions = std::move(*sessions);
  }
}

void StaffMode::set_notice(std::string msgid, std::vector<std::string> args) {
  m_view.notice = std::move(msgid);
  m_view.notice_args = std::move(args);
}

void StaffMode::close(SteadyTime now, bool by_staff) {
  if (by_staff && m_lock.unlocked()) {
    m_lock.lock(now);
  }
  secure_wipe(m_pin);
  m_pin.clear();
  m_card.reset();
  ++m_serial;
  m_view = fresh_view(StaffView::Mode::closed);
}

void StaffMode::refresh_wait(SteadyTime now) {
  m_view.wait_seconds = static_cast<int>(m_lock.wait_left(now).count());
  m_view.locked_out = m_lock.locked_out(now);
}

}  // namespace kiosk
