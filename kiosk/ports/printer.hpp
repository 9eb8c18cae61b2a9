#pragma once
// Prints a slip. Blocking: call from a worker thread.

#include <string>

#include <tl/expected.hpp>

#include "core/slip.hpp"

namespace kiosk {

enum class PrintError { offline, out_of_paper, failed };

struct PrintFailure {
  PrintError kind = PrintError::failed;
  std::string message;  // for logs
};

struct PrintReceipt {
  std::string location;  // where it went (a file path, a queue name, a device)
};

class Printer {
 public:
  virtual ~Printer() = default;
  virtual tl::expected<PrintReceipt, PrintFailure> print(const Slip& slip) = 0;
};

}  // namespace kiosk
