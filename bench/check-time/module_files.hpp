// The flow files of one generated module, and the core file every module shares. One journey per
// file, as the service keeps them.
#pragma once

#include "ectflow/diagnostics.hpp"
#include "module_plan.hpp"

namespace ectflow::bench {

SourceFile core_file();  // schools, teachers, cohorts and the choices modules ask about

SourceFile records_file(const ModulePlan& plan);           // generated_records.cpp
SourceFile register_journey_file(const ModulePlan& plan);  // case_journeys.cpp
SourceFile review_journey_file(const ModulePlan& plan);    // case_journeys.cpp
SourceFile assign_journey_file(const ModulePlan& plan);    // pairing_journeys.cpp
SourceFile ending_journey_file(const ModulePlan& plan);    // pairing_journeys.cpp
SourceFile views_file(const ModulePlan& plan);             // generated_views.cpp

}  // namespace ectflow::bench
