#pragma once

#include <functional>

namespace kiosk {

/// Runs blocking work away from the UI thread. `job` runs on a worker; the
/// continuation it returns runs later on the UI thread (never inside
/// submit()). The fake in tests may run both when told to.
class TaskRunner {
 public:
  using Continuation = std::function<void()>;
  using Job = std::function<Continuation()>;

  virtual ~TaskRunner() = default;
  virtual void submit(Job job) = 0;
};

}  // namespace kiosk
