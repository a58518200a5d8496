// Journeys kept in the database, in the two persistence modes of DESIGN.md's Storage:
//
// - Service mode (`JourneyService`): the database holds every journey in progress. Each request
//   names a journey by id and the version it last saw; the instance, the submission's event and
//   (when it completes) the journey's record changes are written in one transaction, so any
//   process sharing the database can take the next request.
// - Embedded mode (`EmbeddedJourneys`): the caller holds the instance as a value between
//   requests; the database sees only completions, each with its event, one transaction each.
//
// Both log every submission they write to the append-only event log, with the teacher lookups it
// used, and both run a journey on the flows it started on (stored in the flow-versions table).
// Standard library types only.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ectflow/engine.hpp"
#include "ectflow/sql_store.hpp"

namespace ectflow::sql {

// Who is asking, and on which day the rules run.
struct Caller {
  std::string actor_id;  // the school's urn
  Date today;
  // Where teachers are looked up; null: the teachers imported into the store.
  const TeacherDirectory* teachers = nullptr;
};

// One row of the event log.
struct JourneyEvent {
  std::int64_t seq = 0;
  std::string at;  // UTC, ISO 8601
  std::string actor_id;
  std::string journey_id;  // empty in embedded mode
  std::string journey;
  std::string flow_version;
  std::string action;  // start, submit, back, change, follow
  std::string step;    // the step the request was made on (start: the first step)
  std::string answers;  // JSON object, as submitted
  std::string result;   // page, completed, conflict, rejected
  std::string result_step;
  std::string problem;  // the conflict or rejection, for people
  // JSON: what the step read from outside the store, so a replay is deterministic: the date the
  // rules ran on and each teacher looked up, {"today": "2025-09-01", "teachers": [{"trn": "1234567",
  // "found": {...fields} | null}]}. Hooks need no entry: they are pure functions of their
  // arguments and of the flow version, whose Lua files are kept in the flow-versions table.
  std::string lookups;
};

struct JourneyOutcome {
  JourneyResult result;
  std::string journey_id;
  std::int64_t version = 0;  // the version the next request must name
  // A request repeated after it was applied (a double submission): nothing was applied again;
  // `result` shows the journey where the first one left it.
  bool repeated = false;
};

class FlowVersions;

class JourneyService {
 public:
  // Stores `current`'s snapshot in the flow-versions table if it is not there yet.
  JourneyService(SqlStore& store, std::shared_ptr<const Engine> current);
  ~JourneyService();

  JourneyOutcome start(const std::string& journey, const Caller& caller,
                       const std::optional<std::string>& with_id = std::nullopt);
  JourneyOutcome show(const std::string& journey_id, const Caller& caller);
  JourneyOutcome submit(const std::string& journey_id, std::int64_t version, const std::string& step,
                        const Answers& answers, const Caller& caller);
  JourneyOutcome back(const std::string& journey_id, std::int64_t version, const Caller& caller);
  JourneyOutcome change(const std::string& journey_id, std::int64_t version, const std::string& step,
                        const Caller& caller);
  // A link within the page to another step (follow_link).
  JourneyOutcome follow(const std::string& journey_id, std::int64_t version, const std::string& step,
                        const Caller& caller);

  // The engine a stored flow version runs on: the current one, or loaded from the table.
  // Throws StoreError when the version is not in the table or its flows no longer load.
  std::shared_ptr<const Engine> engine_for(const std::string& flow_version);

  std::vector<JourneyEvent> events(const std::string& journey_id);

 private:
  struct Request;
  JourneyOutcome run(Request& request);

  SqlStore& store_;
  std::unique_ptr<FlowVersions> versions_;
};

class EmbeddedJourneys {
 public:
  EmbeddedJourneys(SqlStore& store, std::shared_ptr<const Engine> engine);
  ~EmbeddedJourneys();

  JourneyResult start(const std::string& journey, const Caller& caller,
                      const std::optional<std::string>& with_id = std::nullopt);
  JourneyResult show(const JourneyInstance& instance, const Caller& caller);
  // Writes nothing unless the submission completes the journey; then its record changes and its
  // event are one transaction.
  JourneyResult submit(const JourneyInstance& instance, const std::string& step, const Answers& answers,
                       const Caller& caller);
  JourneyResult back(const JourneyInstance& instance, const Caller& caller);
  JourneyResult change(const JourneyInstance& instance, const std::string& step, const Caller& caller);
  JourneyResult follow(const JourneyInstance& instance, const std::string& step, const Caller& caller);

  std::shared_ptr<const Engine> engine_for(const std::string& flow_version);

 private:
  SqlStore& store_;
  std::unique_ptr<FlowVersions> versions_;
};

// Every event in the log, oldest first (for one journey when `journey_id` is given).
std::vector<JourneyEvent> read_events(SqlStore& store, const std::optional<std::string>& journey_id = {});

}  // namespace ectflow::sql
