// Whole-store operations through the Store interface, so they work on any store: a world built in
// memory put into a database, and a shared database emptied before a run. Standard library types
// only.
#pragma once

#include <vector>

#include "ectflow/store.hpp"

namespace ectflow {

// Creates every record of `from` in `to`, in one transaction. Throws std::runtime_error when it
// cannot be committed.
void copy_every_record(const RecordReader& from, Store& to, const std::vector<RecordSchema>& schemas);

// Removes every record of `store`, one transaction per record type. Throws std::runtime_error
// naming the record type whose records could not be removed.
void remove_every_record(Store& store, const std::vector<RecordSchema>& schemas);

}  // namespace ectflow
