// Classifies SOCI's SQLite and PostgreSQL errors into clear StoreError messages.
#include "errors.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sqlite3.h>

#include <stdexcept>

namespace ectflow::sql {

std::string first_line(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  for (char& c : text) {
    if (c == '\n' || c == '\t') c = ' ';
  }
  return text;
}

namespace {

std::string sqlite_advice(const Connection& c, int code) {
  const std::string& db = c.name;
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return "SQLite database " + db + " is locked by another writer (waited " +
             std::to_string(c.options.busy_timeout.count()) +
             " ms): try again, or stop the other process using it";
    case SQLITE_NOTADB:
      return db +
             " is not an SQLite database: give the path of an ectflow database, or a new file name";
    case SQLITE_CORRUPT:
      return "SQLite database " + db + " is damaged: restore it from a backup";
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return "SQLite database " + db +
             " is read-only: make the file and its folder writable, or use another file";
    case SQLITE_CANTOPEN:
      return "cannot open SQLite database " + db + ": check the folder exists and is writable";
    case SQLITE_FULL:
      return "the disk holding SQLite database " + db + " is full: free some space and try again";
    case SQLITE_IOERR:
      return "reading or writing SQLite database " + db + " failed (I/O error): check the disk";
    default:
      return {};
  }
}

std::string postgres_advice(const Connection& c, const std::string& state) {
  const std::string& db = c.name;
  const std::string klass = state.substr(0, 2);
  if (klass == "08" || state == "57P01" || state == "57P02" || state == "57P03") {
    return "lost the connection to PostgreSQL at " + db +
           ": check the server is running, then try again";
  }
  if (state == "57014") {
    return "PostgreSQL at " + db + " took longer than the statement timeout (" +
           std::to_string(c.options.statement_timeout.count()) +
           " ms): another transaction may hold a lock";
  }
  if (state == "53100") return "the disk of PostgreSQL server " + db + " is full: free some space";
  if (state == "42P01") {
    return "PostgreSQL database " + db +
           " has no table for a record type: create the schema (ensure_schema) first";
  }
  if (state == "25006")
    return "PostgreSQL database " + db + " is read-only: connect to a primary server";
  return {};
}

}  // namespace

void rethrow_as_store_error(const Connection& connection, const std::string& doing) {
  try {
    throw;
  } catch (const StoreError&) {
    throw;
  } catch (const std::invalid_argument&) {
    throw;
  } catch (const soci::sqlite3_soci_error& error) {
    std::string advice = sqlite_advice(connection, error.result());
    if (error.get_error_message().find("no such table") != std::string::npos) {
      advice = "SQLite database " + connection.name +
               " has no table for a record type: create the schema (ensure_schema) first";
    }
    if (advice.empty()) advice = "SQLite database " + connection.name + " failed";
    throw StoreError(advice + " (while " + doing + ": " + first_line(error.get_error_message()) +
                     ")");
  } catch (const soci::postgresql_soci_error& error) {
    if (is_lost_race(std::current_exception())) {
      throw LostRace("PostgreSQL database " + connection.name + " ran a concurrent transaction first (while " +
                     doing + ": SQLSTATE " + error.sqlstate() + ")");
    }
    std::string advice = postgres_advice(connection, error.sqlstate());
    if (advice.empty()) advice = "PostgreSQL database " + connection.name + " failed";
    throw StoreError(advice + " (while " + doing + ": SQLSTATE " + error.sqlstate() + ": " +
                     first_line(error.get_error_message()) + ")");
  } catch (const soci::soci_error& error) {
    const bool lost = error.get_error_category() == soci::soci_error::connection_error;
    std::string advice = lost ? "lost the connection to database " + connection.name +
                                    ": check the server is running, then try again"
                              : "database " + connection.name + " failed";
    throw StoreError(advice + " (while " + doing + ": " + first_line(error.get_error_message()) +
                     ")");
  } catch (const std::exception& error) {
    throw StoreError("database " + connection.name + " failed (while " + doing + ": " +
                     error.what() + ")");
  }
}

bool is_lost_race(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const LostRace&) {
    return true;
  } catch (const soci::postgresql_soci_error& e) {
    const std::string state = e.sqlstate();
    return state == "40001" || state == "40P01" || state == "23505";
  } catch (...) {
    return false;
  }
}

}  // namespace ectflow::sql
