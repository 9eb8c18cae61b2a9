#include "adapters/sqlite/store_rows.hpp"

#include <optional>
#include <span>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "adapters/sqlite/session_json.hpp"

namespace kiosk::store_detail {
namespace {

using nlohmann::json;

// Invalid UTF-8 is replaced, never thrown on, so a save cannot fail on it.
std::string dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

// Runs `insert` (two parameters: key, JSON text) for each item.
template <typename T, typename KeyOf, typename ToJson>
Result insert_each(SqliteDb& db, const char* sql, const std::vector<T>& items, KeyOf key_of,
                   ToJson to_json_text) {
  auto insert = db.prepare(sql);
  if (!insert) {
    return tl::unexpected(std::move(insert.error()));
  }
  for (const T& item : items) {
    const std::string text = dump(to_json_text(item));
    const std::string& key = key_of(item);
    auto done = insert->bind(1, key).and_then([&] { return insert->bind(2, text); }).and_then([&] {
      return insert->run();
    });
    if (!done) {
      done.error().message = fmt::format("{}: {}", key, done.error().message);
      return done;
    }
  }
  return {};
}

// One stored document: CBOR (what write_vacancies() stores) or JSON text
// (caches written before); discarded when it does not read.
json decode_document(std::span<const std::uint8_t> bytes, bool blob) {
  if (blob) {
    return json::from_cbor(bytes.begin(), bytes.end(), true, false);
  }
  return json::parse(bytes.begin(), bytes.end(), nullptr, false);
}

// Reads every stored JSON document through `reader` into `out`; rows that no
// longer parse are skipped and counted in `skipped`.
template <typename T, typename Reader>
Result read_rows(SqliteDb& db, const char* sql, Reader reader, std::vector<T>& out,
                 std::size_t& skipped) {
  auto select = db.prepare(sql);
  if (!select) {
    return tl::unexpected(std::move(select.error()));
  }
  while (true) {
    auto row = select->step();
    if (!row) {
      return tl::unexpected(std::move(row.error()));
    }
    if (!*row) {
      return {};
    }
    const json j = decode_document(select->bytes(0), select->is_blob(0));
    if (j.is_discarded()) {
      ++skipped;
      continue;
    }
    if (auto item = reader(j)) {
      out.push_back(std::move(*item));
    } else {
      ++skipped;
    }
  }
}

// The vacancy rows, decoded on two threads: at start-up this is most of the
// time before the first list of matches, and the UI thread is still opening
// the window meanwhile. Unreadable rows are skipped and counted.
Result read_vacancies(SqliteDb& db, std::vector<Vacancy>& out, std::size_t& skipped) {
  auto select = db.prepare("SELECT json FROM vacancies ORDER BY rowid");
  if (!select) {
    return tl::unexpected(std::move(select.error()));
  }
  std::vector<std::pair<std::vector<std::uint8_t>, bool>> rows;
  while (true) {
    auto row = select->step();
    if (!row) {
      return tl::unexpected(std::move(row.error()));
    }
    if (!*row) {
      break;
    }
    const auto bytes = select->bytes(0);
    rows.emplace_back(std::vector<std::uint8_t>(bytes.begin(), bytes.end()), select->is_blob(0));
  }
  std::vector<std::optional<Vacancy>> decoded(rows.size());
  const auto decode = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
      const json j = decode_document(rows[i].first, rows[i].second);
      if (!j.is_discarded()) {
        if (auto v = vacancy_from_json(j)) {
          decoded[i] = std::move(*v);
        }
      }
    }
  };
  const std::size_t half = rows.size() / 2;
  std::thread second(decode, half, rows.size());
  decode(0, half);
  second.join();
  out.reserve(out.size() + decoded.size());
  for (auto& v : decoded) {
    if (v) {
      out.push_back(std::move(*v));
    } else {
      ++skipped;
    }
  }
  return {};
}

