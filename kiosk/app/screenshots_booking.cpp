#include "app/screenshots_booking.hpp"

#include <algorithm>

namespace kiosk {
namespace {

// A new session, up to the slot list of a vacancy with open slots.
bool reach_slots(const BookingShots& s) {
  s.journey.handle(intent::Cancel{});
  s.journey.on_scan(ScanEvent{s.card, "demo"});
  s.journey.handle(intent::AcceptConsent{});
  const auto& matches = s.journey.view().matches;
  const auto it = std::find_if(matches.begin(), matches.end(),
                               [](const Match& m) { return m.vacancy.slots_available > 0; });
  if (it == matches.end()) {
    std::cerr << "no vacancy with open slots\n";
    return false;
  }
  s.journey.handle(intent::OpenVacancy{it->vacancy.id});
  s.journey.handle(intent::ShowSlots{});
  s.runner.run_all();
  return true;
}

bool choose_open_slot(const BookingShots& s) {
  const auto& slots = s.journey.view().slots;
  const auto open =
      std::find_if(slots.begin(), slots.end(), [](const Slot& x) { return x.remaining > 0; });
  if (open == slots.end()) {
    std::cerr << "no open slot\n";
    return false;
  }
  s.journey.handle(intent::ChooseSlot{open->id});
  return true;
}

void shoot_done(const BookingShots& s, const std::string& name) {
  const JourneyView& view = s.journey.view();
  s.slip_picture.update(!view.printed ? view.slip : std::nullopt);
  s.shoot.info.slip_image = s.slip_picture.id();
  s.shoot.info.slip_aspect = s.slip_picture.aspect();
  s.shoot.frame(true, name);
  s.shoot.info.slip_image = nullptr;
}

}  // namespace

bool shoot_booking_paths(const BookingShots& s) {
  // The network drops the booking: it stays in the outbox.
  if (!reach_slots(s) || !choose_open_slot(s)) {
    return false;
  }
  s.central.add_fault(dev::DevFault{dev::DevFault::Kind::status, "/api/v1/bookings", 1, 503});
  s.journey.handle(intent::ConfirmBooking{});
  s.runner.run_all();
  s.shoot.frame(true, "confirm-unsent");
  s.journey.handle(intent::LeaveQueued{});
  s.runner.run_all();
  shoot_done(s, "done-queued");

  // The printer is out of paper: the slip shows on screen.
  if (!reach_slots(s) || !choose_open_slot(s)) {
    return false;
  }
  s.printer.out_of_paper = true;
  s.journey.handle(intent::ConfirmBooking{});
  s.runner.run_all();
  shoot_done(s, "done-printer-failed");
  s.printer.out_of_paper = false;

  // No slots can be loaded: register interest instead.
  s.central.add_fault(dev::DevFault{dev::DevFault::Kind::status, "/api/v1/vacancies/", 1, 503});
  if (!reach_slots(s)) {
    return false;
  }
  s.shoot.frame(true, "slots-offline");
  s.journey.handle(intent::RegisterInterest{});
  s.shoot.frame(true, "confirm-interest");
  s.journey.handle(intent::ConfirmBooking{});
  s.runner.run_all();
  shoot_done(s, "done-interest");
  s.central.clear_faults();
  return true;
}

}  // namespace kiosk
