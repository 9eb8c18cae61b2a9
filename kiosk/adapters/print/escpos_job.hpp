#pragma once
// ESC/POS for receipt printers: a slip raster as one print job (GS v 0 in
// bands, blank stretches sent as paper feeds, then a cut), and the DLE EOT
// real-time status answers. Pure functions, any thread.

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "adapters/print/bitmap1.hpp"
#include "ports/printer.hpp"

namespace kiosk::print {

struct EscPosJobOptions {
  int dpi = 203;         // motion unit set with GS P so that ESC J n feeds n dots
  bool cutter = true;    // GS V partial cut at the end; without one, feed to the tear bar
  int band_rows = 128;   // most rows in one GS v 0 image (small printer buffers)
};

/// The job for `image`: ESC @, GS P (when 1 <= dpi <= 255), then the rows
/// top to bottom — each run of non-blank rows as GS v 0 (m = 0) images of at
/// most `band_rows` rows, cut to the band's rightmost black byte, and each
/// run of blank rows as ESC J feeds — then a partial cut (GS V 66 0, which
/// feeds to the cutter first) or a tear-off feed. An empty image gives only
/// the initialisation and the cut.
std::vector<std::uint8_t> encode_escpos_job(const Bitmap1& image, const EscPosJobOptions& options);

/// The `n` of DLE EOT n.
enum class StatusKind : std::uint8_t { printer = 1, offline_cause = 2, error_cause = 3, paper = 4 };

/// The three bytes DLE EOT n.
std::array<std::uint8_t, 3> status_query(StatusKind kind);

/// True for a byte shaped like a DLE EOT answer: bits 1 and 4 set, bits 0
/// and 7 clear (anything else is some other message from the printer).
bool is_status_answer(std::uint8_t byte);

/// What the printer said about itself; all false until it answers.
struct PrinterCondition {
  bool answered = false;        // at least one DLE EOT answer arrived
  bool offline = false;         // n=1 bit 3
  bool cover_open = false;      // n=2 bit 2
  bool paper_end = false;       // n=4 bits 5-6, or n=2 bit 5 (stopped by paper end)
  bool paper_near_end = false;  // n=4 bits 2-3
  bool error = false;           // n=2 bit 6; n=3 bits 3 (cutter), 5, 6
};

/// Folds the answer to DLE EOT `kind` into `condition`; ignores a byte that
/// is not shaped like an answer.
void apply_status(PrinterCondition& condition, StatusKind kind, std::uint8_t answer);

/// Why the printer cannot print a slip now, or nothing: paper end and an open
/// cover are `out_of_paper` (staff must act at the printer), an error is
/// `failed`, offline without a known cause is `offline`. Near end prints.
std::optional<PrintFailure> condition_failure(const PrinterCondition& condition);

}  // namespace kiosk::print
