#pragma once
// An outbox in memory over any CentralApi, for tests of the journey: the
// same states and the same transient/final rule as the durable one, without
// a file. Not for production: a crash loses what it holds.

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "ports/booking_outbox.hpp"

namespace kiosk::fake {

class MemoryOutbox final : public BookingOutbox {
 public:
  explicit MemoryOutbox(CentralApi& api) : m_api(api) {}

  tl::expected<Delivery, StoreFailure> submit(const BookingRequest& request,
                                              OutboxKind kind) override;
  tl::expected<std::size_t, StoreFailure> flush() override;
  tl::expected<std::vector<OutboxSummary>, StoreFailure> list() override;

  /// The next submit() fails to store (a full disk).
  bool fail_store_next = false;
  /// How many sends reached the API, over all entries.
  int sends = 0;

 private:
  struct Entry {
    BookingRequest request;
    OutboxKind kind = OutboxKind::booking;
    OutboxSummary summary;
  };
  Delivery send(Entry& entry);

  CentralApi& m_api;
  std::mutex m_mutex;
  std::map<std::string, Entry> m_entries;
  std::vector<std::string> m_order;
};

}  // namespace kiosk::fake
