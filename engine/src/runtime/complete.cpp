// Completing a journey: inside one store transaction, check the answers again against the
// records as they are now, then apply the journey's effects. A failed re-check is a conflict.
#include "runtime/complete.hpp"

#include <algorithm>

#include "runtime/session.hpp"
#include "runtime/validate.hpp"

namespace ectflow::runtime {
namespace {

using model::Value;

FieldValue to_field(const Value& value, const FieldSchema& field, const model::Model& m) {
  return std::visit(
      [&](const auto& v) -> FieldValue {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return std::monostate{};
        } else if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, double> || std::is_same_v<T, Date>) {
          return v;
        } else if constexpr (std::is_same_v<T, std::string>) {
          if (v.empty()) return std::monostate{};
          return v;
        } else if constexpr (std::is_same_v<T, model::RecordRef>) {
          if (!v.record) return std::monostate{};
          return v.record->id(m.records[v.type].schema);
        } else if constexpr (std::is_same_v<T, model::StatusRef>) {
          return v->code;
        } else if constexpr (std::is_same_v<T, model::ValueList>) {
          auto list = std::make_shared<FieldList>();
          if (v) {
            for (const Value& item : *v) list->items.push_back(to_field(item, field, m));
          }
          return std::shared_ptr<const FieldList>(list);
        } else {
          return std::monostate{};
        }
      },
      value.v);
}

class EffectRunner {
 public:
  EffectRunner(Session& session, StoreTransaction& txn, std::map<std::string, std::string>& created)
      : s_(session), txn_(txn), created_(created) {}

  void run(const model::Effect& effect) {
    auto& eval = s_.eval();
    auto& frame = s_.frame();
    const model::Model& m = s_.model();
    switch (effect.kind) {
      case model::Effect::Kind::create: {
        if (!eval.test(effect.when, frame)) return;
        const RecordSchema& schema = m.records[effect.type].schema;
        Record record;
        record.fields.resize(schema.fields.size());
        assign(record, schema, effect);
        if (std::holds_alternative<std::monostate>(record.fields[schema.key])) {
          record.fields[schema.key] = txn_.new_id(effect.type);
        }
        std::string id = record.id(schema);
        txn_.apply(RecordChange{RecordChange::Kind::create, effect.type, std::move(record)});
        if (effect.has_binding) {
          frame.slots[effect.binding_slot] = Value{id};
          for (const auto& [name, slot] : s_.journey().created) {
            if (slot == effect.binding_slot) created_[name] = id;
          }
        }
        return;
      }
      case model::Effect::Kind::update:
      case model::Effect::Kind::remove: {
        if (!eval.test(effect.when, frame)) return;
        const Record* current = eval.resolve(eval.eval(effect.target, frame), effect.type);
        if (!current) return;
        Record record = *current;
        if (effect.kind == model::Effect::Kind::update) assign(record, m.records[effect.type].schema, effect);
        auto kind = effect.kind == model::Effect::Kind::update ? RecordChange::Kind::update : RecordChange::Kind::remove;
        txn_.apply(RecordChange{kind, effect.type, std::move(record)});
        return;
      }
      case model::Effect::Kind::for_each: {
        for (Value& item : eval.sequence(effect.target, frame)) {
          frame.slots[effect.binding_slot] = item;
          if (!eval.test(effect.when, frame)) continue;
          for (const model::Effect& inner : effect.body) {
            run(inner);
            frame.slots[effect.binding_slot] = item;
          }
        }
        return;
      }
    }
  }

 private:
  void assign(Record& record, const RecordSchema& schema, const model::Effect& effect) {
    for (const auto& [slot, value] : effect.assignments) {
      record.fields[slot] = to_field(s_.eval().eval(value, s_.frame()), schema.fields[slot], s_.model());
    }
  }

  Session& s_;
  StoreTransaction& txn_;
  std::map<std::string, std::string>& created_;
};

}  // namespace

Completion complete_journey(const Engine& engine, const model::Journey& journey, const JourneyInstance& instance,
                            const RunContext& context) {
  Completion out;
  Store::CommitResult commit = context.store.transact([&](StoreTransaction& txn) {
    // One session for the whole completion: the checks again, then the effects.
    Session session(engine, journey, Reads{txn, context.today, context.teachers}, instance.actor_id,
                    instance.subject_id, instance.answers, instance.created);
    auto keep_problems = [&] {
      out.hook_problems.insert(out.hook_problems.end(), session.hook_problems().begin(), session.hook_problems().end());
    };
    // The records may have changed since the person answered: every answer must still hold.
    for (const std::string& shown : instance.path) {
      const model::Step& step = journey.steps[journey.step_index.at(shown)];
      if (step.asks.empty()) continue;
      Answers given;
      for (const model::Ask& ask : step.asks) {
        if (auto a = instance.answers.find(ask.name); a != instance.answers.end()) given[ask.name] = a->second;
      }
      StepCheck again = check_step(session, step, instance.answers, given);
      if (!again.ok()) {
        keep_problems();
        const auto& [answer, message] = *again.messages.begin();
        out.conflict = "Something changed while you were answering (" + answer + "): " + message;
        return false;
      }
      // Checking again normalises again, which gives the same text: the session's answers are
      // still the instance's. If a rule ever changed one, evaluate with the instance's again.
      const bool same = std::all_of(again.values.begin(), again.values.end(), [&](const auto& value) {
        auto held = instance.answers.find(value.first);
        return held != instance.answers.end() && held->second == value.second;
      });
      if (!same) session.use_answers(instance.answers);
    }
    session.use_answers(instance.answers);  // no `let` worked out above outlives the checks
    if (!session.eval().test(journey.start_when, session.frame())) {
      keep_problems();
      out.conflict = "Something changed while you were answering: this can no longer be done for this record";
      return false;
    }
    EffectRunner runner(session, txn, out.created);
    for (const model::Effect& effect : journey.on_complete) runner.run(effect);
    keep_problems();
    return true;
  });
  out.committed = commit.committed;
  if (!commit.conflict.empty()) out.conflict = "Someone else changed these records first: " + commit.conflict;
  return out;
}

}  // namespace ectflow::runtime
