#include "adapters/logship/log_spool.hpp"

#include <algorithm>
#include <filesystem>
#include <random>
#include <tuple>

#include <sqlite3.h>
#include <nlohmann/json.hpp>

namespace kiosk {
namespace {

constexpr const char* k_schema = R"sql(
CREATE TABLE IF NOT EXISTS records(
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  uid TEXT NOT NULL,
  time_ns INTEGER NOT NULL,
  observed_ns INTEGER NOT NULL,
  severity INTEGER NOT NULL,
  severity_text TEXT NOT NULL,
  logger TEXT NOT NULL,
  body TEXT NOT NULL,
  attributes TEXT NOT NULL DEFAULT '[]',
  dropped INTEGER NOT NULL DEFAULT 0);
)sql";

// A prepared statement that finalizes itself.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr); }
  ~Statement() { sqlite3_finalize(m_stmt); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  bool ok() const { return m_stmt != nullptr; }
  sqlite3_stmt* get() { return m_stmt; }
  void text(int i, const std::string& s) {
    sqlite3_bind_text(m_stmt, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  }
  void integer(int i, std::int64_t v) { sqlite3_bind_int64(m_stmt, i, v); }
  std::string column_text(int i) {
    const auto* p = sqlite3_column_text(m_stmt, i);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, i)))
             : std::string();
  }

 private:
  sqlite3_stmt* m_stmt = nullptr;
};

bool exec(sqlite3* db, const char* sql) {
  return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

std::string attributes_json(const LogRecord& r) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& [key, value] : r.attributes) {
    a.push_back({key, value});
  }
  return a.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void read_attributes(const std::string& text, LogRecord& r) {
  const auto a = nlohmann::json::parse(text, nullptr, false);
  if (!a.is_array()) {
    return;
  }
  for (const auto& pair : a) {
    if (pair.is_array() && pair.size() == 2 && pair[0].is_string() && pair[1].is_string()) {
      r.attributes.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
    }
  }
}

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

std::string make_record_uid() {
  thread_local std::mt19937_64 engine{[] {
    std::random_device device;
    return (std::uint64_t{device()} << 32) ^ device();
  }()};
  std::uint64_t hi = engine();
  std::uint64_t lo = engine();
  hi = (hi & ~std::uint64_t{0xF000}) | 0x4000;                           // version 4
  lo = (lo & ~(std::uint64_t{0xC} << 60)) | (std::uint64_t{0x8} << 60);  // RFC 4122 variant
  char text[37];
  std::snprintf(text, sizeof text, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(hi >> 32),
                static_cast<unsigned>((hi >> 16) & 0xFFFF), static_cast<unsigned>(hi & 0xFFFF),
                static_cast<unsigned>(lo >> 48),
                static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFULL));
  return text;
}

namespace {

// Opens and prepares the file; the SQLite result code and message on failure.
std::pair<int, std::string> open_file(const std::string& path, sqlite3** db) {
  int rc =
      sqlite3_open_v2(path.c_str(), db,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
  if (rc == SQLITE_OK) {
    sqlite3_busy_timeout(*db, 2000);
    for (const char* sql : {"PRAGMA journal_mode=WAL;", "PRAGMA synchronous=NORMAL;", k_schema}) {
      rc = sqlite3_exec(*db, sql, nullptr, nullptr, nullptr);
      if (rc != SQLITE_OK) {
        break;
      }
    }
  }
  if (rc == SQLITE_OK) {
    return {rc, {}};
  }
  std::pair<int, std::string> failure{rc, *db ? sqlite3_errmsg(*db) : "out of memory"};
  sqlite3_close(*db);
  *db = nullptr;
  return failure;
}

}  // namespace

tl::expected<std::shared_ptr<LogSpool>, std::string> LogSpool::open(const std::string& dir,
                                                                    std::size_t max_records) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  const std::string path = (std::filesystem::path(dir) / "spool.db").string();
  sqlite3* db = nullptr;
  auto [rc, why] = open_file(path, &db);
  if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT) {
    // A spool that cannot be read would stop shipping for good: it is set
    // aside (for a person to look at) and a new one started.
    const std::string aside = path + ".corrupt-" + std::to_string(now_ns());
    std::filesystem::rename(path, aside, ec);
    for (const char* suffix : {"-wal", "-shm"}) {
      std::filesystem::rename(path + suffix, aside + suffix, ec);
    }
    std::tie(rc, why) = open_file(path, &db);
  }
  if (rc != SQLITE_OK) {
    return tl::unexpected("log spool " + path + ": " + why);
  }
  auto spool = std::shared_ptr<LogSpool>(new LogSpool(db, std::max<std::size_t>(max_records, 10)));
  Statement count(db, "SELECT COUNT(*) FROM records");
  if (count.ok() && sqlite3_step(count.get()) == SQLITE_ROW) {
    spool->m_count = static_cast<std::size_t>(sqlite3_column_int64(count.get(), 0));
  }
  return spool;
}

LogSpool::LogSpool(sqlite3* db, std::size_t max_records) : m_db(db), m_max_records(max_records) {}

LogSpool::~LogSpool() {
  sqlite3_close(m_db);
}

