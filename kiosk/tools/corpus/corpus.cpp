#include "tools/corpus/corpus.hpp"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <exception>
#include <fstream>
#include <sstream>
#include <thread>

#include <ZXing/BarcodeFormat.h>
#include <ZXing/BitMatrix.h>
#include <ZXing/CharacterSet.h>
#include <ZXing/MultiFormatWriter.h>
#include <ZXing/TextUtfEncoding.h>
#include <fmt/format.h>

#include "tools/corpus/citizen_payload.hpp"

namespace kiosk::corpus {
namespace {

// MultiFormatWriter's 0..8 error-correction scale: 1 is QR level L, 3 is M.
constexpr int k_ecc_l = 1;
constexpr int k_ecc_m = 3;

tl::expected<QrModules, std::string> encode(const std::string& payload, const Shot& shot) {
  ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
  writer.setMargin(0).setEccLevel(shot.ecc_low ? k_ecc_l : k_ecc_m);
  try {
    ZXing::BitMatrix bits;
    if (shot.eci) {
      writer.setEncoding(ZXing::CharacterSet::UTF8);
      bits = writer.encode(ZXing::TextUtfEncoding::FromUtf8(payload), 0, 0);
    } else {
      // Like most cards: the UTF-8 bytes as they are, with no ECI (each byte
      // passed as one ISO-8859-1 character, the byte mode's default).
      std::wstring latin1;
      for (const char c : payload) {
        latin1.push_back(static_cast<wchar_t>(static_cast<unsigned char>(c)));
      }
      bits = writer.encode(latin1, 0, 0);
    }
    QrModules code;
    code.size = bits.width();
    code.dark.resize(static_cast<std::size_t>(code.size) * code.size);
    for (int y = 0; y < code.size; ++y) {
      for (int x = 0; x < code.size; ++x) {
        code.dark[static_cast<std::size_t>(y * code.size + x)] = bits.get(x, y);
      }
    }
    return code;
  } catch (const std::exception& e) {
    return tl::unexpected(std::string("cannot encode a payload: ") + e.what());
  }
}

struct FrameJob {
  Level level = Level::easy;
  FrameSize size;
  int index = 0;
};

tl::expected<CorpusFrame, std::string> make_frame(const PayloadMaker& maker, const FrameJob& job,
                                                  std::uint64_t seed) {
  const auto level_seed = mix_seed(seed, static_cast<std::uint64_t>(job.level) + 1);
  CorpusRandom random(mix_seed(level_seed, static_cast<std::uint64_t>(job.size.width) * 100000 +
                                               static_cast<std::uint64_t>(job.index)));
  CorpusFrame frame;
  frame.level = job.level;
  frame.width = job.size.width;
  frame.height = job.size.height;
  frame.file = fmt::format("{}-{}x{}-{:03}.pgm", level_name(job.level), job.size.width,
                           job.size.height, job.index);
  frame.payload = maker.make(random);
  Shot shot;
  draw_encoding(job.level, shot, random);
  auto code = encode(frame.payload, shot);
  if (!code) {
    return tl::unexpected(code.error());
  }
  const Shot drawn = draw_shot(job.level, code->size, frame.width, frame.height, random);
  shot.pose = drawn.pose;
  shot.effects = drawn.effects;
  CodeCorners corners;
  FloatFrame scene =
      render_card_scene(*code, shot.pose, frame.width, frame.height, random, corners);
  // The glare lands on the code: place it between the code's corners.
  const double top_x = corners.x[0] + (corners.x[1] - corners.x[0]) * drawn.glare_u;
  const double top_y = corners.y[0] + (corners.y[1] - corners.y[0]) * drawn.glare_u;
  const double bottom_x = corners.x[3] + (corners.x[2] - corners.x[3]) * drawn.glare_u;
  const double bottom_y = corners.y[3] + (corners.y[2] - corners.y[3]) * drawn.glare_u;
  shot.effects.glare_x = top_x + (bottom_x - top_x) * drawn.glare_v;
  shot.effects.glare_y = top_y + (bottom_y - top_y) * drawn.glare_v;
  auto pixels = apply_effects(std::move(scene), shot.effects, random);
  if (!pixels) {
    return tl::unexpected(pixels.error());
  }
  frame.pixels = std::move(*pixels);
  frame.version = (code->size - 17) / 4;
  frame.ecc = shot.ecc_low ? 'L' : 'M';
  frame.module_px = shot.pose.module_px;
  frame.corners = corners;
  return frame;
}

tl::expected<void, std::string> write_pgm(const CorpusFrame& frame,
                                          const std::filesystem::path& path) {
  std::ofstream out(path, std::ios::binary);
  out << "P5\n" << frame.width << ' ' << frame.height << "\n255\n";
  out.write(reinterpret_cast<const char*>(frame.pixels.data()),
            static_cast<std::streamsize>(frame.pixels.size()));
  if (!out) {
    return tl::unexpected("cannot write " + path.string());
  }
  return {};
}

tl::expected<void, std::string> read_pgm(const std::filesystem::path& path, CorpusFrame& frame) {
  std::ifstream in(path, std::ios::binary);
  std::string magic;
  int max_value = 0;
  in >> magic >> frame.width >> frame.height >> max_value;
  in.get();  // the one whitespace byte before the pixels
  if (!in || magic != "P5" || max_value != 255 || frame.width <= 0 || frame.height <= 0) {
    return tl::unexpected("not an 8-bit PGM: " + path.string());
  }
  frame.pixels.resize(static_cast<std::size_t>(frame.width) * frame.height);
  in.read(reinterpret_cast<char*>(frame.pixels.data()),
          static_cast<std::streamsize>(frame.pixels.size()));
  if (!in) {
    return tl::unexpected("truncated PGM: " + path.string());
  }
  return {};
}

}  // namespace

std::string default_wards_path() {
  return KIOSK_CORPUS_WARDS;
}

std::string to_hex(const std::string& bytes) {
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (const char c : bytes) {
    hex += fmt::format("{:02x}", static_cast<unsigned char>(c));
  }
  return hex;
}

std::optional<std::string> from_hex(const std::string& hex) {
  if (hex.size() % 2 != 0) {
    return std::nullopt;
  }
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  };
  std::string bytes;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int high = nibble(hex[i]);
    const int low = nibble(hex[i + 1]);
    if (high < 0 || low < 0) {
      return std::nullopt;
    }
    bytes.push_back(static_cast<char>(high * 16 + low));
  }
  return bytes;
}

