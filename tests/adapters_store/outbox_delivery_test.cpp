// The booking outbox against the development central API on loopback and a
// real SQLite file: delivered, refused for good (409, 400/422), replayed,
// the API down, an answer that comes after the client gave up, and personal
// data that is gone from the file once an entry ends.

#include "outbox_test_support.hpp"

namespace kiosk::outbox_test {
namespace {

using Outbox = OutboxFixture;

TEST_F(Outbox, DeliversAndErasesThePersonalDataFromTheFile) {
  auto outbox = open(api());
  const auto slot = roomy_slot();
  auto request = request_for("001095000101", slot);
  auto d = outbox->submit(request, OutboxKind::booking);
  ASSERT_TRUE(d.has_value()) << d.error().message;
  ASSERT_EQ(d->state, DeliveryState::delivered);
  ASSERT_TRUE(d->confirmation.has_value());
  EXPECT_FALSE(d->confirmation->reference.empty());
  EXPECT_EQ(d->confirmation->slot.id, slot.slot_id);
  EXPECT_EQ(m_central->booking_count(), 1u);

  auto listed = outbox->list();
  ASSERT_TRUE(listed.has_value());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().idempotency_key, request.idempotency_key);
  EXPECT_EQ(listed->front().reference, d->confirmation->reference);
  EXPECT_EQ(listed->front().state, DeliveryState::delivered);

  outbox.reset();  // closed: no journal left behind
  const std::string bytes = file_bytes(path());
  EXPECT_NE(bytes.find(request.idempotency_key), std::string::npos);
  EXPECT_EQ(bytes.find("001095000101"), std::string::npos);
  EXPECT_EQ(bytes.find("Outbox Test"), std::string::npos);
  EXPECT_EQ(bytes.find("0912345678"), std::string::npos);
  EXPECT_EQ(bytes.find("1995-03-15"), std::string::npos);
}

TEST_F(Outbox, PendingEntriesKeepThePersonalDataOnDisk) {
  auto outbox = open(api(std::chrono::seconds{2}, "http://127.0.0.1:9"));  // nothing listens
  auto request = request_for("001095000102", roomy_slot());
  auto d = outbox->submit(request, OutboxKind::booking);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->state, DeliveryState::pending);
  outbox.reset();
  // The negative control of the test above: the same search finds it here.
  EXPECT_NE(file_bytes(path()).find("001095000102"), std::string::npos);
}

TEST_F(Outbox, SlotFullIsRejectedAndErased) {
  auto outbox = open(api());
  const auto slot = m_central->find_slot_with_remaining(1);
  ASSERT_TRUE(slot.has_value());
  auto first = outbox->submit(request_for("001095000201", *slot), OutboxKind::booking);
  ASSERT_TRUE(first.has_value());
  ASSERT_EQ(first->state, DeliveryState::delivered);

  auto second = outbox->submit(request_for("001095000202", *slot), OutboxKind::booking);
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->state, DeliveryState::rejected);
  ASSERT_TRUE(second->failure.has_value());
  EXPECT_EQ(second->failure->http_status, 409);
  EXPECT_EQ(second->failure->code, "slot_full");
  EXPECT_EQ(m_central->booking_count(), 1u);
  // Rejected for good: a flush does not send it again.
  auto pending = outbox->flush_with(FlushOptions{true, {}});
  ASSERT_TRUE(pending.has_value());
  EXPECT_EQ(*pending, 0u);
  outbox.reset();
  EXPECT_EQ(file_bytes(path()).find("001095000202"), std::string::npos);
}

TEST_F(Outbox, ValidationErrorsAreRejected) {
  auto outbox = open(api());
  const auto slot = roomy_slot();
  // 422: the key was used before with another body.
  auto earlier = request_for("001095000301", slot);
  ASSERT_TRUE(api()->book(earlier).has_value());
  auto reused = request_for("001095000302", slot);
  reused.idempotency_key = earlier.idempotency_key;
  auto d = outbox->submit(reused, OutboxKind::booking);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->state, DeliveryState::rejected);
  ASSERT_TRUE(d->failure.has_value());
  EXPECT_EQ(d->failure->http_status, 422);
  EXPECT_EQ(d->failure->code, "idempotency_key_reused");

  // 400: a malformed field (the phone number).
  auto bad_phone = request_for("001095000303", slot);
  bad_phone.phone = "12";
  auto e = outbox->submit(bad_phone, OutboxKind::booking);
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->state, DeliveryState::rejected);
  EXPECT_EQ(e->failure->http_status, 400);
  EXPECT_EQ(m_central->booking_count(), 1u);
  outbox.reset();
  const std::string bytes = file_bytes(path());
  EXPECT_EQ(bytes.find("001095000302"), std::string::npos);
  EXPECT_EQ(bytes.find("001095000303"), std::string::npos);
}

