// Loads the service's flows once and builds a fresh in-memory world per test.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "ectflow/engine.hpp"

namespace ectflow::testing {

inline std::shared_ptr<const Engine> service_engine() {
  static std::shared_ptr<const Engine> engine = [] {
    LoadedEngine loaded = Engine::load({std::string(ECTFLOW_SOURCE_DIR) + "/flows"},
                                       EngineOptions{ECTFLOW_SOURCE_DIR});
    if (!loaded.engine) {
      ADD_FAILURE() << render_diagnostics(loaded.report.diagnostics, loaded.report.sources, DiagnosticFormat::text);
    }
    return loaded.engine;
  }();
  return engine;
}

// The world of SCENARIOS.md's example: Julie Carver mentors nobody; Sam Smith has no mentor.
inline const char* kExampleWorld = R"({
  "teachers": [
    {"trn": "1234567", "first_name": "Julie", "last_name": "Carver", "date_of_birth": "1980-02-03",
     "qts_awarded": "2005-07-01", "prohibited": false, "completed_mentor_training": false},
    {"trn": "7654321", "first_name": "Sam", "last_name": "Smith", "date_of_birth": "1999-05-06",
     "qts_awarded": "2024-07-01", "prohibited": false, "completed_mentor_training": false},
    {"trn": "2222222", "first_name": "Alex", "last_name": "Brown", "date_of_birth": "1998-01-01",
     "qts_awarded": "2024-07-01", "prohibited": false, "completed_mentor_training": false},
    {"trn": "3333333", "first_name": "Priya", "last_name": "Patel", "date_of_birth": "1985-04-04",
     "qts_awarded": "2010-07-01", "prohibited": false, "completed_mentor_training": false}
  ],
  "lead_providers": [{"id": "lp1", "name": "Best Practice Network", "cohorts": [2024, 2025]}],
  "schools": [
    {"urn": "100001", "name": "Example Primary",
     "induction_tutor": {"name": "Ann Lee", "email": "ann@example.org"},
     "mentors": [
       {"id": "m1", "trn": "1234567", "name": "Julie Carver", "cohort": 2024},
       {"id": "m2", "trn": "3333333", "name": "Priya Patel", "cohort": 2024}
     ],
     "ects": [
       {"id": "e1", "trn": "7654321", "name": "Sam Smith", "email": "sam@example.org", "cohort": 2024,
        "programme_type": "provider_led", "lead_provider_id": "lp1", "mentor_id": null},
       {"id": "e2", "trn": "2222222", "name": "Alex Brown", "email": "alex@example.org", "cohort": 2024,
        "programme_type": "school_led", "mentor_id": "m2"}
     ]},
    {"urn": "100002", "name": "Other Academy", "mentors": [], "ects": []}
  ]
})";

struct World {
  std::unique_ptr<Store> store;
  RunContext context;
};

inline World make_world(const std::string& json = kExampleWorld, const std::string& school = "100001",
                        const std::string& today = "2025-09-01") {
  std::vector<std::string> problems;
  Date date = *Date::parse_iso(today);
  auto store = make_memory_store(*service_engine(), json, date, problems);
  for (const auto& p : problems) ADD_FAILURE() << "world: " << p;
  Store& ref = *store;
  return World{std::move(store), RunContext{ref, date, school}};
}

// A flow written in a test, loaded alone, with a memory world for it; failures are reported to
// the running test (engine or store null).
struct TestFlow {
  std::shared_ptr<const Engine> engine;
  std::unique_ptr<Store> store;
};

inline TestFlow load_test_flow(const std::string& file, const char* flow, const std::string& world_json, Date today) {
  TestFlow out;
  LoadedEngine loaded = Engine::load_sources({SourceFile{file, flow}});
  if (!loaded.engine) {
    ADD_FAILURE() << render_diagnostics(loaded.report.diagnostics, loaded.report.sources, DiagnosticFormat::text);
    return out;
  }
  out.engine = loaded.engine;
  std::vector<std::string> problems;
  out.store = make_memory_store(*out.engine, world_json, today, problems);
  for (const auto& p : problems) ADD_FAILURE() << "world: " << p;
  return out;
}

}  // namespace ectflow::testing
