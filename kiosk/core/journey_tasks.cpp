// The journey's blocking work: loading slots, booking, printing. Each job
// runs on a worker through the TaskRunner port and never throws; its answer
// comes back on the UI thread and is dropped when the screen has moved on.

#include <algorithm>
#include <iterator>

#include "core/journey.hpp"
#include "core/log.hpp"
#include "core/slip.hpp"
#include "core/text.hpp"

namespace kiosk {
namespace {

constexpr const char* k_offline_notice =
    "Hiện không kết nối được với Trung tâm. Bạn hãy thử lại sau ít phút, hoặc nhờ cán bộ hỗ "
    "trợ.";
constexpr const char* k_printer_notice =
    "Máy in đang gặp sự cố. Bạn hãy chụp ảnh hoặc ghi lại mã đặt lịch trên màn hình.";

ApiFailure crashed(const char* what) {
  return ApiFailure{ApiError::bad_response, 0, "client_error", what, {}};
}

// Runs an API call, turning anything it throws into a failure value.
template <typename Call>
auto guarded(Call&& call) -> decltype(call()) {
  try {
    return call();
  } catch (const std::exception& e) {
    return tl::unexpected(crashed(e.what()));
  } catch (...) {
    return tl::unexpected(crashed("unknown exception"));
  }
}

}  // namespace

void Journey::load_slots() {
  m_view.slots.clear();
  m_view.slots_loading = true;
  const std::string vacancy_id = m_view.vacancy->id;
  const auto serial = m_serial;
  CentralApi& api = m_ports.api;
  m_ports.runner.submit([this, &api, vacancy_id, serial]() -> TaskRunner::Continuation {
    auto result = guarded([&] { return api.slots(vacancy_id); });
    return [this, serial, result = std::move(result)]() {
      if (serial == m_serial) {
        on_slots(result);
      }
    };
  });
}

void Journey::on_slots(const tl::expected<std::vector<Slot>, ApiFailure>& result) {
  m_view.slots_loading = false;
  m_view.slots.clear();
  if (!result) {
    logger("flow")->warn("slots failed: {} (HTTP {})", result.error().code,
                         result.error().http_status);
    m_view.notice = k_offline_notice;
    return;
  }
  // Slots that have already begun cannot be booked; the API may still list them.
  const WallTime now = m_ports.clock.wall();
  std::copy_if(result->begin(), result->end(), std::back_inserter(m_view.slots),
               [now](const Slot& s) { return s.starts_at > now; });
  std::sort(m_view.slots.begin(), m_view.slots.end(),
            [](const Slot& a, const Slot& b) { return a.starts_at < b.starts_at; });
  const bool any_open = std::any_of(m_view.slots.begin(), m_view.slots.end(),
                                    [](const Slot& s) { return s.remaining > 0; });
  if (!any_open) {
    m_view.notice = "Vị trí này đã hết lịch phỏng vấn. Bạn hãy chọn việc khác.";
  }
}

void Journey::send_booking() {
  BookingRequest request = *m_pending;
  const auto serial = m_serial;
  CentralApi& api = m_ports.api;
  m_ports.runner.submit([this, &api, request = std::move(request),
                         serial]() mutable -> TaskRunner::Continuation {
    auto result = guarded([&] { return api.book(request); });
    request.wipe();
    return [this, serial, result = std::move(result)]() {
      if (serial != m_serial) {
        return;
      }
      if (result) {
        on_booked(*result);
      } else {
        on_booking_failed(result.error());
      }
    };
  });
}

void Journey::on_booked(const BookingConfirmation& confirmation) {
  logger("flow")->info("booked {} for vacancy {}", confirmation.reference,
                       confirmation.vacancy_id);
  m_pending->wipe();
  m_pending.reset();
  m_view.confirmation = confirmation;
  if (m_view.confirmation->vacancy_title.empty() && m_view.vacancy) {
    m_view.confirmation->vacancy_title = m_view.vacancy->title;
    m_view.confirmation->employer_name = m_view.vacancy->employer_name;
  }
  go(Screen::printing);
  print_slip();
}

void Journey::on_booking_failed(const ApiFailure& failure) {
  // The adapter logged the server's words; here only the code, since error
  // text from elsewhere may echo what was sent.
  logger("flow")->warn("booking failed: {} (HTTP {})", failure.code, failure.http_status);
  if (failure.kind == ApiError::conflict &&
      (failure.code == "slot_full" || failure.code == "already_booked")) {
    m_view.notice = failure.code == "slot_full"
                        ? "Giờ phỏng vấn này vừa hết chỗ. Bạn hãy chọn giờ khác."
                        : "Bạn đã đặt lịch cho giờ này rồi.";
    m_pending->wipe();
    m_pending.reset();
    go(Screen::slots);
    load_slots();
    return;
  }
  switch (failure.kind) {
    case ApiError::offline:
    case ApiError::timeout:
    case ApiError::unavailable:
    case ApiError::server:
      m_view.can_retry = true;
      m_view.notice = k_offline_notice;
      break;
    case ApiError::bad_response:
      // The booking may exist; a retry with the same key cannot double it.
      m_view.can_retry = true;
      m_view.notice =
          "Chưa xác nhận được lịch hẹn. Bạn hãy thử lại, hoặc nhờ cán bộ hỗ trợ.";
      break;
    default:
      m_view.can_retry = false;
      m_view.notice = "Trung tâm không nhận lịch hẹn này. Bạn hãy nhờ cán bộ hỗ trợ.";
      break;
  }
  go(Screen::confirm);
}

void Journey::print_slip() {
  SlipContext context;
  context.centre_name = m_config.centre_name;
  // A number-only reading has no name: the slip names the card instead
  // (masked; staff compare it with the card at the interview).
  context.seeker_name = m_person->birth_year_only ? "chủ thẻ căn cước " + mask_id(m_person->id)
                                                  : m_person->full_name;
  context.printed_at = m_ports.clock.wall();
  if (m_catalog && m_view.vacancy) {
    const auto& ids = m_view.vacancy->session_ids;
    for (const auto& s : m_catalog->sessions) {
      if (std::find(ids.begin(), ids.end(), s.id) != ids.end()) {
        context.session_title = s.title;
        break;
      }
    }
  }
  Slip slip = make_booking_slip(*m_view.confirmation, context);
  secure_wipe(context.seeker_name);
  const auto serial = m_serial;
  Printer& printer = m_ports.printer;
  m_ports.runner.submit(
      [this, &printer, slip = std::move(slip), serial]() mutable -> TaskRunner::Continuation {
        tl::expected<PrintReceipt, PrintFailure> result =
            tl::unexpected(PrintFailure{PrintError::failed, "printer threw"});
        try {
          result = printer.print(slip);
        } catch (const std::exception& e) {
          result = tl::unexpected(PrintFailure{PrintError::failed, e.what()});
        } catch (...) {
        }
        slip.wipe();
        return [this, serial, result = std::move(result)]() {
          if (serial == m_serial) {
            on_printed(result);
          }
        };
      });
}

void Journey::on_printed(const tl::expected<PrintReceipt, PrintFailure>& result) {
  if (result) {
    logger("print")->info("slip printed to {}", result->location);
    m_view.printed = true;
  } else {
    logger("print")->error("slip not printed: {}", result.error().message);
    m_view.printed = false;
    m_view.notice = k_printer_notice;
  }
  go(Screen::done);
}

void Journey::on_work_timeout() {
  if (m_view.screen == Screen::booking) {
    logger("flow")->warn("booking unanswered after {} s", m_config.work_timeout.count());
    on_booking_failed(ApiFailure{ApiError::timeout, 0, "kiosk_timeout", "no answer", {}});
  } else if (m_view.screen == Screen::printing) {
    logger("print")->error("printer unanswered after {} s", m_config.work_timeout.count());
    m_view.printed = false;
    m_view.notice = k_printer_notice;
    go(Screen::done);
  }
}

}  // namespace kiosk
