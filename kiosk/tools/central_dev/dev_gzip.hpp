#pragma once
// gzip for JSON answers. cpp-httplib would compress too, but it prefers
// brotli at quality 11 whenever a client offers "br" (libcurl does), which
// takes seconds per large page; so the server compresses itself, gzip only.

#include <optional>
#include <string>
#include <string_view>

namespace kiosk::dev {

/// True when an Accept-Encoding header value admits gzip ("gzip", "x-gzip"
/// or "*" without q=0).
bool accepts_gzip(std::string_view accept_encoding);

/// The gzip member for `data`; nullopt if zlib fails.
std::optional<std::string> gzip(std::string_view data);

}  // namespace kiosk::dev
