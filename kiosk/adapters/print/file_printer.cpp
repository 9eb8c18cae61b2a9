#include "adapters/print/file_printer.hpp"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <system_error>

#include <fcntl.h>
#include <unistd.h>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "adapters/print/png_writer.hpp"
#include "core/log.hpp"

namespace kiosk::print {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t k_max_reference_chars = 32;

std::string errno_text(int error) {
  return std::generic_category().message(error);
}

PrintFailure failure(PrintError kind, std::string message) {
  return PrintFailure{kind, std::move(message)};
}

// UTC with milliseconds, so names sort by time and do not collide.
std::string timestamp_now() {
  const auto now =
      std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
  const auto seconds = std::chrono::time_point_cast<std::chrono::seconds>(now);
  return fmt::format("{:%Y%m%dT%H%M%S}.{:03d}Z", seconds, (now - seconds).count());
}

// The reference as a safe file-name part: letters, digits, '-' and '_'.
std::string file_safe(const std::string& reference) {
  std::string safe;
  for (const char c : reference.substr(0, k_max_reference_chars)) {
    const bool plain =
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    safe.push_back(plain ? c : '_');
  }
  return safe.empty() ? std::string("slip") : safe;
}

// DIR/STEM (or STEM-2, -3 …) such that neither STEM.png nor STEM.bin exists.
fs::path unused_stem(const fs::path& directory, const std::string& stem) {
  fs::path candidate = directory / stem;
  for (int n = 2; fs::exists(fs::path(candidate).concat(".png")) ||
                  fs::exists(fs::path(candidate).concat(".bin"));
       ++n) {
    candidate = directory / fmt::format("{}-{}", stem, n);
  }
  return candidate;
}

tl::expected<void, std::string> write_bytes(const std::vector<std::uint8_t>& bytes,
                                            std::FILE* stream) {
  if (std::fwrite(bytes.data(), 1, bytes.size(), stream) != bytes.size()) {
    return tl::unexpected(errno_text(errno));
  }
  return {};
}

// Makes the rename durable; a failure here is not worth failing the print.
void sync_directory(const fs::path& directory) {
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

}  // namespace

FilePrinter::FilePrinter(std::filesystem::path directory, std::unique_ptr<SlipRenderer> renderer,
                         EscPosJobOptions job)
    : m_directory(std::move(directory)), m_renderer(std::move(renderer)), m_job(job) {}

tl::expected<PrintReceipt, PrintFailure> FilePrinter::print(const Slip& slip) {
  const std::lock_guard lock(m_mutex);
  auto raster = m_renderer->render(slip);
  if (!raster) {
    return tl::unexpected(failure(PrintError::failed, "cannot render slip: " + raster.error()));
  }
  if (auto ready = prepare_directory(); !ready) {
    logger("print")->error("slip {}: {}", slip.reference, ready.error().message);
    return tl::unexpected(ready.error());
  }
  const fs::path stem =
      unused_stem(m_directory, "slip-" + timestamp_now() + "-" + file_safe(slip.reference));
  const auto job = encode_escpos_job(raster->image, m_job);
  const fs::path png = fs::path(stem).concat(".png");
  auto written = write_atomically(
      [&job](std::FILE* stream) { return write_bytes(job, stream); },
      fs::path(stem).concat(".bin"));
  if (written) {
    written = write_atomically(
        [&raster](std::FILE* stream) { return write_png(raster->image, stream); }, png);
  }
  if (!written) {
    logger("print")->error("slip {}: {}", slip.reference, written.error().message);
    return tl::unexpected(written.error());
  }
  logger("print")->info("slip {} written to {} ({}x{} dots, ESC/POS job {} bytes)", slip.reference,
                        png.string(), raster->image.width, raster->image.height, job.size());
  return PrintReceipt{png.string()};
}

tl::expected<void, PrintFailure> FilePrinter::prepare_directory() const {
  std::error_code error;
  fs::create_directories(m_directory, error);
  if (error) {
    return tl::unexpected(failure(
        PrintError::offline,
        fmt::format("cannot create slip directory {}: {}", m_directory.string(), error.message())));
  }
  if (!fs::is_directory(m_directory, error)) {
    return tl::unexpected(
        failure(PrintError::offline,
                fmt::format("slip directory {} is not a directory", m_directory.string())));
  }
  return {};
}

tl::expected<void, PrintFailure> FilePrinter::write_atomically(
    const Writer& writer, const std::filesystem::path& target) const {
  std::string temp = (m_directory / ".slip-XXXXXX.tmp").string();
  const int fd = ::mkstemps(temp.data(), 4);
  if (fd < 0) {
    return tl::unexpected(
        failure(PrintError::offline, fmt::format("cannot write in slip directory {}: {}",
                                                 m_directory.string(), errno_text(errno))));
  }
  std::FILE* stream = ::fdopen(fd, "wb");
  if (stream == nullptr) {
    const int error = errno;
    ::close(fd);
    ::unlink(temp.c_str());
    return tl::unexpected(
        failure(PrintError::failed, fmt::format("cannot open {}: {}", temp, errno_text(error))));
  }
  auto written = writer(stream);
  const bool synced = std::fflush(stream) == 0 && ::fsync(fd) == 0;
  const int sync_error = errno;
  const bool closed = std::fclose(stream) == 0;
  if (!written || !synced || !closed) {
    ::unlink(temp.c_str());
    const std::string reason = !written ? written.error() : errno_text(synced ? errno : sync_error);
    return tl::unexpected(
        failure(PrintError::failed, fmt::format("cannot write {}: {}", temp, reason)));
  }
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    return tl::unexpected(failure(
        PrintError::failed,
        fmt::format("cannot rename {} to {}: {}", temp, target.string(), errno_text(error))));
  }
  sync_directory(m_directory);
  return {};
}

}  // namespace kiosk::print
