#include "app/worker_runner.hpp"

#include <pthread.h>

#include "core/log.hpp"

namespace kiosk {

WorkerRunner::WorkerRunner(UiQueue& ui, int threads, std::string name)
    : m_ui(ui), m_name(std::move(name)) {
  for (int i = 0; i < threads; ++i) {
    m_threads.emplace_back([this](std::stop_token stop) { run(stop); });
    pthread_setname_np(m_threads.back().native_handle(),
                       (m_name + "-" + std::to_string(i)).substr(0, 15).c_str());
  }
}

WorkerRunner::~WorkerRunner() { stop(); }

void WorkerRunner::stop() {
  for (auto& t : m_threads) {
    t.request_stop();
  }
  m_cv.notify_all();
  m_threads.clear();  // joins
  std::lock_guard lock(m_mutex);
  m_jobs.clear();
}

void WorkerRunner::submit(Job job) {
  {
    std::lock_guard lock(m_mutex);
    m_jobs.push_back(std::move(job));
  }
  m_cv.notify_one();
}

void WorkerRunner::run(std::stop_token stop) {
  while (!stop.stop_requested()) {
    Job job;
    {
      std::unique_lock lock(m_mutex);
      if (!m_cv.wait(lock, stop, [this] { return !m_jobs.empty(); })) {
        return;
      }
      job = std::move(m_jobs.front());
      m_jobs.pop_front();
    }
    // Nothing escapes a worker: a throwing job is logged and dropped.
    try {
      if (auto continuation = job()) {
        m_ui.post(std::move(continuation));
      }
    } catch (const std::exception& e) {
      logger("ops")->error("worker job failed: {}", e.what());
    } catch (...) {
      logger("ops")->error("worker job failed with an unknown exception");
    }
  }
}

}  // namespace kiosk
