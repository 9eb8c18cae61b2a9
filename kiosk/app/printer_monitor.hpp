#pragma once
// A Printer that remembers how its last print went, for the staff screen
// and the heartbeat: the ESC/POS printer's paper-out answer is only known
// when it prints.

#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "core/i18n.hpp"
#include "ports/printer.hpp"

namespace kiosk {

/// How the last print went.
enum class PrinterState { none_yet, ok, out_of_paper, offline, failed };

/// For the staff screen: a msgid of the catalogues.
inline std::string_view printer_state_msgid(PrinterState s) {
  switch (s) {
    case PrinterState::ok:
      return N_("Sẵn sàng (lần in cuối thành công)");
    case PrinterState::out_of_paper:
      return N_("Hết giấy");
    case PrinterState::offline:
      return N_("Không kết nối được máy in");
    case PrinterState::failed:
      return N_("Lỗi khi in");
    case PrinterState::none_yet:
      break;
  }
  return N_("Chưa in phiếu nào");
}

/// For the heartbeat: a short code.
inline std::string_view printer_state_code(PrinterState s) {
  switch (s) {
    case PrinterState::ok:
      return "ok";
    case PrinterState::out_of_paper:
      return "paper_out";
    case PrinterState::offline:
      return "offline";
    case PrinterState::failed:
      return "error";
    case PrinterState::none_yet:
      break;
  }
  return "unknown";
}

class PrinterMonitor final : public Printer {
 public:
  explicit PrinterMonitor(std::unique_ptr<Printer> inner) : m_inner(std::move(inner)) {}

  tl::expected<PrintReceipt, PrintFailure> print(const Slip& slip) override {
    auto result = m_inner->print(slip);
    std::lock_guard lock(m_mutex);
    m_state = result                                            ? PrinterState::ok
              : result.error().kind == PrintError::out_of_paper ? PrinterState::out_of_paper
              : result.error().kind == PrintError::offline      ? PrinterState::offline
                                                                : PrinterState::failed;
    return result;
  }

  /// Any thread.
  PrinterState state() const {
    std::lock_guard lock(m_mutex);
    return m_state;
  }

 private:
  std::unique_ptr<Printer> m_inner;
  mutable std::mutex m_mutex;
  PrinterState m_state = PrinterState::none_yet;
};

}  // namespace kiosk
