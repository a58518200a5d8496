// One graph of a journey's pages and arrows, written as DOT or Mermaid so both always agree.
#include "authoring/graph.hpp"

#include <algorithm>

#include "syntax/print_expr.hpp"

namespace ectflow {
namespace {

using namespace syntax;

enum class Shape {
  entry,
  question,
  interstitial,
  outcome,
  check_answers,
  confirmation,
  journey,
  complete
};
enum class Line { solid, dashed, dotted };

struct Node {
  std::string dot_id;      // the step's name, or a text no step name can be: "(entry)"
  std::string mermaid_id;  // prefixed, so no step name meets a Mermaid keyword
  Shape shape;
  std::string name;
  std::string title;  // may be empty
};

struct Edge {
  std::size_t from, to;  // indexes into Graph::nodes
  std::string label;
  Line line = Line::solid;
};

struct Graph {
  std::string name, title;
  std::vector<Node> nodes;
  std::vector<Edge> edges;
};

// A title or link text as the author reads it: the string's text, with {expr} left in.
std::string plain_text(const Expr* e) {
  if (!e) return "";
  const auto* t = std::get_if<Template>(&e->node);
  if (!t) return print_expr(*e);
  std::string out;
  for (const auto& part : t->parts) {
    if (auto* s = std::get_if<std::string>(&part))
      out += *s;
    else
      out += "{" + print_expr(*std::get<ExprPtr>(part)) + "}";
  }
  return out;
}

Shape shape_of(StepKind kind) {
  switch (kind) {
    case StepKind::question:
      return Shape::question;
    case StepKind::interstitial:
      return Shape::interstitial;
    case StepKind::outcome:
      return Shape::outcome;
    case StepKind::check_answers:
      return Shape::check_answers;
    case StepKind::confirmation:
      return Shape::confirmation;
  }
  return Shape::question;
}

class GraphBuilder {
 public:
  Graph graph;

  explicit GraphBuilder(const Journey& j) {
    graph.name = j.name.text;
    graph.title = plain_text(j.title.get());
    std::size_t entry = add(Node{"(entry)", "entry", Shape::entry, "Start", ""});
    for (const Step& s : j.steps) {
      add(Node{s.name.text, "step_" + s.name.text, shape_of(s.kind), s.name.text,
               plain_text(s.title.get())});
    }
    if (!j.steps.empty())
      graph.edges.push_back(Edge{entry, step_node(j.steps.front().name.text), "", Line::solid});
    for (const Step& s : j.steps) routes(j, s);
  }

 private:
  std::size_t add(Node node) {
    graph.nodes.push_back(std::move(node));
    return graph.nodes.size() - 1;
  }
  std::size_t find(const std::string& dot_id, Node if_missing) {
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
      if (graph.nodes[i].dot_id == dot_id) return i;
    }
    return add(std::move(if_missing));
  }
  std::size_t step_node(const std::string& name) {
    return find(name, Node{name, "step_" + name, Shape::question, name, ""});
  }
  std::size_t journey_node(const std::string& name) {
    return find("start " + name,
                Node{"start " + name, "journey_" + name, Shape::journey, "start " + name, ""});
  }
  // Completing shows the confirmation page, or ends the journey when it has none.
  std::size_t completion(const Journey& j) {
    bool confirms = std::any_of(j.steps.begin(), j.steps.end(),
                                [](const Step& s) { return s.kind == StepKind::confirmation; });
    return confirms ? step_node("confirmation")
                    : find("(complete)",
                           Node{"(complete)", "complete", Shape::complete, "complete", ""});
  }

  void routes(const Journey& j, const Step& s) {
    std::size_t from = step_node(s.name.text);
    bool conditional_before = false;
    for (const Next& n : s.nexts) {
      std::string label = n.when ? print_expr(*n.when) : conditional_before ? "otherwise" : "";
      conditional_before = conditional_before || n.when;
      std::size_t to = n.target.kind == Target::Kind::complete ? completion(j)
                       : n.target.kind == Target::Kind::start_journey
                           ? journey_node(n.target.name.text)
                           : step_node(n.target.name.text);
      graph.edges.push_back(Edge{from, to, label, Line::solid});
    }
    for (const Link& l : s.links) {
      if (l.target.kind == Target::Kind::step) {
        graph.edges.push_back(
            Edge{from, step_node(l.target.name.text), plain_text(l.text.get()), Line::dashed});
      } else if (l.target.kind == Target::Kind::start_journey) {
        graph.edges.push_back(
            Edge{from, journey_node(l.target.name.text), plain_text(l.text.get()), Line::dashed});
      }
    }
    if (s.kind != StepKind::check_answers) return;
    graph.edges.push_back(Edge{from, completion(j), "confirm", Line::solid});
    for (const Step& asking : j.steps) {
      if (changeable(s, asking))
        graph.edges.push_back(Edge{from, step_node(asking.name.text), "change", Line::dotted});
    }
  }

  // A page the check answers page links back to: it asks something that may be changed.
  static bool changeable(const Step& check_answers, const Step& step) {
    if (step.kind != StepKind::question && step.kind != StepKind::interstitial) return false;
    return std::any_of(step.asks.begin(), step.asks.end(), [&](const Ask& a) {
      return std::none_of(check_answers.unchangeable.begin(), check_answers.unchangeable.end(),
                          [&](const Name& n) { return n.text == a.answer.text; });
    });
  }
};

// ---- DOT ----

std::string dot_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out + "\"";
}

