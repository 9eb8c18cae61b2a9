#pragma once
// The profile reader at the TOML level, for the core's own use (profile
// layering): toml++ stays out of the public profile header.

#include <string_view>

#include <toml++/toml.h>
#include <tl/expected.hpp>

#include "core/profile.hpp"

namespace kiosk {

/// Parses TOML text; nodes remember `source_name` and their line. A syntax
/// error names the file and line. Never throws.
tl::expected<toml::table, ProfileError> parse_profile_toml(std::string_view toml_text,
                                                           std::string_view source_name);

/// Reads a (possibly merged) table over the built-in defaults. Each error
/// names the file and line its value came from (the node's source), else
/// `source_name`.
tl::expected<Profile, ProfileError> parse_profile_table(const toml::table& root,
                                                        std::string_view source_name);

}  // namespace kiosk
