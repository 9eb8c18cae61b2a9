#pragma once
// The print tests' own reading of ESC/POS jobs (independent of the encoder):
// a small GS v 0 decoder that rebuilds the printed image, and a port 9100
// printer stand-in on loopback that captures what it is sent and answers
// DLE EOT queries as told.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <ZXing/ReadBarcode.h>

#include "adapters/print/bitmap1.hpp"
#include "print_test_support.hpp"

namespace kiosk::print::test {

using Bytes = std::vector<std::uint8_t>;

/// What a job did to the paper.
struct DecodedJob {
  Bitmap1 image;                    // width = the widest band; rows fed are white
  int bands = 0;                    // GS v 0 images
  int status_queries = 0;           // DLE EOT n seen in the command stream
  int raster_offset = -1;           // byte offset of the first GS v 0, -1 without one
  int first_query_offset = -1;      // byte offset of the first DLE EOT
  bool initialised = false;         // ESC @ before the first image
  bool cut = false;                 // GS V
  bool ok = true;                   // every byte understood
};

/// Walks `job` command by command: ESC @, GS P, ESC J n (feed n rows), GS v 0
/// (an image at the current row), GS V (cut), DLE EOT n. Any other byte sets
/// ok = false and stops. `width` is the roll's width in dots.
inline DecodedJob decode_escpos(const Bytes& job, int width) {
  DecodedJob out;
  out.image.width = width;
  int row = 0;
  std::size_t i = 0;
  const auto need = [&](std::size_t n) { return i + n <= job.size(); };
  while (i < job.size() && out.ok) {
    const std::uint8_t c = job[i];
    if (c == 0x1B && need(2) && job[i + 1] == '@') {
      out.initialised = out.initialised || out.raster_offset < 0;
      i += 2;
    } else if (c == 0x1B && need(3) && job[i + 1] == 'J') {
      row += job[i + 2];
      i += 3;
    } else if (c == 0x1D && need(4) && job[i + 1] == 'P') {
      i += 4;
    } else if (c == 0x1D && need(3) && job[i + 1] == 'V') {
      out.cut = true;
      i += (job[i + 2] == 65 || job[i + 2] == 66) ? 4 : 3;
    } else if (c == 0x10 && need(3) && job[i + 1] == 0x04) {
      out.first_query_offset = out.first_query_offset < 0 ? static_cast<int>(i)
                                                          : out.first_query_offset;
      ++out.status_queries;
      i += 3;
    } else if (c == 0x1D && need(8) && job[i + 1] == 'v' && job[i + 2] == '0' && job[i + 3] == 0) {
      const int bytes = job[i + 4] | (job[i + 5] << 8);
      const int rows = job[i + 6] | (job[i + 7] << 8);
      i += 8;
      if (!need(static_cast<std::size_t>(bytes * rows)) || bytes * 8 > width) {
        out.ok = false;
        break;
      }
      out.raster_offset = out.raster_offset < 0 ? static_cast<int>(i - 8) : out.raster_offset;
      out.image.resize_rows(row + rows);
      for (int y = 0; y < rows; ++y) {
        for (int x = 0; x < bytes; ++x) {
          out.image.bits[static_cast<std::size_t>((row + y) * out.image.stride() + x)] =
              job[i + static_cast<std::size_t>(y * bytes + x)];
        }
      }
      i += static_cast<std::size_t>(bytes * rows);
      row += rows;
      ++out.bands;
    } else {
      out.ok = false;
    }
  }
  out.image.resize_rows(std::max(row, out.image.height));
  return out;
}

/// The text of the first QR code ZXing finds in `image`, "" when none.
inline std::string read_qr(const Bitmap1& image) {
  const auto grey = to_grey(image);
  const ZXing::ImageView view(grey.data(), image.width, image.height, ZXing::ImageFormat::Lum);
  const auto result = ZXing::ReadBarcode(view, ZXing::DecodeHints().setFormats(
                                                   ZXing::BarcodeFormat::QRCode));
  return result.isValid() ? result.text() : std::string();
}

/// A network receipt printer on 127.0.0.1:<port()>: takes connections one
/// after another until stopped, captures all bytes, and answers DLE EOT n
/// with answers[n] (the k-th query of kind n gets answers[n][min(k, last)]);
/// a kind without answers is not answered.
class PrinterStandIn {
 public:
  explicit PrinterStandIn(std::map<int, Bytes> answers) : m_answers(std::move(answers)) {
    m_listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    ::bind(m_listener, reinterpret_cast<sockaddr*>(&address), length);
    ::listen(m_listener, 4);
    ::getsockname(m_listener, reinterpret_cast<sockaddr*>(&address), &length);
    m_port = ntohs(address.sin_port);
    m_thread = std::thread([this] { serve(); });
  }
  ~PrinterStandIn() {
    m_stop = true;
    m_thread.join();
    ::close(m_listener);
  }
  PrinterStandIn(const PrinterStandIn&) = delete;
  PrinterStandIn& operator=(const PrinterStandIn&) = delete;

  int port() const { return m_port; }
  std::string uri() const { return "escpos-tcp:127.0.0.1:" + std::to_string(m_port); }

  /// Everything received so far, over all connections.
  Bytes captured() {
    const std::lock_guard lock(m_mutex);
    return m_captured;
  }

 private:
  static bool readable(int fd) {
    pollfd p{fd, POLLIN, 0};
    return ::poll(&p, 1, 20) > 0;
  }

  void serve() {
    while (!m_stop) {
      if (!readable(m_listener)) {
        continue;
      }
      const int fd = ::accept4(m_listener, nullptr, nullptr, SOCK_CLOEXEC);
      if (fd >= 0) {
        talk(fd);
        ::close(fd);
      }
    }
  }

  // Reads until the client closes, answering queries as they come (a query
  // may straddle reads, so the scan keeps its position over the capture).
  void talk(int fd) {
    while (!m_stop) {
      if (!readable(fd)) {
        continue;
      }
      std::uint8_t buffer[4096];
      const ssize_t n = ::read(fd, buffer, sizeof buffer);
      if (n <= 0) {
        return;
      }
      const std::lock_guard lock(m_mutex);
      m_captured.insert(m_captured.end(), buffer, buffer + n);
      for (; m_scanned + 2 < m_captured.size(); ++m_scanned) {
        if (m_captured[m_scanned] == 0x10 && m_captured[m_scanned + 1] == 0x04) {
          answer(fd, m_captured[m_scanned + 2]);
        }
      }
    }
  }

  void answer(int fd, int kind) {
    const auto it = m_answers.find(kind);
    if (it == m_answers.end() || it->second.empty()) {
      return;
    }
    const std::size_t k = std::min(m_asked[kind]++, it->second.size() - 1);
    ::send(fd, &it->second[k], 1, MSG_NOSIGNAL);
  }

  std::map<int, Bytes> m_answers;
  std::map<int, std::size_t> m_asked;
  int m_listener = -1;
  int m_port = 0;
  std::atomic<bool> m_stop{false};
  std::mutex m_mutex;
  Bytes m_captured;
  std::size_t m_scanned = 0;
  std::thread m_thread;
};

}  // namespace kiosk::print::test
