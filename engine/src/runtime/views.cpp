// Record pages as data: a view's title, body, actions, and named lists of rows, each row with
// its status, text and actions, following the data.
#include "ectflow/engine.hpp"
#include "expr/eval.hpp"
#include "runtime/engine_internals.hpp"
#include "runtime/page.hpp"

namespace ectflow {
namespace {

ViewResult view_problem(std::string code, std::string problem) {
  ViewResult r;
  r.problem_code = std::move(code);
  r.problem = std::move(problem);
  return r;
}

}  // namespace

ViewResult show_view(const Engine& engine, std::string_view name, const RunContext& context,
                     const std::optional<std::string>& record_id) {
  const model::Model& m = engine.model();
  auto it = m.view_index.find(std::string(name));
  if (it == m.view_index.end()) return view_problem("unknown-view", "there is no view named " + std::string(name));
  const model::View& view = m.views[it->second];
  const Record* actor = context.store.find(view.actor, context.actor_id);
  if (!actor) return view_problem("unknown-actor", "there is no " + m.records[view.actor].schema.name + " " + context.actor_id);

  std::vector<std::string> hook_problems;
  std::unique_ptr<expr::HookCaller> hooks;
  if (engine.internals().hook_caller) hooks = engine.internals().hook_caller(hook_problems);
  expr::Evaluator eval(m, context.store, context.today, hooks.get(), context.teachers);
  auto frame = eval.frame(view.frame_size);
  frame.slots[0] = model::Value{model::RecordRef{view.actor, actor}};
  if (view.from) {
    const std::string& type = m.records[*view.from].schema.name;
    if (!record_id) return view_problem("missing-record", "the " + std::string(name) + " view shows one " + type + ": say which");
    const Record* subject = context.store.find(*view.from, *record_id);
    if (!subject) return view_problem("unknown-record", "there is no " + type + " " + *record_id);
    auto school = m.records[*view.from].schema.slot("school_id");
    if (school && std::holds_alternative<std::string>(subject->fields[*school]) &&
        std::get<std::string>(subject->fields[*school]) != context.actor_id) {
      return view_problem("not-yours", *record_id + " is not at " + context.actor_id);
    }
    frame.slots[1] = model::Value{model::RecordRef{*view.from, subject}};
  }

  ViewResult result;
  result.ok = true;
  ViewPage& page = result.page;
  page.view = view.name;
  page.title = eval.text(view.title, frame);
  for (const model::TextLine& line : view.texts) {
    if (eval.test(line.when, frame)) page.body.push_back(eval.text(line.text, frame));
  }
  for (const model::Link& action : view.actions) {
    if (eval.test(action.when, frame)) page.actions.push_back(runtime::render_link(action, nullptr, eval, frame));
  }
  for (const model::ViewList& list : view.lists) {
    ViewList out;
    out.name = list.name;
    for (const model::Value& item : eval.select(list.rows, frame)) {
      frame.slots[list.rows.slot] = item;
      ViewRow row;
      row.id = eval.display(item);
      if (const auto* ref = std::get_if<model::RecordRef>(&item.v); ref && ref->record) {
        if (auto slot = m.records[ref->type].schema.slot("name")) {
          std::string name = eval.display(expr::Evaluator::from_field(ref->record->fields[*slot]));
          if (!name.empty()) row.name = std::move(name);
        }
      }
      if (list.status != model::kNoNode) {
        model::Value status = eval.eval(list.status, frame);
        if (const auto* s = std::get_if<model::StatusRef>(&status.v)) {
          row.status = (*s)->code;
          row.label = (*s)->label;
          if (!(*s)->reason.empty()) row.reason = (*s)->reason;
        }
      }
      for (const model::TextLine& line : list.texts) {
        if (eval.test(line.when, frame)) {
          row.text = eval.text(line.text, frame);
          break;
        }
      }
      for (const model::Link& action : list.actions) {
        if (eval.test(action.when, frame)) row.actions.push_back(runtime::render_link(action, nullptr, eval, frame));
      }
      out.rows.push_back(std::move(row));
    }
    page.lists.push_back(std::move(out));
  }
  return result;
}

}  // namespace ectflow
