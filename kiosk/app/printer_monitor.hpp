#pragma once
// A Printer that remembers how its last print went, for the staff screen
// and the heartbeat: the ESC/POS printer's paper-out answer is only known
// when it prints.

#include <memory>
#include <mutex>
#include <string>

#include "core/i18n.hpp"
#include "ports/printer.hpp"

namespace kiosk {

class PrinterMonitor final : public Printer {
 public:
  explicit PrinterMonitor(std::unique_ptr<Printer> inner) : m_inner(std::move(inner)) {}

  tl::expected<PrintReceipt, PrintFailure> print(const Slip& slip) override {
    auto result = m_inner->print(slip);
    std::lock_guard lock(m_mutex);
    m_state = result ? N_("Sẵn sàng (lần in cuối thành công)")
              : result.error().kind == PrintError::out_of_paper ? N_("Hết giấy")
              : result.error().kind == PrintError::offline ? N_("Không kết nối được máy in")
                                                           : N_("Lỗi khi in");
    return result;
  }

  /// The state as a msgid of the catalogues. Any thread.
  std::string state() const {
    std::lock_guard lock(m_mutex);
    return m_state;
  }

 private:
  std::unique_ptr<Printer> m_inner;
  mutable std::mutex m_mutex;
  std::string m_state = N_("Chưa in phiếu nào");
};

}  // namespace kiosk
