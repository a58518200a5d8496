// Checking a world in memory, then copying it into the store (world_import.hpp).
#include "world_import.hpp"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "ectflow/yaml_json.hpp"

namespace ectflow::cli {
namespace {

bool is_yaml(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".yaml" || ext == ".yml";
}

// "school 100001 (Example Primary School)": the record as a message names it.
std::string named(const RecordSchema& schema, const Record& record) {
  std::string text = schema.name + " " + record.key_text(schema);
  if (auto slot = schema.slot("name")) {
    if (const auto* name = std::get_if<std::string>(&record.fields[*slot]); name && !name->empty()) {
      text += " (" + *name + ")";
    }
  }
  return text;
}

}  // namespace

WorldImport import_world(const Engine& engine, Store& store, const std::string& path, const std::string& text,
                         Date today) {
  WorldImport result;
  std::string world = text;
  if (is_yaml(path)) {
    std::string error;
    std::optional<std::string> converted = scenario::yaml_text_to_json(text, error);
    if (!converted) {
      result.problems.push_back(path + ": error: " + error);
      return result;
    }
    world = std::move(*converted);
  }
  std::vector<std::string> problems;
  std::unique_ptr<Store> loaded = make_memory_store(engine, world, today, problems);
  for (const std::string& problem : problems) result.problems.push_back(path + ": error: " + problem);
  if (!result.problems.empty()) return result;

  const std::vector<RecordSchema> schemas = engine.schemas();
  // Records the loader makes up are not the file's, so they never make the import fail. It opens
  // mentorships (from an ECT's mentor_id) numbered from 1: one whose id is taken gets a new one.
  // A world without cohorts gets the default ones: those already stored stay as they are.
  const std::optional<RecordTypeId> numbered = engine.record_type("mentorship");
  const nlohmann::json given = nlohmann::json::parse(world, nullptr, false);
  const std::optional<RecordTypeId> defaulted =
      given.is_object() && given.contains("cohorts") && !given["cohorts"].is_null() ? std::nullopt
                                                                                     : engine.record_type("cohort");
  Store::CommitResult commit = store.transact([&](StoreTransaction& tx) {
    result.counts.clear();
    std::vector<std::string> existing;
    for (RecordTypeId type = 0; type < schemas.size(); ++type) {
      const RecordSchema& schema = schemas[type];
      std::vector<Record> records;
      loaded->for_each(type, [&](const Record& record) { records.push_back(record); });
      std::size_t written = 0;
      for (Record& record : records) {
        if (tx.find(type, record.key_text(schema))) {
          if (type == defaulted) continue;
          if (type != numbered) {
            existing.push_back(path + ": error: " + named(schema, record) +
                               " is already in the database; import into a new database, or take it out of the "
                               "world file");
            continue;
          }
          record.fields[schema.key] = tx.new_id(type);
        }
        record.version = 0;
        tx.apply({RecordChange::Kind::create, type, std::move(record)});
        ++written;
      }
      if (written > 0) result.counts.emplace_back(schema.plural, written);
    }
    result.problems = std::move(existing);
    return result.problems.empty();
  });
  if (!commit.committed && result.problems.empty()) {
    result.conflict = commit.conflict.empty() ? "the database refused the changes" : commit.conflict;
  }
  if (!commit.committed) result.counts.clear();
  return result;
}

}  // namespace ectflow::cli
