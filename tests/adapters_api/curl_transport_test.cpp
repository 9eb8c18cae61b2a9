// CurlCentralApi's transport: size cap, refused connections, timeouts, gzip,
// keep-alive, concurrent callers and HTTPS with a throwaway certificate.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "curl_api_support.hpp"

namespace kiosk::test {
namespace {

using nlohmann::json;
using std::chrono::milliseconds;

const json k_sessions = {{"sessions", {{{"id", "s-1"}, {"title", "Phiên việc làm Ba Đình"}}}}};

std::string gzip(const std::string& in) {
  z_stream zs{};
  if (deflateInit2_(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
                    ZLIB_VERSION, static_cast<int>(sizeof(z_stream))) != Z_OK) {
    return {};
  }
  std::string out(deflateBound(&zs, in.size()), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return rc == Z_STREAM_END ? out : std::string();
}

// A loopback port that nothing listens on (bound, then closed).
int closed_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  socklen_t len = sizeof addr;
  bind(fd, reinterpret_cast<sockaddr*>(&addr), len);
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

// A self-signed certificate for 127.0.0.1, made once per run with openssl.
struct TestCert {
  std::filesystem::path dir;
  std::string cert;
  std::string key;
  bool ok = false;

  TestCert() {
    std::string templ = (std::filesystem::temp_directory_path() / "kiosk-tls-XXXXXX").string();
    if (mkdtemp(templ.data()) == nullptr) {
      return;
    }
    dir = templ;
    cert = (dir / "c.pem").string();
    key = (dir / "k.pem").string();
    const std::string command = std::string(KIOSK_OPENSSL) +
                                " req -x509 -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 "
                                "-addext subjectAltName=IP:127.0.0.1 -days 1 -keyout '" +
                                key + "' -out '" + cert + "' >/dev/null 2>&1";
    ok = std::system(command.c_str()) == 0 && std::filesystem::exists(cert);
  }
  ~TestCert() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  TestCert(const TestCert&) = delete;
  TestCert& operator=(const TestCert&) = delete;

  static const TestCert& get() {
    static const TestCert cert;
    return cert;
  }
};

TEST_F(CurlApi, BodyOverTheCapWithContentLengthIsBadResponse) {
  server().Get("/api/v1/sessions", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(8192, 'x'), "application/octet-stream");
  });
  start();
  auto s = settings();
  s.max_response_bytes = 1024;
  CurlCentralApi api(s);
  const auto sessions = api.sessions();
  ASSERT_FALSE(sessions.has_value());
  EXPECT_EQ(sessions.error().kind, ApiError::bad_response);
  EXPECT_NE(sessions.error().message.find("1024 byte limit"), std::string::npos);
}

TEST_F(CurlApi, ChunkedBodyOverTheCapIsBadResponse) {
  server().Get("/api/v1/sessions", [](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("application/octet-stream",
                                     [chunks = 0](std::size_t, httplib::DataSink& sink) mutable {
                                       const std::string block(4096, ' ');
                                       sink.write(block.data(), block.size());
                                       if (++chunks == 16) {
                                         sink.done();
                                       }
                                       return true;
                                     });
  });
  start();
  auto s = settings();
  s.max_response_bytes = 10000;
  CurlCentralApi api(s);
  const auto sessions = api.sessions();
  ASSERT_FALSE(sessions.has_value());
  EXPECT_EQ(sessions.error().kind, ApiError::bad_response);
}

TEST_F(CurlApi, GzipBodyIsDecodedAndCappedAfterDecoding) {
  const std::string bomb = "{\"sessions\": [" + std::string(200000, ' ') + "]}";
  bool send_bomb = false;
  server().Get("/api/v1/sessions", [&](const httplib::Request&, httplib::Response& res) {
    // Not a compressible type to cpp-httplib, so it sends our bytes as they are.
    res.set_content(gzip(send_bomb ? bomb : k_sessions.dump()), "application/octet-stream");
    res.set_header("Content-Encoding", "gzip");
  });
  start();
  auto s = settings();
  s.max_response_bytes = 65536;
  CurlCentralApi api(s);
  const auto sessions = api.sessions();
  ASSERT_TRUE(sessions.has_value()) << sessions.error().message;
  EXPECT_EQ(sessions->at(0).title, "Phiên việc làm Ba Đình");
  send_bomb = true;
  const auto bombed = api.sessions();
  ASSERT_FALSE(bombed.has_value());
  EXPECT_EQ(bombed.error().kind, ApiError::bad_response);
}

TEST_F(CurlApi, ConnectionRefusedIsOffline) {
  auto s = settings();
  s.base_url = "http://127.0.0.1:" + std::to_string(closed_port());
  CurlCentralApi api(s);
  const auto sessions = api.sessions();
  ASSERT_FALSE(sessions.has_value());
  EXPECT_EQ(sessions.error().kind, ApiError::offline);
  EXPECT_EQ(sessions.error().http_status, 0);
}

TEST_F(CurlApi, SlowServerIsTimeout) {
  server().Get("/api/v1/sessions", [this](const httplib::Request&, httplib::Response& res) {
    sleep_unless_stopping(milliseconds{3000});
    reply_json(res, 200, k_sessions);
  });
  start();
  auto s = settings();
  s.total_timeout = milliseconds{300};
  CurlCentralApi api(s);
  const auto started = std::chrono::steady_clock::now();
  const auto sessions = api.sessions();
  const auto took = std::chrono::steady_clock::now() - started;
  ASSERT_FALSE(sessions.has_value());
  EXPECT_EQ(sessions.error().kind, ApiError::timeout);
  EXPECT_EQ(sessions.error().http_status, 0);
  EXPECT_LT(took, milliseconds{2000});
}

TEST_F(CurlApi, ConnectionIsKeptAliveBetweenCalls) {
  std::vector<int> ports;
  server().Get("/api/v1/sessions", [&](const httplib::Request& req, httplib::Response& res) {
    ports.push_back(req.remote_port);
    reply_json(res, 200, k_sessions);
  });
  start();
  CurlCentralApi api(settings());
  ASSERT_TRUE(api.sessions().has_value());
  ASSERT_TRUE(api.sessions().has_value());
  ASSERT_EQ(ports.size(), 2U);
  EXPECT_EQ(ports[0], ports[1]);
}

TEST_F(CurlApi, ConcurrentCallersAreSerialisedSafely) {
  server().Get("/api/v1/sessions", [](const httplib::Request&, httplib::Response& res) {
    reply_json(res, 200, k_sessions);
  });
  start();
  CurlCentralApi api(settings());
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 10; ++i) {
        if (api.sessions().has_value()) {
          ++ok;
        }
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(ok, 40);
}

TEST_F(CurlApi, HttpsWithTheServersCaFileSucceeds) {
  const auto& cert = TestCert::get();
  ASSERT_TRUE(cert.ok) << "openssl could not make a test certificate";
  auto& tls = use_server(std::make_unique<httplib::SSLServer>(cert.cert.c_str(), cert.key.c_str()));
  ASSERT_TRUE(tls.is_valid());
  tls.Get("/api/v1/sessions", [](const httplib::Request&, httplib::Response& res) {
    reply_json(res, 200, k_sessions);
  });
  start();
  auto s = settings();
  s.base_url = "https://127.0.0.1:" + std::to_string(m_server->port());
  s.ca_file = cert.cert;
  CurlCentralApi api(s);
  const auto sessions = api.sessions();
  ASSERT_TRUE(sessions.has_value()) << sessions.error().message;
  EXPECT_EQ(sessions->at(0).id, "s-1");
}

TEST_F(CurlApi, HttpsWithoutCaFileIsOffline) {
  const auto& cert = TestCert::get();
  ASSERT_TRUE(cert.ok) << "openssl could not make a test certificate";
  auto& tls = use_server(std::make_unique<httplib::SSLServer>(cert.cert.c_str(), cert.key.c_str()));
  tls.Get("/api/v1/sessions", [](const httplib::Request&, httplib::Response& res) {
    reply_json(res, 200, k_sessions);
  });
  start();
  auto s = settings();
  s.base_url = "https://127.0.0.1:" + std::to_string(m_server->port());
  CurlCentralApi api(s);  // system CA store: the self-signed certificate is unknown
  const auto sessions = api.sessions();
  ASSERT_FALSE(sessions.has_value());
  EXPECT_EQ(sessions.error().kind, ApiError::offline);
  EXPECT_EQ(sessions.error().http_status, 0);
}

}  // namespace
}  // namespace kiosk::test
