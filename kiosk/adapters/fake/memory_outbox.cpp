#include "adapters/fake/memory_outbox.hpp"

namespace kiosk::fake {

Delivery MemoryOutbox::send(Entry& entry) {
  ++sends;
  ++entry.summary.attempts;
  auto answer = entry.kind == OutboxKind::interest ? m_api.register_interest(entry.request)
                                                   : m_api.book(entry.request);
  Delivery delivery;
  if (answer) {
    delivery.state = DeliveryState::delivered;
    delivery.confirmation = *answer;
    entry.summary.reference = answer->reference;
    entry.request.wipe();
  } else {
    delivery.failure = answer.error();
    delivery.state =
        is_transient(answer.error()) ? DeliveryState::pending : DeliveryState::rejected;
    entry.summary.last_error = answer.error().code;
    if (delivery.state == DeliveryState::rejected) {
      entry.request.wipe();
    }
  }
  entry.summary.state = delivery.state;
  return delivery;
}

tl::expected<Delivery, StoreFailure> MemoryOutbox::submit(const BookingRequest& request,
                                                          OutboxKind kind) {
  std::lock_guard lock(m_mutex);
  if (std::exchange(fail_store_next, false)) {
    return tl::unexpected(StoreFailure{StoreError::io, "disk full (fake)"});
  }
  auto it = m_entries.find(request.idempotency_key);
  if (it == m_entries.end()) {
    Entry entry{request, kind, {}};
    entry.summary.idempotency_key = request.idempotency_key;
    entry.summary.kind = kind;
    entry.summary.vacancy_id = request.vacancy_id;
    entry.summary.slot_id = request.slot_id;
    it = m_entries.emplace(request.idempotency_key, std::move(entry)).first;
    m_order.push_back(request.idempotency_key);
  } else if (it->second.summary.state != DeliveryState::pending) {
    // Already settled: answer as the API would to a replay.
    Delivery settled;
    settled.state = it->second.summary.state;
    if (settled.state == DeliveryState::delivered) {
      settled.confirmation = m_api.book(request).value_or(BookingConfirmation{});
    }
    return settled;
  }
  return send(it->second);
}

tl::expected<std::size_t, StoreFailure> MemoryOutbox::flush() {
  std::lock_guard lock(m_mutex);
  std::size_t pending = 0;
  for (const auto& key : m_order) {
    Entry& entry = m_entries.at(key);
    if (entry.summary.state == DeliveryState::pending) {
      send(entry);
      pending += entry.summary.state == DeliveryState::pending ? 1 : 0;
    }
  }
  return pending;
}

tl::expected<std::vector<OutboxSummary>, StoreFailure> MemoryOutbox::list() {
  std::lock_guard lock(m_mutex);
  std::vector<OutboxSummary> out;
  for (const auto& key : m_order) {
    out.push_back(m_entries.at(key).summary);
  }
  return out;
}

}  // namespace kiosk::fake
