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
    N_("Hiện không kết nối được với Trung tâm. Bạn hãy thử lại sau ít phút, hoặc nhờ cán bộ hỗ "
       "trợ.");
constexpr const char* k_printer_notice =
    N_("Máy in đang gặp sự cố. Bạn hãy chụp ảnh phiếu hẹn trên màn hình; cán bộ tại quầy có thể in "
       "lại cho bạn.");

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
    // Without slots the person can still leave their interest: the outbox
    // sends it when it can, and the Centre calls them.
    m_view.can_register_interest = true;
    return;
  }
  m_view.can_register_interest = false;
  // Slots that have already begun cannot be booked; the API may still list them.
  const WallTime now = m_ports.clock.wall();
  std::copy_if(result->begin(), result->end(), std::back_inserter(m_view.slots),
               [now](const Slot& s) { return s.starts_at > now; });
  std::sort(m_view.slots.begin(), m_view.slots.end(),
            [](const Slot& a, const Slot& b) { return a.starts_at < b.starts_at; });
  const bool any_open = std::any_of(m_view.slots.begin(), m_view.slots.end(),
                                    [](const Slot& s) { return s.remaining > 0; });
  if (!any_open) {
    m_view.notice = N_("Vị trí này đã hết lịch phỏng vấn. Bạn hãy chọn việc khác.");
  }
}

void Journey::send_booking() {
  BookingRequest request = *m_pending;
  const auto serial = m_serial;
  BookingOutbox& outbox = m_ports.outbox;
  const OutboxKind kind = m_view.interest ? OutboxKind::interest : OutboxKind::booking;
  m_ports.runner.submit([this, &outbox, request = std::move(request), kind,
                         serial]() mutable -> TaskRunner::Continuation {
    tl::expected<Delivery, StoreFailure> result =
        tl::unexpected(StoreFailure{StoreError::io, "outbox threw"});
    try {
      result = outbox.submit(request, kind);
    } catch (const std::exception& e) {
      result = tl::unexpected(StoreFailure{StoreError::io, e.what()});
    } catch (...) {
    }
    request.wipe();
    return [this, serial, result = std::move(result)]() {
      if (serial == m_serial) {
        on_delivery(result);
      }
    };
  });
}

void Journey::on_delivery(const tl::expected<Delivery, StoreFailure>& result) {
  if (!result) {
    // Not even stored: nothing was sent, and nothing will be unless retried.
    logger("flow")->error("booking not stored in the outbox: {}", result.error().message);
    m_view.can_retry = true;
    m_view.can_leave_queued = false;
    m_view.notice =
        N_("Máy chưa lưu được yêu cầu đặt lịch. Bạn hãy thử lại, hoặc nhờ cán bộ hỗ trợ.");
    go(Screen::confirm);
    return;
  }
  switch (result->state) {
    case DeliveryState::delivered:
      if (m_view.interest) {
        on_interest(result->confirmation);
        return;
      }
      if (result->confirmation) {
        on_booked(*result->confirmation);
        return;
      }
      on_booking_pending(result->failure);  // cannot happen with a sane outbox
      return;
    case DeliveryState::rejected:
      on_booking_failed(result->failure.value_or(
          ApiFailure{ApiError::conflict, 0, "rejected", "rejected", {}}));
      return;
    case DeliveryState::pending:
      on_booking_pending(result->failure);
      return;
  }
}

void Journey::on_booking_pending(const std::optional<ApiFailure>& failure) {
  logger("flow")->warn("booking stored, not delivered yet: {} (HTTP {})",
                       failure ? failure->code : std::string("-"),
                       failure ? failure->http_status : 0);
  // The outbox holds it and will send it; the person may wait and retry now,
  // or leave it to the kiosk and take a slip that says so.
  m_view.can_retry = true;
  m_view.can_leave_queued = true;
  m_view.notice =
      N_("Chưa gửi được đến Trung tâm, nhưng yêu cầu đã được lưu trên máy. Bạn hãy thử lại, hoặc "
         "để máy tự gửi khi có mạng.");
  go(Screen::confirm);
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
                        ? N_("Giờ phỏng vấn này vừa hết chỗ. Bạn hãy chọn giờ khác.")
                        : N_("Bạn đã đặt lịch cho giờ này rồi.");
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
      m_view.notice = N_("Chưa xác nhận được lịch hẹn. Bạn hãy thử lại, hoặc nhờ cán bộ hỗ trợ.");
      break;
    default:
      m_view.can_retry = false;
      m_view.notice = N_("Trung tâm không nhận lịch hẹn này. Bạn hãy nhờ cán bộ hỗ trợ.");
      break;
  }
  go(Screen::confirm);
}

void Journey::print_slip() {
  SlipContext context = slip_context();
  Slip slip = make_booking_slip(*m_view.confirmation, context);
  secure_wipe(context.seeker_name);
  print(std::move(slip));
}

void Journey::print(Slip slip) {
  // Kept for the screen in case the printer fails: the person can still
  // photograph the slip with its QR code.
  if (m_view.slip) {
    m_view.slip->wipe();
  }
  m_view.slip = slip;
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

SlipContext Journey::slip_context() const {
  SlipContext context;
  context.centre_name = m_config.centre_name;
  // A number-only reading has no name: the slip names the card instead
  // (masked; staff compare it with the card at the interview).
  context.seeker_name = m_person->birth_year_only
                            ? tr().trf("chủ thẻ căn cước {}", mask_id(m_person->id))
                            : m_person->full_name;
  context.tr = tr();
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
  return context;
}

void Journey::on_interest(const std::optional<BookingConfirmation>& confirmation) {
  QueuedRequest request;
  request.interest = true;
  request.delivered = confirmation.has_value();
  request.request_code =
      confirmation ? confirmation->reference : request_code(m_pending->idempotency_key);
  logger("flow")->info("interest {} for vacancy {} ({})", request.request_code,
                       m_view.vacancy->id, request.delivered ? "delivered" : "queued");
  print_request_slip(std::move(request));
}

void Journey::leave_queued() {
  if (m_view.interest) {
    on_interest(std::nullopt);
    return;
  }
  QueuedRequest request;
  request.request_code = request_code(m_pending->idempotency_key);
  request.slot = m_view.chosen_slot;
  logger("flow")->info("booking {} left to the outbox", request.request_code);
  print_request_slip(std::move(request));
}

void Journey::print_request_slip(QueuedRequest request) {
  request.vacancy_title = m_view.vacancy->title;
  request.employer_name = m_view.vacancy->employer_name;
  SlipContext context = slip_context();
  Slip slip = make_queued_slip(request, context);
  secure_wipe(context.seeker_name);
  m_pending->wipe();
  m_pending.reset();
  m_view.queued = !request.delivered;
  m_view.queued_code = request.request_code;
  m_view.can_retry = false;
  m_view.can_leave_queued = false;
  m_view.notice.clear();
  go(Screen::printing);
  print(std::move(slip));
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
    // Stored before it was sent: the outbox keeps trying with the same key.
    ++m_serial;  // the late answer is dropped
    on_booking_pending(ApiFailure{ApiError::timeout, 0, "kiosk_timeout", "no answer", {}});
  } else if (m_view.screen == Screen::printing) {
    logger("print")->error("printer unanswered after {} s", m_config.work_timeout.count());
    m_view.printed = false;
    m_view.notice = k_printer_notice;
    go(Screen::done);
  }
}

}  // namespace kiosk
