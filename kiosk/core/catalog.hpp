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
  /// The occupation taxonomy (ISCO-08 codes with labels); may be empty when
  /// the API never sent it.
  std::vector<Occupation> occupations;
  /// The ETags the sessions and the taxonomy came with, sent back as
  /// If-None-Match; empty when unknown.
  std::string sessions_etag;
  std::string occupations_etag;
};

}  // namespace kiosk
