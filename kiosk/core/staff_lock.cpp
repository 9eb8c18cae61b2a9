#include "core/staff_lock.hpp"

#include <fmt/format.h>

namespace kiosk {

std::string StaffWho::label() const {
  return kind == Kind::card ? "card " + card_id : "pin-slot " + std::to_string(slot);
}

std::string_view action_name(StaffAuditAction action) {
  switch (action) {
    case StaffAuditAction::pin_accepted:
      return "pin_accepted";
    case StaffAuditAction::pin_rejected:
      return "pin_rejected";
    case StaffAuditAction::pin_refused:
      return "pin_refused";
    case StaffAuditAction::card_accepted:
      return "card_accepted";
    case StaffAuditAction::card_rejected:
      return "card_rejected";
    case StaffAuditAction::action:
      return "action";
    case StaffAuditAction::locked_idle:
      return "locked_idle";
    case StaffAuditAction::locked:
      return "locked";
  }
  return "unknown";
}

std::string StaffAuditEvent::describe() const {
  std::string line = who + " " + std::string(action_name(what));
  if (!detail.empty()) {
    line += " (" + detail + ")";
  }
  return line;
}

StaffLock::StaffLock(StaffLockSettings settings, AuditSink audit)
    : m_settings(settings), m_audit(std::move(audit)) {}

bool StaffLock::can_try(SteadyTime now) const {
  return now >= m_next_try;
}

std::chrono::seconds StaffLock::wait_left(SteadyTime now) const {
  if (can_try(now)) {
    return std::chrono::seconds{0};
  }
  // Rounded up, so a screen never shows "0 s" while still waiting.
  return std::chrono::ceil<std::chrono::seconds>(m_next_try - now);
}

bool StaffLock::locked_out(SteadyTime now) const {
  return m_wrong >= m_settings.lockout_after && !can_try(now);
}

bool StaffLock::on_pin_result(bool ok, int slot, SteadyTime now) {
  if (!can_try(now)) {
    // The result is thrown away even when right: otherwise the wait would
    // only slow the screen, not the guessing.
    emit(now, "pin", StaffAuditAction::pin_refused,
         fmt::format("{} s still to wait", wait_left(now).count()));
    return false;
  }
  if (ok) {
    m_wrong = 0;
    unlock(StaffWho{StaffWho::Kind::pin_slot, {}, slot}, StaffAuditAction::pin_accepted, now);
    return true;
  }
  ++m_wrong;
  std::chrono::seconds wait{0};
  std::string detail = fmt::format("wrong PIN {} in a row", m_wrong);
  if (m_wrong >= m_settings.lockout_after) {
    wait = m_settings.lockout;
    detail += fmt::format("; locked out for {} s", wait.count());
  } else if (m_wrong >= m_settings.free_wrong_pins) {
    wait = m_settings.first_wait * (1 << (m_wrong - m_settings.free_wrong_pins));
    detail += fmt::format("; next try in {} s", wait.count());
  }
  m_next_try = now + wait;
  emit(now, "pin", StaffAuditAction::pin_rejected, std::move(detail));
  return false;
}

bool StaffLock::on_card(const tl::expected<StaffCard, StaffCardError>& result, SteadyTime now) {
  if (!result) {
    emit(now, "card", StaffAuditAction::card_rejected, std::string(error_code(result.error())));
    return false;
  }
  // A card signed by the Centre is not a guess: it ends any wait or lock-out.
  m_wrong = 0;
  m_next_try = SteadyTime{};
  unlock(StaffWho{StaffWho::Kind::card, result->id, 0}, StaffAuditAction::card_accepted, now);
  return true;
}

void StaffLock::on_activity(SteadyTime now) {
  if (m_who) {
    m_last_activity = now;
  }
}

void StaffLock::record_action(std::string_view what, SteadyTime now) {
  if (!m_who) {
    return;
  }
  m_last_activity = now;
  emit(now, m_who->label(), StaffAuditAction::action, std::string(what));
}

void StaffLock::lock(SteadyTime now) {
  if (!m_who) {
    return;
  }
  emit(now, m_who->label(), StaffAuditAction::locked);
  m_who.reset();
}

bool StaffLock::tick(SteadyTime now) {
  if (!m_who || now - m_last_activity < m_settings.idle_lock) {
    return false;
  }
  emit(now, m_who->label(), StaffAuditAction::locked_idle,
       fmt::format("{} s without activity", m_settings.idle_lock.count()));
  m_who.reset();
  return true;
}

std::optional<SteadyTime> StaffLock::next_deadline() const {
  if (!m_who) {
    return std::nullopt;
  }
  return m_last_activity + m_settings.idle_lock;
}

void StaffLock::unlock(StaffWho who, StaffAuditAction what, SteadyTime now) {
  // A second unlock while unlocked (another card) hands staff mode over.
  m_who = std::move(who);
  m_last_activity = now;
  emit(now, m_who->label(), what);
}

void StaffLock::emit(SteadyTime at, std::string who, StaffAuditAction what, std::string detail) {
  if (m_audit) {
    m_audit(StaffAuditEvent{at, std::move(who), what, std::move(detail)});
  }
}

}  // namespace kiosk
