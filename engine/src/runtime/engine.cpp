// Engine::load: check the flows, compile them into the model, pin them to a content hash.
#include <fmt/format.h>

#include <filesystem>

#include "authoring/load.hpp"
#include "model/compile.hpp"
#include "runtime/engine_internals.hpp"
#include "runtime/hook_binding.hpp"

namespace ectflow {
namespace {

// FNV-1a over every flow's and hook file's path and text: the same flows give the same version.
std::string content_hash(const SourceSet& sources, const std::vector<SourceFile>& hooks) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  auto mix = [&](std::string_view text) {
    for (unsigned char c : text) {
      hash ^= c;
      hash *= 0x100000001b3ULL;
    }
    hash ^= 0xff;
    hash *= 0x100000001b3ULL;
  };
  for (FileId id = 0; id < sources.size(); ++id) {
    mix(sources.file(id).path);
    mix(sources.file(id).text);
  }
  for (const SourceFile& hook : hooks) {
    mix(hook.path);
    mix(hook.text);
  }
  return fmt::format("{:016x}", hash);
}

std::vector<SourceFile> flow_files(const SourceSet& sources) {
  std::vector<SourceFile> files;
  for (FileId id = 0; id < sources.size(); ++id) {
    if (!authoring::is_builtin_source(sources.file(id).path)) files.push_back(sources.file(id));
  }
  return files;
}

LoadedEngine finish_load(CheckReport report, std::vector<syntax::FlowFile>& parsed, const check::CheckFacts& facts,
                         EngineOptions options, const std::string& pinned_version = {}) {
  LoadedEngine loaded;
  if (!report.ok()) {
    loaded.report = std::move(report);
    return loaded;
  }
  std::vector<const syntax::FlowFile*> files;
  for (const auto& f : parsed) files.push_back(&f);
  std::shared_ptr<model::Model> model;
  try {
    model = std::make_shared<model::Model>(model::compile_model(files, facts, std::string()));
  } catch (const std::exception& e) {
    // The checker accepted something the compiler cannot handle: a bug in ectflow, not the flows.
    Diagnostic d;
    d.code = "internal-error";
    d.message = std::string("these flows passed the checker but could not be compiled (") + e.what() +
                "); please report this with the flows";
    report.diagnostics.push_back(std::move(d));
    loaded.report = std::move(report);
    return loaded;
  }
  auto internals = std::make_shared<Engine::Internals>();
  internals->options = std::move(options);
  bind_hooks(*model, *internals, report);
  model->flow_version =
      pinned_version.empty() ? content_hash(report.sources, internals->snapshot.hooks) : pinned_version;
  internals->snapshot.flow_version = model->flow_version;
  internals->snapshot.flows = flow_files(report.sources);
  loaded.report = std::move(report);
  if (loaded.report.ok()) loaded.engine = std::make_shared<const Engine>(model, internals);
  return loaded;
}

}  // namespace

Engine::Engine(std::shared_ptr<const model::Model> model, std::shared_ptr<const Internals> internals)
    : model_(std::move(model)), internals_(std::move(internals)) {}

LoadedEngine Engine::load(const std::vector<std::string>& flow_paths, EngineOptions options) {
  if (options.project_root.empty() && !flow_paths.empty()) {
    std::error_code ec;
    std::filesystem::path first = std::filesystem::absolute(flow_paths.front(), ec).lexically_normal();
    if (first.filename().empty()) first = first.parent_path();  // "flows/" names the folder
    options.project_root = (std::filesystem::is_directory(first, ec) ? first : first.parent_path()).parent_path().string();
  }
  std::vector<syntax::FlowFile> parsed;
  check::CheckFacts facts;
  CheckReport report = authoring::load_and_check(flow_paths, parsed, &facts);
  return finish_load(std::move(report), parsed, facts, std::move(options));
}

LoadedEngine Engine::load_sources(std::vector<SourceFile> files, EngineOptions options) {
  std::vector<syntax::FlowFile> parsed;
  check::CheckFacts facts;
  CheckReport report = authoring::check_source_files(std::move(files), parsed, &facts);
  return finish_load(std::move(report), parsed, facts, std::move(options));
}

LoadedEngine Engine::load_snapshot(const FlowSnapshot& snapshot) {
  EngineOptions options;
  options.hook_sources = snapshot.hooks;
  std::vector<syntax::FlowFile> parsed;
  check::CheckFacts facts;
  CheckReport report = authoring::check_source_files(snapshot.flows, parsed, &facts);
  return finish_load(std::move(report), parsed, facts, std::move(options), snapshot.flow_version);
}

const std::string& Engine::flow_version() const { return model_->flow_version; }

const FlowSnapshot& Engine::snapshot() const { return internals_->snapshot; }

std::vector<RecordSchema> Engine::schemas() const { return model_->schemas(); }

const RecordSchema& Engine::schema(RecordTypeId type) const { return model_->records.at(type).schema; }

std::optional<RecordTypeId> Engine::record_type(std::string_view name) const {
  auto it = model_->record_index.find(std::string(name));
  if (it == model_->record_index.end()) return std::nullopt;
  return it->second;
}

}  // namespace ectflow
