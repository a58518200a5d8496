// SqlStore: opening, schema creation, and reads through the owned record cache.
#include "ectflow/sql_store.hpp"

#include <soci/postgresql/soci-postgresql.h>

#include <charconv>

#include "errors.hpp"
#include "row_codec.hpp"
#include "store_impl.hpp"

namespace ectflow::sql {

SqlStore::Impl::Impl(Connection connection_in, std::vector<RecordSchema> schemas_in)
    : connection(std::move(connection_in)),
      schemas(std::move(schemas_in)),
      cache(schemas.size()),
      last_new_id(schemas.size(), 0) {
  for (const RecordSchema& schema : schemas) {
    layouts.push_back(table_layout(schema));
    statements.push_back(row_statements(connection.dialect, layouts.back()));
  }
  if (connection.dialect == Dialect::sqlite) mirror = std::make_unique<SqliteMirror>(schemas);
}

void SqlStore::Impl::check_mirror() {
  if (!mirror) return;
  try {
    mirror->check(*connection.session);
  } catch (...) {
    fail("reading the database's data version");
  }
}

const store::MemoryStore* SqlStore::Impl::mirrored(RecordTypeId type) {
  if (!mirror) return nullptr;
  if (transaction == 0 && visiting == 0 && !checked_for_request) {
    check_mirror();
    checked_for_request = request_reads > 0;
  }
  if (!mirror->fresh(type)) {
    std::vector<Record> rows;
    try {
      fetch_records(*connection.session, statements[type].select_all, layouts[type], schemas[type].fields.size(),
                    std::nullopt, [&](Record record) { rows.push_back(std::move(record)); });
    } catch (...) {
      fail("reading the " + schemas[type].plural);
    }
    mirror->refill(type, std::move(rows));
  }
  return &mirror->store();
}

SqlStore::Impl::RequestReads::RequestReads(Impl& impl) : impl_(impl), lock_(impl.mutex) { ++impl_.request_reads; }

SqlStore::Impl::RequestReads::~RequestReads() {
  if (--impl_.request_reads == 0) impl_.checked_for_request = false;
}

namespace {
// Counts a visit of the mirror, so a read made by the visitor does not refresh it beneath.
struct Visiting {
  int& depth;
  explicit Visiting(int& d) : depth(++d) {}
  ~Visiting() { --depth; }
};
}  // namespace

void SqlStore::Impl::rethrow_as_store_error_(const std::string& doing) const {
  rethrow_as_store_error(connection, doing);
}

const Record* SqlStore::Impl::remember(RecordTypeId type, const std::string& id, Record loaded) {
  Cached& cached = cache[type][id];
  cached.gone = false;
  cached.read_in = transaction;
  if (!cached.record) {
    cached.record = std::make_unique<Record>(std::move(loaded));
  } else if (!same_record(*cached.record, loaded)) {
    *cached.record = std::move(loaded);  // in place: pointers to it stay valid
  }
  return cached.record.get();
}

const Record* SqlStore::Impl::find(RecordTypeId type, std::string_view id) {
  if (const store::MemoryStore* copy = mirrored(type)) return copy->find(type, id);
  CacheMap& map = cache.at(type);
  auto it = map.find(id);
  if (transaction != 0 && it != map.end() && it->second.read_in == transaction &&
      !it->second.gone) {
    return it->second.record.get();
  }
  if (transaction == 0) reconnect_if_lost();
  const std::string key(id);
  std::optional<Record> found;
  try {
    fetch_records(*connection.session, statements[type].select_one, layouts[type],
                  schemas[type].fields.size(), key,
                  [&](Record record) { found = std::move(record); });
  } catch (...) {
    fail("reading " + schemas[type].name + " " + key);
  }
  if (!found) {
    if (it != map.end() && !it->second.gone) {
      it->second.gone = true;
      found_gone.emplace_back(type, key);
    }
    return nullptr;
  }
  return remember(type, key, std::move(*found));
}

void SqlStore::Impl::for_each(RecordTypeId type, const std::function<void(const Record&)>& visit) {
  if (const store::MemoryStore* copy = mirrored(type)) {
    Visiting guard(visiting);
    return copy->for_each(type, visit);
  }
  const RecordSchema& schema = schemas.at(type);
  if (transaction == 0) reconnect_if_lost();
  std::vector<std::pair<std::string, Record>> rows;
  try {
    fetch_records(*connection.session, statements[type].select_all, layouts[type],
                  schema.fields.size(), std::nullopt, [&](Record record) {
                    std::string id = record.key_text(schema);
                    rows.emplace_back(std::move(id), std::move(record));
                  });
  } catch (...) {
    fail("reading the " + schema.plural);
  }
  // Boxes first, visits after: a visitor may read the store again.
  std::vector<const Record*> records;
  records.reserve(rows.size());
  for (auto& [id, record] : rows) records.push_back(remember(type, id, std::move(record)));
  for (const Record* record : records) visit(*record);
}

bool SqlStore::Impl::for_each_where(RecordTypeId type, std::size_t slot, std::string_view value,
                                    const std::function<void(const Record&)>& visit) {
  if (const store::MemoryStore* copy = mirrored(type)) {
    Visiting guard(visiting);
    copy->for_each_where(type, slot, value, visit);
    return true;
  }
  const RecordSchema& schema = schemas.at(type);
  const TableLayout& layout = layouts[type];
  std::string column;
  if (slot == layout.key_slot && layout.key_is_id_column) {
    column = "id";
  } else {
    for (const Column& c : layout.columns) {
      const bool text_like = !c.is_list && c.storage == Storage::text && c.kind != FieldKind::date;
      if (c.slot == slot && text_like) column = c.name;
    }
  }
  if (column.empty()) return false;
  std::string& sql = select_where_sql[{type, slot}];
  if (sql.empty()) sql = select_where(connection.dialect, layout, column);
  if (transaction == 0) reconnect_if_lost();
  std::vector<std::pair<std::string, Record>> rows;
  try {
    fetch_records(*connection.session, sql, layout, schema.fields.size(), std::string(value), [&](Record record) {
      std::string id = record.key_text(schema);
      rows.emplace_back(std::move(id), std::move(record));
    });
  } catch (...) {
    fail("reading the " + schema.plural + " by " + schema.fields[slot].name);
  }
  std::vector<const Record*> records;
  records.reserve(rows.size());
  for (auto& [id, record] : rows) records.push_back(remember(type, id, std::move(record)));
  for (const Record* record : records) visit(*record);
  return true;
}

bool SqlStore::Impl::for_each_where_lower(RecordTypeId type, std::size_t slot, std::string_view value,
                                          const std::function<void(const Record&)>& visit) {
  const store::MemoryStore* copy = mirrored(type);
  if (!copy) return false;
  Visiting guard(visiting);
  return copy->for_each_where_lower(type, slot, value, visit);
}

// Ids like "ect-12" move the new-id counter past 12, so `new_id` never gives one already used.
void SqlStore::Impl::note_id(RecordTypeId type, std::string_view id) {
  const std::string& prefix = schemas[type].name;
  if (id.size() <= prefix.size() + 1 || !id.starts_with(prefix) || id[prefix.size()] != '-') return;
  std::uint64_t number = 0;
  const char* first = id.data() + prefix.size() + 1;
  const char* last = id.data() + id.size();
  auto [end, error] = std::from_chars(first, last, number);
  if (error != std::errc() || end != last) return;
  last_new_id[type] = std::max(last_new_id[type], number);
  soci::session& s = *connection.session;
  long long n = static_cast<long long>(number);
  if (connection.dialect == Dialect::sqlite) {
    s << "INSERT INTO ectflow_ids (record_type, last_id) VALUES (:t, 0) ON CONFLICT (record_type) "
         "DO NOTHING",
        soci::use(prefix);
    s << "UPDATE ectflow_ids SET last_id = MAX(last_id, :n) WHERE record_type = :t", soci::use(n),
        soci::use(prefix);
  } else {
    const std::string sequence = id_sequence(layouts[type]);
    long long ignored = 0;
    soci::indicator none = soci::i_null;
    s << "SELECT setval('" + sequence + "', :n) FROM " + sequence + " WHERE last_value < :n",
        soci::use(n), soci::use(n), soci::into(ignored, none);
  }
}

void SqlStore::Impl::reconnect_if_lost() {
  if (connection.dialect != Dialect::postgresql) return;
  // libpq marks the connection bad once a statement found it gone; asking costs no round trip
  // (SOCI's is_connected pings the server).
  auto* backend = static_cast<soci::postgresql_session_backend*>(connection.session->get_backend());
  if (backend && PQstatus(backend->conn_) == CONNECTION_OK) return;
  connection = connect(connection.db, connection.options);  // throws StoreError when it cannot
}

// Runs `statements` in one writing transaction (SQLite: BEGIN IMMEDIATE), rolled back on any
// failure, which is reported as failing `doing`.
void SqlStore::Impl::run_ddl(const std::function<void(soci::session&)>& statements, const std::string& doing) {
  soci::session& s = *connection.session;
  try {
    s << (connection.dialect == Dialect::sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
    try {
      statements(s);
      s << "COMMIT";
    } catch (...) {
      try {
        s << "ROLLBACK";
      } catch (...) {
      }
      throw;
    }
  } catch (...) {
    fail(doing);
  }
}

void SqlStore::Impl::ensure_schema() {
  run_ddl(
      [&](soci::session& s) {
        if (!connection.schema.empty()) s << "CREATE SCHEMA IF NOT EXISTS " + connection.schema;
        for (const std::string& sql : create_fixed_tables_sql(connection.dialect)) s << sql;
        for (const TableLayout& layout : layouts) {
          s << create_table_sql(connection.dialect, layout);
          for (const std::string& sql : create_indexes_sql(layout)) s << sql;
        }
        for (const std::string& sql : create_id_counters_sql(connection.dialect, layouts)) s << sql;
      },
      "creating the record tables");
}

void SqlStore::Impl::ensure_indexes() {
  run_ddl(
      [&](soci::session& s) {
        // Two services starting together would race to create the same index.
        if (connection.dialect == Dialect::postgresql) {
          s << "SELECT pg_advisory_xact_lock(hashtext('ectflow indexes ' || current_schema()))";
        }
        for (const TableLayout& layout : layouts) {
          for (const std::string& sql : create_indexes_sql(layout)) s << sql;
        }
      },
      "creating the indexes the flows' queries use");
}

SqlStore::SqlStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SqlStore::~SqlStore() = default;

const std::vector<RecordSchema>& SqlStore::schemas() const {
  return impl_->schemas;
}

const std::string& SqlStore::database() const {
  return impl_->connection.name;
}

void SqlStore::ensure_schema() {
  std::lock_guard lock(impl_->mutex);
  impl_->ensure_schema();
}

void SqlStore::ensure_indexes() {
  std::lock_guard lock(impl_->mutex);
  impl_->ensure_indexes();
}

void SqlStore::for_each(RecordTypeId type, const std::function<void(const Record&)>& visit) const {
  std::lock_guard lock(impl_->mutex);
  impl_->for_each(type, visit);
}

void SqlStore::for_each_where(RecordTypeId type, std::size_t slot, std::string_view value,
                              const std::function<void(const Record&)>& visit) const {
  std::lock_guard lock(impl_->mutex);
  if (!impl_->for_each_where(type, slot, value, visit)) RecordReader::for_each_where(type, slot, value, visit);
}

bool SqlStore::for_each_where_lower(RecordTypeId type, std::size_t slot, std::string_view value,
                                    const std::function<void(const Record&)>& visit) const {
  std::lock_guard lock(impl_->mutex);
  return impl_->for_each_where_lower(type, slot, value, visit);
}

const Record* SqlStore::find(RecordTypeId type, std::string_view id) const {
  std::lock_guard lock(impl_->mutex);
  return impl_->find(type, id);
}

Store::CommitResult SqlStore::transact(const std::function<bool(StoreTransaction&)>& body) {
  std::lock_guard lock(impl_->mutex);
  return impl_->transact(body);
}

std::unique_ptr<SqlStore> open_sql_store(const std::string& db,
                                         const std::vector<RecordSchema>& schemas,
                                         const SqlOptions& options) {
  // Names are checked before connecting, so a bad declaration never reaches the database.
  for (const RecordSchema& schema : schemas) table_layout(schema);
  Connection connection = connect(db, options);
  return std::make_unique<SqlStore>(
      std::make_unique<SqlStore::Impl>(std::move(connection), schemas));
}

}  // namespace ectflow::sql
