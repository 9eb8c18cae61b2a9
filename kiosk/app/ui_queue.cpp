#include "app/ui_queue.hpp"

#include "core/log.hpp"

namespace kiosk {

void UiQueue::post(Job job) {
  std::function<void()> wake;
  {
    std::lock_guard lock(m_mutex);
    m_jobs.push_back(std::move(job));
    wake = m_wake;
  }
  if (wake) {
    wake();
  }
}

std::size_t UiQueue::drain() {
  std::vector<Job> jobs;
  {
    std::lock_guard lock(m_mutex);
    jobs.swap(m_jobs);
  }
  for (auto& job : jobs) {
    try {
      job();
    } catch (const std::exception& e) {
      logger("ui")->error("UI job failed: {}", e.what());
    } catch (...) {
      logger("ui")->error("UI job failed with an unknown exception");
    }
  }
  return jobs.size();
}

void UiQueue::clear() {
  std::vector<Job> jobs;
  {
    std::lock_guard lock(m_mutex);
    jobs.swap(m_jobs);
  }
}

void UiQueue::set_wake(std::function<void()> wake) {
  std::lock_guard lock(m_mutex);
  m_wake = std::move(wake);
}

}  // namespace kiosk
