// run_recorded: the engine call behind every logged request.
#include "recorded_call.hpp"

#include <nlohmann/json.hpp>

#include "recording_directory.hpp"

namespace ectflow::sql {

std::string answers_json(const Answers& answers) { return nlohmann::json(answers).dump(); }

namespace {

const char* result_name(const JourneyResult& result, bool was_completed) {
  switch (result.kind) {
    case JourneyResult::Kind::conflict:
      return "conflict";
    case JourneyResult::Kind::rejected:
      return "rejected";
    case JourneyResult::Kind::page:
      break;
  }
  return result.instance.completed && !was_completed ? "completed" : "page";
}

const RecordSchema* teacher_schema(const Engine& engine) {
  auto type = engine.record_type("teacher");
  return type ? &engine.schema(*type) : nullptr;
}

}  // namespace

JourneyResult run_recorded(const Engine& engine, SqlStore& store, const Caller& caller, const JourneyInstance& before,
                           const Call& call, JourneyEvent& event) {
  StoreTeacherDirectory imported(engine, store);
  RecordingTeacherDirectory recording(caller.teachers ? *caller.teachers : imported, teacher_schema(engine));
  RunContext context{store, caller.today, caller.actor_id, &recording};
  JourneyResult result = call(engine, before, context);
  event.actor_id = caller.actor_id;
  event.flow_version = engine.flow_version();
  event.lookups = nlohmann::json{{"today", caller.today.iso()}, {"teachers", recording.lookups()}}.dump();
  event.result = result_name(result, before.completed);
  event.result_step = result.kind == JourneyResult::Kind::page ? result.instance.step : before.step;
  event.problem = result.problem;
  if (event.journey.empty()) event.journey = result.instance.journey;
  return result;
}

}  // namespace ectflow::sql
