// FlowVersions: snapshots in and out of ectflow_flow_versions, and the engines loaded from them.
#include "flow_versions.hpp"

#include <nlohmann/json.hpp>

#include "clock.hpp"

namespace ectflow::sql {

namespace {

nlohmann::json files_json(const std::vector<SourceFile>& files) {
  nlohmann::json out = nlohmann::json::array();
  for (const SourceFile& file : files) out.push_back({{"path", file.path}, {"text", file.text}});
  return out;
}

std::vector<SourceFile> files_from(const nlohmann::json& list) {
  std::vector<SourceFile> files;
  for (const nlohmann::json& item : list) {
    files.push_back({item.at("path").get<std::string>(), item.at("text").get<std::string>()});
  }
  return files;
}

}  // namespace

std::string snapshot_to_json(const FlowSnapshot& snapshot) {
  return nlohmann::json{{"format", 1}, {"flows", files_json(snapshot.flows)}, {"hooks", files_json(snapshot.hooks)}}
      .dump();
}

FlowSnapshot snapshot_from_json(const std::string& json, const std::string& flow_version) {
  try {
    const nlohmann::json j = nlohmann::json::parse(json);
    if (j.at("format").get<int>() != 1) throw std::runtime_error("an unknown format");
    FlowSnapshot snapshot;
    snapshot.flow_version = flow_version;
    snapshot.flows = files_from(j.at("flows"));
    snapshot.hooks = files_from(j.at("hooks"));
    return snapshot;
  } catch (const std::exception& e) {
    throw StoreError("flow version " + flow_version + " in ectflow_flow_versions cannot be read (" + e.what() +
                     "); it was not written by this version of ectflow");
  }
}

FlowVersions::FlowVersions(SqlStore::Impl& store, std::shared_ptr<const Engine> current)
    : store_(store), current_(std::move(current)) {
  std::lock_guard lock(store_.mutex);
  soci::session& s = *store_.connection.session;
  const std::string version = current_->flow_version();
  const std::string sources = snapshot_to_json(current_->snapshot());
  const std::string now = utc_now_iso();
  try {
    s << "INSERT INTO ectflow_flow_versions (flow_version, created_at, sources) VALUES (:v, :at, :s) "
         "ON CONFLICT (flow_version) DO NOTHING",
        soci::use(version), soci::use(now), soci::use(sources);
  } catch (...) {
    store_.fail("storing flow version " + version);
  }
}

std::shared_ptr<const Engine> FlowVersions::engine_for(const std::string& flow_version) {
  if (flow_version == current_->flow_version()) return current_;
  std::lock_guard lock(mutex_);
  if (auto it = loaded_.find(flow_version); it != loaded_.end()) return it->second;
  std::string sources;
  soci::indicator found = soci::i_null;
  {
    std::lock_guard store_lock(store_.mutex);
    try {
      *store_.connection.session << "SELECT sources FROM ectflow_flow_versions WHERE flow_version = :v",
          soci::use(flow_version), soci::into(sources, found);
    } catch (...) {
      store_.fail("reading flow version " + flow_version);
    }
  }
  if (!store_.connection.session->got_data() || found != soci::i_ok) {
    throw StoreError("flow version " + flow_version + " is not in the ectflow_flow_versions table of " +
                     store_.connection.name +
                     ": the journeys started on it cannot carry on. Restore the table from a backup, or "
                     "restart those journeys");
  }
  LoadedEngine loaded = Engine::load_snapshot(snapshot_from_json(sources, flow_version));
  if (!loaded.engine) {
    std::string first = loaded.report.diagnostics.empty() ? "" : ": " + loaded.report.diagnostics.front().message;
    throw StoreError("flow version " + flow_version + " no longer loads with this version of ectflow" + first);
  }
  loaded_[flow_version] = loaded.engine;
  return loaded.engine;
}

}  // namespace ectflow::sql
