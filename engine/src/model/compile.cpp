// The model compiler: resolves every name of the checked flows to a slot, once, at load.
#include "model/compile.hpp"

#include <stdexcept>

#include "check/builtins.hpp"
#include "model/compile_scope.hpp"

namespace ectflow::model {
namespace {

using namespace syntax;
using CK = check::Type::Kind;

std::uint32_t attached_ask_impl(const syntax::Expr& condition, const syntax::Step& step);
std::vector<std::uint32_t> asks_read_impl(const syntax::Expr& condition, const syntax::Step& step);
static void collect_names(const syntax::Expr& e, std::vector<std::string>& out);

class Compiler {
 public:
  Compiler(const check::CheckFacts& facts, Model& model) : facts_(facts), m_(model) {}

  void run(const std::vector<const FlowFile*>& files) {
    for (const FlowFile* file : files) index(*file);
    for (std::size_t i = 0; i < hook_decls_.size(); ++i) {
      Hook& hook = m_.hooks[i];
      const TypeRef& result = hook_decls_[i]->result;
      hook.result = answer_kind(result);
      hook.result_is_list = result.is_list;
      hook.result_is_status = result.name.text == "status";
    }
    for (const FlowFile* file : files) {
      for (const auto& d : file->declarations) {
        if (const auto* r = std::get_if<RecordDecl>(&d)) record_rules(*r);
        if (const auto* t = std::get_if<TypeDecl>(&d)) answer_type(*t);
        if (const auto* r = std::get_if<RuleDecl>(&d)) rule(*r);
      }
    }
    for (const FlowFile* file : files) {
      for (const auto& d : file->declarations) {
        if (const auto* j = std::get_if<syntax::Journey>(&d)) journey(*j);
        if (const auto* v = std::get_if<syntax::View>(&d)) view(*v);
      }
    }
  }

 private:
  // ---- declarations by name ----

  void index(const FlowFile& file) {
    for (const auto& d : file.declarations) {
      if (const auto* r = std::get_if<RecordDecl>(&d)) {
        m_.record_index[r->name.text] = static_cast<RecordTypeId>(m_.records.size());
        RecordType type;
        type.schema.name = r->name.text;
        type.schema.plural = r->plural.empty() ? r->name.text + "s" : r->plural.text;
        m_.records.push_back(std::move(type));
        record_decls_.push_back(r);
        collections_[m_.records.back().schema.plural] = m_.record_index[r->name.text];
      } else if (const auto* c = std::get_if<ChoiceDecl>(&d)) {
        Choice choice{c->name.text, {}};
        for (const auto& v : c->values) choice.values.emplace_back(v.value.text, literal_text(*v.label));
        choice_index_[c->name.text] = static_cast<std::uint32_t>(m_.choices.size());
        m_.choices.push_back(std::move(choice));
      } else if (const auto* t = std::get_if<TypeDecl>(&d)) {
        type_index_[t->name.text] = static_cast<std::uint32_t>(m_.answer_types.size());
        AnswerType type;
        type.name = t->name.text;
        type.base = t->base.text == "number" ? FieldKind::number
                    : t->base.text == "date" ? FieldKind::date
                                             : FieldKind::text;
        m_.answer_types.push_back(std::move(type));
      } else if (const auto* h = std::get_if<HookDecl>(&d)) {
        Hook hook;
        hook.name = h->name.text;
        hook.file = h->file;
        hook.file_span = h->file_span;
        for (const auto& p : h->params) hook.params.push_back(p.name.text);
        hook_decls_.push_back(h);
        hook_index_[h->name.text] = static_cast<std::uint32_t>(m_.hooks.size());
        m_.hooks.push_back(std::move(hook));
      } else if (const auto* r = std::get_if<RuleDecl>(&d)) {
        rule_index_[r->name.text] = static_cast<std::uint32_t>(m_.rules.size());
        m_.rules.push_back(Rule{r->name.text, kNoNode, 0});
      } else if (const auto* j = std::get_if<syntax::Journey>(&d)) {
        m_.journey_index[j->name.text] = static_cast<std::uint32_t>(m_.journey_index.size());
      } else if (const auto* v = std::get_if<syntax::View>(&d)) {
        m_.view_index[v->name.text] = static_cast<std::uint32_t>(m_.view_index.size());
      }
    }
    m_.journeys.resize(m_.journey_index.size());
    m_.views.resize(m_.view_index.size());
    // Stored fields need every record and type known, so they come after the whole file set.
    for (const RecordDecl* r : record_decls_) {
      RecordType& type = m_.records[m_.record_index.at(r->name.text)];
      if (!type.schema.fields.empty() || !type.derived_names.empty()) continue;
      for (const auto& f : r->fields) {
        if (f.derived) {
          type.derived_names.push_back(f.name.text);
        } else {
          type.schema.fields.push_back(field_schema(f.name.text, f.type));
        }
      }
      if (!r->keys.empty()) {
        if (auto slot = type.schema.slot(r->keys.front().text)) type.schema.key = *slot;
      }
    }
  }