Result read_meta(SqliteDb& db, Catalog& catalog) {
  auto select = db.prepare("SELECT key, value FROM meta");
  if (!select) {
    return tl::unexpected(std::move(select.error()));
  }
  while (true) {
    auto row = select->step();
    if (!row) {
      return tl::unexpected(std::move(row.error()));
    }
    if (!*row) {
      return {};
    }
    const std::string_view key = select->text(0);
    const std::string value(select->text(1));
    if (key == k_sync_token_key) {
      catalog.sync_token = value;
    } else if (key == k_synced_at_key) {
      catalog.synced_at = parse_iso8601(value);
    } else if (key == k_sessions_etag_key) {
      catalog.sessions_etag = value;
    } else if (key == k_occupations_etag_key) {
      catalog.occupations_etag = value;
    }
  }
}

}  // namespace

Result write_vacancies(SqliteDb& db, const std::vector<Vacancy>& vacancies, OnDuplicate mode) {
  auto upsert = db.prepare(
      mode == OnDuplicate::fail
          ? "INSERT INTO vacancies(id, expires_at, json) VALUES(?1, ?2, ?3)"
          : "INSERT INTO vacancies(id, expires_at, json) VALUES(?1, ?2, ?3) ON CONFLICT(id) "
            "DO UPDATE SET expires_at = excluded.expires_at, json = excluded.json");
  if (!upsert) {
    return tl::unexpected(std::move(upsert.error()));
  }
  for (const Vacancy& v : vacancies) {
    // CBOR: the same document as the API's JSON, read back about twice as fast.
    const std::vector<std::uint8_t> cbor = json::to_cbor(to_json(v));
    auto done = upsert->bind(1, v.id)
                    .and_then([&] {
                      return upsert->bind(2, std::int64_t{v.expires_at.time_since_epoch().count()});
                    })
                    .and_then([&] { return upsert->bind_blob(3, cbor); })
                    .and_then([&] { return upsert->run(); });
    if (!done) {
      done.error().message = fmt::format("vacancy {}: {}", v.id, done.error().message);
      return done;
    }
  }
  return {};
}

Result delete_vacancies(SqliteDb& db, const std::vector<std::string>& ids) {
  auto erase = db.prepare("DELETE FROM vacancies WHERE id = ?1");
  if (!erase) {
    return tl::unexpected(std::move(erase.error()));
  }
  for (const std::string& id : ids) {
    if (auto done = erase->bind(1, id).and_then([&] { return erase->run(); }); !done) {
      return done;
    }
  }
  return {};
}

Result replace_sessions(SqliteDb& db, const std::vector<JobFairSession>& sessions) {
  return db.exec("DELETE FROM sessions").and_then([&] {
    return insert_each(
        db, "INSERT INTO sessions(id, json) VALUES(?1, ?2)", sessions,
        [](const JobFairSession& s) -> const std::string& { return s.id; },
        [](const JobFairSession& s) { return session_to_json(s); });
  });
}

Result replace_occupations(SqliteDb& db, const std::vector<Occupation>& occupations) {
  // INSERT OR REPLACE: a taxonomy listing a code twice keeps the later entry.
  return db.exec("DELETE FROM occupations").and_then([&] {
    return insert_each(
        db, "INSERT OR REPLACE INTO occupations(isco08, json) VALUES(?1, ?2)", occupations,
        [](const Occupation& o) -> const std::string& { return o.isco08; },
        [](const Occupation& o) { return to_json(o); });
  });
}

Result write_meta(SqliteDb& db, std::string_view key, std::string_view value) {
  auto upsert = db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2)");
  if (!upsert) {
    return tl::unexpected(std::move(upsert.error()));
  }
  return upsert->bind(1, key).and_then([&] { return upsert->bind(2, value); }).and_then([&] {
    return upsert->run();
  });
}

Result read_catalog(SqliteDb& db, Catalog& catalog, std::size_t& skipped) {
  return read_meta(db, catalog)
      .and_then([&] { return read_vacancies(db, catalog.vacancies, skipped); })
      .and_then([&] {
        return read_rows(
            db, "SELECT json FROM sessions ORDER BY rowid",
            [](const json& j) { return session_from_json(j); }, catalog.sessions, skipped);
      })
      .and_then([&] {
        return read_rows(
            db, "SELECT json FROM occupations ORDER BY isco08",
            [](const json& j) { return occupation_from_json(j); }, catalog.occupations, skipped);
      });
}

}  // namespace kiosk::store_detail
