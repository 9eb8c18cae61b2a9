#pragma once
// The job seeker's journey as an explicit state machine:
// welcome → consent → matches → vacancy → slots → confirm → booking →
// printing → done → (wiped) welcome, with an idle timeout on every screen.
// Runs on the UI thread; blocking work goes through the TaskRunner port.

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/booking.hpp"
#include "core/catalog.hpp"
#include "core/citizen_id.hpp"
#include "core/geo.hpp"
#include "core/i18n.hpp"
#include "core/match_filters.hpp"
#include "core/matching.hpp"
#include "core/queued_slip.hpp"
#include "core/redact.hpp"
#include "core/search.hpp"
#include "core/slip.hpp"
#include "ports/booking_outbox.hpp"
#include "ports/central_api.hpp"
#include "ports/clock.hpp"
#include "ports/code_source.hpp"
#include "ports/printer.hpp"
#include "ports/task_runner.hpp"

namespace kiosk {

enum class Screen {
  welcome,
  check_id,
  consent,
  ward,  // choose the home ward from a list
  matches,
  occupations,  // the occupation grid
  filters,
  vacancy,
  slots,
  confirm,
  booking,
  printing,
  done,
};

/// What an ID number alone says about its holder, for them to confirm when
/// a keyboard scanner could read only the number.
struct IdCheck {
  std::string masked_id;  // "001******345"
  int birth_year = 0;
  std::string sex;  // "Nam" / "Nữ"
};

/// What the person narrowed the list to with their fingers; each member
/// left at its default does not filter.
struct TouchFilters {
  char occupation_group = 0;    // ISCO-08 major group '1'…'9'; 0 = any
  int max_km = 0;               // ward-to-ward distance from home; 0 = any
  std::string employment_type;  // full_time, part_time, seasonal…; "" = any
  int min_salary_million = 0;   // VND millions a month; 0 = any
  std::optional<EducationLevel> education;  // the person's own schooling