  FieldSchema field_schema(const std::string& name, const TypeRef& ref) const {
    FieldSchema f;
    f.name = name;
    f.is_list = ref.is_list;
    f.kind = answer_kind(ref).kind;
    f.type_name = ref.name.text;
    return f;
  }

  AnswerKind answer_kind(const TypeRef& ref) const {
    AnswerKind k;
    const std::string& n = ref.name.text;
    if (n == "number") k.kind = FieldKind::number;
    else if (n == "date") k.kind = FieldKind::date;
    else if (n == "yes_no") k.kind = FieldKind::yes_no;
    else if (auto c = choice_index_.find(n); c != choice_index_.end()) {
      k.kind = FieldKind::choice;
      k.choice = c->second;
    } else if (auto r = m_.record_index.find(n); r != m_.record_index.end()) {
      k.kind = FieldKind::reference;
      k.record = r->second;
    } else if (auto t = type_index_.find(n); t != type_index_.end()) {
      k.kind = m_.answer_types[t->second].base;
      k.answer_type = t->second;
    }
    return k;
  }

  static std::string literal_text(const Expr& e) {
    std::string out;
    if (const auto* t = std::get_if<Template>(&e.node)) {
      for (const auto& part : t->parts) {
        if (const auto* s = std::get_if<std::string>(&part)) out += *s;
      }
    }
    return out;
  }

  // ---- expressions ----

  const check::Type& type_of(const Expr& e) const {
    static const check::Type unknown;
    auto it = facts_.types.find(e.id);
    return it == facts_.types.end() ? unknown : it->second;
  }

  RecordTypeId record_of(const check::Type& t) const { return m_.record_index.at(t.name); }

  NodeId add(Node n) { return m_.arena.add(std::move(n)); }

  NodeId constant(Value v) {
    Node n;
    n.op = Op::constant;
    n.constant = std::move(v);
    return add(std::move(n));
  }

  NodeId unary(Op op, NodeId a) {
    Node n;
    n.op = op;
    n.a = a;
    return add(std::move(n));
  }

  NodeId field_of(NodeId object, RecordTypeId type, const std::string& field) {
    const RecordType& r = m_.records[type];
    Node n;
    n.a = object;
    n.type = type;
    if (auto slot = r.schema.slot(field)) {
      n.op = Op::field;
      n.slot = static_cast<std::uint32_t>(*slot);
      return add(std::move(n));
    }
    for (std::uint32_t i = 0; i < r.derived_names.size(); ++i) {
      if (r.derived_names[i] == field) {
        n.op = Op::derived_field;
        n.slot = i;
        return add(std::move(n));
      }
    }
    const RecordDecl* decl = record_decls_[type];
    for (std::uint32_t i = 0; i < decl->statuses.size(); ++i) {
      if (decl->statuses[i].name.text == field) {
        n.op = Op::status_field;
        n.slot = i;
        return add(std::move(n));
      }
    }
    throw std::logic_error("compile: unknown field " + field);
  }

  NodeId name(const Expr& e, const std::string& text, const Scope& scope) {
    if (const Symbol* s = scope.find(text)) {
      Node n;
      n.slot = s->index;
      switch (s->kind) {
        case Symbol::Kind::answer: n.op = Op::answer; break;
        case Symbol::Kind::local: n.op = Op::local; break;
        case Symbol::Kind::let: n.op = Op::let; break;
        case Symbol::Kind::field_of_this: {
          Node self;
          self.op = Op::local;
          self.slot = 0;
          return field_of(add(std::move(self)), s->type, text);
        }
      }
      return add(std::move(n));
    }
    if (auto c = facts_.constants.find(e.id); c != facts_.constants.end()) return constant(Value{c->second});
    if (auto c = collections_.find(text); c != collections_.end()) {
      Node n;
      n.op = Op::collection;
      n.type = c->second;
      return add(std::move(n));
    }
    throw std::logic_error("compile: unresolved name " + text);
  }

  NodeId expr(const Expr& e, const Scope& scope, Frame& frame) {
    return std::visit([&](const auto& node) { return compile(e, node, scope, frame); }, e.node);
  }

  NodeId compile(const Expr&, const Literal& lit, const Scope&, Frame&) {
    switch (lit.kind) {
      case Literal::Kind::number: return constant(Value{std::stod(lit.text)});
      case Literal::Kind::date: return constant(Value{*Date::parse_iso(lit.text)});
      case Literal::Kind::yes: return constant(Value{true});
      case Literal::Kind::no: return constant(Value{false});
      case Literal::Kind::empty: return constant(Value{});
      case Literal::Kind::today: {
        Node n;
        n.op = Op::today;
        return add(std::move(n));
      }
    }
    return constant(Value{});
  }

