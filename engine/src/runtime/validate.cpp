#include "runtime/validate.hpp"

#include <algorithm>
#include <set>

#include "expr/builtins.hpp"
#include "expr/unicode.hpp"
#include "runtime/session.hpp"

namespace ectflow::runtime {
namespace {

using model::Value;

std::string trimmed(const std::string& text) {
  // The answer types trim white space (ECMAScript's, as `trim`); blank means nothing else is there.
  return std::get<std::string>(expr::call_builtin(0, {Value{text}}).v);
}

struct Failure {
  std::string code;
  std::string message;
};

// `{answer}` in a code stands for the answer's name.
std::string answer_code(const std::string& code, const model::Ask& ask) {
  std::string out = code;
  if (auto at = out.find("{answer}"); at != std::string::npos) out.replace(at, 8, ask.name);
  return out;
}

bool offers_options(const model::Ask& ask) {
  return ask.kind.kind == FieldKind::yes_no || ask.kind.choice || ask.options.collection != model::kNoNode ||
         !ask.fixed_options.empty();
}

// The answer type's pipeline (`type email based on text ...`): returns the normalised text, or
// the first failing rule.
std::variant<std::string, Failure> run_answer_type(const model::AnswerType& type, const model::Ask& ask,
                                                   std::string text, expr::Evaluator& eval) {
  auto frame = eval.frame(type.frame_size);
  auto code_for = [&](const std::string& code) { return answer_code(code, ask); };
  if (type.base == FieldKind::date) {
    auto date = Date::parse_iso(trimmed(text));
    if (!date) {
      if (type.invalid) {
        frame.slots[0] = Value{text};
        return Failure{code_for(type.invalid->code), eval.text(type.invalid->text, frame)};
      }
      return Failure{ask.name + "_invalid", "Enter a real date, for example 2025-09-01"};
    }
    text = date->iso();
  }
  for (const auto& clause : type.clauses) {
    frame.slots[0] = type.base == FieldKind::date ? Value{*Date::parse_iso(text)} : Value{text};
    Value result = eval.eval(clause.expr, frame);
    if (!clause.is_check) {
      if (const auto* s = std::get_if<std::string>(&result.v)) text = *s;
      continue;
    }
    if (!result.truthy()) return Failure{code_for(clause.message.code), eval.text(clause.message.text, frame)};
  }
  return text;
}

std::string blank_message(const model::Ask& ask, const model::Model& m, expr::Evaluator& eval,
                          expr::Evaluator::Frame& frame) {
  if (ask.blank_message != model::kNoNode) return eval.text(ask.blank_message, frame);
  if (ask.kind.answer_type) {
    const auto& type = m.answer_types[*ask.kind.answer_type];
    if (type.blank) {
      auto f = eval.frame(type.frame_size);
      return eval.text(type.blank->text, f);
    }
  }
  return ask.kind.kind == FieldKind::text || ask.kind.kind == FieldKind::number || ask.kind.kind == FieldKind::date
             ? "Enter an answer"
             : "Select an option";
}

std::string blank_code(const model::Ask& ask, const model::Model& m) {
  if (ask.kind.answer_type) {
    const auto& type = m.answer_types[*ask.kind.answer_type];
    if (type.blank) return type.blank->code;
  }
  return ask.name + "_blank";
}

}  // namespace

StepCheck check_step(Session& session, const model::Step& step, const std::map<std::string, std::string>& answered,
                     const Answers& submitted) {
  const model::Model& m = session.model();
  StepCheck result;
  auto& eval = session.eval();

  // 1 and 2: blank, then the answer type's rules and the value's own form.
  for (const model::Ask& ask : step.asks) {
    auto given = submitted.find(ask.name);
    std::string text = given == submitted.end() ? "" : given->second;
    auto fail = [&](std::string code, std::string message) {
      result.errors[ask.name] = std::move(code);
      result.messages[ask.name] = std::move(message);
    };
    if (trimmed(text).empty()) {
      if (ask.optional) {
        result.values[ask.name] = "";
      } else {
        fail(blank_code(ask, m), blank_message(ask, m, eval, session.frame()));
      }
      continue;
    }
    if (ask.kind.answer_type) {
      auto outcome = run_answer_type(m.answer_types[*ask.kind.answer_type], ask, text, eval);
      if (auto* failure = std::get_if<Failure>(&outcome)) {
        fail(failure->code, failure->message);
        continue;
      }
      text = std::get<std::string>(outcome);
    } else if (ask.kind.kind == FieldKind::date) {
      auto date = Date::parse_iso(trimmed(text));
      if (!date) {
        fail(ask.name + "_invalid", "Enter a real date, for example 2025-09-01");
        continue;
      }
      text = date->iso();
    } else if (ask.kind.kind == FieldKind::number) {
      text = trimmed(text);
      char* end = nullptr;
      std::strtod(text.c_str(), &end);
      if (!end || *end != '\0') {
        fail(ask.name + "_invalid", "Enter a number");
        continue;
      }
    } else if (ask.kind.kind == FieldKind::yes_no) {
      if (text == "true") text = "yes";
      if (text == "false") text = "no";
    }
    result.values[ask.name] = text;
  }

  // 3 and 4: the step's checks and the options, seeing this step's answers.
  std::map<std::string, std::string> answers = answered;
  for (const auto& [name, value] : result.values) answers[name] = value;
  session.use_answers(answers);
  // A choice that is not among the options fails after the step's checks (DOMAIN.md's order),
  // but a check on another answer that reads it would only add a confusing second error.
  std::set<std::string> not_offered;
  for (const model::Ask& ask : step.asks) {
    const auto value = result.values.find(ask.name);
    if (value == result.values.end() || value->second.empty() || !offers_options(ask)) continue;
    if (!session.offers(ask, value->second)) not_offered.insert(ask.name);
  }
  for (const model::Check& check : step.checks) {
    const std::string& name = step.asks.at(check.ask).name;
    if (result.errors.count(name)) continue;
    // A check reading an answer that failed its own checks would only add a confusing second error.
    const bool reads_a_failed_answer = std::any_of(check.reads.begin(), check.reads.end(), [&](std::uint32_t ask) {
      const std::string& read = step.asks.at(ask).name;
      return result.errors.count(read) > 0 || (read != name && not_offered.count(read) > 0);
    });
    if (reads_a_failed_answer) continue;
    if (!eval.test(check.condition, session.frame())) {
      result.errors[name] = check.message.code;
      result.messages[name] = eval.text(check.message.text, session.frame());
    }
  }
  for (const model::Ask& ask : step.asks) {
    if (result.errors.count(ask.name) || result.values[ask.name].empty()) continue;
    if (not_offered.count(ask.name)) {
      result.errors[ask.name] = "invalid_choice";
      result.messages[ask.name] = "Select an option";
    }
  }
  return result;
}

std::vector<std::string> possible_error_codes(const model::Model& m, const model::Step& step) {
  std::vector<std::string> codes;
  auto add = [&](const std::string& code) {
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
  };
  for (const model::Ask& ask : step.asks) {
    if (!ask.optional) add(blank_code(ask, m));
    if (ask.kind.answer_type) {
      const model::AnswerType& type = m.answer_types[*ask.kind.answer_type];
      if (type.base == FieldKind::date) add(type.invalid ? answer_code(type.invalid->code, ask) : ask.name + "_invalid");
      for (const auto& clause : type.clauses) {
        if (clause.is_check) add(answer_code(clause.message.code, ask));
      }
    } else if (ask.kind.kind == FieldKind::date || ask.kind.kind == FieldKind::number) {
      add(ask.name + "_invalid");
    }
  }
  for (const model::Check& check : step.checks) add(check.message.code);
  for (const model::Ask& ask : step.asks) {
    if (offers_options(ask)) add("invalid_choice");
  }
  return codes;
}

}  // namespace ectflow::runtime