  /// How many filters are set.
  int active() const;
  friend bool operator==(const TouchFilters&, const TouchFilters&) = default;
};

/// One occupation as the screens offer it: a tile, a chip.
struct OccupationChoice {
  std::string isco08;
  std::string label;
  std::size_t vacancies = 0;  // how many of the person's eligible vacancies carry it
  bool chosen = false;
};

/// A ward of the list the person picks home from.
struct WardChoice {
  std::string code;
  std::string name;  // "Phường Yên Hoà"
};

/// Everything a screen needs to draw; plain data, owned by the Journey.
struct JourneyView {
  Screen screen = Screen::welcome;
  /// The person's choices of language and presentation, for this session
  /// (back to the profile's defaults when it ends).
  Lang lang = Lang::vi;
  bool large_text = false;
  bool high_contrast = false;
  /// A message for the person, on any screen ("" = none): a msgid of the
  /// catalogues, translated when drawn, with its fmt arguments.
  std::string notice;
  std::vector<std::string> notice_args;
  bool card_read = false;     // "card read" confirmation, shown for a moment after a scan
  bool reading = false;       // welcome: a code is in view but not read yet ("hold still")
  std::uint64_t scans_accepted = 0;  // goes up at each accepted card: the app sounds a tone
  std::string greeting_name;  // the given name, for "Xin chào, An" ("" when unknown)
  std::string person_name;    // the full name, for the confirmation screen ("" when unknown)
  std::optional<IdCheck> id_check;  // check_id: the facts to confirm; kept for the confirm screen
  std::string home_area;      // "Phường Yên Hòa", or empty when unknown
  std::vector<Match> matches;    // the best ones, in order
  std::size_t matches_total = 0;  // every eligible vacancy, before search and filters
  std::size_t matches_shown = 0;  // after search and filters (matches holds the best of them)
  std::string search_text;        // what was typed in the search field
  bool keyboard_open = false;
  TouchFilters filters;
  bool home_known = false;                       // distance filters make sense
  std::vector<char> occupation_groups;           // major groups among the eligible vacancies
  std::vector<OccupationChoice> chosen_occupations;  // the person's picks, as chips
  std::vector<OccupationChoice> related;         // "related occupations" chips
  std::vector<OccupationChoice> occupation_grid;  // occupations screen: the tiles
  std::string ward_search;                       // ward screen: typed filter
  std::vector<WardChoice> wards;                 // ward screen: the list, filtered
  std::string catalog_status;  // "Cập nhật lúc 08:30" / offline notice
  bool catalog_empty = true;
  bool offline = false;  // the last sync could not reach the central API
  std::optional<Vacancy> vacancy;
  bool slots_loading = false;
  std::vector<Slot> slots;
  std::optional<Slot> chosen_slot;
  std::string phone;          // confirm: typed on the keypad (personal data)
  bool phone_locked = false;  // confirm: sent once; a retry must send the same body
  bool can_retry = false;  // confirm: a failed booking may be retried
  bool can_leave_queued = false;  // confirm: stored but not sent; the kiosk may send it later
  bool queued = false;  // done: the request waits in the outbox; no reference yet
  bool interest = false;  // confirm/done: "register interest" instead of a slot
  bool can_register_interest = false;  // slots: none could be loaded (offline)
  std::string queued_code;  // done, when queued: the request's short code for the counter
  std::optional<BookingConfirmation> confirmation;
  bool printed = false;
  /// The slip as printed (or as it would have been): shown on screen when
  /// the printer failed, so the person can photograph it. Carries the name.
  std::optional<Slip> slip;
  std::optional<int> idle_seconds_left;  // set while the "still there?" warning shows
  int done_seconds_left = 0;
};

namespace intent {
struct ConfirmIdFacts {};  // check_id: "yes, that is me"
struct RejectIdFacts {};   // check_id: "that is wrong": end, with advice
struct AcceptConsent {};
struct Cancel {};  // leave now: wipe and go back to welcome
struct Back {};
struct OpenVacancy {
  std::string vacancy_id;
};
struct ShowSlots {};
struct ChooseSlot {
  std::string slot_id;
};
struct ConfirmBooking {};
struct LeaveQueued {};
struct RegisterInterest {};
struct SetPhone {  // confirm: the phone keypad's digits
  std::string digits;
};  // slots, when they could not be loaded: the Centre will call  // confirm, after a send failed:
    // let the kiosk send it later
struct Finish {};
struct StillHere {};
struct SetSearch {  // matches: the search field's new text
  std::string text;
};
struct ShowKeyboard {
  bool open = true;
};
struct OpenOccupations {};
struct ToggleOccupation {
  std::string isco08;
};
struct OpenFilters {};
struct SetFilters {
  TouchFilters filters;
};
struct ShowMatches {};  // back to the list from the grid or the filters
struct OpenWardPicker {};
struct SetWardSearch {
  std::string text;
};
struct ChooseWard {  // "" = leave home unknown
  std::string code;
};
struct SetLanguage {  // any screen: for this session
  Lang lang = Lang::vi;
};
struct SetLargeText {
  bool on = true;
};
struct SetHighContrast {
  bool on = true;
};
struct ReadAloud {};  // any screen: speak it (the app's speech does; the journey ignores it)
struct OpenStaff {
};  // welcome: the hidden gesture (the app opens staff mode; the journey ignores it)
}  // namespace intent

using Intent =
    std::variant<intent::ConfirmIdFacts, intent::RejectIdFacts, intent::AcceptConsent,
                 intent::Cancel, intent::Back, intent::OpenVacancy, intent::ShowSlots,
                 intent::ChooseSlot, intent::ConfirmBooking, intent::Finish, intent::StillHere,
                 intent::SetSearch, intent::ShowKeyboard, intent::OpenOccupations,
                 intent::ToggleOccupation, intent::OpenFilters, intent::SetFilters,
                 intent::ShowMatches, intent::OpenWardPicker, intent::SetWardSearch,
                 intent::ChooseWard, intent::LeaveQueued, intent::RegisterInterest,
                 intent::SetPhone, intent::SetLanguage, intent::SetLargeText,
                 intent::SetHighContrast, intent::ReadAloud, intent::OpenStaff>;

struct JourneyConfig {
  std::string kiosk_id;
  std::string centre_name;
  /// Vacancies must belong to one of these job-fair sessions; when empty,
  /// the sessions of the catalog that take place today.
  std::vector<std::string> active_session_ids;
  /// The profile's target groups: a vacancy must name one of them (empty: any).
  std::vector<std::string> target_groups;
  std::chrono::seconds idle_timeout{90};
  std::chrono::seconds idle_warning{20};  // warn this long before the timeout
  std::chrono::seconds done_timeout{30};
  /// Longest wait for a booking or a print before the person is told and
  /// can go on (above the API's own total timeout).
  std::chrono::seconds work_timeout{45};
  /// How long a rejected scan's message stays on the welcome screen.
  std::chrono::seconds notice_timeout{12};
  /// How long "reading…" stays up after the camera last saw an unreadable code.
  std::chrono::milliseconds reading_banner{1500};
  /// How long the "card read" confirmation stays up.
  std::chrono::seconds card_read_banner{3};
  std::shared_ptr<const WardTable> wards;
  /// The catalogues for text the journey composes (match reasons, slips);
  /// null: the Vietnamese source strings.
  std::shared_ptr<const Translations> translations;
  /// What each session starts with (the profile's defaults).
  Lang default_lang = Lang::vi;
  bool large_text = false;
  bool high_contrast = false;
  std::function<std::string()> new_idempotency_key = new_uuid_v4;
};

struct JourneyPorts {
  CentralApi& api;  // slots
  BookingOutbox& outbox;  // bookings: stored durably, then sent
  Printer& printer;
  const Clock& clock;
  TaskRunner& runner;
};

class Journey {
 public:
  Journey(JourneyPorts ports, JourneyConfig config);
  ~Journey();
  Journey(const Journey&) = delete;
  Journey& operator=(const Journey&) = delete;

