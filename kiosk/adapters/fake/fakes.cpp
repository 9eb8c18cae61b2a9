#include "adapters/fake/fakes.hpp"

#include <algorithm>
#include <utility>

namespace kiosk::fake {

int ManualTaskRunner::run_all() {
  int n = 0;
  while (run_one()) {
    ++n;
  }
  return n;
}

bool ManualTaskRunner::run_one() {
  if (m_jobs.empty()) {
    return false;
  }
  Job job = std::move(m_jobs.front());
  m_jobs.pop_front();
  if (auto continuation = job()) {
    continuation();
  }
  return true;
}

tl::expected<SnapshotPage, ApiFailure> FakeCentralApi::snapshot_page(const std::string& cursor,
                                                                     int limit) {
  if (fail_next) {
    auto f = *fail_next;
    fail_next.reset();
    return tl::unexpected(f);
  }
  const std::size_t start = cursor.empty() ? 0 : std::stoul(cursor);
  const std::size_t end = std::min(vacancies.size(), start + static_cast<std::size_t>(limit));
  SnapshotPage page;
  page.vacancies.assign(vacancies.begin() + static_cast<std::ptrdiff_t>(start),
                        vacancies.begin() + static_cast<std::ptrdiff_t>(end));
  if (end < vacancies.size()) {
    page.next_cursor = std::to_string(end);
  } else {
    page.sync_token = "fake-token";
  }
  return page;
}

tl::expected<std::vector<Slot>, ApiFailure> FakeCentralApi::slots(const std::string& vacancy_id) {
  if (fail_next) {
    auto f = *fail_next;
    fail_next.reset();
    return tl::unexpected(f);
  }
  const auto it = slots_by_vacancy.find(vacancy_id);
  if (it == slots_by_vacancy.end()) {
    return tl::unexpected(ApiFailure{ApiError::not_found, 404, "not_found", "no such vacancy", {}});
  }
  return it->second;
}

tl::expected<BookingConfirmation, ApiFailure> FakeCentralApi::book(const BookingRequest& request) {
  ++book_calls;
  if (fail_next) {
    auto f = *fail_next;
    fail_next.reset();
    return tl::unexpected(f);
  }
  if (const auto it = bookings_by_key.find(request.idempotency_key); it != bookings_by_key.end()) {
    return it->second;
  }
  auto& slots_list = slots_by_vacancy[request.vacancy_id];
  const auto slot = std::find_if(slots_list.begin(), slots_list.end(),
                                 [&](const Slot& s) { return s.id == request.slot_id; });
  if (slot == slots_list.end()) {
    return tl::unexpected(ApiFailure{ApiError::not_found, 404, "not_found", "no such slot", {}});
  }
  if (slot->remaining <= 0) {
    return tl::unexpected(ApiFailure{ApiError::conflict, 409, "slot_full", "slot full", {}});
  }
  --slot->remaining;
  BookingConfirmation c;
  c.booking_id = "bk-" + std::to_string(bookings_by_key.size() + 1);
  c.reference = "HN-" + std::to_string(100000 + bookings_by_key.size() + 1);
  c.slot = *slot;
  c.vacancy_id = request.vacancy_id;
  for (const auto& v : vacancies) {
    if (v.id == request.vacancy_id) {
      c.vacancy_title = v.title;
      c.employer_name = v.employer_name;
    }
  }
  c.instructions = {"Mang theo thẻ căn cước"};
  bookings_by_key.emplace(request.idempotency_key, c);
  return c;
}

tl::expected<BookingConfirmation, ApiFailure> FakeCentralApi::register_interest(
    const BookingRequest& request) {
  ++interest_calls;
  if (fail_next) {
    auto f = *fail_next;
    fail_next.reset();
    return tl::unexpected(f);
  }
  if (const auto it = interests_by_key.find(request.idempotency_key);
      it != interests_by_key.end()) {
    return it->second;
  }
  BookingConfirmation c;
  c.booking_id = "in-" + std::to_string(interests_by_key.size() + 1);
  c.reference = "HN-" + std::to_string(200000 + interests_by_key.size() + 1);
  c.vacancy_id = request.vacancy_id;
  for (const auto& v : vacancies) {
    if (v.id == request.vacancy_id) {
      c.vacancy_title = v.title;
      c.employer_name = v.employer_name;
    }
  }
  interests_by_key.emplace(request.idempotency_key, c);
  return c;
}

tl::expected<std::vector<JobFairSession>, ApiFailure> FakeCentralApi::sessions() {
  return sessions_list;
}

tl::expected<ChangesPage, ApiFailure> FakeCentralApi::changes(const std::string& sync_token,
                                                              int limit) {
  static_cast<void>(limit);
  if (fail_next) {
    auto f = *fail_next;
    fail_next.reset();
    return tl::unexpected(f);
  }
  if (sync_token != "fake-token") {
    return tl::unexpected(
        ApiFailure{ApiError::conflict, 410, "sync_token_expired", "unknown token", {}});
  }
  ChangesPage page = std::exchange(pending_changes, ChangesPage{});
  page.sync_token = "fake-token";
  page.has_more = false;
  return page;
}

tl::expected<Conditional<std::vector<JobFairSession>>, ApiFailure>
FakeCentralApi::sessions_if_changed(const std::string& etag) {
  if (etag == "\"s1\"") {
    return Conditional<std::vector<JobFairSession>>{std::nullopt, etag};
  }
  return Conditional<std::vector<JobFairSession>>{sessions_list, "\"s1\""};
}

tl::expected<Conditional<std::vector<Occupation>>, ApiFailure>
FakeCentralApi::occupations_if_changed(const std::string& etag) {
  if (etag == "\"o1\"") {
    return Conditional<std::vector<Occupation>>{std::nullopt, etag};
  }
  return Conditional<std::vector<Occupation>>{occupation_list, "\"o1\""};
}

tl::expected<PrintReceipt, PrintFailure> FakePrinter::print(const Slip& slip) {
  if (fail_with) {
    return tl::unexpected(*fail_with);
  }
  printed.push_back(slip);
  return PrintReceipt{"fake:" + slip.reference};
}

}  // namespace kiosk::fake
