#pragma once
// The `cups:QUEUE` printer: each slip is rendered at the roll's width and
// handed to CUPS (libcups) as a 1-bit PNG printed at its natural size, after
// the queue's state says it can print.

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "adapters/print/slip_renderer.hpp"
#include "ports/printer.hpp"

namespace kiosk::print {

/// Why the queue cannot take a slip, from its destination attributes
/// (`printer-state` 3/4/5, `printer-state-reasons`, `printer-is-accepting-jobs`),
/// or nothing. media-empty/-needed and cover-/door-open (not as warnings
/// or reports) are `out_of_paper`; stopped, paused, offline or not accepting
/// jobs is `offline`. Pure.
std::optional<PrintFailure> cups_queue_failure(std::string_view queue, std::string_view state,
                                               std::string_view reasons,
                                               std::string_view accepting);

/// The job options for a slip PNG at `dpi`: one copy, the image's own size
/// (ppi = dpi, no scaling to the page). Pure.
std::vector<std::pair<std::string, std::string>> cups_job_options(int dpi);

class CupsPrinter final : public Printer {
 public:
  CupsPrinter(std::string queue, std::unique_ptr<SlipRenderer> renderer, int dpi,
              std::chrono::milliseconds connect_timeout = std::chrono::milliseconds(5000));

  /// Renders `slip` to a temporary PNG, connects to the CUPS server
  /// (cupsServer(): CUPS_SERVER, client.conf or the local socket), checks
  /// the queue and submits the file (cupsPrintFile2). No server or no such
  /// queue is `offline`; a queue failure as cups_queue_failure; a refused
  /// job `failed`. The receipt is "cups:QUEUE job N". Blocking; callers on
  /// several threads are serialised.
  tl::expected<PrintReceipt, PrintFailure> print(const Slip& slip) override;

 private:
  tl::expected<int, PrintFailure> submit(const std::string& file, const std::string& title);

  std::string m_queue;
  std::unique_ptr<SlipRenderer> m_renderer;
  int m_dpi;
  std::chrono::milliseconds m_connect_timeout;
  std::mutex m_mutex;
};

}  // namespace kiosk::print
