#pragma once
// In-memory fakes of the ports, for tests that drive the core without any
// real device, network or window.

#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "ports/central_api.hpp"
#include "ports/clock.hpp"
#include "ports/printer.hpp"
#include "ports/task_runner.hpp"

namespace kiosk::fake {

/// A clock that only moves when told to.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(WallTime start) : m_wall(start) {}
  WallTime wall() const override { return m_wall; }
  std::chrono::steady_clock::time_point steady() const override { return m_steady; }
  void advance(std::chrono::seconds d) {
    m_wall += d;
    m_steady += d;
  }

 private:
  WallTime m_wall;
  std::chrono::steady_clock::time_point m_steady{};
};

/// Queues jobs; run_all() runs each job and then its continuation, in order,
/// on the calling thread (standing in for both the worker and the UI thread).
class ManualTaskRunner final : public TaskRunner {
 public:
  void submit(Job job) override { m_jobs.push_back(std::move(job)); }
  /// Runs queued jobs (including ones queued meanwhile); returns how many.
  int run_all();
  /// Runs the oldest queued job and its continuation; false when none.
  bool run_one();
  std::size_t pending() const { return m_jobs.size(); }

 private:
  std::deque<Job> m_jobs;
};

/// A central API with slots and capacities held in memory; honours
/// idempotency keys like the real one.
class FakeCentralApi final : public CentralApi {
 public:
  tl::expected<SnapshotPage, ApiFailure> snapshot_page(const std::string& cursor,
                                                       int limit) override;
  tl::expected<std::vector<Slot>, ApiFailure> slots(const std::string& vacancy_id) override;
  tl::expected<BookingConfirmation, ApiFailure> book(const BookingRequest& request) override;
  /// Any vacancy id is accepted; a replayed key returns the first answer.
  tl::expected<BookingConfirmation, ApiFailure> register_interest(
      const BookingRequest& request) override;
  tl::expected<std::vector<JobFairSession>, ApiFailure> sessions() override;
  /// Upserts and removals queued in `pending_changes` since the token
  /// "fake-token" (any other token: 410), then an empty page.
  tl::expected<ChangesPage, ApiFailure> changes(const std::string& sync_token,
                                                int limit) override;
  /// `sessions_list` with ETag "\"s1\"", or 304 when asked with it.
  tl::expected<Conditional<std::vector<JobFairSession>>, ApiFailure> sessions_if_changed(
      const std::string& etag) override;
  /// `occupation_list` with ETag "\"o1\"", or 304 when asked with it.
  tl::expected<Conditional<std::vector<Occupation>>, ApiFailure> occupations_if_changed(
      const std::string& etag) override;

  std::vector<Vacancy> vacancies;
  std::vector<JobFairSession> sessions_list;
  std::vector<Occupation> occupation_list;
  ChangesPage pending_changes;  // handed out once by changes()
  std::map<std::string, std::vector<Slot>> slots_by_vacancy;
  std::optional<ApiFailure> fail_next;  // the next call fails with this
  std::map<std::string, BookingConfirmation> bookings_by_key;
  int book_calls = 0;
  std::map<std::string, BookingConfirmation> interests_by_key;
  int interest_calls = 0;
};

class FakePrinter final : public Printer {
 public:
  tl::expected<PrintReceipt, PrintFailure> print(const Slip& slip) override;
  std::vector<Slip> printed;
  std::optional<PrintFailure> fail_with;
};

}  // namespace kiosk::fake