  /// A scan arrived (UI thread). Only the welcome screen takes scans.
  void on_scan(const ScanEvent& scan);
  /// The camera sees a code it cannot read yet (UI thread). Shows "hold
  /// still" on the welcome screen for a moment, replacing an older notice.
  void on_reading();
  /// A touch or key press: restarts the idle timer.
  void on_activity();
  void handle(const Intent& intent);
  /// Advances timers; call at least once a second while not on welcome.
  void tick();
  /// The vacancies to match against (after a sync or a cache load).
  /// `index` must be built over catalog->vacancies; when null the Journey
  /// builds it here (fine for small catalogs; the app builds it off the UI
  /// thread).
  void set_catalog(std::shared_ptr<const Catalog> catalog, bool online,
                   std::shared_ptr<const SearchIndex> index = nullptr);

  /// A new profile's settings (sessions, target groups, timeouts, default
  /// presentation), for the next person. Refused (false) while a session
  /// is open: a profile never changes under a job seeker's finger.
  bool reconfigure(JourneyConfig config);
  const JourneyConfig& config() const { return m_config; }

  const JourneyView& view() const { return m_view; }
  /// A translator for the session's language.
  Tr tr() const { return Tr(m_config.translations.get(), m_view.lang); }
  /// True while personal data is held (a session is open).
  bool has_person() const { return m_person.has_value(); }
  /// When tick() next has something to do; nullopt when idle on welcome.
  std::optional<std::chrono::steady_clock::time_point> next_deadline() const;

 private:
  void start_session(CitizenId person, Screen first);
  void end_session(const char* why);
  void go(Screen s);
  void compute_matches();
  /// Handles the intents that narrow or widen the list (journey_refine.cpp);
  /// false when `intent` is not one of them.
  bool refine(const Intent& intent);
  MatchQuery base_query() const;
  void fill_occupation_grid();
  void fill_wards();
  void load_slots();
  void send_booking();
  void print_slip();
  void on_booking_failed(const ApiFailure& failure);
  void on_booking_pending(const std::optional<ApiFailure>& failure);
  void on_delivery(const tl::expected<Delivery, StoreFailure>& result);
  void print(Slip slip);
  SlipContext slip_context() const;
  void leave_queued();
  void on_interest(const std::optional<BookingConfirmation>& confirmation);
  /// Prints the slip of a stored request (queued booking, interest) and
  /// shows the done screen; the pending request is wiped.
  void print_request_slip(QueuedRequest request);
  void on_slots(const tl::expected<std::vector<Slot>, ApiFailure>& result);
  void on_booked(const BookingConfirmation& confirmation);
  void on_printed(const tl::expected<PrintReceipt, PrintFailure>& result);
  void on_work_timeout();
  std::string catalog_status() const;
  /// Language and presentation back to the profile's defaults.
  void reset_presentation();
  bool presentation_changed() const;
  /// Handles language and presentation intents; false for the others.
  bool present(const Intent& intent);

  JourneyPorts m_ports;
  JourneyConfig m_config;
  JourneyView m_view;
  std::optional<CitizenId> m_person;
  Redactor::Hold m_redaction;  // the person's own values, masked in logs while the session runs
  std::optional<BookingRequest> m_pending;  // the booking being made, with its key
  std::shared_ptr<const Catalog> m_catalog;
  std::shared_ptr<const SearchIndex> m_index;  // over m_catalog->vacancies
  std::vector<std::string> m_occupations;      // the person's chosen ISCO-08 codes
  std::string m_home_ward;                     // chosen on the ward screen ("" = from the card)
  bool m_online = false;
  std::uint64_t m_serial = 0;  // bumped at every screen change; older answers are dropped
  std::chrono::steady_clock::time_point m_last_activity{};
  std::chrono::steady_clock::time_point m_done_at{};
  std::chrono::steady_clock::time_point m_work_started{};
  std::chrono::steady_clock::time_point m_notice_at{};
  std::chrono::steady_clock::time_point m_card_read_at{};
  std::chrono::steady_clock::time_point m_reading_at{};
  std::uint64_t m_scans_accepted = 0;
};

}  // namespace kiosk