std::string dot_attributes(Shape shape) {
  switch (shape) {
    case Shape::entry:
      return "shape=circle, style=filled, fillcolor=black, fontcolor=white";
    case Shape::question:
      return "shape=box";
    case Shape::interstitial:
      return "shape=box, style=\"rounded,filled\", fillcolor=\"#fff2cc\"";
    case Shape::outcome:
      return "shape=note, style=filled, fillcolor=\"#eeeeee\", color=grey50";
    case Shape::check_answers:
      return "shape=box, style=\"filled,bold\", fillcolor=\"#dae8fc\"";
    case Shape::confirmation:
      return "shape=box, style=\"rounded,filled\", fillcolor=\"#d5e8d4\", peripheries=2";
    case Shape::journey:
      return "shape=cds, style=filled, fillcolor=\"#f5f5f5\"";
    case Shape::complete:
      return "shape=doublecircle";
  }
  return "";
}

std::string node_label(const Node& n) {
  return n.title.empty() ? n.name : n.name + "\n" + n.title;
}

std::string to_dot(const Graph& g) {
  std::string out = "digraph " + dot_string(g.name) + " {\n";
  out += "  label=" + dot_string(g.name + ": " + g.title) +
         ";\n  labelloc=t;\n  fontname=\"Helvetica\";\n";
  out +=
      "  node [fontname=\"Helvetica\", fontsize=10];\n  edge [fontname=\"Helvetica\", "
      "fontsize=9];\n\n";
  auto node = [&](const Node& n, const char* indent) {
    out += indent + dot_string(n.dot_id) + " [label=" + dot_string(node_label(n)) + ", " +
           dot_attributes(n.shape) + "];\n";
  };
  for (const Node& n : g.nodes) {
    if (n.shape != Shape::outcome) node(n, "  ");
  }
  out +=
      "\n  subgraph cluster_outcomes {\n    label=\"Outcome pages\";\n    style=dashed;\n    "
      "color=grey60;\n";
  for (const Node& n : g.nodes) {
    if (n.shape == Shape::outcome) node(n, "    ");
  }
  out += "  }\n\n";
  for (const Edge& e : g.edges) {
    out += "  " + dot_string(g.nodes[e.from].dot_id) + " -> " + dot_string(g.nodes[e.to].dot_id);
    std::vector<std::string> attributes;
    if (!e.label.empty()) attributes.push_back("label=" + dot_string(e.label));
    if (e.line == Line::dashed) attributes.push_back("style=dashed");
    if (e.line == Line::dotted)
      attributes.insert(attributes.end(), {"style=dotted", "constraint=false"});
    std::string joined;
    for (const std::string& a : attributes) joined += (joined.empty() ? "" : ", ") + a;
    out += joined.empty() ? ";\n" : " [" + joined + "];\n";
  }
  return out + "}\n";
}

// ---- Mermaid ----

// Mermaid reads entity codes (#quot;) in quoted labels; '#' itself starts one, so it is coded too.
std::string mermaid_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '#':
        out += "#35;";
        break;
      case '"':
        out += "#quot;";
        break;
      case '<':
        out += "#lt;";
        break;
      case '>':
        out += "#gt;";
        break;
      case '|':
        out += "#124;";
        break;
      case '\n':
        out += "<br/>";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string mermaid_node(const Node& n) {
  std::string label =
      "\"" + mermaid_text(n.name) + (n.title.empty() ? "" : "<br/>" + mermaid_text(n.title)) + "\"";
  switch (n.shape) {
    case Shape::entry:
      return n.mermaid_id + "((" + label + "))";
    case Shape::question:
      return n.mermaid_id + "[" + label + "]";
    case Shape::interstitial:
      return n.mermaid_id + "([" + label + "])";
    case Shape::outcome:
      return n.mermaid_id + "[/" + label + "/]";
    case Shape::check_answers:
      return n.mermaid_id + "{{" + label + "}}";
    case Shape::confirmation:
      return n.mermaid_id + "[[" + label + "]]";
    case Shape::journey:
      return n.mermaid_id + ">" + label + "]";
    case Shape::complete:
      return n.mermaid_id + "(((" + label + ")))";
  }
  return n.mermaid_id;
}

std::string to_mermaid(const Graph& g) {
  std::string heading = g.name + ": " + g.title;
  std::replace(heading.begin(), heading.end(), '\n', ' ');
  std::string out = "flowchart TD\n  %% " + heading + "\n";
  std::string outcomes, interstitials;
  for (const Node& n : g.nodes) {
    if (n.shape != Shape::outcome) out += "  " + mermaid_node(n) + "\n";
    if (n.shape == Shape::interstitial)
      interstitials += (interstitials.empty() ? "" : ",") + n.mermaid_id;
  }
  out += "  subgraph outcomes [Outcome pages]\n";
  for (const Node& n : g.nodes) {
    if (n.shape != Shape::outcome) continue;
    out += "    " + mermaid_node(n) + "\n";
    outcomes += (outcomes.empty() ? "" : ",") + n.mermaid_id;
  }
  out += "  end\n";
  for (const Edge& e : g.edges) {
    out += "  " + g.nodes[e.from].mermaid_id + (e.line == Line::solid ? " -->" : " -.->");
    if (!e.label.empty()) out += "|\"" + mermaid_text(e.label) + "\"|";
    out += " " + g.nodes[e.to].mermaid_id + "\n";
  }
  out += "  classDef outcome fill:#eeeeee,stroke:#808080,color:#333333\n";
  out += "  classDef interstitial fill:#fff2cc\n";
  if (!outcomes.empty()) out += "  class " + outcomes + " outcome\n";
  if (!interstitials.empty()) out += "  class " + interstitials + " interstitial\n";
  return out;
}

}  // namespace

std::string draw_journey(const syntax::Journey& journey, GraphFormat format) {
  Graph graph = GraphBuilder(journey).graph;
  return format == GraphFormat::dot ? to_dot(graph) : to_mermaid(graph);
}

}  // namespace ectflow
