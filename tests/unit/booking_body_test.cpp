// What the outbox stores and reads back: request bodies (full card and
// number only), interest bodies, confirmations of bookings and interests;
// and the profile's outbox path.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/booking.hpp"
#include "core/profile.hpp"

namespace kiosk {
namespace {

using nlohmann::json;

BookingRequest full_card() {
  return BookingRequest("k-1", "hn-01", "vac-000001", "slot-000001-1", "001095012345",
                        "Nguyễn Văn An", Date{1995, 3, 15}, Sex::male, "0912345678");
}

TEST(BookingBody, AFullCardBodyReadsBackIntoTheSameBody) {
  const BookingRequest r = full_card();
  const json body = booking_body(r);
  auto back = booking_request_from_body(json::parse(body.dump()), "k-1");
  ASSERT_TRUE(back.has_value()) << back.error();
  EXPECT_EQ(back->idempotency_key, "k-1");
  EXPECT_EQ(back->full_name, "Nguyễn Văn An");
  EXPECT_EQ(back->birth_date, (Date{1995, 3, 15}));
  EXPECT_FALSE(back->birth_year_only);
  EXPECT_EQ(booking_body(*back), body);  // the server's replay compares these
}

TEST(BookingBody, ANumberOnlyBodyReadsBackIntoTheSameBody) {
  BookingRequest r = full_card();
  r.full_name.clear();
  r.birth_year_only = true;
  r.sex = Sex::female;
  r.phone.clear();
  const json body = booking_body(r);
  EXPECT_FALSE(body.contains("phone"));
  auto back = booking_request_from_body(body, "k-2");
  ASSERT_TRUE(back.has_value()) << back.error();
  EXPECT_TRUE(back->birth_year_only);
  EXPECT_EQ(back->sex, Sex::female);
  EXPECT_EQ(booking_body(*back), body);
}

TEST(BookingBody, AnInterestHasNoSlotAndReadsBack) {
  const json body = interest_body(full_card());
  EXPECT_FALSE(body.contains("slot_id"));
  auto back = booking_request_from_body(body, "k-3");
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(interest_body(*back), body);
}

TEST(BookingBody, MalformedBodiesGiveAReasonWithoutTheContent) {
  EXPECT_FALSE(booking_request_from_body(json::array(), "k").has_value());
  json body = booking_body(full_card());
  body["citizen"]["sex"] = "x";
  auto bad = booking_request_from_body(body, "k");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().find("001095012345"), std::string::npos);
  body = booking_body(full_card());
  body["citizen"].erase("birth_date");
  EXPECT_FALSE(booking_request_from_body(body, "k").has_value());
}

TEST(BookingConfirmationJson, RoundTripsAndReadsAnInterestAnswer) {
  BookingConfirmation c;
  c.booking_id = "bk-1";
  c.reference = "HN-ABCDEF";
  c.slot.id = "slot-000001-1";
  c.slot.starts_at = WallTime{std::chrono::seconds{1'800'000'000}};
  c.slot.ends_at = c.slot.starts_at + std::chrono::minutes{30};
  c.slot.venue = "215 Trung Kính";
  c.vacancy_id = "vac-000001";
  c.vacancy_title = "Thợ hàn";
  c.employer_name = "Công ty Thăng Long";
  c.instructions = {"Mang theo thẻ căn cước"};
  auto back = confirmation_from_json(to_json(c));
  ASSERT_TRUE(back.has_value()) << back.error();
  EXPECT_EQ(back->reference, c.reference);
  EXPECT_EQ(back->slot.starts_at, c.slot.starts_at);
  EXPECT_EQ(back->employer_name, c.employer_name);
  EXPECT_EQ(back->instructions, c.instructions);

  const json interest = {{"interest_id", "in-1"},
                         {"reference", "HN-XYZ234"},
                         {"status", "registered"},
                         {"vacancy", {{"id", "vac-000002"}, {"title", "Kế toán"}}}};
  auto read = confirmation_from_json(interest);
  ASSERT_TRUE(read.has_value()) << read.error();
  EXPECT_EQ(read->booking_id, "in-1");
  EXPECT_EQ(read->vacancy_id, "vac-000002");
  EXPECT_TRUE(read->slot.id.empty());
  EXPECT_FALSE(to_json(*read).contains("slot"));
}

TEST(ProfileOutbox, DefaultsNextToTheCacheAndMustNotBeTheCache) {
  auto p = parse_profile("[data]\nstore_path = \"/srv/k/cache.db\"\n", "<t>");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->data.outbox_path, "/srv/k/outbox.db");
  p = parse_profile("", "<t>");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->data.outbox_path, "/var/lib/kiosk/outbox.db");
  p = parse_profile("[data]\noutbox_path = \"/data/ob.db\"\n", "<t>");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->data.outbox_path, "/data/ob.db");
  p = parse_profile("[data]\nstore_path = \"/a.db\"\noutbox_path = \"/a.db\"\n", "<t>");
  ASSERT_FALSE(p.has_value());
  EXPECT_EQ(p.error().key, "data.outbox_path");
  p = parse_profile("[data]\noutbox_path = 3\n", "<t>");
  ASSERT_FALSE(p.has_value());
  EXPECT_EQ(p.error().key, "data.outbox_path");
}

}  // namespace
}  // namespace kiosk
