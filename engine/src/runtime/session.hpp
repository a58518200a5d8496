// One evaluation of a journey: its model, the store view, today, the answers as values and the
// frame (who acts, the record it started from, the records it created). Built per request.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ectflow/engine.hpp"
#include "expr/eval.hpp"
#include "model/model.hpp"

namespace ectflow::runtime {

struct OfferedOption {
  std::string value;
  std::string label;
  std::optional<std::string> hint;
};

// What an evaluation reads: the records (a store, or a transaction's view), today, and where
// teachers are looked up.
struct Reads {
  const RecordReader& store;
  Date today;
  const TeacherDirectory* teachers = nullptr;
};

class Session {
 public:
  Session(const Engine& engine, const model::Journey& journey, const Reads& reads,
          const std::string& actor_id, const std::string& subject_id,
          const std::map<std::string, std::string>& answers, const std::map<std::string, std::string>& created);

  const model::Model& model() const { return model_; }
  const model::Journey& journey() const { return journey_; }
  expr::Evaluator& eval() { return *eval_; }
  expr::Evaluator::Frame& frame() { return frame_; }
  std::vector<std::string>& hook_problems() { return hook_problems_; }

  // Evaluates with these answers from now on (a request's answers once a step's are accepted):
  // one session serves a whole request, instead of one per answer set.
  void use_answers(const std::map<std::string, std::string>& answers);

  // The value an answer's text stands for, by the question's kind (a date, yes or no, ...).
  model::Value answer_value(const model::Ask& ask, const std::string& text) const;
  // The options a choice question offers now, in display order.
  std::vector<OfferedOption> options(const model::Ask& ask);
  // Whether `value` is one of the options the question offers now, without building them all
  // (no labels, hints or sorting): what validating and re-checking an answer need.
  bool offers(const model::Ask& ask, const std::string& value);
  // The label of the option `value` (a choice's label, a chosen record's label), or the value.
  std::string display_answer(const model::Ask& ask, const std::string& value);
  const model::Ask* ask_for_slot(std::uint32_t slot) const;

 private:
  // The record option whose value is `value`, found by its id: set when the options are records
  // of a collection valued by their ids (the usual `options m in mentors where ...`).
  enum class Lookup { found, absent, not_by_id };
  Lookup find_record_option(const model::Ask& ask, const std::string& value, model::Value& item);
  // The first option from `options VAR in ...` whose value is `value`, in display order.
  std::optional<model::Value> find_selected_option(const model::Ask& ask, const std::string& value);
  bool offers_fixed(const model::Ask& ask, const std::string& value, std::string* label);
  void read_answers(const std::map<std::string, std::string>& answers);

  const RecordReader& store_;
  const model::Model& model_;
  const model::Journey& journey_;
  std::vector<std::string> hook_problems_;
  std::unique_ptr<expr::HookCaller> hooks_;
  std::unique_ptr<expr::Evaluator> eval_;
  expr::AnswerValues answers_;
  expr::Evaluator::Frame frame_;
};

const char* kind_name(FieldKind kind);

}  // namespace ectflow::runtime
