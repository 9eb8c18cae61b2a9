#pragma once
// The ESC/POS printers (`escpos-tcp:HOST:PORT`, `escpos-usb:DEVICE`): each
// slip is rendered, asked about with DLE EOT, sent as one raster job, and
// asked about again.

#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "adapters/print/escpos_job.hpp"
#include "adapters/print/escpos_link.hpp"
#include "adapters/print/slip_renderer.hpp"
#include "ports/printer.hpp"

namespace kiosk::print {

/// Opens a fresh link for one job (so a printer restarted or replugged
/// between slips is found again).
using EscPosOpener = std::function<tl::expected<std::unique_ptr<EscPosLink>, PrintFailure>()>;

class EscPosPrinter final : public Printer {
 public:
  EscPosPrinter(std::string location, EscPosOpener opener, std::unique_ptr<SlipRenderer> renderer,
                EscPosJobOptions job, EscPosTimeouts timeouts);

  /// Renders `slip`, opens the link, asks the paper sensor (DLE EOT 4) and
  /// the offline cause (DLE EOT 2); paper end or an open cover is
  /// `out_of_paper` and nothing is printed. A printer that does not answer
  /// is "unknown" and printed to anyway. After the job it asks again: paper
  /// end then means the slip may be cut short (`out_of_paper`). A link that
  /// cannot be opened is `offline`. The receipt names the URI. Blocking (up
  /// to the timeouts); callers on several threads are serialised. Slip text
  /// is never logged.
  tl::expected<PrintReceipt, PrintFailure> print(const Slip& slip) override;

 private:
  PrinterCondition ask_condition(EscPosLink& link, std::chrono::milliseconds timeout) const;
  tl::expected<void, PrintFailure> check(EscPosLink& link, const std::string& reference,
                                         bool after) const;

  std::string m_location;
  EscPosOpener m_opener;
  std::unique_ptr<SlipRenderer> m_renderer;
  EscPosJobOptions m_job;
  EscPosTimeouts m_timeouts;
  std::mutex m_mutex;
};

}  // namespace kiosk::print
