#pragma once
// Sends what the booking outbox still holds, on its own "outbox" thread:
// every interval, and at once when poked (a booking was queued, the network
// came back). The outbox's own backoff decides which entries are due.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>

#include "ports/booking_outbox.hpp"

namespace kiosk {

class OutboxSender {
 public:
  /// Called on the "outbox" thread after each flush with how many entries
  /// are still pending; it must only post the number (e.g. to the UiQueue).
  using Report = std::function<void(std::size_t pending)>;

  /// `outbox` must outlive the sender. `interval` is the time between two
  /// flushes when nothing pokes.
  OutboxSender(BookingOutbox& outbox, std::chrono::milliseconds interval, Report report = {});
  /// Stops (see stop()).
  ~OutboxSender();
  OutboxSender(const OutboxSender&) = delete;
  OutboxSender& operator=(const OutboxSender&) = delete;

  /// Starts the "outbox" thread; its first flush runs at once (what an
  /// earlier run left pending goes out at start-up). Once only.
  void start();
  /// Asks for a flush as soon as the current one ends (any thread; only
  /// takes a short lock).
  void poke();
  /// Stops and joins the thread: no new send starts once asked, and a send
  /// under way finishes first (bounded by the API's timeouts). Idempotent;
  /// any thread but the sender's own.
  void stop();

  /// Flushes that completed (tests).
  std::size_t flushes() const;

 private:
  void run(const std::stop_token& stop);
  void flush_once(const std::stop_token& stop);

  BookingOutbox& m_outbox;
  std::chrono::milliseconds m_interval;
  Report m_report;
  mutable std::mutex m_mutex;
  std::condition_variable_any m_cv;
  bool m_poked = false;
  std::size_t m_flushes = 0;
  std::jthread m_thread;
};

}  // namespace kiosk
