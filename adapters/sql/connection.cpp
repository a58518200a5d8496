// Connecting: SQLite files (WAL, busy timeout, foreign keys) and PostgreSQL URLs (connect and
// statement timeouts, TCP keepalives), each failure a StoreError that says what to do.
#include "connection.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>

#include "errors.hpp"

namespace ectflow::sql {

namespace {

constexpr const char* kUrlShape = "postgresql://user[:password]@host[:port]/dbname[?schema=NAME]";
constexpr int kKeepaliveIdleSeconds = 30;
constexpr int kKeepaliveIntervalSeconds = 10;
constexpr int kKeepaliveCount = 3;

[[noreturn]] void bad_url(const std::string& shown, const std::string& what) {
  throw StoreError("\"" + shown + "\" is not a PostgreSQL URL I can use: " + what +
                   "; write it as " + kUrlShape);
}

std::string percent_decode(std::string_view text, const std::string& shown) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    const std::string hex(i + 2 < text.size() ? text.substr(i + 1, 2) : std::string_view());
    if (hex.size() != 2 || !std::isxdigit(static_cast<unsigned char>(hex[0])) ||
        !std::isxdigit(static_cast<unsigned char>(hex[1]))) {
      bad_url(shown, "a % is not followed by two hex digits");
    }
    out += static_cast<char>(std::stoi(hex, nullptr, 16));
    i += 2;
  }
  return out;
}