  NodeId compile(const Expr&, const Template& t, const Scope& scope, Frame& frame) {
    Node n;
    n.op = Op::text;
    for (const auto& part : t.parts) {
      if (const auto* s = std::get_if<std::string>(&part)) {
        n.children.push_back(constant(Value{*s}));
      } else {
        const Expr& inner = *std::get<ExprPtr>(part);
        NodeId value = expr(inner, scope, frame);
        const check::Type& type = type_of(inner);
        if (type.kind == CK::choice && !type.list) {
          Node label;
          label.op = Op::choice_label;
          label.a = value;
          label.slot = choice_index_.at(type.name);
          value = add(std::move(label));
        }
        n.children.push_back(value);
      }
    }
    return add(std::move(n));
  }

  NodeId compile(const Expr&, const syntax::Duration& d, const Scope&, Frame&) {
    int amount = std::stoi(d.amount);
    model::Duration value;
    if (d.unit == DateUnit::days) value.days = amount;
    else if (d.unit == DateUnit::months) value.months = amount;
    else value.months = 12 * amount;
    return constant(Value{value});
  }

  NodeId compile(const Expr& e, const NameRef& ref, const Scope& scope, Frame&) {
    return name(e, ref.name, scope);
  }

  NodeId compile(const Expr&, const FieldAccess& access, const Scope& scope, Frame& frame) {
    NodeId object = expr(*access.object, scope, frame);
    const check::Type& t = type_of(*access.object);
    if (t.kind == CK::status) {
      Node n;
      n.op = Op::status_part;
      n.a = object;
      n.slot = access.field.text == "code" ? 0 : access.field.text == "label" ? 1 : 2;
      return add(std::move(n));
    }
    return field_of(object, record_of(t), access.field.text);
  }

  NodeId compile(const Expr&, const Call& call, const Scope& scope, Frame& frame) {
    Node n;
    for (const auto& arg : call.args) n.children.push_back(expr(*arg, scope, frame));
    const std::string& callee = call.callee.text;
    if (check::find_builtin(callee)) {
      auto names = check::builtin_names();
      n.op = Op::call_builtin;
      n.slot = static_cast<std::uint32_t>(std::find(names.begin(), names.end(), callee) - names.begin());
    } else if (auto r = rule_index_.find(callee); r != rule_index_.end()) {
      n.op = Op::call_rule;
      n.slot = r->second;
    } else {
      n.op = Op::call_hook;
      n.slot = hook_index_.at(callee);
    }
    return add(std::move(n));
  }

  NodeId compile(const Expr&, const Unary& u, const Scope& scope, Frame& frame) {
    return unary(u.op == UnaryOp::not_ ? Op::not_ : Op::negate, expr(*u.operand, scope, frame));
  }

  NodeId compile(const Expr&, const Binary& b, const Scope& scope, Frame& frame) {
    static const Op ops[] = {Op::or_, Op::and_, Op::eq, Op::ne,  Op::lt,  Op::le,  Op::gt,
                             Op::ge,  Op::in,   Op::matches, Op::add, Op::sub, Op::mul, Op::div};
    Node n;
    n.op = ops[static_cast<int>(b.op)];
    n.a = expr(*b.lhs, scope, frame);
    if (b.op == BinaryOp::matches) {
      n.slot = static_cast<std::uint32_t>(m_.arena.patterns.size());
      m_.arena.patterns.emplace_back("^(?:" + literal_text(*b.rhs) + ")$", std::regex::ECMAScript);
    } else {
      n.b = expr(*b.rhs, scope, frame);
    }
    return add(std::move(n));
  }

  NodeId compile(const Expr&, const IsTest& test, const Scope& scope, Frame& frame) {
    Node n;
    if (test.what == IsWhat::asked) {
      n.op = Op::is_asked;
      n.slot = scope.find(std::get<NameRef>(test.subject->node).name)->index;
    } else {
      n.op = test.what == IsWhat::empty ? Op::is_empty : Op::is_open;
      n.a = expr(*test.subject, scope, frame);
      if (test.what == IsWhat::open) n.type = record_of(type_of(*test.subject));
    }
    NodeId id = add(std::move(n));
    return test.negated ? unary(Op::not_, id) : id;
  }

  NodeId compile(const Expr&, const IfThenElse& i, const Scope& scope, Frame& frame) {
    Node n;
    n.op = Op::if_;
    n.a = expr(*i.condition, scope, frame);
    n.b = expr(*i.then_value, scope, frame);
    n.c = expr(*i.else_value, scope, frame);
    return add(std::move(n));
  }

  NodeId compile(const Expr&, const ListLiteral& list, const Scope& scope, Frame& frame) {
    Node n;
    n.op = Op::list;
    for (const auto& item : list.items) n.children.push_back(expr(*item, scope, frame));
    return add(std::move(n));
  }

