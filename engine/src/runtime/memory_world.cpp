// make_memory_store: an in-memory store holding a world given as JSON (SCENARIOS.md `given:`).
#include <nlohmann/json.hpp>

#include "ectflow/engine.hpp"
#include "ectflow/field_input.hpp"
#include "model/model.hpp"
#include "store/memory_store.hpp"
#include "store/world.hpp"

namespace ectflow {

std::unique_ptr<Store> make_memory_store(const Engine& engine, std::string_view world_json, Date today,
                                         std::vector<std::string>& problems) {
  auto store = std::make_unique<store::MemoryStore>(engine.schemas());
  if (world_json.empty()) return store;
  nlohmann::json given = nlohmann::json::parse(world_json, nullptr, false);
  if (given.is_discarded()) {
    problems.push_back("the world is not valid JSON");
    return store;
  }
  const model::Model& m = engine.model();
  store::ChoiceValues choices = [&m](const std::string& name) -> std::optional<std::vector<std::string>> {
    for (const auto& choice : m.choices) {
      if (choice.name != name) continue;
      std::vector<std::string> codes;
      for (const auto& [code, label] : choice.values) codes.push_back(code);
      return codes;
    }
    return std::nullopt;
  };
  // Fields typed by an answer type are stored as a journey would have stored the answer.
  FieldParser parser(engine, today);
  store::FieldNormaliser normalise = [&](RecordTypeId type, std::size_t slot, const std::string& text,
                                         std::string& error) -> std::optional<std::string> {
    ParsedField parsed = parser.parse(type, slot, text);
    if (!parsed.ok()) {
      error = parsed.error;
      return std::nullopt;
    }
    const auto* normal = std::get_if<std::string>(&parsed.value);
    return normal ? *normal : text;
  };
  for (const store::WorldProblem& p : store::load_world(given, *store, engine.schemas(), today, choices, normalise)) {
    problems.push_back(p.path.empty() ? p.message : p.path + ": " + p.message);
  }
  return store;
}

}  // namespace ectflow
