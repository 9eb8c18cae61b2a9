// make_code_source: which URIs give which source, and clear errors otherwise.

#include <gtest/gtest.h>

#include "adapters/scan/code_source_factory.hpp"
#include "adapters/scan/fifo_source.hpp"
#include "adapters/scan/images_source.hpp"

namespace kiosk::scan {
namespace {

TEST(CodeSourceFactory, BuildsFifoAndImagesSources) {
  auto fifo = make_code_source("fifo:/run/kiosk/scan");
  ASSERT_TRUE(fifo.has_value()) << fifo.error();
  EXPECT_NE(dynamic_cast<FifoSource*>(fifo->get()), nullptr);
  auto images = make_code_source("images:/srv/demo?delay_ms=0");
  ASSERT_TRUE(images.has_value()) << images.error();
  EXPECT_NE(dynamic_cast<ImagesSource*>(images->get()), nullptr);
}

TEST(CodeSourceFactory, RejectsOtherSchemesNamingTheUri) {
  for (const std::string uri :
       {"camera:/dev/video0?width=1280", "serial:/dev/ttyACM0", "evdev:/dev/input/x",
        "fifo:", "images:", "images:/srv?delay_ms=soon", "/run/kiosk/scan"}) {
    auto source = make_code_source(uri);
    ASSERT_FALSE(source.has_value()) << uri;
    EXPECT_NE(source.error().find(uri), std::string::npos) << source.error();
  }
}

}  // namespace
}  // namespace kiosk::scan
