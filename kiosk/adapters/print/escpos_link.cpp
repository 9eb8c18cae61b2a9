#include "adapters/print/escpos_link.hpp"

#include <cerrno>
#include <system_error>

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace kiosk::print {
namespace {

using std::chrono::milliseconds;

std::string errno_text(int error) {
  return std::generic_category().message(error);
}

PrintFailure failure(PrintError kind, std::string message) {
  return PrintFailure{kind, std::move(message)};
}

// Waits for `events` on `fd`; false on timeout or a poll error.
bool wait_for(int fd, short events, milliseconds timeout) {
  pollfd p{fd, events, 0};
  int ready = 0;
  do {
    ready = ::poll(&p, 1, static_cast<int>(timeout.count()));
  } while (ready < 0 && errno == EINTR);
  return ready > 0;
}

PrintFailure write_failure(int error, const std::string& where) {
  switch (error) {
    case ENOSPC:  // usblp: the printer reports paper out
      return failure(PrintError::out_of_paper, fmt::format("{}: paper out", where));
    case ENODEV:
    case ENXIO:
    case EIO:
    case EPIPE:
    case ECONNRESET:
    case ENOTCONN:
      return failure(PrintError::offline,
                     fmt::format("{}: printer went away ({})", where, errno_text(error)));
    default:
      return failure(PrintError::failed, fmt::format("{}: {}", where, errno_text(error)));
  }
}

// A non-blocking file descriptor to a printer: socket, device or file.
class FdLink final : public EscPosLink {
 public:
  FdLink(int fd, std::string where, bool socket, bool answers, milliseconds send_timeout)
      : m_fd(fd), m_where(std::move(where)), m_socket(socket), m_answers(answers),
        m_send_timeout(send_timeout) {}
  ~FdLink() override { ::close(m_fd); }
  FdLink(const FdLink&) = delete;
  FdLink& operator=(const FdLink&) = delete;

  tl::expected<void, PrintFailure> send(std::span<const std::uint8_t> bytes) override {
    std::size_t done = 0;
    while (done < bytes.size()) {
      const ssize_t n = m_socket ? ::send(m_fd, bytes.data() + done, bytes.size() - done,
                                          MSG_NOSIGNAL)
                                 : ::write(m_fd, bytes.data() + done, bytes.size() - done);
      if (n > 0) {
        done += static_cast<std::size_t>(n);
        continue;
      }
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
        return tl::unexpected(write_failure(errno, m_where));
      }
      if (!wait_for(m_fd, POLLOUT, m_send_timeout)) {
        return tl::unexpected(failure(
            PrintError::offline, fmt::format("{}: printer took no data for {} ms ({} of {} bytes "
                                             "sent)",
                                             m_where, m_send_timeout.count(), done, bytes.size())));
      }
    }
    return {};
  }

  std::optional<std::uint8_t> read_byte(milliseconds timeout) override {
    if (!m_answers || !wait_for(m_fd, POLLIN, timeout)) {
      return std::nullopt;
    }
    std::uint8_t b = 0;
    ssize_t n = 0;
    do {
      n = ::read(m_fd, &b, 1);
    } while (n < 0 && errno == EINTR);
    return n == 1 ? std::optional<std::uint8_t>(b) : std::nullopt;
  }

  void drain() override {
    while (m_answers && read_byte(milliseconds(0))) {
    }
  }

  bool can_answer() const override { return m_answers; }

 private:
  int m_fd;
  std::string m_where;
  bool m_socket;
  bool m_answers;
  milliseconds m_send_timeout;
};

// Connects one resolved address with a timeout; the socket stays non-blocking.
int connect_one(const addrinfo& ai, milliseconds timeout, int& error) {
  const int fd = ::socket(ai.ai_family, ai.ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
                          ai.ai_protocol);
  if (fd < 0) {
    error = errno;
    return -1;
  }
  if (::connect(fd, ai.ai_addr, ai.ai_addrlen) != 0 && errno != EINPROGRESS) {
    error = errno;
    ::close(fd);
    return -1;
  }
  int so_error = ETIMEDOUT;
  socklen_t length = sizeof so_error;
  if (wait_for(fd, POLLOUT, timeout)) {
    ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &so_error, &length);
  }
  if (so_error != 0) {
    error = so_error;
    ::close(fd);
    return -1;
  }
  const int one = 1;  // status queries are tiny and must not wait for Nagle
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}

}  // namespace

tl::expected<std::unique_ptr<EscPosLink>, PrintFailure> connect_escpos_tcp(
    const std::string& host, const std::string& port, const EscPosTimeouts& timeouts) {
  const std::string where = fmt::format("escpos-tcp:{}:{}", host, port);
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (const int rc = ::getaddrinfo(host.c_str(), port.c_str(), &hints, &found); rc != 0) {
    return tl::unexpected(
        failure(PrintError::offline, fmt::format("{}: {}", where, ::gai_strerror(rc))));
  }
  int error = EHOSTUNREACH;
  int fd = -1;
  for (const addrinfo* ai = found; ai != nullptr && fd < 0; ai = ai->ai_next) {
    fd = connect_one(*ai, timeouts.connect, error);
  }
  ::freeaddrinfo(found);
  if (fd < 0) {
    return tl::unexpected(failure(
        PrintError::offline, fmt::format("{}: cannot connect: {}", where, errno_text(error))));
  }
  return std::make_unique<FdLink>(fd, where, true, true, timeouts.send);
}

tl::expected<std::unique_ptr<EscPosLink>, PrintFailure> open_escpos_device(
    const std::string& path, const EscPosTimeouts& timeouts) {
  const std::string where = "escpos-usb:" + path;
  int fd = ::open(path.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0 && errno == EACCES) {  // a write-only device node
    fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
  }
  if (fd < 0) {
    const int error = errno;
    const bool gone = error == ENOENT || error == ENODEV || error == ENXIO || error == EBUSY;
    return tl::unexpected(failure(gone ? PrintError::offline : PrintError::failed,
                                  fmt::format("{}: cannot open: {}", where, errno_text(error))));
  }
  struct stat st {};
  const bool regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  if (regular) {
    ::lseek(fd, 0, SEEK_END);
  }
  const bool readable = (::fcntl(fd, F_GETFL) & O_ACCMODE) == O_RDWR;
  return std::make_unique<FdLink>(fd, where, false, readable && !regular, timeouts.send);
}

}  // namespace kiosk::print
