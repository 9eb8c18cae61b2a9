#pragma once
// Reads the profile file and resolves its relative paths against the file's
// folder.

#include <string>

#include <tl/expected.hpp>

#include "core/profile.hpp"
#include "core/profile_layers.hpp"

namespace kiosk {

tl::expected<Profile, ProfileError> load_profile_file(const std::string& path);

/// The file's text as a profile layer (not yet parsed); an error naming the
/// file when it cannot be read.
tl::expected<ProfileLayer, ProfileError> load_profile_layer(
    const std::string& path, ProfileLayer::Kind kind = ProfileLayer::Kind::Local);

/// Resolves the profile's relative paths against `profile_path`'s folder.
void resolve_profile_paths(Profile& profile, const std::string& profile_path);

/// The bearer token: token_file's first line, else the inline token.
tl::expected<std::string, std::string> read_api_token(const Profile& profile);

}  // namespace kiosk
