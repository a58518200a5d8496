// The flow-versions table: each version of the flows a journey ran on, as its sources, so a
// journey in progress carries on under its own flows after `flows/` changes.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "ectflow/engine.hpp"
#include "store_impl.hpp"

namespace ectflow::sql {

std::string snapshot_to_json(const FlowSnapshot& snapshot);
// Throws StoreError when the text is not a snapshot this version of ectflow wrote.
FlowSnapshot snapshot_from_json(const std::string& json, const std::string& flow_version);

class FlowVersions {
 public:
  // Stores `current`'s snapshot if the table does not have it yet.
  FlowVersions(SqlStore::Impl& store, std::shared_ptr<const Engine> current);

  const std::shared_ptr<const Engine>& current() const { return current_; }
  // Throws StoreError when the version is not in the table, or its flows no longer load.
  std::shared_ptr<const Engine> engine_for(const std::string& flow_version);

 private:
  SqlStore::Impl& store_;
  std::shared_ptr<const Engine> current_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const Engine>> loaded_;
};

}  // namespace ectflow::sql
