#include "adapters/print/escpos_printer.hpp"

#include <fmt/format.h>

#include "core/log.hpp"

namespace kiosk::print {
namespace {

// Sends DLE EOT `kind` and waits for an answer-shaped byte, skipping others
// (automatic status messages some printers send unasked).
std::optional<std::uint8_t> ask(EscPosLink& link, StatusKind kind,
                                std::chrono::milliseconds timeout) {
  const auto query = status_query(kind);
  if (!link.send(query)) {
    return std::nullopt;
  }
  for (int skipped = 0; skipped < 8; ++skipped) {
    const auto b = link.read_byte(timeout);
    if (!b || is_status_answer(*b)) {
      return b;
    }
  }
  return std::nullopt;
}

}  // namespace

EscPosPrinter::EscPosPrinter(std::string location, EscPosOpener opener,
                             std::unique_ptr<SlipRenderer> renderer, EscPosJobOptions job,
                             EscPosTimeouts timeouts)
    : m_location(std::move(location)), m_opener(std::move(opener)),
      m_renderer(std::move(renderer)), m_job(job), m_timeouts(timeouts) {}

PrinterCondition EscPosPrinter::ask_condition(EscPosLink& link,
                                              std::chrono::milliseconds timeout) const {
  PrinterCondition condition;
  if (!link.can_answer()) {
    return condition;
  }
  link.drain();  // answers to DLE EOT patterns that happened to be in raster data
  const auto paper = ask(link, StatusKind::paper, timeout);
  if (!paper) {
    return condition;  // a printer that does not answer stays "unknown"
  }
  apply_status(condition, StatusKind::paper, *paper);
  if (const auto cause = ask(link, StatusKind::offline_cause, timeout)) {
    apply_status(condition, StatusKind::offline_cause, *cause);
    if (condition.error) {
      if (const auto error = ask(link, StatusKind::error_cause, timeout)) {
        apply_status(condition, StatusKind::error_cause, *error);
      }
    }
  }
  return condition;
}

tl::expected<void, PrintFailure> EscPosPrinter::check(EscPosLink& link,
                                                      const std::string& reference,
                                                      bool after) const {
  const PrinterCondition condition =
      ask_condition(link, after ? m_timeouts.status_after : m_timeouts.status);
  const char* when = after ? "after printing" : "before printing";
  if (!condition.answered) {
    if (link.can_answer()) {
      logger("print")->debug("slip {}: {} gave no status {} (unknown)", reference, m_location,
                             when);
    }
    return {};
  }
  if (auto failure = condition_failure(condition)) {
    failure->message = fmt::format("{} {}: {}", m_location, when, failure->message);
    logger("print")->error("slip {}: {}", reference, failure->message);
    return tl::unexpected(std::move(*failure));
  }
  if (condition.paper_near_end) {
    logger("print")->warn("{}: paper roll near its end", m_location);
  }
  return {};
}

tl::expected<PrintReceipt, PrintFailure> EscPosPrinter::print(const Slip& slip) {
  const std::lock_guard lock(m_mutex);
  auto raster = m_renderer->render(slip);
  if (!raster) {
    return tl::unexpected(
        PrintFailure{PrintError::failed, "cannot render slip: " + raster.error()});
  }
  const auto job = encode_escpos_job(raster->image, m_job);
  auto link = m_opener();
  if (!link) {
    logger("print")->error("slip {}: {}", slip.reference, link.error().message);
    return tl::unexpected(link.error());
  }
  if (auto ready = check(**link, slip.reference, false); !ready) {
    return tl::unexpected(ready.error());
  }
  if (auto sent = (*link)->send(job); !sent) {
    logger("print")->error("slip {}: {}", slip.reference, sent.error().message);
    return tl::unexpected(sent.error());
  }
  if (auto done = check(**link, slip.reference, true); !done) {
    return tl::unexpected(done.error());
  }
  logger("print")->info("slip {} sent to {} ({}x{} dots, {} bytes)", slip.reference, m_location,
                        raster->image.width, raster->image.height, job.size());
  return PrintReceipt{m_location};
}

}  // namespace kiosk::print
