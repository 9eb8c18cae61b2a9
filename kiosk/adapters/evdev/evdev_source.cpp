#include "adapters/evdev/evdev_source.hpp"

#include <string.h>  // explicit_bzero

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <exception>
#include <utility>

#include <linux/input.h>
#include <poll.h>
#include <unistd.h>

#include <fmt/format.h>

#include "adapters/scan/device_uri.hpp"
#include "adapters/evdev/input_device.hpp"
#include "adapters/scan/source_thread.hpp"
#include "core/log.hpp"

namespace kiosk::evdev {
namespace {

using scan::DeviceDown;
using scan::errno_text;
using scan::StatusReporter;

using Clock = std::chrono::steady_clock;

constexpr std::string_view k_scheme = "evdev:";

class UniqueFd {
 public:
  explicit UniqueFd(int fd) : m_fd(fd) {}
  ~UniqueFd() { ::close(m_fd); }
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  int get() const { return m_fd; }

 private:
  int m_fd;
};

// Bytes read but not yet a whole input_event (a FIFO may split one; an
// evdev node never does). Key codes are card data: wiped when done.
struct EventBuffer {
  static constexpr std::size_t k_events = 64;
  std::array<char, k_events * sizeof(input_event)> bytes{};
  std::size_t held = 0;

  EventBuffer() = default;
  EventBuffer(const EventBuffer&) = delete;
  EventBuffer& operator=(const EventBuffer&) = delete;
  ~EventBuffer() { explicit_bzero(bytes.data(), bytes.size()); }
};

// Feeds the whole events in `buffer` to the translator and keeps the tail.
void translate(EventBuffer& buffer, KeyTranslator& translator, std::vector<KeyScan>& completed) {
  std::size_t offset = 0;
  for (; buffer.held - offset >= sizeof(input_event); offset += sizeof(input_event)) {
    input_event event{};
    std::memcpy(&event, buffer.bytes.data() + offset, sizeof event);
    if (auto scan = translator.feed(KeyEvent{event.type, event.code, event.value})) {
      completed.push_back(std::move(*scan));
    }
    explicit_bzero(&event, sizeof event);
  }
  std::memmove(buffer.bytes.data(), buffer.bytes.data() + offset, buffer.held - offset);
  buffer.held -= offset;
  explicit_bzero(buffer.bytes.data() + buffer.held, buffer.bytes.size() - buffer.held);
}

// Reads what is available. nullopt when there is no more for now; why, when
// the device went away or failed.
std::optional<DeviceFailure> drain(int device, EventBuffer& buffer, KeyTranslator& translator,
                                   std::vector<KeyScan>& completed) {
  while (true) {
    const ssize_t n =
        ::read(device, buffer.bytes.data() + buffer.held, buffer.bytes.size() - buffer.held);
    if (n > 0) {
      buffer.held += static_cast<std::size_t>(n);
      translate(buffer, translator, completed);
      continue;
    }
    if (n == 0) {
      // An evdev node never ends; a FIFO does when its writer goes.
      return DeviceFailure{SourceState::missing, "scanner disconnected (end of input)"};
    }
    const int error = errno;
    if (error == EINTR) {
      continue;
    }
    if (error == EAGAIN || error == EWOULDBLOCK) {
      return std::nullopt;
    }
    if (means_missing(error)) {
      return DeviceFailure{SourceState::missing,
                           fmt::format("scanner disconnected ({})", errno_text(error))};
    }
    return DeviceFailure{SourceState::failed, "read failed: " + errno_text(error)};
  }
}

int poll_timeout_ms(const KeyTranslator& translator, Clock::time_point last_event,
                    std::chrono::milliseconds idle_gap) {
  if (!translator.in_progress()) {
    return -1;
  }
  const auto left =
      idle_gap - std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - last_event);
  return static_cast<int>(std::max<std::chrono::milliseconds::rep>(0, left.count()));
}

// What was lost, for the log: counts only, never content.
std::string loss_summary(const KeyScan& scan) {
  std::string summary;
  if (scan.unknown_keys > 0) {
    summary += fmt::format("; untypable keys: {}", scan.unknown_keys);
  }
  if (scan.events_dropped) {
    summary += "; the kernel dropped events";
  }
  if (scan.non_ascii_expected) {
    summary += "; a citizen-ID payload, whose Vietnamese fields a keyboard cannot type";
  }
  return summary;
}

}  // namespace

EvdevSource::EvdevSource(std::filesystem::path device, std::string uri)
    : EvdevSource(std::move(device), Options{}, std::move(uri)) {}

EvdevSource::EvdevSource(std::filesystem::path device, Options options, std::string uri)
    : m_device(std::move(device)),
      m_uri(uri.empty() ? std::string(k_scheme) + m_device.string() : std::move(uri)),
      m_options(options) {}

