// CupsPrinter without a cupsd: the queue-state rules, the job options, and a
// print to a CUPS server that is not there (CUPS_SERVER on a closed
// loopback port), which must be `offline`, quickly. Submitting a real job
// needs a running cupsd and is not tested here.

#include <cstdlib>

#include <gtest/gtest.h>

#include "adapters/print/cups_printer.hpp"
#include "adapters/print/printer_factory.hpp"
#include "escpos_test_support.hpp"

namespace kiosk::print {
namespace {

TEST(CupsPrinter, QueueStateDecidesWhetherASlipCanGo) {
  EXPECT_FALSE(cups_queue_failure("slips", "3", "none", "true").has_value());
  EXPECT_FALSE(cups_queue_failure("slips", "4", "media-low-warning", "true").has_value());
  EXPECT_FALSE(cups_queue_failure("slips", "3", "media-empty-warning", "true").has_value());
  for (const char* reasons : {"media-empty", "media-empty-error", "none,media-needed-error",
                              "cover-open", "door-open-error"}) {
    const auto f = cups_queue_failure("slips", "4", reasons, "true");
    ASSERT_TRUE(f.has_value()) << reasons;
    EXPECT_EQ(f->kind, PrintError::out_of_paper) << reasons;
    EXPECT_NE(f->message.find("cups:slips"), std::string::npos);
  }
  EXPECT_EQ(cups_queue_failure("slips", "5", "paused", "true")->kind, PrintError::offline);
  EXPECT_EQ(cups_queue_failure("slips", "3", "offline-error", "true")->kind, PrintError::offline);
  EXPECT_EQ(cups_queue_failure("slips", "3", "none", "false")->kind, PrintError::offline);
}

TEST(CupsPrinter, JobPrintsTheImageAtItsOwnSize) {
  const auto options = cups_job_options(203);
  const auto has = [&](const std::string& name, const std::string& value) {
    return std::find(options.begin(), options.end(), std::pair{name, value}) != options.end();
  };
  EXPECT_TRUE(has("ppi", "203"));
  EXPECT_TRUE(has("print-scaling", "none"));
  EXPECT_TRUE(has("copies", "1"));
}

TEST(CupsPrinter, NoCupsServerIsOffline) {
  int port = 0;
  {
    test::PrinterStandIn gone({});  // a loopback port that was free a moment ago
    port = gone.port();
  }
  const std::string server = "127.0.0.1:" + std::to_string(port);
  ::setenv("CUPS_SERVER", server.c_str(), 1);
  auto printer = make_printer("cups:kiosk-slips", 576);
  ASSERT_TRUE(printer.has_value()) << printer.error();
  const auto started = std::chrono::steady_clock::now();
  auto receipt = (*printer)->print(test::sample_slip());
  ::unsetenv("CUPS_SERVER");
  ASSERT_FALSE(receipt.has_value());
  EXPECT_EQ(receipt.error().kind, PrintError::offline);
  EXPECT_NE(receipt.error().message.find("cups:kiosk-slips"), std::string::npos)
      << receipt.error().message;
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

}  // namespace
}  // namespace kiosk::print
