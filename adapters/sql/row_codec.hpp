// Records to bound SQL values and back: a field's value by its kind, lists as JSON arrays.
#pragma once

#include <soci/soci.h>

#include <deque>
#include <optional>
#include <string>

#include "ectflow/store.hpp"
#include "schema_sql.hpp"

namespace ectflow::sql {


// Values bound to one statement, kept alive (and at stable addresses) while it runs.
class Bindings {
 public:
  void text(std::optional<std::string> value);
  void real(std::optional<double> value);
  void integer(std::optional<int> value);
  void int64(long long value);
  // A record's field columns, in layout order. Throws std::invalid_argument when a value does not
  // fit its field's kind.
  void fields(const TableLayout& layout, const Record& record);
  // Prepares `sql` with these values bound and runs it; the number of rows it changed.
  long long execute(soci::session& session, const std::string& sql);

 private:
  std::deque<std::string> texts_;
  std::deque<double> reals_;
  std::deque<int> integers_;
  std::deque<long long> int64s_;
  std::deque<soci::indicator> indicators_;
  std::vector<std::function<void(soci::statement&)>> exchanges_;
};

// Runs a SELECT yielding `id, columns..., version` and hands each row over as a Record.
// `id` binds the one record to read, when there is one.
void fetch_records(soci::session& session, const std::string& sql, const TableLayout& layout,
                   std::size_t field_count, const std::optional<std::string>& id,
                   const std::function<void(Record)>& visit);

// Whether two records hold the same values (lists compared by content).
bool same_record(const Record& a, const Record& b);

}  // namespace ectflow::sql
