#pragma once
// The slip a person takes away (DESIGN §3.4), as a layout model: an ordered
// list of blocks that a printer adapter rasterises at its own width.

#include <string>
#include <vector>

#include "core/booking.hpp"
#include "core/i18n.hpp"
#include "core/time.hpp"

namespace kiosk {

enum class SlipStyle { small, body, heading, title, reference };

struct SlipBlock {
  enum class Kind { text, qr, rule, gap };
  Kind kind = Kind::text;
  std::string text;  // the text, or the QR payload
  SlipStyle style = SlipStyle::body;
  bool centered = false;
  bool bold = false;
};

struct Slip {
  std::string reference;  // for file names and logs (not personal)
  std::vector<SlipBlock> blocks;

  /// Overwrites the text of every block (the slip carries the seeker's name).
  void wipe() noexcept;
};

struct SlipContext {
  std::string centre_name;
  std::string session_title;  // may be empty
  std::string seeker_name;    // printed, the ID number never is
  WallTime printed_at{};
  Tr tr;  // the person's language
};

/// Lays out the slip of a confirmed booking.
Slip make_booking_slip(const BookingConfirmation& booking, const SlipContext& context);

/// A slip staff print to check the printer: every text size, the letters
/// with the most diacritics, a QR code; no personal data.
Slip make_test_slip(std::string_view kiosk_id, const SlipContext& context);

}  // namespace kiosk