// libpq's conninfo quoting: single quotes, with backslash and quote escaped.
std::string quoted(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

Connection open_sqlite(const std::string& path, const SqlOptions& options) {
  Connection c;
  c.dialect = Dialect::sqlite;
  c.name = path;
  c.options = options;
  if (path.empty())
    throw StoreError("no SQLite database given: give a file path or a postgresql:// URL");
  if (path.find('"') != std::string::npos) {
    throw StoreError("SQLite database path " + path + " contains a double quote: rename the file");
  }
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0) {
    if (S_ISDIR(info.st_mode))
      throw StoreError(path + " is a folder, not an SQLite database: give a file path");
    // No write permission for anyone counts as read-only, even for root (who could write anyway).
    if (::access(path.c_str(), W_OK) != 0 || (info.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0) {
      throw StoreError("SQLite database " + path +
                       " is read-only: make the file writable (chmod u+w), or use another file");
    }
  }
  try {
    c.session = std::make_unique<soci::session>(soci::sqlite3, "db=\"" + path + "\"");
    soci::session& s = *c.session;
    s << "PRAGMA busy_timeout = " + std::to_string(options.busy_timeout.count());
    s << "PRAGMA foreign_keys = ON";
    s << (options.sqlite_sync_every_commit ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
    std::string mode;
    s << "PRAGMA journal_mode = WAL", soci::into(mode);
    if (mode != "wal") {
      throw StoreError("SQLite database " + path +
                       " cannot use write-ahead logging (journal mode is " + mode +
                       "): use a file on a local disk");
    }
  } catch (...) {
    rethrow_as_store_error(c, "opening it");
  }
  return c;
}

Connection open_postgres(const std::string& db, const SqlOptions& options) {
  const PostgresUrl url = parse_postgres_url(db);
  Connection c;
  c.dialect = Dialect::postgresql;
  c.name = "postgresql://" + (url.user.empty() ? "" : url.user + "@") + url.host + ":" + url.port +
           "/" + url.dbname;
  c.schema = url.schema;
  c.options = options;
  try {
    c.session =
        std::make_unique<soci::session>(soci::postgresql, postgres_connect_string(url, options));
  } catch (const soci::soci_error& error) {
    throw StoreError("cannot connect to PostgreSQL at " + c.name + ": " + first_line(error.get_error_message()) +
                     " (check the server is running and the URL's host, port, user and database; "
                     "waited at most " +
                     std::to_string(options.connect_timeout.count()) + " s)");
  }
  try {
    soci::session& s = *c.session;
    s << "SET statement_timeout = " + std::to_string(options.statement_timeout.count());
    s << "SET client_min_messages = warning";
    s << "SET DateStyle = ISO";
    if (!url.schema.empty()) s << "SET search_path TO " + url.schema;
  } catch (...) {
    rethrow_as_store_error(c, "setting up the connection");
  }
  return c;
}

}  // namespace

bool is_postgres_url(const std::string& db) {
  return db.starts_with("postgresql://") || db.starts_with("postgres://");
}

PostgresUrl parse_postgres_url(const std::string& text) {
  PostgresUrl url;
  std::string_view rest = text;
  std::string shown = text;
  if (auto colon = shown.find(':', shown.find("://") + 3), at = shown.rfind('@');
      at != std::string::npos && colon != std::string::npos && colon < at) {
    shown = shown.substr(0, colon) + ":***" + shown.substr(at);  // never print a password
  }
  rest.remove_prefix(rest.find("://") + 3);
  const std::size_t slash = rest.find('/');
  if (slash == std::string_view::npos) bad_url(shown, "no database name after the host");
  std::string_view authority = rest.substr(0, slash);
  std::string_view path = rest.substr(slash + 1);
  std::string_view query;
  if (const std::size_t q = path.find('?'); q != std::string_view::npos) {
    query = path.substr(q + 1);
    path = path.substr(0, q);
  }
  if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
    std::string_view userinfo = authority.substr(0, at);
    authority = authority.substr(at + 1);
    if (const std::size_t colon = userinfo.find(':'); colon != std::string_view::npos) {
      url.password = percent_decode(userinfo.substr(colon + 1), shown);
      userinfo = userinfo.substr(0, colon);
    }
    url.user = percent_decode(userinfo, shown);
  }
  if (const std::size_t colon = authority.rfind(':'); colon != std::string_view::npos) {
    url.port = std::string(authority.substr(colon + 1));
    authority = authority.substr(0, colon);
    if (url.port.empty() || url.port.size() > 5 ||
        url.port.find_first_not_of("0123456789") != std::string::npos ||
        std::stoi(url.port) > 65535) {
      bad_url(shown, "the port \"" + url.port + "\" is not a number from 1 to 65535");
    }
  }
  url.host = percent_decode(authority, shown);
  if (url.host.empty()) bad_url(shown, "no host");
  url.dbname = percent_decode(path, shown);
  if (url.dbname.empty()) bad_url(shown, "no database name after the host");
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.starts_with("schema=")) {
      url.schema = std::string(pair.substr(7));
      if (!is_identifier(url.schema)) {
        bad_url(shown, "the schema \"" + url.schema +
                           "\" is not a name of lower-case letters, digits and underscores");
      }
    } else {
      bad_url(shown, "unknown option \"" + std::string(pair) + "\" (only schema= is understood)");
    }
  }
  return url;
}

std::string postgres_connect_string(const PostgresUrl& url, const SqlOptions& options) {
  std::string cs =
      "host=" + quoted(url.host) + " port=" + quoted(url.port) + " dbname=" + quoted(url.dbname);
  if (!url.user.empty()) cs += " user=" + quoted(url.user);
  if (!url.password.empty()) cs += " password=" + quoted(url.password);
  cs += " connect_timeout=" +
        quoted(std::to_string(std::max<long long>(1, options.connect_timeout.count())));
  cs += " keepalives='1' keepalives_idle='" + std::to_string(kKeepaliveIdleSeconds) +
        "' keepalives_interval='" + std::to_string(kKeepaliveIntervalSeconds) +
        "' keepalives_count='" + std::to_string(kKeepaliveCount) + "'";
  cs += " application_name=" + quoted(options.application_name);
  return cs;
}

Connection connect(const std::string& db, const SqlOptions& options) {
  if (is_postgres_url(db)) {
    Connection c = open_postgres(db, options);
    c.db = db;
    return c;
  }
  if (db.find("://") != std::string::npos) {
    throw StoreError("\"" + db + "\" is not a database I know: give a SQLite file path or a URL " +
                     kUrlShape);
  }
  return open_sqlite(db, options);
}

}  // namespace ectflow::sql
