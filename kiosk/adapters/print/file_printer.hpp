#pragma once
// The `file:DIR` printer: each slip becomes a PNG in DIR, for demos, tests
// and kiosks that hand slips to another system.

#include <filesystem>
#include <memory>
#include <mutex>

#include "adapters/print/slip_renderer.hpp"
#include "ports/printer.hpp"

namespace kiosk::print {

class FilePrinter final : public Printer {
 public:
  FilePrinter(std::filesystem::path directory, std::unique_ptr<SlipRenderer> renderer);

  /// Renders `slip` and writes DIR/slip-<UTC timestamp>-<reference>.png
  /// atomically (temporary file, fsync, rename), creating DIR if missing.
  /// The receipt's location is the file's path. A directory that cannot be
  /// created or written is `offline`; a render or write failure is `failed`.
  /// Blocking; callers on several threads are serialised.
  tl::expected<PrintReceipt, PrintFailure> print(const Slip& slip) override;

 private:
  tl::expected<void, PrintFailure> prepare_directory() const;
  tl::expected<std::filesystem::path, PrintFailure> write_atomically(
      const Bitmap1& image, const std::string& reference) const;

  std::filesystem::path m_directory;
  std::unique_ptr<SlipRenderer> m_renderer;
  std::mutex m_mutex;
};

}  // namespace kiosk::print
