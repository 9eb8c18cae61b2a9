#pragma once
// Staff unlock as a state machine: locked, or unlocked by one staff card or
// PIN slot. No I/O and no clock of its own: every call takes the steady time
// it happens at, so tests drive it with exact instants.
//
// The numbers (defaults of StaffLockSettings):
//   - the first 3 wrong PINs in a row cost nothing;
//   - after the 3rd wrong PIN the next attempt must wait 5 s, after the 4th
//     10 s, after the 5th 20 s (doubling, measured from the wrong attempt);
//   - the 6th wrong PIN locks PIN entry out for 5 minutes. The count is not
//     reset by the lock-out: each later wrong PIN locks out for 5 minutes
//     again, so an attacker gets one guess per 5 minutes (~290 a day);
//   - a right PIN or a valid staff card resets the count; a valid card also
//     unlocks during a lock-out (it is signed by the Centre, not guessed);
//   - an attempt made while a wait is running is refused and not counted,
//     even when the PIN was right;
//   - unlocked staff mode locks itself after 120 s without activity.
//
// The machine never sees a PIN, only whether it was right, so no audit event
// can carry one. Main thread only (like the Journey).

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "core/staff_card.hpp"

namespace kiosk {

using SteadyTime = std::chrono::steady_clock::time_point;

struct StaffLockSettings {
  int free_wrong_pins = 3;               // wrong PINs in a row before waits begin
  std::chrono::seconds first_wait{5};    // after the first counted wrong PIN; doubles
  int lockout_after = 6;                 // the wrong PIN that starts a lock-out
  std::chrono::seconds lockout{5 * 60};  // how long PIN entry stays locked out
  std::chrono::seconds idle_lock{120};   // unlocked staff mode locks after this much quiet
};

/// Who unlocked: a staff card's id, or a PIN slot (the slot of the
/// profile's `[staff]` PIN hash that matched).
struct StaffWho {
  enum class Kind { card, pin_slot };
  Kind kind = Kind::pin_slot;
  std::string card_id;  // for Kind::card
  int slot = 0;         // for Kind::pin_slot

  /// "card staff-017" or "pin-slot 2", as audit lines name them.
  std::string label() const;
  friend bool operator==(const StaffWho&, const StaffWho&) = default;
};

enum class StaffAuditAction {
  pin_accepted,   // unlocked by a PIN slot
  pin_rejected,   // a wrong PIN (detail: its number in the row and what follows)
  pin_refused,    // an attempt while a wait or lock-out ran; not checked, not counted
  card_accepted,  // unlocked by a staff card
  card_rejected,  // a staff card that failed (detail: the error code)
  action,         // a staff action done while unlocked (detail: what)
  locked_idle,    // locked itself after inactivity
  locked,         // locked by staff
};

/// "pin_accepted", "card_rejected", …
std::string_view action_name(StaffAuditAction action);

/// One audit record. `who` is a StaffWho label, or "pin" for a wrong PIN
/// (it matched no slot) and "card" for a card that could not be read. Never
/// holds a PIN.
struct StaffAuditEvent {
  SteadyTime at;
  std::string who;
  StaffAuditAction what = StaffAuditAction::locked;
  std::string detail;

  /// "pin-slot 2 pin_accepted" or "pin pin_rejected (wrong PIN 4 in a row; next try in 10 s)".
  std::string describe() const;
};

class StaffLock {
 public:
  using AuditSink = std::function<void(const StaffAuditEvent&)>;

  /// `audit` receives every attempt and action as it happens (may be empty).
  explicit StaffLock(StaffLockSettings settings = {}, AuditSink audit = {});

  bool unlocked() const { return m_who.has_value(); }
  /// Who unlocked; nullopt while locked.
  const std::optional<StaffWho>& unlocked_by() const { return m_who; }

  /// True when a PIN may be tried now (no wait or lock-out is running).
  bool can_try(SteadyTime now) const;
  /// How long until a PIN may be tried; zero when it may be now.
  std::chrono::seconds wait_left(SteadyTime now) const;
  /// True while the lock-out after too many wrong PINs runs.
  bool locked_out(SteadyTime now) const;
  /// Wrong PINs in a row so far.
  int wrong_pins() const { return m_wrong; }

  /// The outcome of checking an entered PIN: `ok` with the slot whose hash it
  /// matched, or not ok (`slot` is ignored). Refused and not counted when
  /// can_try(now) is false. Returns true when this unlocked.
  bool on_pin_result(bool ok, int slot, SteadyTime now);

  /// A scanned staff card after its check (signature, expiry). Returns true
  /// when this unlocked.
  bool on_card(const tl::expected<StaffCard, StaffCardError>& result, SteadyTime now);

  /// A touch or key while unlocked: postpones the idle lock. Ignored while locked.
  void on_activity(SteadyTime now);

  /// Records a staff action (e.g. "print test slip") under the unlocker's
  /// name and counts as activity. Ignored while locked.
  void record_action(std::string_view what, SteadyTime now);

  /// Locks at staff's request.
  void lock(SteadyTime now);

  /// Locks when unlocked and idle for `idle_lock`. Returns true when it locked.
  bool tick(SteadyTime now);

  /// When tick() next has something to do (the idle lock), for the frame
  /// loop's wait; nullopt while locked.
  std::optional<SteadyTime> next_deadline() const;

 private:
  void unlock(StaffWho who, StaffAuditAction what, SteadyTime now);
  void emit(SteadyTime at, std::string who, StaffAuditAction what, std::string detail = {});

  StaffLockSettings m_settings;
  AuditSink m_audit;
  std::optional<StaffWho> m_who;
  SteadyTime m_last_activity{};
  int m_wrong = 0;
  SteadyTime m_next_try{};  // no PIN attempt before this
};

}  // namespace kiosk
