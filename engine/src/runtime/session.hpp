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

  // The value an answer's text stands for, by the question's kind (a date, yes or no, ...).
  model::Value answer_value(const model::Ask& ask, const std::string& text) const;
  // The options a choice question offers now, in display order.
  std::vector<OfferedOption> options(const model::Ask& ask);
  // The label of the option `value` (a choice's label, a chosen record's label), or the value.
  std::string display_answer(const model::Ask& ask, const std::string& value);
  const model::Ask* ask_for_slot(std::uint32_t slot) const;

 private:
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
