#include "app/outbox_sender.hpp"

#include <exception>

#include <pthread.h>

#include "core/log.hpp"

namespace kiosk {

OutboxSender::OutboxSender(BookingOutbox& outbox, std::chrono::milliseconds interval,
                           Report report)
    : m_outbox(outbox), m_interval(interval), m_report(std::move(report)) {}

OutboxSender::~OutboxSender() { stop(); }

void OutboxSender::start() {
  if (m_thread.joinable()) {
    return;
  }
  m_thread = std::jthread([this](std::stop_token stop) { run(stop); });
  pthread_setname_np(m_thread.native_handle(), "outbox");
}

void OutboxSender::poke() {
  {
    const std::lock_guard lock(m_mutex);
    m_poked = true;
  }
  m_cv.notify_all();
}

void OutboxSender::stop() {
  if (m_thread.joinable()) {
    m_thread.request_stop();  // also wakes the wait in run()
    m_thread.join();
  }
}

std::size_t OutboxSender::flushes() const {
  const std::lock_guard lock(m_mutex);
  return m_flushes;
}

void OutboxSender::run(const std::stop_token& stop) {
  while (!stop.stop_requested()) {
    flush_once(stop);
    std::unique_lock lock(m_mutex);
    ++m_flushes;
    m_cv.wait_for(lock, stop, m_interval, [this] { return m_poked; });
    m_poked = false;
  }
}

void OutboxSender::flush_once(const std::stop_token& stop) {
  // Nothing escapes this thread: a failure is logged and the next round
  // tries again.
  try {
    FlushOptions options;
    options.stop = stop;
    auto pending = m_outbox.flush_with(options);
    if (!pending) {
      logger("outbox")->error("flush failed: {}", pending.error().message);
      return;
    }
    if (m_report) {
      m_report(*pending);
    }
  } catch (const std::exception& e) {
    logger("outbox")->error("flush crashed: {}", e.what());
  } catch (...) {
    logger("outbox")->error("flush crashed with an unknown exception");
  }
}

}  // namespace kiosk
