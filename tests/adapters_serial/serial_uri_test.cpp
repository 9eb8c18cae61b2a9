// make_serial_source: which URIs it accepts, and clear errors otherwise.

#include <string>

#include <gtest/gtest.h>

#include "adapters/serial/serial_source.hpp"

namespace kiosk::serial {
namespace {

TEST(SerialSource, FactoryAcceptsPathBaudAndIdleGap) {
  for (const std::string uri :
       {"serial:/dev/ttyACM0", "serial:/dev/ttyACM0?baud=115200", "serial:/dev/ttyUSB1?baud=9600",
        "serial:/dev/serial/by-id/usb-Scanner-if00?idle_ms=50&baud=57600"}) {
    auto source = make_serial_source(uri);
    ASSERT_TRUE(source.has_value()) << uri << ": " << source.error();
    EXPECT_NE(dynamic_cast<SerialSource*>(source->get()), nullptr);
  }
}

TEST(SerialSource, FactoryRejectsBadUrisNamingThem) {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"serial:", "no device path"},
      {"serial:?baud=9600", "no device path"},
      {"serial:ttyACM0", "absolute"},
      {"fifo:/dev/ttyACM0", "does not start with serial:"},
      {"serial:/dev/ttyACM0?baud=fast", "baud must be a whole number"},
      {"serial:/dev/ttyACM0?baud=", "baud must be a whole number"},
      {"serial:/dev/ttyACM0?baud=-9600", "baud must be a whole number"},
      {"serial:/dev/ttyACM0?baud=12345", "not a standard rate"},
      {"serial:/dev/ttyACM0?idle_ms=0", "idle_ms must be a whole number"},
      {"serial:/dev/ttyACM0?parity=even", "unknown option 'parity'"},
      {"serial:/dev/ttyACM0?baud", "not key=value"},
  };
  for (const auto& [uri, reason] : cases) {
    auto source = make_serial_source(uri);
    ASSERT_FALSE(source.has_value()) << uri;
    EXPECT_NE(source.error().find(uri), std::string::npos) << source.error();
    EXPECT_NE(source.error().find(reason), std::string::npos) << source.error();
  }
}

}  // namespace
}  // namespace kiosk::serial
