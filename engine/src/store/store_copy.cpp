#include "ectflow/store_copy.hpp"

#include <stdexcept>

namespace ectflow {

void copy_every_record(const RecordReader& from, Store& to, const std::vector<RecordSchema>& schemas) {
  const Store::CommitResult result = to.transact([&](StoreTransaction& txn) {
    for (RecordTypeId type = 0; type < schemas.size(); ++type) {
      from.for_each(type, [&](const Record& record) {
        Record copy = record;
        copy.version = 0;
        txn.apply(RecordChange{RecordChange::Kind::create, type, std::move(copy)});
      });
    }
    return true;
  });
  if (!result.committed) throw std::runtime_error("the records could not be stored: " + result.conflict);
}

void remove_every_record(Store& store, const std::vector<RecordSchema>& schemas) {
  for (RecordTypeId type = 0; type < schemas.size(); ++type) {
    const Store::CommitResult result = store.transact([&](StoreTransaction& txn) {
      std::vector<RecordChange> removals;
      txn.for_each(type, [&](const Record& record) { removals.push_back({RecordChange::Kind::remove, type, record}); });
      for (RecordChange& removal : removals) txn.apply(std::move(removal));
      return true;
    });
    if (!result.committed) {
      throw std::runtime_error("the records of " + schemas[type].name + " could not be removed: " + result.conflict +
                               " (is another process using the database?)");
    }
  }
}

}  // namespace ectflow
