#include "adapters/print/cups_printer.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <cups/cups.h>
#include <unistd.h>

#include <fmt/format.h>

#include "adapters/print/png_writer.hpp"
#include "core/log.hpp"

namespace kiosk::print {
namespace {

PrintFailure failure(PrintError kind, std::string message) {
  return PrintFailure{kind, std::move(message)};
}

// True when the comma-separated `reasons` name `keyword` as a state (bare or
// "-error"), not as a "-warning" or "-report".
bool has_reason(std::string_view reasons, std::string_view keyword) {
  while (!reasons.empty()) {
    const std::size_t comma = reasons.find(',');
    std::string_view reason = reasons.substr(0, comma);
    reasons = comma == std::string_view::npos ? std::string_view() : reasons.substr(comma + 1);
    if (reason.ends_with("-error")) {
      reason.remove_suffix(6);
    }
    if (reason == keyword) {
      return true;
    }
  }
  return false;
}

// Removes the temporary PNG however print() leaves.
struct TempFile {
  std::string path;
  ~TempFile() {
    if (!path.empty()) {
      ::unlink(path.c_str());
    }
  }
};

tl::expected<void, PrintFailure> write_temp_png(const Bitmap1& image, TempFile& temp) {
  std::string pattern = (std::filesystem::temp_directory_path() / "kiosk-slip-XXXXXX.png").string();
  const int fd = ::mkstemps(pattern.data(), 4);
  if (fd < 0) {
    return tl::unexpected(failure(PrintError::failed, "cannot create a temporary slip file"));
  }
  ::close(fd);
  temp.path = pattern;
  if (auto written = write_png(image, temp.path); !written) {
    return tl::unexpected(failure(PrintError::failed, written.error()));
  }
  return {};
}

}  // namespace

std::optional<PrintFailure> cups_queue_failure(std::string_view queue, std::string_view state,
                                               std::string_view reasons,
                                               std::string_view accepting) {
  for (const std::string_view paper : {"media-empty", "media-needed"}) {
    if (has_reason(reasons, paper)) {
      return failure(PrintError::out_of_paper, fmt::format("cups:{}: {}", queue, paper));
    }
  }
  for (const std::string_view open : {"cover-open", "door-open"}) {
    if (has_reason(reasons, open)) {
      return failure(PrintError::out_of_paper, fmt::format("cups:{}: {}", queue, open));
    }
  }
  if (state == "5" || has_reason(reasons, "paused") || has_reason(reasons, "offline")) {
    return failure(PrintError::offline,
                   fmt::format("cups:{}: queue stopped ({})", queue, reasons.empty() ? "-" : reasons));
  }
  if (accepting == "false") {
    return failure(PrintError::offline, fmt::format("cups:{}: queue is not accepting jobs", queue));
  }
  return std::nullopt;
}

std::vector<std::pair<std::string, std::string>> cups_job_options(int dpi) {
  return {{"copies", "1"}, {"ppi", std::to_string(dpi)}, {"print-scaling", "none"},
          {"fit-to-page", "false"}};
}

CupsPrinter::CupsPrinter(std::string queue, std::unique_ptr<SlipRenderer> renderer, int dpi,
                         std::chrono::milliseconds connect_timeout)
    : m_queue(std::move(queue)), m_renderer(std::move(renderer)), m_dpi(dpi),
      m_connect_timeout(connect_timeout) {}

tl::expected<PrintReceipt, PrintFailure> CupsPrinter::print(const Slip& slip) {
  const std::lock_guard lock(m_mutex);
  auto raster = m_renderer->render(slip);
  if (!raster) {
    return tl::unexpected(failure(PrintError::failed, "cannot render slip: " + raster.error()));
  }
  TempFile temp;
  if (auto written = write_temp_png(raster->image, temp); !written) {
    logger("print")->error("slip {}: {}", slip.reference, written.error().message);
    return tl::unexpected(written.error());
  }
  auto job = submit(temp.path, "slip " + slip.reference);
  if (!job) {
    logger("print")->error("slip {}: {}", slip.reference, job.error().message);
    return tl::unexpected(job.error());
  }
  logger("print")->info("slip {} queued on cups:{} as job {}", slip.reference, m_queue, *job);
  return PrintReceipt{fmt::format("cups:{} job {}", m_queue, *job)};
}

tl::expected<int, PrintFailure> CupsPrinter::submit(const std::string& file,
                                                    const std::string& title) {
  const char* server = cupsServer();
  http_t* http = httpConnect2(server, ippPort(), nullptr, AF_UNSPEC, cupsEncryption(), 1,
                              static_cast<int>(m_connect_timeout.count()), nullptr);
  if (http == nullptr) {
    return tl::unexpected(failure(
        PrintError::offline, fmt::format("cups:{}: no CUPS server at {}", m_queue, server)));
  }
  cups_dest_t* dest = cupsGetNamedDest(http, m_queue.c_str(), nullptr);
  if (dest == nullptr) {
    httpClose(http);
    return tl::unexpected(failure(PrintError::offline,
                                  fmt::format("cups:{}: no such queue ({})", m_queue,
                                              cupsLastErrorString())));
  }
  const auto option = [dest](const char* name) {
    const char* value = cupsGetOption(name, dest->num_options, dest->options);
    return std::string_view(value == nullptr ? "" : value);
  };
  auto blocked = cups_queue_failure(m_queue, option("printer-state"),
                                    option("printer-state-reasons"),
                                    option("printer-is-accepting-jobs"));
  cupsFreeDests(1, dest);
  if (blocked) {
    httpClose(http);
    return tl::unexpected(std::move(*blocked));
  }
  cups_option_t* options = nullptr;
  int count = 0;
  for (const auto& [name, value] : cups_job_options(m_dpi)) {
    count = cupsAddOption(name.c_str(), value.c_str(), count, &options);
  }
  const int job = cupsPrintFile2(http, m_queue.c_str(), file.c_str(), title.c_str(), count, options);
  cupsFreeOptions(count, options);
  httpClose(http);
  if (job == 0) {
    return tl::unexpected(failure(
        PrintError::failed, fmt::format("cups:{}: job refused: {}", m_queue, cupsLastErrorString())));
  }
  return job;
}

}  // namespace kiosk::print
