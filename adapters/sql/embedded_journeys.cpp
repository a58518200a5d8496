// Embedded mode: the caller holds the instance; only a completing submission writes, its record
// changes and its event in one transaction.
#include "ectflow/sql_journeys.hpp"
#include "event_log.hpp"
#include "flow_versions.hpp"
#include "recorded_call.hpp"

namespace ectflow::sql {

EmbeddedJourneys::EmbeddedJourneys(SqlStore& store, std::shared_ptr<const Engine> engine)
    : store_(store), versions_(std::make_unique<FlowVersions>(store.internals(), std::move(engine))) {}

EmbeddedJourneys::~EmbeddedJourneys() = default;

std::shared_ptr<const Engine> EmbeddedJourneys::engine_for(const std::string& flow_version) {
  return versions_->engine_for(flow_version);
}

namespace {

RunContext context_for(SqlStore& store, const Caller& caller) {
  return RunContext{store, caller.today, caller.actor_id, caller.teachers};
}

}  // namespace

JourneyResult EmbeddedJourneys::start(const std::string& journey, const Caller& caller,
                                      const std::optional<std::string>& with_id) {
  SqlStore::Impl::RequestReads reads(store_.internals());
  return start_journey(*versions_->current(), journey, context_for(store_, caller), with_id);
}

JourneyResult EmbeddedJourneys::show(const JourneyInstance& instance, const Caller& caller) {
  SqlStore::Impl::RequestReads reads(store_.internals());
  return show_page(*engine_for(instance.flow_version), instance, context_for(store_, caller));
}

JourneyResult EmbeddedJourneys::back(const JourneyInstance& instance, const Caller& caller) {
  SqlStore::Impl::RequestReads reads(store_.internals());
  return go_back(*engine_for(instance.flow_version), instance, context_for(store_, caller));
}

JourneyResult EmbeddedJourneys::change(const JourneyInstance& instance, const std::string& step,
                                       const Caller& caller) {
  SqlStore::Impl::RequestReads reads(store_.internals());
  return change_answer(*engine_for(instance.flow_version), instance, step, context_for(store_, caller));
}

JourneyResult EmbeddedJourneys::follow(const JourneyInstance& instance, const std::string& step,
                                       const Caller& caller) {
  SqlStore::Impl::RequestReads reads(store_.internals());
  return follow_link(*engine_for(instance.flow_version), instance, step, context_for(store_, caller));
}

JourneyResult EmbeddedJourneys::submit(const JourneyInstance& instance, const std::string& step,
                                       const Answers& answers, const Caller& caller) {
  auto engine = engine_for(instance.flow_version);
  // Only a completion writes: the other submissions read, as start and back do, outside a
  // transaction (which would take SQLite's write lock, or a PostgreSQL snapshot, for nothing).
  if (!may_complete(*engine, instance, step)) {
    SqlStore::Impl::RequestReads reads(store_.internals());
    return ectflow::submit(*engine, instance, step, answers, context_for(store_, caller));
  }
  SqlStore::Impl& impl = store_.internals();
  std::lock_guard lock(impl.mutex);
  JourneyResult result;
  auto unit = impl.run_unit([&] {
    JourneyEvent event;
    event.action = "submit";
    event.journey = instance.journey;
    event.step = step;
    event.answers = answers_json(answers);
    result = run_recorded(
        *engine, store_, caller, instance,
        [&](const Engine& e, const JourneyInstance& before, const RunContext& context) {
          return ectflow::submit(e, before, step, answers, context);
        },
        event);
    if (event.result != "completed") return true;  // nothing was written
    append_event(impl, event);
    return true;
  });
  if (unit == SqlStore::Impl::UnitResult::lost_race) {
    result = {};
    result.kind = JourneyResult::Kind::conflict;
    result.instance = instance;
    result.problem_code = "conflict";
    result.problem = "Someone else changed these records at the same moment: check the answers and confirm again.";
  }
  return result;
}

}  // namespace ectflow::sql