tl::expected<std::vector<CorpusFrame>, std::string> generate_corpus(const CorpusOptions& options) {
  auto wards =
      load_hanoi_wards(options.wards_path.empty() ? default_wards_path() : options.wards_path);
  if (!wards) {
    return tl::unexpected(wards.error());
  }
  const PayloadMaker maker(std::move(*wards));
  std::vector<FrameJob> jobs;
  for (const Level level : options.levels) {
    for (const FrameSize size : options.sizes) {
      for (int i = 0; i < options.frames_per_cell; ++i) {
        jobs.push_back(FrameJob{level, size, i});
      }
    }
  }
  std::vector<tl::expected<CorpusFrame, std::string>> made(jobs.size());
  std::atomic<std::size_t> next{0};
  {
    // Frames are independent (each has its own seed): share them out.
    std::vector<std::jthread> workers;
    for (int t = 0; t < std::max(1, options.threads); ++t) {
      workers.emplace_back([&] {
        for (std::size_t i = next++; i < jobs.size(); i = next++) {
          made[i] = make_frame(maker, jobs[i], options.seed);
        }
      });
    }
  }
  std::vector<CorpusFrame> frames;
  for (auto& frame : made) {
    if (!frame) {
      return tl::unexpected(frame.error());
    }
    frames.push_back(std::move(*frame));
  }
  return frames;
}

tl::expected<void, std::string> write_corpus(const std::vector<CorpusFrame>& frames,
                                             const std::filesystem::path& dir) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  std::ofstream manifest(dir / "manifest.tsv");
  manifest << "file\tlevel\twidth\theight\tpayload_hex\tversion\tecc\tmodule_px\tcorners\n";
  for (const CorpusFrame& frame : frames) {
    auto written = write_pgm(frame, dir / frame.file);
    if (!written) {
      return written;
    }
    const CodeCorners& c = frame.corners;
    manifest << fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\t{:.2f}\t", frame.file,
                            level_name(frame.level), frame.width, frame.height,
                            to_hex(frame.payload), frame.version, frame.ecc, frame.module_px)
             << fmt::format("{:.1f},{:.1f},{:.1f},{:.1f},{:.1f},{:.1f},{:.1f},{:.1f}\n", c.x[0],
                            c.y[0], c.x[1], c.y[1], c.x[2], c.y[2], c.x[3], c.y[3]);
  }
  if (!manifest) {
    return tl::unexpected("cannot write " + (dir / "manifest.tsv").string());
  }
  return {};
}

tl::expected<std::vector<CorpusFrame>, std::string> read_corpus(const std::filesystem::path& dir) {
  std::ifstream manifest(dir / "manifest.tsv");
  if (!manifest) {
    return tl::unexpected("no manifest.tsv in " + dir.string());
  }
  std::string line;
  std::getline(manifest, line);  // the header
  std::vector<CorpusFrame> frames;
  while (std::getline(manifest, line)) {
    std::istringstream fields(line);
    CorpusFrame frame;
    std::string level;
    std::string hex;
    std::string corners;
    fields >> frame.file >> level >> frame.width >> frame.height >> hex >> frame.version >>
        frame.ecc >> frame.module_px >> corners;
    CodeCorners& c = frame.corners;
    if (std::sscanf(corners.c_str(), "%lf,%lf,%lf,%lf,%lf,%lf,%lf,%lf", &c.x[0], &c.y[0], &c.x[1],
                    &c.y[1], &c.x[2], &c.y[2], &c.x[3], &c.y[3]) != 8) {
      return tl::unexpected("malformed corners in manifest line: " + line.substr(0, 60));
    }
    const auto parsed_level = level_from_name(level);
    auto payload = from_hex(hex);
    if (!fields || !parsed_level || !payload) {
      return tl::unexpected("malformed manifest line: " + line.substr(0, 60));
    }
    frame.level = *parsed_level;
    frame.payload = std::move(*payload);
    auto loaded = read_pgm(dir / frame.file, frame);
    if (!loaded) {
      return tl::unexpected(loaded.error());
    }
    frames.push_back(std::move(frame));
  }
  return frames;
}

}  // namespace kiosk::corpus
