// journey_outlines: each journey's steps, where their `next`s go and the codes they can show.
#include "ectflow/engine.hpp"
#include "runtime/page.hpp"
#include "runtime/session.hpp"
#include "runtime/validate.hpp"

namespace ectflow {
namespace {

std::string target_name(const model::Journey& journey, const model::Target& target) {
  switch (target.kind) {
    case model::Target::Kind::step: return journey.steps[target.step].name;
    case model::Target::Kind::complete: return "complete";
    case model::Target::Kind::start_journey: return "start " + target.name;
    case model::Target::Kind::open_view: return "view " + target.name;
  }
  return target.name;
}

QuestionOutline question(const model::Model& m, const model::Ask& ask) {
  QuestionOutline q{ask.name, runtime::kind_name(ask.kind.kind), "", ask.optional};
  if (ask.kind.answer_type) q.type_name = m.answer_types[*ask.kind.answer_type].name;
  else if (ask.kind.choice) q.type_name = m.choices[*ask.kind.choice].name;
  else if (ask.kind.record) q.type_name = m.records[*ask.kind.record].schema.name;
  return q;
}

}  // namespace

std::vector<JourneyOutline> journey_outlines(const Engine& engine) {
  const model::Model& m = engine.model();
  std::vector<JourneyOutline> out;
  for (const model::Journey& journey : m.journeys) {
    JourneyOutline outline{journey.name, journey.from ? m.records[*journey.from].schema.name : "",
                           m.records[journey.actor].schema.name, {}};
    for (const model::Step& step : journey.steps) {
      StepOutline s{step.name, runtime::step_kind(step.kind), {}, runtime::possible_error_codes(m, step), {}, {}};
      for (const model::Next& next : step.nexts) s.nexts.push_back(target_name(journey, next.target));
      for (const model::Ask& ask : step.asks) s.questions.push_back(question(m, ask));
      for (const model::Link& link : step.links) {
        if (link.target.kind == model::Target::Kind::step) s.links.push_back(journey.steps[link.target.step].name);
      }
      outline.steps.push_back(std::move(s));
    }
    out.push_back(std::move(outline));
  }
  return out;
}

}  // namespace ectflow
