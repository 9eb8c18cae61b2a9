#include "adapters/factory/profile_file.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace kiosk {
namespace {

void resolve(std::string& path, const std::filesystem::path& base) {
  if (!path.empty() && std::filesystem::path(path).is_relative()) {
    path = (base / path).lexically_normal().string();
  }
}

// Scheme URIs such as "file:DIR" or "fifo:PATH" with a relative path.
void resolve_uri(std::string& uri, const std::filesystem::path& base) {
  const auto colon = uri.find(':');
  if (colon == std::string::npos) {
    return;
  }
  std::string path = uri.substr(colon + 1);
  if (path.empty() || path.front() == '/') {
    return;
  }
  const std::string scheme = uri.substr(0, colon);
  if (scheme == "file" || scheme == "fifo" || scheme == "images") {
    resolve(path, base);
    uri = scheme + ":" + path;
  }
}

}  // namespace

tl::expected<Profile, ProfileError> load_profile_file(const std::string& path) {
  const auto layer = load_profile_layer(path);
  if (!layer) {
    return tl::unexpected(layer.error());
  }
  auto profile = parse_profile(layer->text, path);
  if (!profile) {
    return profile;
  }
  resolve_profile_paths(*profile, path);
  return profile;
}

tl::expected<ProfileLayer, ProfileError> load_profile_layer(const std::string& path,
                                                            ProfileLayer::Kind kind) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return tl::unexpected(ProfileError{path, 0, "", "cannot be read"});
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ProfileLayer{kind, path, ss.str(), {}};
}

void resolve_profile_paths(Profile& profile, const std::string& profile_path) {
  const auto base = std::filesystem::absolute(profile_path).parent_path();
  resolve(profile.api.token_file, base);
  resolve(profile.api.ca_file, base);
  resolve(profile.logging.directory, base);
  resolve(profile.data.wards_file, base);
  resolve(profile.data.store_path, base);
  resolve(profile.data.outbox_path, base);
  resolve(profile.data.staff_path, base);
  resolve(profile.logging.spool_dir, base);
  resolve(profile.ui.font_dir, base);
  resolve(profile.ui.locale_dir, base);
  resolve_uri(profile.printer.uri, base);
  for (auto& s : profile.scanner.sources) {
    resolve_uri(s, base);
  }
}

tl::expected<std::string, std::string> read_api_token(const Profile& profile) {
  if (profile.api.token_file.empty()) {
    return profile.api.token;
  }
  std::ifstream in(profile.api.token_file);
  std::string token;
  if (!in || !std::getline(in, token) || token.empty()) {
    return tl::unexpected("API token file unreadable: " + profile.api.token_file);
  }
  return token;
}

}  // namespace kiosk