  // `first x in C where x.KEY = E` (E not reading x) is a lookup by key: no scan of C.
  std::optional<NodeId> key_lookup(const Query& q, const Scope& scope, Frame& frame) {
    const auto* collection = std::get_if<NameRef>(&q.collection->node);
    const auto* where = q.where ? std::get_if<Binary>(&q.where->node) : nullptr;
    if (q.kind != syntax::QueryKind::first || !q.sort.empty() || !collection || !where || where->op != BinaryOp::eq ||
        scope.find(collection->name)) {
      return std::nullopt;
    }
    auto type = collections_.find(collection->name);
    if (type == collections_.end()) return std::nullopt;
    const RecordSchema& schema = m_.records[type->second].schema;
    auto is_key_of_variable = [&](const Expr& e) {
      const auto* access = std::get_if<FieldAccess>(&e.node);
      const auto* object = access ? std::get_if<NameRef>(&access->object->node) : nullptr;
      return object && object->name == q.variable.text && schema.slot(access->field.text) == schema.key;
    };
    auto reads_variable = [&](const Expr& e) {
      std::vector<std::string> names;
      collect_names(e, names);
      return std::find(names.begin(), names.end(), q.variable.text) != names.end();
    };
    const Expr* key = is_key_of_variable(*where->lhs)   ? where->rhs.get()
                      : is_key_of_variable(*where->rhs) ? where->lhs.get()
                                                        : nullptr;
    if (!key || reads_variable(*key)) return std::nullopt;
    Node n;
    n.op = Op::lookup;
    n.type = type->second;
    n.a = expr(*key, scope, frame);
    return add(std::move(n));
  }

  // `x.F = E and …` over a record collection, F a stored text, choice or reference field and E
  // not reading x: the store gives the records whose F is E (an index), and the whole `where`
  // then decides among them. Sets the node's index_slot and index_key. The first such conjunct
  // in writing order is used; when it is `lower(x.F) = E` (F a text), lower_slot and lower_key
  // are set too, for stores that index lowercased text, and the first exact one is the fallback.
  void index_hint(const Name& variable, const Expr& collection_expr, const Expr* where, Node& n, const Scope& scope,
                  Frame& frame) {
    const auto* collection = std::get_if<NameRef>(&collection_expr.node);
    if (!collection || !where || scope.find(collection->name)) return;
    auto type = collections_.find(collection->name);
    if (type == collections_.end()) return;
    const RecordSchema& schema = m_.records[type->second].schema;
    std::vector<const Expr*> conjuncts;
    std::vector<const Expr*> pending = {where};
    while (!pending.empty()) {
      const Expr* e = pending.back();
      pending.pop_back();
      const auto* b = std::get_if<Binary>(&e->node);
      if (b && b->op == BinaryOp::and_) {
        pending.push_back(b->rhs.get());
        pending.push_back(b->lhs.get());
      } else {
        conjuncts.push_back(e);
      }
    }
    auto indexable_field = [&](const Expr& e) -> std::optional<std::size_t> {
      const auto* access = std::get_if<FieldAccess>(&e.node);
      const auto* object = access ? std::get_if<NameRef>(&access->object->node) : nullptr;
      if (!object || object->name != variable.text) return std::nullopt;
      auto slot = schema.slot(access->field.text);
      if (!slot) return std::nullopt;
      const FieldSchema& field = schema.fields[*slot];
      const bool text_like = field.kind == FieldKind::text || field.kind == FieldKind::choice ||
                             field.kind == FieldKind::reference;
      if (!text_like || field.is_list) return std::nullopt;
      return slot;
    };
    auto reads_variable = [&](const Expr& e) {
      std::vector<std::string> names;
      collect_names(e, names);
      return std::find(names.begin(), names.end(), variable.text) != names.end();
    };
    auto lowered_field = [&](const Expr& e) -> std::optional<std::size_t> {
      const auto* call = std::get_if<Call>(&e.node);
      if (!call || call->callee.text != "lower" || call->args.size() != 1) return std::nullopt;
      auto slot = indexable_field(*call->args[0]);
      if (!slot || schema.fields[*slot].kind != FieldKind::text) return std::nullopt;
      return slot;
    };
    for (const Expr* conjunct : conjuncts) {
      const auto* eq = std::get_if<Binary>(&conjunct->node);
      if (!eq || eq->op != BinaryOp::eq) continue;
      for (auto [field_side, value_side] : {std::pair{eq->lhs.get(), eq->rhs.get()}, std::pair{eq->rhs.get(), eq->lhs.get()}}) {
        if (reads_variable(*value_side)) continue;
        if (auto lowered = lowered_field(*field_side); lowered && n.lower_key == kNoNode && n.index_key == kNoNode) {
          n.lower_slot = static_cast<std::uint32_t>(*lowered);
          n.lower_key = expr(*value_side, scope, frame);
          n.type = type->second;
          break;
        }
        auto slot = indexable_field(*field_side);
        if (!slot) continue;
        n.index_slot = static_cast<std::uint32_t>(*slot);
        n.index_key = expr(*value_side, scope, frame);
        n.index_is_where = conjuncts.size() == 1;
        m_.records[type->second].schema.fields[*slot].looked_up = true;
        n.type = type->second;
        return;
      }
    }
  }