bool LogSpool::append(LogRecord record) {
  if (record.uid.empty()) {
    record.uid = make_record_uid();
  }
  if (record.observed_ns == 0) {
    record.observed_ns = now_ns();
  }
  std::lock_guard lock(m_mutex);
  Statement insert(m_db,
                   "INSERT INTO records(uid, time_ns, observed_ns, severity, severity_text, "
                   "logger, body, attributes, dropped) VALUES(?,?,?,?,?,?,?,?,?)");
  if (!insert.ok()) {
    ++m_failed;
    return false;
  }
  insert.text(1, record.uid);
  insert.integer(2, record.time_ns);
  insert.integer(3, record.observed_ns);
  insert.integer(4, record.severity);
  insert.text(5, record.severity_text);
  insert.text(6, record.logger);
  insert.text(7, record.body);
  insert.text(8, attributes_json(record));
  insert.integer(9, record.dropped);
  if (sqlite3_step(insert.get()) != SQLITE_DONE) {
    ++m_failed;
    return false;
  }
  ++m_count;
  if (m_count > m_max_records) {
    enforce_cap_locked();
  }
  return true;
}

void LogSpool::enforce_cap_locked() {
  const std::size_t excess = m_count - m_max_records;
  const std::size_t drop = std::max(excess + 1, m_max_records / 10);
  std::int64_t last_seq = 0;
  std::int64_t dropped = 0;
  std::int64_t last_time = 0;
  {
    Statement oldest(m_db, "SELECT seq, dropped, time_ns FROM records ORDER BY seq LIMIT ?");
    oldest.integer(1, static_cast<std::int64_t>(drop));
    while (oldest.ok() && sqlite3_step(oldest.get()) == SQLITE_ROW) {
      last_seq = sqlite3_column_int64(oldest.get(), 0);
      const std::int64_t marker = sqlite3_column_int64(oldest.get(), 1);
      dropped += marker > 0 ? marker : 1;
      last_time = sqlite3_column_int64(oldest.get(), 2);
    }
  }
  if (last_seq == 0 || !exec(m_db, "BEGIN IMMEDIATE")) {
    return;
  }
  Statement remove(m_db, "DELETE FROM records WHERE seq <= ?");
  remove.integer(1, last_seq);
  const bool removed = remove.ok() && sqlite3_step(remove.get()) == SQLITE_DONE;
  const auto gone = static_cast<std::size_t>(sqlite3_changes(m_db));
  // The marker takes the newest dropped record's place, so order is kept.
  Statement marker(m_db,
                   "INSERT INTO records(seq, uid, time_ns, observed_ns, severity, severity_text, "
                   "logger, body, attributes, dropped) VALUES(?,?,?,?,13,'WARN','logship',?,"
                   "'[]',?)");
  marker.integer(1, last_seq);
  marker.text(2, make_record_uid());
  marker.integer(3, last_time);
  marker.integer(4, now_ns());
  marker.text(5, "log spool full: dropped " + std::to_string(dropped) + " oldest records");
  marker.integer(6, dropped);
  const bool inserted = marker.ok() && sqlite3_step(marker.get()) == SQLITE_DONE;
  if (removed && inserted && exec(m_db, "COMMIT")) {
    m_count = m_count - gone + 1;
  } else {
    exec(m_db, "ROLLBACK");
  }
}

std::vector<LogRecord> LogSpool::oldest(std::size_t limit) {
  std::lock_guard lock(m_mutex);
  std::vector<LogRecord> out;
  Statement select(m_db,
                   "SELECT seq, uid, time_ns, observed_ns, severity, severity_text, logger, body, "
                   "attributes, dropped FROM records ORDER BY seq LIMIT ?");
  select.integer(1, static_cast<std::int64_t>(limit));
  while (select.ok() && sqlite3_step(select.get()) == SQLITE_ROW) {
    LogRecord r;
    r.seq = sqlite3_column_int64(select.get(), 0);
    r.uid = select.column_text(1);
    r.time_ns = sqlite3_column_int64(select.get(), 2);
    r.observed_ns = sqlite3_column_int64(select.get(), 3);
    r.severity = sqlite3_column_int(select.get(), 4);
    r.severity_text = select.column_text(5);
    r.logger = select.column_text(6);
    r.body = select.column_text(7);
    read_attributes(select.column_text(8), r);
    r.dropped = sqlite3_column_int64(select.get(), 9);
    out.push_back(std::move(r));
  }
  return out;
}

bool LogSpool::remove(const std::vector<LogRecord>& records) {
  std::lock_guard lock(m_mutex);
  if (!exec(m_db, "BEGIN IMMEDIATE")) {
    return false;
  }
  Statement remove(m_db, "DELETE FROM records WHERE seq = ? AND uid = ?");
  std::size_t gone = 0;
  for (const auto& r : records) {
    sqlite3_reset(remove.get());
    remove.integer(1, r.seq);
    remove.text(2, r.uid);
    if (!remove.ok() || sqlite3_step(remove.get()) != SQLITE_DONE) {
      exec(m_db, "ROLLBACK");
      return false;
    }
    gone += static_cast<std::size_t>(sqlite3_changes(m_db));
  }
  if (!exec(m_db, "COMMIT")) {
    exec(m_db, "ROLLBACK");
    return false;
  }
  m_count -= std::min(gone, m_count);
  return true;
}

std::size_t LogSpool::size() {
  std::lock_guard lock(m_mutex);
  return m_count;
}

std::uint64_t LogSpool::failed_appends() const {
  return m_failed;
}

}  // namespace kiosk
