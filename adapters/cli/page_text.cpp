// Pages and views as terminal text, for `ectflow run`: what a participant would see, in words.
#include "page_text.hpp"

#include <fmt/format.h>

namespace ectflow::cli {

namespace {

std::string heading(const std::string& title) {
  return fmt::format("\n== {} ==\n", title);
}

std::string numbered_links(const std::vector<PageLink>& links, std::size_t first) {
  std::string out;
  for (std::size_t i = 0; i < links.size(); ++i) out += fmt::format("  [{}] {}\n", first + i, links[i].text);
  return out;
}

}  // namespace

std::string page_text(const Page& page, std::vector<PageLink>& choices) {
  std::string out = heading(page.title);
  out += fmt::format("   ({} / {})\n", page.journey, page.step);
  if (!page.errors.empty()) {
    out += "There is a problem:\n";
    for (const PageQuestion& q : page.questions) {
      if (q.error_message) out += fmt::format("  ! {} [{}]\n", *q.error_message, q.error_code.value_or(""));
    }
  }
  for (const std::string& line : page.body) out += line + "\n";
  if (page.inset) out += fmt::format("  | {}\n", *page.inset);
  for (const PageQuestion& q : page.questions) {
    if (page.questions.size() > 1 || q.label != page.title) out += fmt::format("{}\n", q.label);
    for (std::size_t i = 0; i < q.options.size(); ++i) {
      const PageOption& o = q.options[i];
      out += fmt::format("  {}) {}{}\n", i + 1, o.label, o.hint ? "  -- " + *o.hint : "");
    }
  }
  for (const SummaryRow& row : page.rows) {
    out += fmt::format("  {}: {}{}\n", row.label, row.value,
                       row.change_step ? fmt::format("   (:change {})", *row.change_step) : "");
  }
  choices.clear();
  for (const auto* group : {&page.links, &page.actions}) choices.insert(choices.end(), group->begin(), group->end());
  out += numbered_links(choices, 1);
  if (page.back_step) out += fmt::format("  < Back (:back, to {})\n", *page.back_step);
  return out;
}

std::string view_text(const ViewPage& page, std::vector<PageLink>& choices) {
  std::string out = heading(page.title);
  out += fmt::format("   (view {})\n", page.view);
  for (const std::string& line : page.body) out += line + "\n";
  choices = page.actions;
  out += numbered_links(page.actions, 1);
  for (const ViewList& list : page.lists) {
    out += fmt::format("{}:\n", list.name);
    if (list.rows.empty()) out += "  (none)\n";
    for (const ViewRow& row : list.rows) {
      out += fmt::format("  - {}", row.name ? *row.name + " (" + row.id + ")" : row.id);
      if (row.label) out += fmt::format(" [{}]", *row.label);
      if (row.text) out += fmt::format(" {}", *row.text);
      out += "\n";
      for (const PageLink& action : row.actions) {
        choices.push_back(action);
        out += fmt::format("      [{}] {}\n", choices.size(), action.text);
      }
    }
  }
  return out;
}

}  // namespace ectflow::cli