  NodeId compile(const Expr&, const Query& q, const Scope& scope, Frame& frame) {
    if (auto lookup = key_lookup(q, scope, frame)) return *lookup;
    Node n;
    n.op = Op::query;
    n.kind = static_cast<std::uint8_t>(q.kind);
    n.a = expr(*q.collection, scope, frame);
    index_hint(q.variable, *q.collection, q.where.get(), n, scope, frame);
    n.slot = frame.allocate();
    Scope inner(&scope);
    inner.bind(q.variable.text, Symbol{Symbol::Kind::local, n.slot, 0});
    if (q.where) n.b = expr(*q.where, inner, frame);
    if (q.projection) n.c = expr(*q.projection, inner, frame);
    for (const auto& key : q.sort) {
      n.children.push_back(expr(*key.key, inner, frame));
      n.descending.push_back(key.descending);
    }
    frame.release();
    return add(std::move(n));
  }

  // ---- records, types, rules ----

  void record_rules(const RecordDecl& decl) {
    RecordTypeId id = m_.record_index.at(decl.name.text);
    Scope scope;
    for (const auto& f : decl.fields) scope.bind(f.name.text, Symbol{Symbol::Kind::field_of_this, 0, id});
    for (const auto& s : decl.statuses) scope.bind(s.name.text, Symbol{Symbol::Kind::field_of_this, 0, id});
    scope.bind("this", Symbol{Symbol::Kind::local, 0, id});
    Frame frame(1);
    RecordType& type = m_.records[id];
    for (const auto& f : decl.fields) {
      if (f.derived) type.derived.push_back(expr(*f.derived, scope, frame));
    }
    if (decl.open_when) type.open_when = expr(*decl.open_when, scope, frame);
    for (const auto& s : decl.statuses) {
      StatusBlock block;
      block.name = s.name.text;
      if (s.from) block.from = expr(*s.from, scope, frame);
      for (const auto& r : s.rules) {
        StatusRule rule;
        rule.code = r.code.text;
        rule.label = expr(*r.label, scope, frame);
        rule.reason = r.reason.text;
        if (r.when) rule.when = expr(*r.when, scope, frame);
        block.rules.push_back(std::move(rule));
      }
      // A hook giving this status may give any of its codes.
      if (block.from != kNoNode && m_.arena[block.from].op == Op::call_hook) {
        auto& codes = m_.hooks[m_.arena[block.from].slot].status_codes;
        for (const auto& rule : block.rules) codes.push_back(rule.code);
      }
      m_.records[id].statuses.push_back(std::move(block));
    }
    m_.records[id].frame_size = frame.size();
  }

  Message message(const Name& code, const Expr& text, const Scope& scope, Frame& frame) {
    return Message{code.text, expr(text, scope, frame)};
  }

  void answer_type(const TypeDecl& decl) {
    AnswerType& type = m_.answer_types[type_index_.at(decl.name.text)];
    Scope scope;
    scope.bind("value", Symbol{Symbol::Kind::local, 0, 0});
    Frame frame(1);
    for (const auto& c : decl.clauses) {
      switch (c.kind) {
        case TypeClause::Kind::blank: type.blank = message(c.code, *c.message, scope, frame); break;
        case TypeClause::Kind::invalid: type.invalid = message(c.code, *c.message, scope, frame); break;
        case TypeClause::Kind::normalise: type.clauses.push_back({false, expr(*c.expr, scope, frame), {}}); break;
        case TypeClause::Kind::check:
          type.clauses.push_back({true, expr(*c.expr, scope, frame), message(c.code, *c.message, scope, frame)});
          break;
      }
    }
    type.frame_size = frame.size();
  }

  void rule(const RuleDecl& decl) {
    Scope scope;
    Frame frame(static_cast<std::uint32_t>(decl.params.size()));
    for (std::uint32_t i = 0; i < decl.params.size(); ++i) {
      scope.bind(decl.params[i].name.text, Symbol{Symbol::Kind::local, i, 0});
    }
    Rule& r = m_.rules[rule_index_.at(decl.name.text)];
    r.body = expr(*decl.body, scope, frame);
    r.frame_size = frame.size();
  }

  // ---- journeys and views ----

  std::uint32_t add_let(const std::string& let_name, NodeId value) {
    m_.lets.push_back(Let{let_name, value});
    return static_cast<std::uint32_t>(m_.lets.size() - 1);
  }

