// Service and embedded persistence modes: each request runs in one unit of work on the store,
// with the instance (service mode), the event and any completion written together.
#include <nlohmann/json.hpp>

#include "ectflow/sql_journeys.hpp"
#include "event_log.hpp"
#include "flow_versions.hpp"
#include "journey_rows.hpp"
#include "recorded_call.hpp"

namespace ectflow::sql {

namespace {

JourneyResult rejection(std::string code, std::string problem) {
  JourneyResult result;
  result.kind = JourneyResult::Kind::rejected;
  result.problem_code = std::move(code);
  result.problem = std::move(problem);
  return result;
}

}  // namespace

struct JourneyService::Request {
  std::string action;
  std::string journey_id;
  std::int64_t version = 0;
  std::string step;
  Answers answers;
  Caller caller;
  Call call;
};

JourneyService::JourneyService(SqlStore& store, std::shared_ptr<const Engine> current)
    : store_(store), versions_(std::make_unique<FlowVersions>(store.internals(), std::move(current))) {}

JourneyService::~JourneyService() = default;

std::shared_ptr<const Engine> JourneyService::engine_for(const std::string& flow_version) {
  return versions_->engine_for(flow_version);
}

JourneyOutcome JourneyService::start(const std::string& journey, const Caller& caller,
                                     const std::optional<std::string>& with_id) {
  SqlStore::Impl& impl = store_.internals();
  std::lock_guard lock(impl.mutex);
  const Engine& engine = *versions_->current();
  JourneyOutcome out;
  auto unit = impl.run_unit([&] {
    out = {};
    JourneyEvent event;
    event.action = "start";
    event.journey = journey;
    event.answers = with_id ? nlohmann::json{{"with", *with_id}}.dump() : "{}";
    JourneyInstance none;
    none.flow_version = engine.flow_version();
    out.result = run_recorded(
        engine, store_, caller, none,
        [&](const Engine& e, const JourneyInstance&, const RunContext& context) {
          return start_journey(e, journey, context, with_id);
        },
        event);
    event.step = out.result.instance.step;
    if (out.result.kind == JourneyResult::Kind::page) {
      out.journey_id = new_journey_id();
      out.version = 1;
      insert_journey(impl, out.journey_id, out.result.instance);
      event.journey_id = out.journey_id;
    }
    append_event(impl, event);
    return true;
  });
  if (unit != SqlStore::Impl::UnitResult::committed) {
    out = {};
    out.result = rejection("busy", "The journey could not be started because the database was busy: try again");
  }
  return out;
}

JourneyOutcome JourneyService::show(const std::string& journey_id, const Caller& caller) {
  SqlStore::Impl& impl = store_.internals();
  std::lock_guard lock(impl.mutex);
  JourneyOutcome out;
  out.journey_id = journey_id;
  impl.reconnect_if_lost();
  auto row = load_journey(impl, journey_id);
  if (!row || row->instance.actor_id != caller.actor_id) {
    out.result = rejection("unknown-journey", "There is no journey " + journey_id + " for this school: start again");
    return out;
  }
  auto engine = versions_->engine_for(row->instance.flow_version);
  JourneyEvent unused;
  out.result = run_recorded(
      *engine, store_, caller, row->instance,
      [](const Engine& e, const JourneyInstance& instance, const RunContext& context) {
        return show_page(e, instance, context);
      },
      unused);
  out.version = row->version;
  return out;
}

JourneyOutcome JourneyService::submit(const std::string& journey_id, std::int64_t version, const std::string& step,
                                      const Answers& answers, const Caller& caller) {
  Request request{"submit", journey_id, version, step, answers, caller,
                  [&](const Engine& e, const JourneyInstance& instance, const RunContext& context) {
                    return ectflow::submit(e, instance, step, answers, context);
                  }};
  return run(request);
}

JourneyOutcome JourneyService::back(const std::string& journey_id, std::int64_t version, const Caller& caller) {
  Request request{"back", journey_id, version, "", {}, caller,
                  [](const Engine& e, const JourneyInstance& instance, const RunContext& context) {
                    return go_back(e, instance, context);
                  }};
  return run(request);
}

JourneyOutcome JourneyService::change(const std::string& journey_id, std::int64_t version, const std::string& step,
                                      const Caller& caller) {
  Request request{"change", journey_id, version, step, {}, caller,
                  [&](const Engine& e, const JourneyInstance& instance, const RunContext& context) {
                    return change_answer(e, instance, step, context);
                  }};
  return run(request);
}

JourneyOutcome JourneyService::follow(const std::string& journey_id, std::int64_t version, const std::string& step,
                                      const Caller& caller) {
  Request request{"follow", journey_id, version, step, {}, caller,
                  [&](const Engine& e, const JourneyInstance& instance, const RunContext& context) {
                    return follow_link(e, instance, step, context);
                  }};
  return run(request);
}

// One request on a stored journey: read it, check the version the request saw, run the engine,
// and save the instance and the event (and, through the store, any completion) together. A
// request that lost to another one on the same journey is told apart: the same request again is
// a repeat (nothing applied twice), anything else a conflict showing where the journey is now.
JourneyOutcome JourneyService::run(Request& request) {
  SqlStore::Impl& impl = store_.internals();
  std::lock_guard lock(impl.mutex);
  JourneyOutcome out;
  out.journey_id = request.journey_id;
  bool stale = false;
  auto unit = impl.run_unit([&] {
    out = {};
    out.journey_id = request.journey_id;
    stale = false;
    auto row = load_journey(impl, request.journey_id);
    if (!row || row->instance.actor_id != request.caller.actor_id) {
      out.result = rejection("unknown-journey",
                             "There is no journey " + request.journey_id + " for this school: start again");
      return false;
    }
    if (row->version != request.version) {
      stale = true;
      return false;
    }
    auto engine = versions_->engine_for(row->instance.flow_version);
    JourneyEvent event;
    event.action = request.action;
    event.journey_id = request.journey_id;
    event.journey = row->instance.journey;
    event.step = request.action == "back" ? row->instance.step : request.step;
    event.answers = answers_json(request.answers);
    out.result = run_recorded(*engine, store_, request.caller, row->instance, request.call, event);
    out.version = row->version;
    if (out.result.kind == JourneyResult::Kind::page) {
      if (!update_journey(impl, request.journey_id, out.result.instance, row->version)) {
        stale = true;
        return false;
      }
      out.version = row->version + 1;
    }
    append_event(impl, event);
    return true;
  });
  if (unit == SqlStore::Impl::UnitResult::lost_race) {
    out = show(request.journey_id, request.caller);
    out.result.kind = JourneyResult::Kind::conflict;
    out.result.problem_code = "busy";
    out.result.problem = "The service was too busy to save this in time: try again.";
    return out;
  }
  if (!stale) return out;

  // Another request on this journey was saved first: show where it is now.
  JourneyOutcome now = show(request.journey_id, request.caller);
  if (now.result.kind == JourneyResult::Kind::rejected) {
    throw StoreError("journey " + request.journey_id + " disappeared while it was in use");
  }
  const std::vector<JourneyEvent> events = select_events(impl, request.journey_id);
  const JourneyEvent* last = events.empty() ? nullptr : &events.back();
  const bool repeat = last && now.version > request.version && last->action == request.action &&
                      (request.action == "back" || last->step == request.step) &&
                      last->answers == answers_json(request.answers) &&
                      (last->result == "page" || last->result == "completed");
  if (repeat) {
    now.repeated = true;
    return now;
  }
  now.result.kind = JourneyResult::Kind::conflict;
  now.result.problem_code = "conflict";
  now.result.problem =
      "This journey was changed in another window or tab after this page was shown. It is shown as it is now: check "
      "it and carry on.";
  return now;
}

std::vector<JourneyEvent> JourneyService::events(const std::string& journey_id) {
  return read_events(store_, journey_id);
}

std::vector<JourneyEvent> read_events(SqlStore& store, const std::optional<std::string>& journey_id) {
  SqlStore::Impl& impl = store.internals();
  std::lock_guard lock(impl.mutex);
  impl.reconnect_if_lost();
  try {
    return select_events(impl, journey_id);
  } catch (...) {
    impl.fail("reading the event log");
  }
}

}  // namespace ectflow::sql