TEST_F(Outbox, AReplayedKeyGivesTheSameReferenceAndOneBooking) {
  auto outbox = open(api());
  auto request = request_for("001095000401", roomy_slot());
  auto first = outbox->submit(request, OutboxKind::booking);
  ASSERT_TRUE(first.has_value());
  ASSERT_EQ(first->state, DeliveryState::delivered);
  const auto requests = m_central->requests().size();

  // The same outbox answers from its file without sending.
  auto again = outbox->submit(request, OutboxKind::booking);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->state, DeliveryState::delivered);
  EXPECT_EQ(again->confirmation->reference, first->confirmation->reference);
  EXPECT_EQ(m_central->requests().size(), requests);

  // Another outbox (a second kiosk process) sends it: the server replays.
  auto other = open(api(), "other.db");
  auto replayed = other->submit(request, OutboxKind::booking);
  ASSERT_TRUE(replayed.has_value());
  EXPECT_EQ(replayed->state, DeliveryState::delivered);
  EXPECT_EQ(replayed->confirmation->reference, first->confirmation->reference);
  EXPECT_EQ(replayed->confirmation->booking_id, first->confirmation->booking_id);
  EXPECT_EQ(m_central->booking_count(), 1u);
}

TEST_F(Outbox, InterestQueuedWhileTheApiIsDownIsDeliveredOnce) {
  const int port = m_central->port();
  m_central->stop();
  auto outbox = open(api(std::chrono::seconds{2}, "http://127.0.0.1:" + std::to_string(port)));
  auto request = request_for("001095000501", roomy_slot());
  auto d = outbox->submit(request, OutboxKind::interest);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->state, DeliveryState::pending);
  ASSERT_TRUE(d->failure.has_value());
  EXPECT_EQ(d->failure->kind, ApiError::offline);
  // Not due yet (30 s backoff): a plain flush leaves it alone.
  auto pending = outbox->flush();
  ASSERT_TRUE(pending.has_value());
  EXPECT_EQ(*pending, 1u);

  ASSERT_TRUE(m_central->start("127.0.0.1", port).has_value());
  pending = outbox->flush_with(FlushOptions{true, {}});
  ASSERT_TRUE(pending.has_value());
  EXPECT_EQ(*pending, 0u);
  pending = outbox->flush_with(FlushOptions{true, {}});
  EXPECT_EQ(m_central->interest_count(), 1u);
  EXPECT_EQ(m_central->booking_count(), 0u);
  auto listed = outbox->list();
  ASSERT_TRUE(listed.has_value());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().kind, OutboxKind::interest);
  EXPECT_EQ(listed->front().state, DeliveryState::delivered);
  EXPECT_EQ(listed->front().attempts, 2);
  EXPECT_FALSE(listed->front().reference.empty());
}

TEST_F(Outbox, AnAnswerAfterTheClientTimedOutEndsAsOneBooking) {
  m_central->set_latency(std::chrono::milliseconds{1500});
  auto outbox = open(api(std::chrono::milliseconds{400}));
  auto request = request_for("001095000601", roomy_slot());
  auto d = outbox->submit(request, OutboxKind::booking);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->state, DeliveryState::pending);
  ASSERT_TRUE(d->failure.has_value());
  EXPECT_EQ(d->failure->kind, ApiError::timeout);
  // The server books it anyway, after the client gave up.
  ASSERT_TRUE(server_holds(1));

  m_central->set_latency(std::chrono::milliseconds{0});
  auto pending = outbox->flush_with(FlushOptions{true, {}});
  ASSERT_TRUE(pending.has_value());
  EXPECT_EQ(*pending, 0u);
  EXPECT_EQ(m_central->booking_count(), 1u);
  auto listed = outbox->list();
  ASSERT_TRUE(listed.has_value());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().state, DeliveryState::delivered);
  EXPECT_FALSE(listed->front().reference.empty());
  // The reference the outbox holds is the one the server made.
  auto replay = api()->book(request);
  ASSERT_TRUE(replay.has_value());
  EXPECT_EQ(replay->reference, listed->front().reference);
}

TEST_F(Outbox, ANumberOnlyCardRoundTripsThroughTheFile) {
  m_central->stop();
  auto outbox = open(api(std::chrono::seconds{1}, "http://127.0.0.1:9"));
  auto request = request_for("001095000701", roomy_slot());
  request.full_name.clear();
  request.birth_year_only = true;
  request.birth_date = Date{1995, 1, 1};
  auto d = outbox->submit(request, OutboxKind::booking);
  ASSERT_TRUE(d.has_value());
  ASSERT_EQ(d->state, DeliveryState::pending);
  outbox.reset();
  // The stored body reads back into the same request body.
  ASSERT_TRUE(m_central->start().has_value());
  auto again = open(api());
  ASSERT_TRUE(again->flush_with(FlushOptions{true, {}}).has_value());
  EXPECT_EQ(m_central->booking_count(), 1u);
}

}  // namespace
}  // namespace kiosk::outbox_test