  void bind_lets(const std::vector<syntax::Let>& lets, Scope& scope, Frame& frame) {
    // Lets may read each other in any order: bind them all first, then compile the bodies.
    std::vector<std::uint32_t> indices;
    for (const auto& let : lets) {
      indices.push_back(add_let(let.name.text, kNoNode));
      scope.bind(let.name.text, Symbol{Symbol::Kind::let, indices.back(), 0});
    }
    for (std::size_t i = 0; i < lets.size(); ++i) m_.lets[indices[i]].value = expr(*lets[i].value, scope, frame);
  }

  model::Target target(const syntax::Target& t, const model::Journey* journey, const Scope& scope, Frame& frame) {
    model::Target out;
    out.kind = static_cast<model::Target::Kind>(t.kind);
    out.name = t.name.text;
    if (t.kind == syntax::Target::Kind::step && journey) out.step = journey->step_index.at(t.name.text);
    if (t.with) out.with = expr(*t.with, scope, frame);
    return out;
  }

  model::Link link(const syntax::Link& l, const model::Journey* journey, const Scope& scope, Frame& frame) {
    model::Link out;
    out.is_action = l.is_action;
    out.text = expr(*l.text, scope, frame);
    out.target = target(l.target, journey, scope, frame);
    if (l.when) out.when = expr(*l.when, scope, frame);
    return out;
  }

  std::vector<model::TextLine> texts(const std::vector<syntax::TextLine>& lines, const Scope& scope, Frame& frame) {
    std::vector<model::TextLine> out;
    for (const auto& line : lines) {
      out.push_back({expr(*line.text, scope, frame), line.when ? expr(*line.when, scope, frame) : kNoNode});
    }
    return out;
  }

  void bind_subject(Scope& scope, const Name& actor, const Name& from) {
    scope.bind(actor.text, Symbol{Symbol::Kind::local, 0, m_.record_index.at(actor.text)});
    if (!from.empty()) scope.bind(from.text, Symbol{Symbol::Kind::local, 1, m_.record_index.at(from.text)});
  }

  void journey(const syntax::Journey& decl);
  void step(const syntax::Step& decl, model::Journey& journey, const Scope& scope, Frame& frame);
  model::Ask ask(const syntax::Ask& decl, const model::Journey& journey, const Scope& scope, Frame& frame);
  // Compiles `VAR in COLLECTION where ... sort by ...`; `inner` gets VAR bound, and the caller
  // releases the frame slot once it has compiled what else reads VAR.
  Selection selection(const Name& variable, const Expr& collection, const Expr* where,
                      const std::vector<SortKey>& sort, const Scope& scope, Scope& inner, Frame& frame) {
    Selection s;
    s.collection = expr(collection, scope, frame);
    s.slot = frame.allocate();
    inner.bind(variable.text, Symbol{Symbol::Kind::local, s.slot, 0});
    if (where) s.where = expr(*where, inner, frame);
    Node n;
    n.op = Op::query;
    n.kind = static_cast<std::uint8_t>(QueryKind::all);
    n.a = s.collection;
    n.slot = s.slot;
    n.b = s.where;
    for (const auto& key : sort) {
      n.children.push_back(expr(*key.key, inner, frame));
      n.descending.push_back(key.descending);
    }
    index_hint(variable, collection, where, n, scope, frame);
    s.query = add(std::move(n));
    return s;
  }
  model::Effect effect(const syntax::Effect& decl, Scope& scope, Frame& frame);
  void view(const syntax::View& decl);

  const check::CheckFacts& facts_;
  Model& m_;
  std::vector<const RecordDecl*> record_decls_;
  std::vector<const HookDecl*> hook_decls_;
  std::unordered_map<std::string, RecordTypeId> collections_;
  std::unordered_map<std::string, std::uint32_t> choice_index_, type_index_, hook_index_, rule_index_;
};

}  // namespace
}  // namespace ectflow::model

