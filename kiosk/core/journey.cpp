#include "core/journey.hpp"

#include <algorithm>
#include <iterator>

#include <fmt/format.h>

#include "core/log.hpp"
#include "core/match_query.hpp"
#include "core/overloaded.hpp"
#include "core/slip.hpp"
#include "core/text.hpp"

namespace kiosk {
namespace {

// A Vietnamese phone number as people write it: ten digits, the first 0.
bool is_phone_number(const std::string& digits) {
  return digits.size() == 10 && digits[0] == '0' &&
         std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string given_name(const std::string& full_name) {
  // Vietnamese names put the given name last: "Nguyễn Văn An" -> "An".
  const auto space = full_name.find_last_of(' ');
  return space == std::string::npos ? full_name : full_name.substr(space + 1);
}



}  // namespace

Journey::Journey(JourneyPorts ports, JourneyConfig config)
    : m_ports(ports), m_config(std::move(config)) {
  reset_presentation();
}

void Journey::reset_presentation() {
  m_view.lang = m_config.default_lang;
  m_view.large_text = m_config.large_text;
  m_view.high_contrast = m_config.high_contrast;
}

bool Journey::presentation_changed() const {
  return m_view.lang != m_config.default_lang || m_view.large_text != m_config.large_text ||
         m_view.high_contrast != m_config.high_contrast;
}

bool Journey::present(const Intent& intent) {
  return std::visit(Overloaded{
                        [&](const intent::SetLanguage& i) {
                          if (m_view.lang != i.lang) {
                            m_view.lang = i.lang;
                            m_view.catalog_status = catalog_status();
                            if (m_person) {
                              compute_matches();  // the reasons are composed in the language
                              if (m_view.screen == Screen::occupations) {
                                fill_occupation_grid();
                              }
                            }
                          }
                          return true;
                        },
                        [&](const intent::SetLargeText& i) {
                          m_view.large_text = i.on;
                          return true;
                        },
                        [&](const intent::SetHighContrast& i) {
                          m_view.high_contrast = i.on;
                          return true;
                        },
                        [&](const intent::ReadAloud&) { return true; },  // the app speaks
                        [&](const intent::OpenStaff&) { return true; },  // the app's staff mode
                        [](const auto&) { return false; },
                    },
                    intent);
}

Journey::~Journey() {
  if (m_person) {
    m_person->wipe();
  }
  if (m_pending) {
    m_pending->wipe();
  }
}

void Journey::on_scan(const ScanEvent& scan) {
  if (m_view.screen != Screen::welcome) {
    // A card held up mid-session belongs to the person already here, or is
    // the same card read again; never switch people silently.
    return;
  }
  auto parsed = parse_citizen_id(scan.bytes);
  if (!parsed && parsed.error() == CitizenIdError::id_only) {
    // A keyboard scanner that typed only the number: what its digits say
    // (birth year, sex) is shown for the person to confirm.
    if (auto person = citizen_from_id_only(scan.bytes, vn_date(m_ports.clock.wall()).year)) {
      logger("flow")->info("session started for {} (number only, {} bytes from {})",
                           mask_id(person->id), scan.bytes.size(), scan.source);
      start_session(std::move(*person), Screen::check_id);
      return;
    }
    parsed = tl::unexpected(CitizenIdError::bad_id);
  }
  if (!parsed) {
    logger("flow")->info("scan rejected: {} ({} bytes from {})", error_code(parsed.error()),
                         scan.bytes.size(), scan.source);
    m_view.notice = scan.text_lost && parsed.error() != CitizenIdError::not_citizen_id
                        ? N_("Máy quét này không đọc được chữ tiếng Việt trên thẻ. Bạn hãy đưa thẻ "
                             "vào camera phía trên, hoặc nhờ cán bộ hỗ trợ.")
                        : std::string(message_for(parsed.error()));
    m_notice_at = m_ports.clock.steady();
    m_view.reading = false;
    return;
  }
  logger("flow")->info("session started for {}", mask_id(parsed->id));
  start_session(std::move(*parsed), Screen::consent);
}

void Journey::on_reading() {
  if (m_view.screen != Screen::welcome) {
    return;
  }
  m_view.reading = true;
  m_view.notice.clear();  // the person is trying again: the old advice is done
  m_reading_at = m_ports.clock.steady();
}

void Journey::start_session(CitizenId person, Screen first) {
  m_person = std::move(person);
  // Until the session ends, these exact values are masked in every log line
  // and sink, whatever code logs them (core/redact.hpp).
  std::vector<std::string> personal = {m_person->id, m_person->full_name, m_person->address,
                                       m_person->old_id};
  if (!m_person->birth_year_only) {
    personal.push_back(format_vn_date(m_person->birth_date));
  }
  m_redaction = Redactor::global().hold(std::move(personal));
  JourneyView fresh;
  fresh.lang = m_view.lang;  // chosen on the welcome screen, for this person
  fresh.large_text = m_view.large_text;
  fresh.high_contrast = m_view.high_contrast;
  fresh.catalog_status = m_view.catalog_status;
  fresh.catalog_empty = m_view.catalog_empty;
  fresh.offline = m_view.offline;
  m_view = std::move(fresh);
  m_view.greeting_name = given_name(m_person->full_name);
  m_view.person_name = m_person->full_name;
  if (m_person->birth_year_only) {
    m_view.id_check = IdCheck{mask_id(m_person->id), m_person->birth_date.year,
                              std::string(sex_label(m_person->sex))};
  }
  m_view.card_read = true;
  m_view.scans_accepted = ++m_scans_accepted;
  m_card_read_at = m_ports.clock.steady();
  if (m_config.wards && !m_person->address.empty()) {
    if (const Ward* ward = m_config.wards->find_in_address(m_person->address)) {
      m_view.home_area = ward->full_name;
    }
  }
  m_last_activity = m_ports.clock.steady();
  go(first);
}

void Journey::end_session(const char* why) {
  if (m_person) {
    logger("flow")->info("session ended ({}), personal data wiped", why);
    m_person->wipe();
    m_person.reset();
  }
  if (m_pending) {
    m_pending->wipe();
    m_pending.reset();
  }
  m_redaction.release();
  m_occupations.clear();
  m_home_ward.clear();
  ++m_serial;
  secure_wipe(m_view.greeting_name);
  secure_wipe(m_view.person_name);
  secure_wipe(m_view.home_area);
  if (m_view.id_check) {
    secure_wipe(m_view.id_check->masked_id);
  }
  if (m_view.slip) {
    m_view.slip->wipe();
  }
  secure_wipe(m_view.phone);
  m_view = JourneyView{};
  reset_presentation();
  m_view.scans_accepted = m_scans_accepted;
  m_view.catalog_status = catalog_status();
  m_view.catalog_empty = !m_catalog || m_catalog->vacancies.empty();
  m_view.offline = !m_online;
}

void Journey::go(Screen s) {
  // Every move invalidates answers still on their way: only a request made
  // on the current screen may change it.
  ++m_serial;
  if (s != Screen::slots) {
    m_view.slots_loading = false;
  }
  m_view.screen = s;
  m_view.idle_seconds_left.reset();
  if (s == Screen::booking || s == Screen::printing) {
    m_work_started = m_ports.clock.steady();
  }
  if (s == Screen::done) {
    m_done_at = m_ports.clock.steady();
    m_view.done_seconds_left = static_cast<int>(m_config.done_timeout.count());
  }
}

void Journey::on_activity() {
  m_last_activity = m_ports.clock.steady();
  m_view.idle_seconds_left.reset();
}

void Journey::handle(const Intent& intent) {
  on_activity();
  if (present(intent) || refine(intent)) {
    return;
  }
  std::visit(
      Overloaded{
          [&](const intent::ConfirmIdFacts&) {
            if (m_view.screen == Screen::check_id) {
              go(Screen::consent);
            }
          },
          [&](const intent::RejectIdFacts&) {
            if (m_view.screen == Screen::check_id) {
              end_session("number-only facts rejected");
              m_view.notice =
                  N_("Bạn hãy đưa mặt sau thẻ có mã QR vào camera phía trên, hoặc "
                     "nhờ cán bộ hỗ trợ.");
              m_notice_at = m_ports.clock.steady();
            }
          },
          [&](const intent::AcceptConsent&) {
            if (m_view.screen == Screen::consent) {
              compute_matches();
              go(Screen::matches);
            }
          },
          [&](const intent::Cancel&) { end_session("cancelled"); },
          [&](const intent::Back&) {
            m_view.notice.clear();
            switch (m_view.screen) {
              case Screen::vacancy:
                go(Screen::matches);
                break;
              case Screen::slots:
                go(Screen::vacancy);
                break;
              case Screen::occupations:
              case Screen::filters:
                go(Screen::matches);
                break;
              case Screen::ward:
                go(Screen::consent);
                break;
              case Screen::confirm:
                m_view.interest = false;
                go(Screen::slots);
                break;
              case Screen::consent:
                if (m_view.id_check) {
                  go(Screen::check_id);
                } else {
                  end_session("back from first screen");
                }
                break;
              case Screen::check_id:
              case Screen::matches:
                end_session("back from first screen");
                break;
              default:
                break;
            }
          },
          [&](const intent::OpenVacancy& i) {
            if (m_view.screen != Screen::matches) {
              return;
            }
            const auto it = std::find_if(m_view.matches.begin(), m_view.matches.end(),
                                         [&](const Match& m) { return m.vacancy.id == i.vacancy_id; });
            if (it != m_view.matches.end()) {
              m_view.vacancy = it->vacancy;
              m_view.notice.clear();
              go(Screen::vacancy);
            }
          },
          [&](const intent::ShowSlots&) {
            if (m_view.screen == Screen::vacancy) {
              m_view.notice.clear();
              go(Screen::slots);
              load_slots();
            }
          },
          [&](const intent::ChooseSlot& i) {
            if (m_view.screen != Screen::slots) {
              return;
            }
            const auto it = std::find_if(m_view.slots.begin(), m_view.slots.end(),
                                         [&](const Slot& s) { return s.id == i.slot_id; });
            if (it == m_view.slots.end() || it->remaining <= 0) {
              return;
            }
            m_view.chosen_slot = *it;
            // One idempotency key per chosen slot: retries of this booking
            // reuse it, so the API never books the same request twice.
            if (m_pending) {
              m_pending->wipe();
            }
            m_pending = BookingRequest{m_config.new_idempotency_key(), m_config.kiosk_id,
                                       m_view.vacancy->id, it->id, m_person->id,
                                       m_person->full_name, m_person->birth_date,
                                       m_person->sex, {}};
            m_pending->birth_year_only = m_person->birth_year_only;
            m_view.notice.clear();
            m_view.can_retry = false;
            m_view.can_leave_queued = false;
            m_view.phone_locked = false;
            go(Screen::confirm);
          },
          [&](const intent::ConfirmBooking&) {
            if (m_view.screen != Screen::confirm || !m_pending) {
              return;
            }
            if (!m_view.phone.empty() && !is_phone_number(m_view.phone)) {
              m_view.notice =
                  N_("Số điện thoại chưa đúng: cần 10 chữ số, bắt đầu bằng số 0. Bạn "
                     "hãy sửa lại, hoặc xoá hết nếu không muốn để lại số.");
              m_view.keyboard_open = true;
              return;
            }
            // The body is fixed from the first send: a retry with the same
            // key must carry the same request.
            if (!m_view.phone_locked) {
              m_pending->phone = m_view.phone;
              m_view.phone_locked = true;
            }
            m_view.keyboard_open = false;
            m_view.notice.clear();
            go(Screen::booking);
            send_booking();
          },
          [&](const intent::SetPhone& i) {
            if (m_view.screen == Screen::confirm && !m_view.phone_locked) {
              secure_wipe(m_view.phone);
              for (const char c : i.digits) {
                if (c >= '0' && c <= '9' && m_view.phone.size() < 10) {
                  m_view.phone.push_back(c);
                }
              }
              m_view.notice.clear();
            }
          },
          [&](const intent::RegisterInterest&) {
            if (m_view.screen != Screen::slots || !m_view.can_register_interest) {
              return;
            }
            if (m_pending) {
              m_pending->wipe();
            }
            m_pending = BookingRequest{m_config.new_idempotency_key(), m_config.kiosk_id,
                                       m_view.vacancy->id, "", m_person->id,
                                       m_person->full_name, m_person->birth_date,
                                       m_person->sex, {}};
            m_pending->birth_year_only = m_person->birth_year_only;
            m_view.chosen_slot.reset();
            m_view.interest = true;
            m_view.notice.clear();
            m_view.can_retry = false;
            m_view.can_leave_queued = false;
            m_view.phone_locked = false;
            go(Screen::confirm);
          },
          [&](const intent::LeaveQueued&) {
            if (m_view.screen == Screen::confirm && m_view.can_leave_queued && m_pending) {
              leave_queued();
            }
          },
          [&](const intent::Finish&) {
            if (m_view.screen == Screen::done) {
              end_session("finished");
            }
          },
          [&](const intent::StillHere&) {},
          [](const auto&) {},  // the refinement intents, handled by refine()
      },
      intent);
}

void Journey::tick() {
  const auto now = m_ports.clock.steady();
  if (m_view.screen == Screen::welcome) {
    // A rejected scan's message is for that person, not the next one.
    if (!m_view.notice.empty() && now - m_notice_at >= m_config.notice_timeout) {
      m_view.notice.clear();
    }
    if (m_view.reading && now - m_reading_at >= m_config.reading_banner) {
      m_view.reading = false;
    }
    // Someone chose English or large text and walked away: the next person
    // gets the defaults.
    if (presentation_changed() && now - m_last_activity >= m_config.idle_timeout) {
      reset_presentation();
      m_view.catalog_status = catalog_status();
    }
    return;
  }
  if (m_view.screen == Screen::done) {
    const auto left = m_config.done_timeout - (now - m_done_at);
    m_view.done_seconds_left =
        static_cast<int>(std::max<long>(0, std::chrono::ceil<std::chrono::seconds>(left).count()));
    if (left <= std::chrono::seconds{0}) {
      end_session("done screen timed out");
    }
    return;
  }
  if (m_view.screen == Screen::booking || m_view.screen == Screen::printing) {
    // The person is waiting for the kiosk, not idle; but the kiosk never
    // waits for ever.
    if (now - m_work_started >= m_config.work_timeout) {
      on_work_timeout();
    }
    return;
  }
  if (m_view.card_read && now - m_card_read_at >= m_config.card_read_banner) {
    m_view.card_read = false;
  }
  const auto idle = now - m_last_activity;
  if (idle >= m_config.idle_timeout) {
    end_session("idle timeout");
    return;
  }
  const auto warning = std::min(m_config.idle_warning, m_config.idle_timeout / 2);
  if (idle >= m_config.idle_timeout - warning) {
    const auto left = std::chrono::ceil<std::chrono::seconds>(m_config.idle_timeout - idle);
    m_view.idle_seconds_left = static_cast<int>(left.count());
  }
}

std::optional<std::chrono::steady_clock::time_point> Journey::next_deadline() const {
  if (m_view.screen == Screen::welcome && m_view.notice.empty() && !m_view.reading &&
      !presentation_changed()) {
    return std::nullopt;
  }
  if (m_view.reading) {
    return m_reading_at + m_config.reading_banner;
  }
  // Timers show whole seconds, so once a second is enough.
  return m_ports.clock.steady() + std::chrono::seconds{1};
}

void Journey::set_catalog(std::shared_ptr<const Catalog> catalog, bool online,
                          std::shared_ptr<const SearchIndex> index) {
  if (catalog && !index) {
    index = std::make_shared<const SearchIndex>(SearchIndex::build(catalog->vacancies));
  }
  m_catalog = std::move(catalog);
  m_index = std::move(index);
  m_online = online;
  m_view.catalog_status = catalog_status();
  m_view.catalog_empty = !m_catalog || m_catalog->vacancies.empty();
  m_view.offline = !m_online;
}

bool Journey::reconfigure(JourneyConfig config) {
  if (m_person || m_view.screen != Screen::welcome) {
    return false;
  }
  m_config = std::move(config);
  reset_presentation();
  m_view.catalog_status = catalog_status();
  return true;
}

std::string Journey::catalog_status() const {
  if (!m_catalog || !m_catalog->synced_at) {
    return m_online ? "" : std::string(tr().tr("Chưa tải được danh sách việc làm"));
  }
  const std::string when = format_vn_hhmm(*m_catalog->synced_at);
  if (m_online) {
    return tr().trf("Cập nhật lúc {}", when);
  }
  return tr().trf("Đang ngoại tuyến · dữ liệu cập nhật lúc {}", when);
}

}  // namespace kiosk
