#pragma once
// Speech with espeak-ng (Debian's libespeak-ng): text to 16-bit mono PCM,
// for the "read aloud" button and the spoken cue when a card is read.
// espeak-ng keeps global state: every call takes one process-wide lock.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <tl/expected.hpp>

namespace kiosk::speech {

struct Audio {
  int sample_rate = 0;                // Hz
  std::vector<std::int16_t> samples;  // mono
};

/// Synthesises UTF-8 `text` with the espeak-ng voice `voice` ("vi", "en").
/// Fails with a message when espeak-ng or the voice cannot be loaded.
tl::expected<Audio, std::string> synthesize(const std::string& text, const std::string& voice);

/// Writes `audio` as a 16-bit PCM WAV file.
tl::expected<void, std::string> write_wav(const std::filesystem::path& path, const Audio& audio);

}  // namespace kiosk::speech