namespace ectflow::model {
namespace {

void Compiler::journey(const syntax::Journey& decl) {
  model::Journey& j = m_.journeys[m_.journey_index.at(decl.name.text)];
  j.name = decl.name.text;
  j.actor = m_.record_index.at(decl.actor.text);
  if (!decl.from.empty()) j.from = m_.record_index.at(decl.from.text);
  for (std::uint32_t i = 0; i < decl.steps.size(); ++i) j.step_index[decl.steps[i].name.text] = i;
  for (std::uint32_t i = 0; i < decl.steps.size(); ++i) {
    auto kind = decl.steps[i].kind;
    if (kind != syntax::StepKind::outcome && kind != syntax::StepKind::confirmation) {
      j.first_step = i;
      break;
    }
  }
  Scope scope;
  bind_subject(scope, decl.actor, decl.from);
  std::uint32_t next_slot = 2;
  std::vector<const syntax::Effect*> pending;
  for (const auto& e : decl.on_complete) pending.push_back(e.get());
  while (!pending.empty()) {
    const syntax::Effect* e = pending.back();
    pending.pop_back();
    if (e->kind == syntax::Effect::Kind::create && !e->binding.empty()) {
      j.created.emplace_back(e->binding.text, next_slot);
      scope.bind(e->binding.text, Symbol{Symbol::Kind::local, next_slot++, m_.record_index.at(e->record.text)});
    }
    for (const auto& inner : e->body) pending.push_back(inner.get());
  }
  for (std::uint32_t s = 0; s < decl.steps.size(); ++s) {
    for (const auto& a : decl.steps[s].asks) {
      scope.bind(a.answer.text, Symbol{Symbol::Kind::answer, static_cast<std::uint32_t>(j.answer_names.size()), 0});
      j.answer_names.push_back(a.answer.text);
      j.answer_step.push_back(s);
    }
  }
  Frame frame(next_slot);
  bind_lets(decl.lets, scope, frame);
  j.title = expr(*decl.title, scope, frame);
  if (decl.start_when) j.start_when = expr(*decl.start_when, scope, frame);
  j.steps.resize(decl.steps.size());
  for (std::uint32_t i = 0; i < decl.steps.size(); ++i) step(decl.steps[i], j, scope, frame);
  Scope effects(&scope);
  for (const auto& e : decl.on_complete) j.on_complete.push_back(effect(*e, effects, frame));
  j.frame_size = frame.size();
}

void Compiler::step(const syntax::Step& decl, model::Journey& journey, const Scope& journey_scope, Frame& frame) {
  model::Step& s = journey.steps[journey.step_index.at(decl.name.text)];
  s.name = decl.name.text;
  s.kind = static_cast<model::StepKind>(decl.kind);
  Scope scope(&journey_scope);
  bind_lets(decl.lets, scope, frame);
  if (decl.title) s.title = expr(*decl.title, scope, frame);
  for (const auto& a : decl.asks) s.asks.push_back(ask(a, journey, scope, frame));
  for (const auto& c : decl.checks) {
    model::Check check;
    check.condition = expr(*c.condition, scope, frame);
    check.message = message(c.code, *c.message, scope, frame);
    check.ask = attached_ask_impl(*c.condition, decl);
    check.reads = asks_read_impl(*c.condition, decl);
    s.checks.push_back(std::move(check));
  }
  for (const auto& n : decl.nexts) {
    s.nexts.push_back({target(n.target, &journey, scope, frame), n.when ? expr(*n.when, scope, frame) : kNoNode});
  }
  s.texts = texts(decl.texts, scope, frame);
  for (const auto& l : decl.links) s.links.push_back(link(l, &journey, scope, frame));
  if (decl.button) s.button = expr(*decl.button, scope, frame);
  if (decl.inset) s.inset = expr(*decl.inset, scope, frame);
  for (const auto& u : decl.unchangeable) s.unchangeable.push_back(scope.find(u.text)->index);
}

// A check's error shows on the first of the step's answers its condition reads, or on the
// step's first question when it reads none of them.
static void collect_names(const syntax::Expr& e, std::vector<std::string>& out);

std::uint32_t attached_ask_impl(const syntax::Expr& condition, const syntax::Step& step) {
  std::vector<std::string> names;
  collect_names(condition, names);
  for (const std::string& n : names) {
    for (std::uint32_t i = 0; i < step.asks.size(); ++i) {
      if (step.asks[i].answer.text == n) return i;
    }
  }
  return 0;
}

std::vector<std::uint32_t> asks_read_impl(const syntax::Expr& condition, const syntax::Step& step) {
  std::vector<std::string> names;
  collect_names(condition, names);
  std::vector<std::uint32_t> reads;
  for (std::uint32_t i = 0; i < step.asks.size(); ++i) {
    if (std::find(names.begin(), names.end(), step.asks[i].answer.text) != names.end()) reads.push_back(i);
  }
  return reads;
}

static void collect_names(const syntax::Expr& e, std::vector<std::string>& out) {
  std::visit(
      [&](const auto& node) {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, syntax::NameRef>) {
          out.push_back(node.name);
        } else if constexpr (std::is_same_v<T, syntax::FieldAccess>) {
          collect_names(*node.object, out);
        } else if constexpr (std::is_same_v<T, syntax::Call>) {
          for (const auto& a : node.args) collect_names(*a, out);
        } else if constexpr (std::is_same_v<T, syntax::Unary>) {
          collect_names(*node.operand, out);
        } else if constexpr (std::is_same_v<T, syntax::Binary>) {
          collect_names(*node.lhs, out);
          collect_names(*node.rhs, out);
        } else if constexpr (std::is_same_v<T, syntax::IsTest>) {
          collect_names(*node.subject, out);
        } else if constexpr (std::is_same_v<T, syntax::IfThenElse>) {
          collect_names(*node.condition, out);
          collect_names(*node.then_value, out);
          collect_names(*node.else_value, out);
        } else if constexpr (std::is_same_v<T, syntax::ListLiteral>) {
          for (const auto& a : node.items) collect_names(*a, out);
        } else if constexpr (std::is_same_v<T, syntax::Query>) {
          collect_names(*node.collection, out);
          if (node.where) collect_names(*node.where, out);
        } else if constexpr (std::is_same_v<T, syntax::Template>) {
          for (const auto& part : node.parts) {
            if (const auto* inner = std::get_if<syntax::ExprPtr>(&part)) collect_names(**inner, out);
          }
        }
      },
      e.node);
}

model::Ask Compiler::ask(const syntax::Ask& decl, const model::Journey& journey, const Scope& scope, Frame& frame) {
  model::Ask a;
  a.name = decl.answer.text;
  a.slot = scope.find(decl.answer.text)->index;
  (void)journey;
  if (decl.label) a.label = expr(*decl.label, scope, frame);
  a.kind = answer_kind(decl.type);
  if (decl.blank_message) a.blank_message = expr(*decl.blank_message, scope, frame);
  a.optional = decl.optional;
  for (const auto& f : decl.fixed_options) a.fixed_options.emplace_back(f.value.text, expr(*f.label, scope, frame));
  if (decl.option_collection) {
    Scope inner(&scope);
    a.options = selection(decl.option_variable, *decl.option_collection, decl.option_where.get(), decl.option_sort,
                          scope, inner, frame);
    if (decl.option_value) a.option_value = expr(*decl.option_value, inner, frame);
    if (decl.option_label) a.option_label = expr(*decl.option_label, inner, frame);
    if (decl.option_hint) a.option_hint = expr(*decl.option_hint, inner, frame);
    frame.release();
  }
  return a;
}

model::Effect Compiler::effect(const syntax::Effect& decl, Scope& scope, Frame& frame) {
  model::Effect e;
  e.kind = static_cast<model::Effect::Kind>(decl.kind);
  switch (decl.kind) {
    case syntax::Effect::Kind::create:
      e.type = m_.record_index.at(decl.record.text);
      if (!decl.binding.empty()) {
        e.has_binding = true;
        e.binding_slot = scope.find(decl.binding.text)->index;
      }
      break;
    case syntax::Effect::Kind::update:
    case syntax::Effect::Kind::remove:
      e.target = expr(*decl.target, scope, frame);
      e.type = record_of(type_of(*decl.target));
      break;
    case syntax::Effect::Kind::for_each: {
      e.target = expr(*decl.target, scope, frame);
      e.has_binding = true;
      e.binding_slot = frame.allocate();
      Scope inner(&scope);
      inner.bind(decl.binding.text, Symbol{Symbol::Kind::local, e.binding_slot, 0});
      if (decl.when) e.when = expr(*decl.when, inner, frame);
      for (const auto& b : decl.body) e.body.push_back(effect(*b, inner, frame));
      frame.release();
      return e;
    }
  }
  if (decl.when) e.when = expr(*decl.when, scope, frame);
  const RecordSchema& schema = m_.records[e.type].schema;
  for (const auto& assignment : decl.assignments) {
    e.assignments.emplace_back(static_cast<std::uint32_t>(*schema.slot(assignment.field.text)),
                               expr(*assignment.value, scope, frame));
  }
  return e;
}

void Compiler::view(const syntax::View& decl) {
  model::View& v = m_.views[m_.view_index.at(decl.name.text)];
  v.name = decl.name.text;
  v.actor = m_.record_index.at(decl.actor.text);
  if (!decl.from.empty()) v.from = m_.record_index.at(decl.from.text);
  Scope scope;
  bind_subject(scope, decl.actor, decl.from);
  Frame frame(2);
  bind_lets(decl.lets, scope, frame);
  v.title = expr(*decl.title, scope, frame);
  v.texts = texts(decl.texts, scope, frame);
  for (const auto& a : decl.actions) v.actions.push_back(link(a, nullptr, scope, frame));
  for (const auto& l : decl.lists) {
    model::ViewList list;
    list.name = l.name.text;
    Scope inner(&scope);
    list.rows = selection(l.variable, *l.collection, l.where.get(), l.sort, scope, inner, frame);
    if (l.status) list.status = expr(*l.status, inner, frame);
    list.texts = texts(l.texts, inner, frame);
    for (const auto& a : l.actions) list.actions.push_back(link(a, nullptr, inner, frame));
    frame.release();
    v.lists.push_back(std::move(list));
  }
  v.frame_size = frame.size();
}

}  // namespace

Model compile_model(const std::vector<const syntax::FlowFile*>& files, const check::CheckFacts& facts,
                    std::string flow_version) {
  Model model;
  model.flow_version = std::move(flow_version);
  Compiler(facts, model).run(files);
  return model;
}

std::vector<RecordSchema> Model::schemas() const {
  std::vector<RecordSchema> out;
  for (const auto& r : records) out.push_back(r.schema);
  return out;
}

}  // namespace ectflow::model
