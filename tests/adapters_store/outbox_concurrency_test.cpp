// The booking outbox under concurrent callers: one send per key at a time in
// a process, two connections on one file, Retry-After, and the sender thread.

#include <algorithm>
#include <atomic>
#include <vector>

#include "app/outbox_sender.hpp"
#include "outbox_test_support.hpp"

namespace kiosk::outbox_test {
namespace {

using OutboxConcurrency = OutboxFixture;

std::size_t posts_to(const dev::DevCentral& central, const std::string& path) {
  const auto requests = central.requests();
  return static_cast<std::size_t>(std::count_if(requests.begin(), requests.end(), [&](const auto& r) {
    return r.method == "POST" && r.path == path;
  }));
}

TEST_F(OutboxConcurrency, OneKeyIsNeverSentTwiceAtOnce) {
  m_central->set_latency(std::chrono::milliseconds{300});
  auto outbox = open(api());
  const auto request = request_for("001095001001", roomy_slot());
  std::vector<std::jthread> threads;
  std::atomic<int> delivered{0};
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&] {
      auto d = outbox->submit(request, OutboxKind::booking);
      delivered += (d && d->state == DeliveryState::delivered) ? 1 : 0;
    });
  }
  threads.emplace_back([&] {
    for (int i = 0; i < 20; ++i) {
      static_cast<void>(outbox->flush_with(FlushOptions{true, {}}));
      std::this_thread::sleep_for(std::chrono::milliseconds{20});
    }
  });
  threads.clear();  // joins
  EXPECT_EQ(delivered.load(), 4);
  EXPECT_EQ(posts_to(*m_central, "/api/v1/bookings"), 1u);
  EXPECT_EQ(m_central->booking_count(), 1u);
}

TEST_F(OutboxConcurrency, TwoConnectionsOnOneFileDeliverEverythingOnce) {
  auto a = open(api());
  auto b = open(api());
  constexpr int k_each = 12;
  auto run = [&](SqliteBookingOutbox& outbox, int offset) {
    for (int i = 0; i < k_each; ++i) {
      const auto slot = roomy_slot(1);
      auto d = outbox.submit(request_for(fmt::format("0010950020{:02}", offset + i), slot),
                             OutboxKind::interest);
      EXPECT_TRUE(d.has_value());
      EXPECT_TRUE(outbox.flush_with(FlushOptions{true, {}}).has_value());
    }
  };
  {
    std::jthread one([&] { run(*a, 0); });
    std::jthread two([&] { run(*b, k_each); });
  }
  auto listed = a->list();
  ASSERT_TRUE(listed.has_value());
  ASSERT_EQ(listed->size(), std::size_t{2 * k_each});
  for (const auto& s : *listed) {
    EXPECT_EQ(s.state, DeliveryState::delivered) << s.idempotency_key << " " << s.last_error;
  }
  EXPECT_EQ(m_central->interest_count(), std::size_t{2 * k_each});
}

TEST_F(OutboxConcurrency, RetryAfterIsHonoured) {
  m_central->add_fault(dev::DevFault{.kind = dev::DevFault::Kind::status,
                                     .path = "/api/v1/bookings",
                                     .times = 1,
                                     .status = 503,
                                     .retry_after = "120"});
  auto outbox = open(api());
  auto d = outbox->submit(request_for("001095003001", roomy_slot()), OutboxKind::booking);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->state, DeliveryState::pending);
  ASSERT_TRUE(d->failure.has_value());
  EXPECT_EQ(d->failure->retry_after, std::chrono::seconds{120});
  const auto posts = posts_to(*m_central, "/api/v1/bookings");
  auto pending = outbox->flush();  // not due for two minutes
  ASSERT_TRUE(pending.has_value());
  EXPECT_EQ(*pending, 1u);
  EXPECT_EQ(posts_to(*m_central, "/api/v1/bookings"), posts);
  pending = outbox->flush_with(FlushOptions{true, {}});  // staff: send now
  EXPECT_EQ(*pending, 0u);
  EXPECT_EQ(m_central->booking_count(), 1u);
}

TEST_F(OutboxConcurrency, TheSenderFlushesAtStartOnPokeAndStopsPromptly) {
  m_central->add_fault(dev::DevFault{.kind = dev::DevFault::Kind::status,
                                     .path = "/api/v1/interests",
                                     .times = 1,
                                     .status = 503});
  SqliteOutboxSettings settings;
  settings.path = path();
  settings.backoff = BackoffPolicy{std::chrono::milliseconds{1}, std::chrono::milliseconds{1}};
  auto opened = SqliteBookingOutbox::open(std::move(settings), api());
  ASSERT_TRUE(opened.has_value());
  auto& outbox = **opened;
  auto d = outbox.submit(request_for("001095004001", roomy_slot()), OutboxKind::interest);
  ASSERT_TRUE(d.has_value());
  ASSERT_EQ(d->state, DeliveryState::pending);

  std::atomic<std::size_t> last_pending{99};
  OutboxSender sender(outbox, std::chrono::hours{1}, [&](std::size_t n) { last_pending = n; });
  sender.start();
  auto wait_for = [&](auto done) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds{5};
    while (!done() && std::chrono::steady_clock::now() < end) {
      std::this_thread::sleep_for(std::chrono::milliseconds{10});
    }
    return done();
  };
  ASSERT_TRUE(wait_for([&] { return sender.flushes() >= 1 && last_pending == 0; }));
  EXPECT_EQ(m_central->interest_count(), 1u);
  sender.poke();
  ASSERT_TRUE(wait_for([&] { return sender.flushes() >= 2; }));
  const auto before = std::chrono::steady_clock::now();
  sender.stop();
  EXPECT_LT(std::chrono::steady_clock::now() - before, std::chrono::milliseconds{500});
  EXPECT_EQ(m_central->interest_count(), 1u);
}

}  // namespace
}  // namespace kiosk::outbox_test
