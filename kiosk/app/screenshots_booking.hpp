#pragma once
// kiosk-screenshots, the booking paths that go wrong: a booking the network
// did not take (left to the kiosk), a printer out of paper (the slip on
// screen), and slots that cannot be loaded (register interest).

#include "adapters/fake/fakes.hpp"
#include "app/screenshot_shooter.hpp"
#include "app/slip_picture.hpp"
#include "ports/printer.hpp"
#include "tools/central_dev/dev_central.hpp"

namespace kiosk {

/// A printer that prints through `inner` or, when `out_of_paper`, fails.
class SwitchPrinter final : public Printer {
 public:
  explicit SwitchPrinter(Printer& inner) : m_inner(inner) {}
  tl::expected<PrintReceipt, PrintFailure> print(const Slip& slip) override {
    if (out_of_paper) {
      return tl::unexpected(PrintFailure{PrintError::out_of_paper, "paper end (screenshots)"});
    }
    return m_inner.print(slip);
  }
  bool out_of_paper = false;

 private:
  Printer& m_inner;
};

struct BookingShots {
  Shooter& shoot;
  Journey& journey;
  dev::DevCentral& central;
  fake::ManualTaskRunner& runner;
  SwitchPrinter& printer;
  SlipPicture& slip_picture;
  const char* card;
};

/// Shoots the three paths, each in a session of its own; false (with a
/// message) when the demo data offers no vacancy with an open slot.
bool shoot_booking_paths(const BookingShots& s);

}  // namespace kiosk
