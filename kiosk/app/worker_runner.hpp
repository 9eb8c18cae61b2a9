#pragma once
// The TaskRunner of the running kiosk: worker threads run jobs; their
// continuations go to the UI queue.

#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "app/ui_queue.hpp"
#include "ports/task_runner.hpp"

namespace kiosk {

class WorkerRunner final : public TaskRunner {
 public:
  WorkerRunner(UiQueue& ui, int threads, std::string name);
  ~WorkerRunner() override;  // stops and joins; queued jobs are dropped

  /// Any thread.
  void submit(Job job) override;
  /// Finishes the jobs running now and joins the threads; queued jobs are
  /// dropped and later submits ignored. Idempotent.
  void stop();

 private:
  void run(std::stop_token stop);

  UiQueue& m_ui;
  std::string m_name;
  std::mutex m_mutex;
  std::condition_variable_any m_cv;
  std::deque<Job> m_jobs;
  std::vector<std::jthread> m_threads;
};

}  // namespace kiosk
