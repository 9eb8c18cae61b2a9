#pragma once
// Taking a full snapshot of the central API's vacancies into a Catalog.

#include <tl/expected.hpp>

#include "core/catalog.hpp"
#include "ports/central_api.hpp"
#include "ports/clock.hpp"

namespace kiosk {

/// Fetches the job-fair sessions and every snapshot page; fails as a whole
/// when any call fails (the previous catalog stays in use). Blocking: call
/// from a worker thread.
tl::expected<Catalog, ApiFailure> fetch_catalog(CentralApi& api, const Clock& clock,
                                                int page_size = 500);

}  // namespace kiosk
