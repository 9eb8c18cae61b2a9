#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/time.hpp"
#include "core/vacancy.hpp"

namespace kiosk {

/// Everything the kiosk knows about open jobs at one moment. Shared
/// read-only between threads once built.
struct Catalog {
  std::vector<Vacancy> vacancies;
  std::vector<JobFairSession> sessions;
  std::string sync_token;
  std::optional<WallTime> synced_at;
};

}  // namespace kiosk
