#include "tools/kioskctl/profile_command.hpp"

#include <fstream>
#include <sstream>

#include "adapters/crypto/central_profile_check.hpp"
#include "adapters/factory/central_profile_cache.hpp"
#include "adapters/factory/profile_file.hpp"
#include "core/profile_layers.hpp"

namespace kiosk {
namespace {

int validate(const std::vector<std::string>& files, std::ostream& out, std::ostream& err) {
  int status = 0;
  for (const auto& file : files) {
    const auto layer = load_profile_layer(file);
    const auto merged =
        layer ? merge_profile_layers({*layer})
              : tl::expected<EffectiveProfile, ProfileError>(tl::unexpected(layer.error()));
    if (merged) {
      out << file << ": ok\n";
    } else {
      err << merged.error().to_string() << "\n";
      status = 1;
    }
  }
  return status;
}

tl::expected<std::string, ProfileError> read_signature(const std::string& path) {
  std::ifstream in(path);
  std::string sig;
  if (!in) {
    return tl::unexpected(ProfileError{path, 0, "", "cannot be read"});
  }
  std::getline(in, sig);
  while (!sig.empty() && (sig.back() == '\r' || sig.back() == ' ')) {
    sig.pop_back();
  }
  return sig;
}

// The central layer: the given signed body, else the last known good cache.
tl::expected<std::optional<ProfileLayer>, ProfileError> central_layer(const ProfileOptions& options,
                                                                      const Profile& local) {
  if (options.central_file.empty()) {
    return CentralProfileCache::next_to_store(local).load(local.api.profile_pubkey);
  }
  const auto body = load_profile_layer(options.central_file, ProfileLayer::Kind::Central);
  if (!body) {
    return tl::unexpected(body.error());
  }
  const auto sig = options.signature_file.empty() ? tl::expected<std::string, ProfileError>("")
                                                  : read_signature(options.signature_file);
  if (!sig) {
    return tl::unexpected(sig.error());
  }
  auto checked =
      check_central_profile(body->text, *sig, local.api.profile_pubkey, options.central_file);
  if (!checked) {
    return tl::unexpected(checked.error());
  }
  return std::optional<ProfileLayer>(std::move(*checked));
}

int show(const ProfileOptions& options, std::ostream& out, std::ostream& err) {
  const auto local = load_profile_layer(options.profile_file);
  const auto local_only =
      local ? merge_profile_layers({*local})
            : tl::expected<EffectiveProfile, ProfileError>(tl::unexpected(local.error()));
  if (!local_only) {
    err << local_only.error().to_string() << "\n";
    return 1;
  }
  // The cache folder and the public key come from the local file alone:
  // the central layer must not choose the key that checks it.
  Profile local_profile = local_only->profile;
  resolve_profile_paths(local_profile, options.profile_file);
  const auto central = central_layer(options, local_profile);
  if (!central) {
    err << central.error().to_string() << "\n";
    return 1;
  }
  std::vector<ProfileLayer> layers = {*local};
  if (*central) {
    layers.push_back(**central);
  }
  if (!options.staff_file.empty()) {
    const auto staff = load_profile_layer(options.staff_file, ProfileLayer::Kind::Staff);
    if (!staff) {
      err << staff.error().to_string() << "\n";
      return 1;
    }
    layers.push_back(*staff);
  }
  auto effective = merge_profile_layers(layers);
  if (!effective) {
    err << effective.error().to_string() << "\n";
    return 1;
  }
  resolve_profile_paths(effective->profile, options.profile_file);
  out << effective_profile_toml(*effective);
  return 0;
}

}  // namespace

tl::expected<ProfileOptions, std::string> parse_profile_args(const std::vector<std::string>& args) {
  if (args.empty()) {
    return tl::unexpected(std::string("validate or show?"));
  }
  ProfileOptions options;
  if (args[0] == "validate") {
    options.action = ProfileOptions::Action::Validate;
    options.files.assign(args.begin() + 1, args.end());
    if (options.files.empty()) {
      return tl::unexpected(std::string("validate needs at least one FILE"));
    }
    return options;
  }
  if (args[0] != "show") {
    return tl::unexpected("unknown profile command: " + args[0]);
  }
  options.action = ProfileOptions::Action::Show;
  bool effective = false;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--effective") {
      effective = true;
      continue;
    }
    std::string* target = a == "--profile"     ? &options.profile_file
                          : a == "--central"   ? &options.central_file
                          : a == "--signature" ? &options.signature_file
                          : a == "--staff"     ? &options.staff_file
                                               : nullptr;
    if (target == nullptr) {
      return tl::unexpected("unknown flag: " + a);
    }
    if (i + 1 >= args.size()) {
      return tl::unexpected(a + " needs a value");
    }
    *target = args[++i];
  }
  if (!effective) {
    return tl::unexpected(std::string("show needs --effective"));
  }
  if (!options.signature_file.empty() && options.central_file.empty()) {
    return tl::unexpected(std::string("--signature needs --central"));
  }
  return options;
}

int profile_command(const ProfileOptions& options, std::ostream& out, std::ostream& err) {
  if (options.action == ProfileOptions::Action::Validate) {
    return validate(options.files, out, err);
  }
  return show(options, out, err);
}

}  // namespace kiosk