EvdevSource::~EvdevSource() {
  stop();
}

void EvdevSource::start(ScanHandler on_scan, StatusHandler on_status) {
  m_thread.start("scan-evdev", m_uri, on_status,
                 [this, on_scan, on_status](const std::stop_token& stop) {
                   run(stop, on_scan, on_status);
                 });
}

void EvdevSource::stop() {
  m_thread.stop();
}

void EvdevSource::run(const std::stop_token& stop, const ScanHandler& on_scan,
                      const StatusHandler& on_status) {
  StatusReporter status(m_uri, on_status);
  m_thread.reconnect(stop, status, m_options.retry_interval, [&]() -> std::optional<DeviceDown> {
    auto opened = open_input_device(m_device, m_uri);
    if (!opened) {
      return DeviceDown{opened.error().state, opened.error().detail};
    }
    // Closed (and ungrabbed) before the reconnect loop reports a loss.
    const UniqueFd device(*opened);
    status.report(SourceState::ready, "connected");
    const auto down = read_loop(stop, device.get(), on_scan, on_status);
    if (!down) {
      return std::nullopt;
    }
    return DeviceDown{down->state, down->detail};
  });
}

std::optional<DeviceFailure> EvdevSource::read_loop(const std::stop_token& stop, int device,
                                                    const ScanHandler& on_scan,
                                                    const StatusHandler& on_status) {
  KeyTranslator translator(m_options.max_scan_bytes);
  EventBuffer buffer;
  std::vector<KeyScan> completed;
  std::array<pollfd, 2> fds{pollfd{device, POLLIN, 0}, pollfd{m_thread.wake_fd(), POLLIN, 0}};
  auto last_event = Clock::now();
  std::optional<DeviceFailure> down;
  while (!down && !stop.stop_requested()) {
    const int ready =
        ::poll(fds.data(), fds.size(), poll_timeout_ms(translator, last_event, m_options.idle_gap));
    if (ready < 0) {
      if (errno == EINTR) {
        continue;
      }
      return DeviceFailure{SourceState::failed, "poll failed: " + errno_text(errno)};
    }
    if (fds[1].revents != 0) {
      break;  // stop() woke us
    }
    if (fds[0].revents != 0) {
      down = drain(device, buffer, translator, completed);
      if (!down && (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL)) != 0) {
        down = DeviceFailure{SourceState::missing, "scanner disconnected (device hung up)"};
      }
      last_event = Clock::now();
    } else if (Clock::now() - last_event >= m_options.idle_gap) {
      if (auto scan = translator.finish()) {
        completed.push_back(std::move(*scan));
      }
    }
    // A scan a disconnect cut short stays in the translator and is discarded.
    deliver(translator, completed, on_scan, on_status);
  }
  return down;
}

void EvdevSource::deliver(KeyTranslator& translator, std::vector<KeyScan>& completed,
                          const ScanHandler& on_scan, const StatusHandler& on_status) const {
  for (const std::size_t length : translator.take_dropped()) {
    logger("scan")->warn("{}: dropped a scan of {} characters (limit {})", m_uri, length,
                         m_options.max_scan_bytes);
  }
  for (auto& scan : completed) {
    // Lengths and counts only: the content is personal data.
    if (scan.text.empty()) {
      logger("scan")->warn("{}: ignored a scan with no typable characters{}", m_uri,
                           loss_summary(scan));
      continue;
    }
    if (scan.text_lost()) {
      logger("scan")->info("{}: scan of {} bytes, text lost{}", m_uri, scan.text.size(),
                           loss_summary(scan));
      on_status(SourceStatus{SourceState::ready, m_uri, std::string(k_text_lost)});
    } else {
      logger("scan")->info("{}: scan of {} bytes", m_uri, scan.text.size());
    }
    on_scan(ScanEvent{std::move(scan.text), m_uri});
  }
  completed.clear();
}

tl::expected<std::unique_ptr<CodeSource>, std::string> make_evdev_source(const std::string& uri) {
  auto parsed = scan::split_device_uri(uri, k_scheme);
  if (!parsed) {
    return tl::unexpected(std::move(parsed.error()));
  }
  EvdevSource::Options options;
  for (const auto& [key, value] : parsed->options) {
    if (key != "idle_ms") {
      return tl::unexpected(
          fmt::format("code source '{}': unknown option '{}' (evdev: takes idle_ms)", uri, key));
    }
    auto idle_ms = scan::parse_option_number(uri, key, value, 1, 10'000);
    if (!idle_ms) {
      return tl::unexpected(std::move(idle_ms.error()));
    }
    options.idle_gap = std::chrono::milliseconds(*idle_ms);
  }
  return std::make_unique<EvdevSource>(parsed->path, options, uri);
}

}  // namespace kiosk::evdev
