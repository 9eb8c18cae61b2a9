#pragma once
// Hands work from any thread to the UI thread (Tracy's RunQueue pattern):
// post() from anywhere, drain() once per frame on the UI thread; callbacks
// run after the lock is released.

#include <functional>
#include <mutex>
#include <vector>

namespace kiosk {

class UiQueue {
 public:
  using Job = std::function<void()>;

  /// `wake` is called (from the posting thread) after each post, to wake the
  /// frame loop, e.g. with SDL_PushEvent. May be empty.
  explicit UiQueue(std::function<void()> wake = {}) : m_wake(std::move(wake)) {}

  void post(Job job);
  /// Runs every job posted so far; returns how many ran. A job that throws
  /// is logged and the others still run. UI thread only.
  std::size_t drain();
  /// Drops every queued job unrun (at shutdown, before what they point to dies).
  void clear();
  void set_wake(std::function<void()> wake);

 private:
  std::mutex m_mutex;
  std::vector<Job> m_jobs;
  std::function<void()> m_wake;
};

}  // namespace kiosk
