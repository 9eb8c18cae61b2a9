#include "adapters/print/escpos_job.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::print {
namespace {

constexpr std::uint8_t k_esc = 0x1B;
constexpr std::uint8_t k_gs = 0x1D;
constexpr std::uint8_t k_dle = 0x10;
constexpr std::uint8_t k_eot = 0x04;
constexpr int k_max_feed = 255;        // ESC J n, one byte
constexpr int k_max_band_rows = 2303;  // GS v 0 on 80 mm printers
constexpr double k_tear_feed_mm = 12;  // print head to tear bar, without a cutter

using Bytes = std::vector<std::uint8_t>;

std::uint8_t byte(int value) {
  return static_cast<std::uint8_t>(value & 0xFF);
}

bool row_blank(const Bitmap1& image, int y) {
  const auto begin = image.bits.begin() + static_cast<std::ptrdiff_t>(y) * image.stride();
  return std::all_of(begin, begin + image.stride(), [](std::uint8_t b) { return b == 0; });
}

// Bytes up to and including the rightmost non-zero byte of rows [top, top+rows).
int used_bytes(const Bitmap1& image, int top, int rows) {
  int used = 0;
  for (int y = top; y < top + rows; ++y) {
    const std::size_t row = static_cast<std::size_t>(y) * static_cast<std::size_t>(image.stride());
    for (int x = image.stride() - 1; x >= used; --x) {
      if (image.bits[row + static_cast<std::size_t>(x)] != 0) {
        used = x + 1;
        break;
      }
    }
  }
  return used;
}

void append_feed(Bytes& out, int dots) {
  while (dots > 0) {
    const int step = std::min(dots, k_max_feed);
    out.insert(out.end(), {k_esc, 'J', byte(step)});
    dots -= step;
  }
}

void append_band(Bytes& out, const Bitmap1& image, int top, int rows) {
  const int width = used_bytes(image, top, rows);
  out.insert(out.end(), {k_gs, 'v', '0', 0, byte(width), byte(width >> 8), byte(rows),
                         byte(rows >> 8)});
  for (int y = top; y < top + rows; ++y) {
    const auto row = image.bits.begin() + static_cast<std::ptrdiff_t>(y) * image.stride();
    out.insert(out.end(), row, row + width);
  }
}

}  // namespace

std::vector<std::uint8_t> encode_escpos_job(const Bitmap1& image, const EscPosJobOptions& options) {
  Bytes out{k_esc, '@'};
  if (options.dpi >= 1 && options.dpi <= 255) {
    out.insert(out.end(), {k_gs, 'P', byte(options.dpi), byte(options.dpi)});
  }
  const int band_rows = std::clamp(options.band_rows, 1, k_max_band_rows);
  int pending_feed = 0;
  int y = 0;
  while (y < image.height) {
    if (row_blank(image, y)) {
      ++pending_feed;
      ++y;
      continue;
    }
    // A blank row costs a whole stride inside an image but 3 bytes as a
    // feed (plus 8 for the next image's header), so images end at one.
    append_feed(out, pending_feed);
    pending_feed = 0;
    int rows = 1;
    while (y + rows < image.height && rows < band_rows && !row_blank(image, y + rows)) {
      ++rows;
    }
    append_band(out, image, y, rows);
    y += rows;
  }
  append_feed(out, pending_feed);
  if (options.cutter) {
    out.insert(out.end(), {k_gs, 'V', 66, 0});  // feed to the cutter, partial cut
  } else {
    append_feed(out, static_cast<int>(std::lround(options.dpi * k_tear_feed_mm / 25.4)));
  }
  return out;
}

std::array<std::uint8_t, 3> status_query(StatusKind kind) {
  return {k_dle, k_eot, static_cast<std::uint8_t>(kind)};
}

bool is_status_answer(std::uint8_t b) {
  return (b & 0x93U) == 0x12U;
}

void apply_status(PrinterCondition& condition, StatusKind kind, std::uint8_t answer) {
  if (!is_status_answer(answer)) {
    return;
  }
  const auto bit = [answer](int n) { return (answer & (1U << n)) != 0; };
  condition.answered = true;
  switch (kind) {
    case StatusKind::printer:
      condition.offline = bit(3);
      break;
    case StatusKind::offline_cause:
      condition.cover_open = bit(2);
      condition.paper_end = condition.paper_end || bit(5);
      condition.error = condition.error || bit(6);
      break;
    case StatusKind::error_cause:
      condition.error = condition.error || bit(3) || bit(5) || bit(6);
      break;
    case StatusKind::paper:
      condition.paper_near_end = bit(2) || bit(3);
      condition.paper_end = bit(5) || bit(6);
      break;
  }
}

std::optional<PrintFailure> condition_failure(const PrinterCondition& condition) {
  if (condition.paper_end) {
    return PrintFailure{PrintError::out_of_paper, "printer reports paper end"};
  }
  if (condition.cover_open) {
    return PrintFailure{PrintError::out_of_paper, "printer reports its cover open"};
  }
  if (condition.error) {
    return PrintFailure{PrintError::failed, "printer reports an error (cutter, head or mechanism)"};
  }
  if (condition.offline) {
    return PrintFailure{PrintError::offline, "printer reports it is offline"};
  }
  return std::nullopt;
}

}  // namespace kiosk::print
