#include "adapters/factory/central_profile_cache.hpp"

#include <fstream>
#include <sstream>
#include <system_error>

#include "adapters/crypto/central_profile_check.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;

std::optional<std::string> read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return std::nullopt;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool write_all(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  return static_cast<bool>(out);
}

}  // namespace

CentralProfileCache::CentralProfileCache(fs::path folder) : m_folder(std::move(folder)) {}

CentralProfileCache CentralProfileCache::next_to_store(const Profile& profile) {
  return CentralProfileCache(fs::path(profile.data.store_path).parent_path());
}

tl::expected<void, std::string> CentralProfileCache::save(std::string_view body,
                                                          std::string_view signature_b64,
                                                          std::string_view etag) {
  std::error_code ec;
  fs::create_directories(m_folder, ec);
  const fs::path body_file = body_path();
  const fs::path sig_file = m_folder / "central_profile.toml.sig";
  const fs::path etag_file = m_folder / "central_profile.toml.etag";
  // All three are written aside first; a crash between the renames leaves a
  // body whose signature does not match, which load() refuses (the kiosk
  // then runs on its local file until the next fetch).
  if (!write_all(body_file.string() + ".new", body) ||
      !write_all(sig_file.string() + ".new", signature_b64) ||
      !write_all(etag_file.string() + ".new", etag)) {
    return tl::unexpected("cannot write the central profile cache in " + m_folder.string());
  }
  for (const auto& f : {body_file, sig_file, etag_file}) {
    fs::rename(f.string() + ".new", f, ec);
    if (ec) {
      return tl::unexpected("cannot replace " + f.string() + ": " + ec.message());
    }
  }
  return {};
}

std::optional<ProfileLayer> CentralProfileCache::load(std::string_view pubkey_b64) const {
  const auto body = read_all(body_path());
  const auto sig = read_all(m_folder / "central_profile.toml.sig");
  if (!body || !sig) {
    return std::nullopt;
  }
  const std::string etag = read_all(m_folder / "central_profile.toml.etag").value_or("");
  auto layer = check_central_profile(*body, *sig, pubkey_b64, body_path().string(), etag);
  if (!layer) {
    return std::nullopt;
  }
  return std::move(*layer);
}

}  // namespace kiosk
