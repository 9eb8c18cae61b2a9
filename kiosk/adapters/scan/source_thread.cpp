#include "adapters/scan/source_thread.hpp"

#include <poll.h>
#include <pthread.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cstdint>
#include <system_error>

#include "core/log.hpp"

namespace kiosk::scan {

std::string errno_text(int error) {
  return std::generic_category().message(error);
}

void SourceThread::start(const char* name, const std::string& uri,
                         const CodeSource::StatusHandler& on_status, Body body) {
  stop();
  m_wake_fd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (m_wake_fd < 0) {
    const std::string detail = "cannot create eventfd: " + errno_text(errno);
    logger("scan")->error("{}: {}", uri, detail);
    on_status(SourceStatus{SourceState::failed, uri, detail});
    return;
  }
  m_thread = std::jthread([name, body = std::move(body)](const std::stop_token& stop) {
    ::pthread_setname_np(::pthread_self(), name);
    body(stop);
  });
}

void SourceThread::stop() {
  if (m_thread.joinable()) {
    m_thread.request_stop();
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t written = ::write(m_wake_fd, &one, sizeof one);
    m_thread.join();
  }
  if (m_wake_fd >= 0) {
    ::close(m_wake_fd);
    m_wake_fd = -1;
  }
}

bool SourceThread::wait(const std::stop_token& stop, std::chrono::milliseconds interval) const {
  const auto deadline = std::chrono::steady_clock::now() + interval;
  pollfd wake{m_wake_fd, POLLIN, 0};
  while (!stop.stop_requested()) {
    const auto left =
        std::chrono::ceil<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      return true;
    }
    ::poll(&wake, 1, static_cast<int>(left.count()));
  }
  return false;
}

void SourceThread::reconnect(const std::stop_token& stop, StatusReporter& status,
                             std::chrono::milliseconds retry, const Session& session) const {
  try {
    do {
      const std::optional<DeviceDown> down = session();
      if (!down) {
        return;  // stopped
      }
      status.report(down->state, down->detail);
    } while (wait(stop, retry));
  } catch (const std::exception& e) {
    status.report(SourceState::failed, std::string("unexpected error: ") + e.what());
  } catch (...) {
    status.report(SourceState::failed, "unexpected error");
  }
}

void StatusReporter::report(SourceState state, const std::string& detail) {
  if (m_last == state) {
    return;
  }
  m_last = state;
  if (state == SourceState::ready) {
    logger("scan")->info("{}: {}", m_uri, detail);
  } else if (state == SourceState::missing) {
    logger("scan")->warn("{}: {}", m_uri, detail);
  } else {
    logger("scan")->error("{}: {}", m_uri, detail);
  }
  m_handler(SourceStatus{state, m_uri, detail});
}

}  // namespace kiosk::scan
