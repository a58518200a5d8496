// The page in view, as data: title, questions with their options and errors, body text, links,
// check-answers rows with change links, actions and the back link.
#include "runtime/page.hpp"

#include <algorithm>

#include "runtime/session.hpp"

namespace ectflow::runtime {

const char* step_kind(model::StepKind kind) {
  switch (kind) {
    case model::StepKind::question: return "question";
    case model::StepKind::interstitial: return "interstitial";
    case model::StepKind::outcome: return "outcome";
    case model::StepKind::check_answers: return "check_answers";
    case model::StepKind::confirmation: return "confirmation";
  }
  return "question";
}

PageLink render_link(const model::Link& link, const model::Journey* journey, expr::Evaluator& eval,
                     expr::Evaluator::Frame& frame) {
  PageLink out;
  out.text = eval.text(link.text, frame);
  switch (link.target.kind) {
    case model::Target::Kind::step:
      out.kind = PageLink::Kind::step;
      out.target = journey ? journey->steps[link.target.step].name : link.target.name;
      break;
    case model::Target::Kind::complete: out.kind = PageLink::Kind::step; break;
    case model::Target::Kind::start_journey: out.kind = PageLink::Kind::start_journey; break;
    case model::Target::Kind::open_view: out.kind = PageLink::Kind::open_view; break;
  }
  if (link.target.kind != model::Target::Kind::step) out.target = link.target.name;
  if (link.target.with != model::kNoNode) out.record_id = eval.display(eval.eval(link.target.with, frame));
  return out;
}

Page render_page(const Engine& engine, const model::Journey& journey, const JourneyInstance& instance,
                 const Reads& reads, std::vector<std::string>& hook_problems) {
  Session session(engine, journey, reads, instance.actor_id, instance.subject_id, instance.answers,
                  instance.created);
  Page page = render_page(session, instance);
  hook_problems.insert(hook_problems.end(), session.hook_problems().begin(), session.hook_problems().end());
  return page;
}

bool back_goes_to_check_answers(const JourneyInstance& instance) {
  return instance.changing && instance.step != "check_answers" &&
         std::find(instance.path.begin(), instance.path.end(), "check_answers") != instance.path.end();
}

Page render_page(Session& session, const JourneyInstance& instance) {
  const model::Journey& journey = session.journey();
  auto& eval = session.eval();
  auto& frame = session.frame();
  const model::Step& step = journey.steps[journey.step_index.at(instance.step)];

  Page page;
  page.journey = journey.name;
  page.step = step.name;
  page.kind = step_kind(step.kind);
  page.completed = instance.completed;
  page.title = step.title != model::kNoNode ? eval.text(step.title, frame) : eval.text(journey.title, frame);
  if (step.kind == model::StepKind::check_answers && step.title == model::kNoNode) page.title = "Check your answers";
  page.errors = instance.errors;

  for (const model::Ask& ask : step.asks) {
    PageQuestion q;
    q.name = ask.name;
    q.label = ask.label != model::kNoNode ? eval.text(ask.label, frame)
              : step.asks.size() == 1     ? page.title
                                          : ask.name;
    q.kind = kind_name(ask.kind.kind);
    q.optional = ask.optional;
    if (auto e = instance.entered.find(ask.name); e != instance.entered.end()) q.value = e->second;
    else if (auto a = instance.answers.find(ask.name); a != instance.answers.end()) q.value = a->second;
    for (OfferedOption& o : session.options(ask)) {
      q.options.push_back({std::move(o.value), std::move(o.label), std::move(o.hint)});
    }
    if (auto e = instance.errors.find(ask.name); e != instance.errors.end()) {
      q.error_code = e->second;
      if (auto m = instance.error_messages.find(ask.name); m != instance.error_messages.end()) q.error_message = m->second;
    }
    page.questions.push_back(std::move(q));
  }
  for (const model::TextLine& line : step.texts) {
    if (eval.test(line.when, frame)) page.body.push_back(eval.text(line.text, frame));
  }
  for (const model::Link& link : step.links) {
    if (!eval.test(link.when, frame)) continue;
    (link.is_action ? page.actions : page.links).push_back(render_link(link, &journey, eval, frame));
  }
  if (step.inset != model::kNoNode) page.inset = eval.text(step.inset, frame);
  if (step.button != model::kNoNode) page.button = eval.text(step.button, frame);

  if (step.kind == model::StepKind::check_answers) {
    for (const std::string& shown : instance.path) {
      const model::Step& s = journey.steps[journey.step_index.at(shown)];
      for (const model::Ask& ask : s.asks) {
        auto answer = instance.answers.find(ask.name);
        // A row per answer given (DOMAIN.md): an optional question left blank has none.
        if (answer == instance.answers.end() || answer->second.empty()) continue;
        SummaryRow row;
        row.answer = ask.name;
        row.label = ask.label != model::kNoNode ? eval.text(ask.label, frame)
                    : s.asks.size() == 1       ? eval.text(s.title, frame)
                                               : ask.name;
        row.value = session.display_answer(ask, answer->second);
        bool fixed = std::find(step.unchangeable.begin(), step.unchangeable.end(), ask.slot) != step.unchangeable.end();
        if (!fixed) row.change_step = s.name;
        page.rows.push_back(std::move(row));
      }
    }
  }
  if (back_goes_to_check_answers(instance)) {
    page.back_step = "check_answers";
  } else if (instance.path.size() > 1 && step.kind != model::StepKind::confirmation) {
    page.back_step = instance.path[instance.path.size() - 2];
  }
  return page;
}

}  // namespace ectflow::runtime
