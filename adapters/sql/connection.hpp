// Opening a SOCI session on a SQLite file or a PostgreSQL URL, with the settings the store needs.
#pragma once

#include <soci/soci.h>

#include <memory>
#include <string>

#include "ectflow/sql_store.hpp"
#include "schema_sql.hpp"

namespace ectflow::sql {

struct PostgresUrl {
  std::string user, password, host, port = "5432", dbname;
  std::string schema;  // `?schema=NAME`; empty: the server's default search_path
};

// Throws StoreError naming what is wrong and the expected shape.
PostgresUrl parse_postgres_url(const std::string& url);
// libpq's "key='value' ..." form, with the store's connect timeout and keepalives.
std::string postgres_connect_string(const PostgresUrl& url, const SqlOptions& options);

struct Connection {
  std::unique_ptr<soci::session> session;
  Dialect dialect = Dialect::sqlite;
  std::string name;    // the database as messages name it
  std::string db;      // as given, to connect again after the connection was lost
  std::string schema;  // PostgreSQL: where the tables live, when the URL chose one
  SqlOptions options;
};

// Throws StoreError when the database cannot be opened.
Connection connect(const std::string& db, const SqlOptions& options);

}  // namespace ectflow::sql
