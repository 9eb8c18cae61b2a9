#pragma once
// Reads the profile file and resolves its relative paths against the file's
// folder.

#include <string>

#include <tl/expected.hpp>

#include "core/profile.hpp"

namespace kiosk {

tl::expected<Profile, ProfileError> load_profile_file(const std::string& path);

/// The bearer token: token_file's first line, else the inline token.
tl::expected<std::string, std::string> read_api_token(const Profile& profile);

}  // namespace kiosk
