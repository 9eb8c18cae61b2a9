#pragma once
// The JSON writer for job-fair sessions that core lacks, in the shape
// session_from_json reads (the API's shape), so a cached session reads back
// identically.

#include <nlohmann/json.hpp>

#include "core/vacancy.hpp"

namespace kiosk::store_detail {

/// {"id","title","target_groups","venue","starts_at","ends_at"}, times as
/// ISO 8601 in Vietnam time.
nlohmann::json session_to_json(const JobFairSession& session);

}  // namespace kiosk::store_detail
