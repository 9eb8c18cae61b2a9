#pragma once
// The `file:DIR` printer: each slip becomes a PNG in DIR and, next to it, the
// raw ESC/POS job a receipt printer would get (.bin), for demos, tests and
// kiosks that hand slips to another system.

#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>

#include "adapters/print/escpos_job.hpp"

#include "adapters/print/slip_renderer.hpp"
#include "ports/printer.hpp"

namespace kiosk::print {

class FilePrinter final : public Printer {
 public:
  FilePrinter(std::filesystem::path directory, std::unique_ptr<SlipRenderer> renderer,
              EscPosJobOptions job = {});

  /// Renders `slip` and writes DIR/slip-<UTC timestamp>-<reference>.bin (the
  /// ESC/POS job) and then .png, each atomically (temporary file, fsync,
  /// rename), creating DIR if missing. The receipt's location is the PNG. A directory that cannot be
  /// created or written is `offline`; a render or write failure is `failed`.
  /// Blocking; callers on several threads are serialised.
  tl::expected<PrintReceipt, PrintFailure> print(const Slip& slip) override;

 private:
  tl::expected<void, PrintFailure> prepare_directory() const;
  using Writer = std::function<tl::expected<void, std::string>(std::FILE*)>;
  tl::expected<void, PrintFailure> write_atomically(const Writer& writer,
                                                    const std::filesystem::path& target) const;

  std::filesystem::path m_directory;
  std::unique_ptr<SlipRenderer> m_renderer;
  EscPosJobOptions m_job;
  std::mutex m_mutex;
};

}  // namespace kiosk::print
