#include "adapters/sqlite/session_json.hpp"

namespace kiosk::store_detail {

nlohmann::json session_to_json(const JobFairSession& session) {
  return nlohmann::json{{"id", session.id},
                        {"title", session.title},
                        {"target_groups", session.target_groups},
                        {"venue", session.venue},
                        {"starts_at", format_iso8601_vn(session.starts_at)},
                        {"ends_at", format_iso8601_vn(session.ends_at)}};
}

}  // namespace kiosk::store_detail
