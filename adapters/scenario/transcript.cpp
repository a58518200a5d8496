// Transcripts of a replayed scenario (transcript.hpp): Markdown to read, and one printable HTML
// file laid out with GOV.UK Frontend. Page text comes from flow files and record data, so every
// piece of it is escaped for the format it lands in.
#include "ectflow/transcript.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace ectflow::scenario {

namespace {

constexpr std::string_view kGovukCssPath = ".cache/govuk-frontend/dist/govuk/govuk-frontend.min.css";
constexpr std::string_view kErrorSummaryTitle = "There is a problem";

// ---- What a page asked and what the participant answered, in words (both formats) ----------

struct GivenAnswer {
  std::string question;  // the question's label; empty for a check-answers confirmation
  std::string answer;    // a choice shown by its option's label
};

struct PageError {
  std::string answer;   // the question it belongs to (the summary links to it)
  std::string message;  // as the error summary shows it
};

std::string option_label(const PageQuestion& question, const std::string& value) {
  for (const PageOption& option : question.options) {
    if (option.value == value) return option.label;
  }
  return value;
}

// What was typed, readable when it is nothing to see: the service counts spaces as blank too.
std::string typed(const std::string& value) {
  if (value.empty()) return "(left blank)";
  if (value.find_first_not_of(" \t\r\n") == std::string::npos) return "(spaces only)";
  return value;
}

std::string answer_in_words(const PageQuestion& question, const std::string& value) {
  return typed(option_label(question, value));
}

// The page's questions first, in its order; then anything else submitted (check answers' confirm).
std::vector<GivenAnswer> given_answers(const TranscriptPage& shown) {
  std::vector<GivenAnswer> out;
  std::set<std::string> told;
  if (shown.page) {
    for (const PageQuestion& question : shown.page->questions) {
      auto given = shown.answers.find(question.name);
      if (given == shown.answers.end()) continue;
      out.push_back({question.label, answer_in_words(question, given->second)});
      told.insert(question.name);
    }
  }
  for (const auto& [name, value] : shown.answers) {
    if (told.count(name)) continue;
    if (name == "confirm" && value == "true") out.push_back({"", "Confirmed"});
    else out.push_back({name, typed(value)});
  }
  return out;
}

bool has_error(const Page& page, const PageQuestion& question) {
  return question.error_message || question.error_code || page.errors.count(question.name);
}

// What the error summary lists: each question's message, then errors on answers with no question.
std::vector<PageError> page_errors(const Page& page) {
  std::vector<PageError> out;
  std::set<std::string> listed;
  for (const PageQuestion& q : page.questions) {
    if (!has_error(page, q)) continue;
    auto code = page.errors.find(q.name);
    std::string message = q.error_message ? *q.error_message
                          : q.error_code  ? *q.error_code
                                          : code->second;
    out.push_back({q.name, message});
    listed.insert(q.name);
  }
  for (const auto& [answer, code] : page.errors) {
    if (!listed.count(answer)) out.push_back({answer, code});
  }
  return out;
}

std::string page_kind_in_words(const std::string& kind) {
  if (kind == "check_answers") return "check answers page";
  return kind.empty() ? "page" : kind + " page";
}

std::string what_happened_last(const TranscriptPage& shown, bool last) {
  if (!shown.then.empty()) return shown.then;
  return last ? "The scenario ends here." : "";
}

// ---- Markdown ------------------------------------------------------------------------------

bool starts_like_ordered_item(std::string_view text) {
  std::size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
  return digits > 0 && digits < text.size() && (text[digits] == '.' || text[digits] == ')');
}

bool starts_entity(std::string_view text, std::size_t at) {
  return at + 1 < text.size() && (std::isalnum(static_cast<unsigned char>(text[at + 1])) || text[at + 1] == '#');
}

// Page text as Markdown that prints as written: inline formatting and HTML escaped, block markers
// at its start escaped (a title like "1. Induction" is not a list), and on one line.
std::string md(std::string_view text) {
  std::size_t start = text.find_first_not_of(" \t");
  text.remove_prefix(start == std::string_view::npos ? text.size() : start);
  text.remove_suffix(text.size() - (text.find_last_not_of(" \t") + 1));
  std::string out;
  if (!text.empty() && std::string_view("#-+=").find(text[0]) != std::string_view::npos) out += '\\';
  bool ordered = starts_like_ordered_item(text);
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool ends_list_number = ordered && (c == '.' || c == ')');
    if (ends_list_number) ordered = false;
    if (c == '\n' || c == '\r' || c == '\t') {
      out += ' ';
      continue;
    }
    if (std::string_view("\\`*_[]<>|~").find(c) != std::string_view::npos || ends_list_number ||
        (c == '&' && starts_entity(text, i))) {
      out += '\\';
    }
    out += c;
  }
  return out;
}

// A code span for names (journeys, steps): a fence longer than any run of backticks inside.
std::string md_code(std::string_view name) {
  std::size_t longest = 0, run = 0;
  for (char c : name) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(longest + 1, '`');
  std::string pad = !name.empty() && (name.front() == '`' || name.back() == '`') ? " " : "";
  return fence + pad + std::string(name) + pad + fence;
}

void md_error_summary(std::string& out, const Page& page) {
  std::vector<PageError> errors = page_errors(page);
  if (errors.empty()) return;
  out += fmt::format("> **{}**\n>\n", kErrorSummaryTitle);
  for (const PageError& error : errors) out += fmt::format("> - {}\n", md(error.message));
  out += "\n";
}

void md_question(std::string& out, const PageQuestion& q) {
  out += fmt::format("**Question: {}**{} ({})\n\n", md(q.label), q.optional ? " (optional)" : "", md(q.kind));
  if (q.error_message) out += fmt::format("Error by the question: **{}**\n\n", md(*q.error_message));
  if (!q.value.empty()) out += fmt::format("Already filled in: {}\n\n", md(typed(option_label(q, q.value))));
  for (const PageOption& option : q.options) {
    out += fmt::format("- {}", md(option.label));
    if (option.hint) out += fmt::format(" — *{}*", md(*option.hint));
    if (!q.value.empty() && option.value == q.value) out += " (selected)";
    out += "\n";
  }
  if (!q.options.empty()) out += "\n";
}

void md_summary_rows(std::string& out, const std::vector<SummaryRow>& rows) {
  for (const SummaryRow& row : rows) {
    out += fmt::format("- **{}**: {}{}\n", md(row.label), md(row.value), row.change_step ? " (Change link)" : "");
  }
  if (!rows.empty()) out += "\n";
}

void md_links(std::string& out, std::string_view kind, const std::vector<PageLink>& links,
              std::string_view indent = "") {
  for (const PageLink& link : links) out += fmt::format("{}- {}: {}\n", indent, kind, md(link.text));
}

void md_paragraphs(std::string& out, const std::vector<std::string>& body) {
  for (const std::string& line : body) out += md(line) + "\n\n";
}

void md_journey_page(std::string& out, const Page& page) {
  out += fmt::format("Journey {}, step {} ({}{})\n\n", md_code(page.journey), md_code(page.step),
                     page_kind_in_words(page.kind), page.completed ? ", journey completed" : "");
  if (page.back_step) out += "Back link\n\n";
  md_error_summary(out, page);
  md_paragraphs(out, page.body);
  if (page.inset) out += fmt::format("> {}\n\n", md(*page.inset));
  for (const PageQuestion& q : page.questions) md_question(out, q);
  md_summary_rows(out, page.rows);
  md_links(out, "Link", page.links);
  md_links(out, "Action", page.actions);
  if (!page.links.empty() || !page.actions.empty()) out += "\n";
  if (page.button) out += fmt::format("Button: **{}**\n\n", md(*page.button));
}

std::string md_row_line(const ViewRow& row) {
  std::string line = fmt::format("**{}**", md(row.name.value_or(row.id)));
  if (row.label) line += " — " + md(*row.label);
  if (row.status) line += " — status: " + md(*row.status);
  if (row.reason) line += " — reason: " + md(*row.reason);
  if (row.text) line += " — " + md(*row.text);
  return line;
}

void md_view_page(std::string& out, const ViewPage& view) {
  out += fmt::format("Record page {}\n\n", md_code(view.view));
  md_paragraphs(out, view.body);
  md_links(out, "Action", view.actions);
  if (!view.actions.empty()) out += "\n";
  for (const ViewList& list : view.lists) {
    out += fmt::format("List: **{}**\n\n", md(list.name));
    if (list.rows.empty()) out += "- None\n";
    for (const ViewRow& row : list.rows) {
      out += fmt::format("- {}\n", md_row_line(row));
      md_links(out, "Action", row.actions, "  ");
    }
    out += "\n";
  }
}

void md_what_they_did(std::string& out, const TranscriptPage& shown, bool last) {
  out += "### What the participant did\n\n";
  for (const GivenAnswer& given : given_answers(shown)) {
    if (given.question.empty()) out += fmt::format("- {}\n", md(given.answer));
    else out += fmt::format("- Answered “{}”: **{}**\n", md(given.question), md(given.answer));
  }
  std::string then = what_happened_last(shown, last);
  if (!then.empty()) out += fmt::format("- Then: {}\n", md(then));
  if (then.empty() && shown.answers.empty()) out += "- Nothing recorded\n";
  out += "\n";
}

std::string page_title(const TranscriptPage& shown) {
  if (shown.page) return shown.page->title;
  return shown.view ? shown.view->title : "";
}

// ---- HTML ----------------------------------------------------------------------------------

std::string html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

// An id from a name, for the error summary's links to its questions.
std::string html_id(std::size_t page_number, std::string_view name) {
  std::string id = fmt::format("page-{}-", page_number);
  for (char c : name) id += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ? c : '-';
  return id;
}

std::size_t find_ignoring_case(std::string_view text, std::string_view what, std::size_t from) {
  auto same = [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
  };
  auto at = std::search(text.begin() + static_cast<std::ptrdiff_t>(std::min(from, text.size())), text.end(),
                        what.begin(), what.end(), same);
  return at == text.end() ? std::string_view::npos : static_cast<std::size_t>(at - text.begin());
}

// Just past the `)` closing a url( whose argument starts at `from`, quoted or not.
std::size_t url_end(std::string_view css, std::size_t from) {
  std::size_t i = css.find_first_not_of(" \t\r\n", from);
  char quote = i < css.size() && (css[i] == '"' || css[i] == '\'') ? css[i] : 0;
  for (i = quote ? i + 1 : from; i < css.size(); ++i) {
    if (css[i] == '\\') ++i;
    else if (quote && css[i] == quote) quote = 0;
    else if (!quote && css[i] == ')') return i + 1;
  }
  return css.size();
}

bool is_data_url(std::string_view argument) {
  std::size_t start = argument.find_first_not_of(" \t\r\n\"'");
  return start != std::string_view::npos && find_ignoring_case(argument, "data:", start) == start;
}

// GOV.UK Frontend's CSS points at its fonts and crest under /assets/; a transcript is one file that
// loads nothing, so each url() that is not data: becomes an empty data: URL (the fonts fall back to
// Arial, the crest is not drawn).
std::string without_asset_urls(std::string_view css) {
  std::string out;
  std::size_t done = 0;
  for (std::size_t at = find_ignoring_case(css, "url(", 0); at != std::string_view::npos;
       at = find_ignoring_case(css, "url(", done)) {
    std::size_t end = url_end(css, at + 4);
    out.append(css.substr(done, at - done));
    bool keep = is_data_url(css.substr(at + 4, end - at - 4));
    out.append(keep ? css.substr(at, end - at) : std::string_view("url(\"data:,\")"));
    done = end;
  }
  out.append(css.substr(done));
  return out;
}

// Removes every piece from `start` to the end of the next `end` (itself included).
void erase_all(std::string& text, std::string_view start, std::string_view end) {
  for (std::size_t at = find_ignoring_case(text, start, 0); at != std::string::npos;
       at = find_ignoring_case(text, start, at)) {
    std::size_t stop = text.find(end, at + start.size());
    text.erase(at, stop == std::string::npos ? std::string::npos : stop + end.size() - at);
  }
}

// The stylesheet as a <style> element can hold it and with no reference out: no asset url(), no
// @import, no source map comment, and no "</" that could close the element early.
std::string self_contained_css(std::string_view css) {
  std::string out = without_asset_urls(css);
  erase_all(out, "/*# sourceMappingURL", "*/");
  erase_all(out, "@import", ";");
  for (std::size_t at = out.find("</"); at != std::string::npos; at = out.find("</", at + 3)) {
    out.insert(at + 1, "\\");
  }
  return out;
}

// The transcript's own few rules: pages set apart on screen, one per printed page, and the box
// saying what the participant did.
constexpr std::string_view kTranscriptCss = R"(.transcript-page { border-top: 10px solid #1d70b8; margin-top: 30px; }
.transcript-page__caption { color: #505a5f; padding-top: 15px; margin-bottom: 0; }
.transcript-note { color: #505a5f; font-size: 1rem; margin-bottom: 10px; }
.transcript-did { margin: 0 0 40px; padding: 15px 20px 5px; border: 5px dashed #505a5f; background: #fff7bf; }
@media print {
  .govuk-template { background-color: #fff; }
  .transcript-page { break-before: page; page-break-before: always; border-top: 0; margin-top: 0; }
  .transcript-did { break-inside: avoid; }
}
)";

void html_error_summary(std::string& out, const Page& page, std::size_t number) {
  std::vector<PageError> errors = page_errors(page);
  if (errors.empty()) return;
  out += "<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\">\n<div role=\"alert\">\n";
  out += fmt::format("<h2 class=\"govuk-error-summary__title\">{}</h2>\n", kErrorSummaryTitle);
  out += "<div class=\"govuk-error-summary__body\">\n<ul class=\"govuk-list govuk-error-summary__list\">\n";
  for (const PageError& error : errors) {
    out += fmt::format("<li><a href=\"#{}\">{}</a></li>\n", html_id(number, error.answer), html(error.message));
  }
  out += "</ul>\n</div>\n</div>\n</div>\n";
}

void html_heading(std::string& out, const Page& page) {
  if (page.kind == "confirmation") {
    out += fmt::format(
        "<div class=\"govuk-panel govuk-panel--confirmation\">\n<h1 class=\"govuk-panel__title\">{}</h1>\n</div>\n",
        html(page.title));
  } else {
    out += fmt::format("<h1 class=\"govuk-heading-l\">{}</h1>\n", html(page.title));
  }
}

void html_paragraphs(std::string& out, const std::vector<std::string>& body) {
  for (const std::string& line : body) out += fmt::format("<p class=\"govuk-body\">{}</p>\n", html(line));
}

void html_error_message(std::string& out, const PageQuestion& q, const std::string& id) {
  if (!q.error_message) return;
  out += fmt::format(
      "<p id=\"{}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {}</p>\n",
      id, html(*q.error_message));
}

void html_radios(std::string& out, const PageQuestion& q, const std::string& id) {
  if (q.options.empty()) out += "<p class=\"transcript-note\">No options were offered.</p>\n";
  out += fmt::format("<div class=\"govuk-radios{}\" data-module=\"govuk-radios\">\n",
                     q.kind == "yes_no" && q.options.size() <= 2 ? " govuk-radios--inline" : "");
  for (std::size_t i = 0; i < q.options.size(); ++i) {
    const PageOption& option = q.options[i];
    std::string item = fmt::format("{}-{}", id, i + 1);
    out += "<div class=\"govuk-radios__item\">\n";
    out += fmt::format("<input class=\"govuk-radios__input\" id=\"{}\" name=\"{}\" type=\"radio\" value=\"{}\"{}{}>\n",
                       item, id, html(option.value), option.value == q.value && !q.value.empty() ? " checked" : "",
                       option.hint ? fmt::format(" aria-describedby=\"{}-hint\"", item) : "");
    out += fmt::format("<label class=\"govuk-label govuk-radios__label\" for=\"{}\">{}</label>\n", item,
                       html(option.label));
    if (option.hint) {
      out += fmt::format("<div id=\"{}-hint\" class=\"govuk-hint govuk-radios__hint\">{}</div>\n", item,
                         html(*option.hint));
    }
    out += "</div>\n";
  }
  out += "</div>\n";
}

std::string text_input(const std::string& id, const std::string& value, std::string_view widths, bool error) {
  return fmt::format("<input class=\"govuk-input{}{}\" id=\"{}\" name=\"{}\" type=\"text\" value=\"{}\">\n", widths,
                     error ? " govuk-input--error" : "", id, id, html(value));
}

// A date as GOV.UK's day, month and year boxes; a value that is not YYYY-MM-DD (as typed, then
// rejected) is shown in one box as it was entered.
void html_date_input(std::string& out, const PageQuestion& q, const std::string& id, bool error) {
  bool iso = q.value.size() == 10 && q.value[4] == '-' && q.value[7] == '-';
  if (!q.value.empty() && !iso) {
    out += text_input(id, q.value, " govuk-input--width-10", error);
    return;
  }
  struct Part {
    const char* name;
    std::string value;
    const char* width;
  };
  const Part parts[] = {{"Day", iso ? q.value.substr(8, 2) : "", "2"},
                        {"Month", iso ? q.value.substr(5, 2) : "", "2"},
                        {"Year", iso ? q.value.substr(0, 4) : "", "4"}};
  out += fmt::format("<div class=\"govuk-date-input\" id=\"{}\">\n", id);
  for (const Part& part : parts) {
    std::string part_id = fmt::format("{}-{}", id, part.name);
    out += "<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\">\n";
    out += fmt::format("<label class=\"govuk-label govuk-date-input__label\" for=\"{}\">{}</label>\n", part_id,
                       part.name);
    out += text_input(part_id, part.value, fmt::format(" govuk-date-input__input govuk-input--width-{}", part.width),
                      error);
    out += "</div></div>\n";
  }
  out += "</div>\n";
}

// A question as GOV.UK lays it out: radios and dates in a fieldset, a text box under its label.
// A lone question worded as the page's title keeps its label for screen readers only, as the
// service does when the title already asks it.
void html_question(std::string& out, const Page& page, const PageQuestion& q, std::size_t number) {
  std::string id = html_id(number, q.name);
  bool error = has_error(page, q);
  bool hidden = page.questions.size() == 1 && q.label == page.title;
  std::string label = html(q.label) + (q.optional ? " (optional)" : "");
  bool choice = !q.options.empty() || q.kind == "choice" || q.kind == "yes_no";
  bool fieldset = choice || q.kind == "date";
  out += fmt::format("<div class=\"govuk-form-group{}\">\n", error ? " govuk-form-group--error" : "");
  if (fieldset) {
    out += "<fieldset class=\"govuk-fieldset\">\n";
    out += fmt::format("<legend class=\"govuk-fieldset__legend {}\">{}</legend>\n",
                       hidden ? "govuk-visually-hidden" : "govuk-fieldset__legend--m", label);
  } else {
    out += fmt::format("<label class=\"govuk-label {}\" for=\"{}\">{}</label>\n",
                       hidden ? "govuk-visually-hidden" : "govuk-label--m", id, label);
  }
  out += fmt::format("<p class=\"transcript-note\">Question ({})</p>\n", html(q.kind));
  html_error_message(out, q, id);
  if (q.kind == "date") html_date_input(out, q, id, error);
  else if (choice) html_radios(out, q, id);
  else out += text_input(id, q.value, q.kind == "number" ? " govuk-input--width-10" : "", error);
  out += fieldset ? "</fieldset>\n</div>\n" : "</div>\n";
}

void html_summary_rows(std::string& out, const std::vector<SummaryRow>& rows) {
  if (rows.empty()) return;
  bool any_change = std::any_of(rows.begin(), rows.end(), [](const SummaryRow& row) { return row.change_step; });
  out += "<dl class=\"govuk-summary-list\">\n";
  for (const SummaryRow& row : rows) {
    bool no_actions = any_change && !row.change_step;
    out += fmt::format("<div class=\"govuk-summary-list__row{}\">\n",
                       no_actions ? " govuk-summary-list__row--no-actions" : "");
    out += fmt::format("<dt class=\"govuk-summary-list__key\">{}</dt>\n", html(row.label));
    out += fmt::format("<dd class=\"govuk-summary-list__value\">{}</dd>\n", html(row.value));
    if (row.change_step) {
      out += fmt::format(
          "<dd class=\"govuk-summary-list__actions\"><a class=\"govuk-link\" href=\"#\">Change<span "
          "class=\"govuk-visually-hidden\"> {}</span></a></dd>\n",
          html(row.label));
    }
    out += "</div>\n";
  }
  out += "</dl>\n";
}

void html_link_list(std::string& out, const std::vector<PageLink>& links) {
  if (links.empty()) return;
  out += "<ul class=\"govuk-list\">\n";
  for (const PageLink& link : links) {
    out += fmt::format("<li><a class=\"govuk-link\" href=\"#\">{}</a></li>\n", html(link.text));
  }
  out += "</ul>\n";
}

// The button, with the page's actions beside it as GOV.UK groups a button and its links.
void html_button_group(std::string& out, const Page& page) {
  if (!page.button && page.actions.empty()) return;
  out += "<div class=\"govuk-button-group\">\n";
  if (page.button) {
    out += fmt::format("<button type=\"button\" class=\"govuk-button\" data-module=\"govuk-button\">{}</button>\n",
                       html(*page.button));
  }
  for (const PageLink& action : page.actions) {
    out += fmt::format("<a class=\"govuk-link\" href=\"#\">{}</a>\n", html(action.text));
  }
  out += "</div>\n";
}

void html_journey_page(std::string& out, const Page& page, std::size_t number) {
  html_error_summary(out, page, number);
  html_heading(out, page);
  html_paragraphs(out, page.body);
  if (page.inset) out += fmt::format("<div class=\"govuk-inset-text\">{}</div>\n", html(*page.inset));
  for (const PageQuestion& q : page.questions) html_question(out, page, q, number);
  html_summary_rows(out, page.rows);
  html_link_list(out, page.links);
  html_button_group(out, page);
}

void html_secondary_buttons(std::string& out, const std::vector<PageLink>& actions) {
  if (actions.empty()) return;
  out += "<div class=\"govuk-button-group\">\n";
  for (const PageLink& action : actions) {
    out += fmt::format(
        "<a href=\"#\" role=\"button\" draggable=\"false\" class=\"govuk-button govuk-button--secondary\" "
        "data-module=\"govuk-button\">{}</a>\n",
        html(action.text));
  }
  out += "</div>\n";
}

std::string html_cell(std::string_view content) {
  return fmt::format("<td class=\"govuk-table__cell\">{}</td>", content);
}

// A view's list as a table, with a column only for what some row has.
void html_view_list(std::string& out, const ViewList& list) {
  out += fmt::format("<h2 class=\"govuk-heading-m\">{}</h2>\n", html(list.name));
  if (list.rows.empty()) {
    out += "<p class=\"govuk-body\">None.</p>\n";
    return;
  }
  auto any = [&list](auto field) {
    return std::any_of(list.rows.begin(), list.rows.end(), [field](const ViewRow& row) { return bool(row.*field); });
  };
  bool label = any(&ViewRow::label), status = any(&ViewRow::status), reason = any(&ViewRow::reason),
       text = any(&ViewRow::text);
  bool actions =
      std::any_of(list.rows.begin(), list.rows.end(), [](const ViewRow& row) { return !row.actions.empty(); });
  out += "<table class=\"govuk-table\">\n<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">";
  const std::pair<bool, std::string_view> columns[] = {
      {true, "Name"}, {label, "Label"}, {status, "Status"}, {reason, "Reason"}, {text, "Details"},
      {actions, "<span class=\"govuk-visually-hidden\">Actions</span>"}};
  for (const auto& [wanted, header] : columns) {
    if (wanted) out += fmt::format("<th scope=\"col\" class=\"govuk-table__header\">{}</th>", header);
  }
  out += "</tr></thead>\n<tbody class=\"govuk-table__body\">\n";
  for (const ViewRow& row : list.rows) {
    out += "<tr class=\"govuk-table__row\">" + html_cell(html(row.name.value_or(row.id)));
    if (label) out += html_cell(html(row.label.value_or("")));
    if (status) out += html_cell(row.status ? "<strong class=\"govuk-tag\">" + html(*row.status) + "</strong>" : "");
    if (reason) out += html_cell(html(row.reason.value_or("")));
    if (text) out += html_cell(html(row.text.value_or("")));
    if (actions) {
      std::string links;
      for (const PageLink& action : row.actions) {
        links += fmt::format("<a class=\"govuk-link\" href=\"#\">{}</a> ", html(action.text));
      }
      out += html_cell(links);
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
}

void html_view_page(std::string& out, const ViewPage& view) {
  out += fmt::format("<h1 class=\"govuk-heading-l\">{}</h1>\n", html(view.title));
  html_paragraphs(out, view.body);
  html_secondary_buttons(out, view.actions);
  for (const ViewList& list : view.lists) html_view_list(out, list);
}

void html_what_they_did(std::string& out, const TranscriptPage& shown, bool last) {
  out += "<div class=\"transcript-did\" role=\"note\">\n<h2 class=\"govuk-heading-m\">What the participant did</h2>\n";
  std::vector<GivenAnswer> answers = given_answers(shown);
  if (!answers.empty()) out += "<ul class=\"govuk-list govuk-list--bullet\">\n";
  for (const GivenAnswer& given : answers) {
    out += given.question.empty()
               ? fmt::format("<li><strong>{}</strong></li>\n", html(given.answer))
               : fmt::format("<li>Answered “{}”: <strong>{}</strong></li>\n", html(given.question), html(given.answer));
  }
  if (!answers.empty()) out += "</ul>\n";
  std::string then = what_happened_last(shown, last);
  if (!then.empty()) out += fmt::format("<p class=\"govuk-body\"><strong>Then:</strong> {}</p>\n", html(then));
  if (then.empty() && answers.empty()) out += "<p class=\"govuk-body\">Nothing recorded.</p>\n";
  out += "</div>\n";
}

std::string html_caption(const TranscriptPage& shown, std::size_t number, std::size_t count) {
  std::string where;
  if (shown.page) {
    where = fmt::format("journey <code>{}</code>, step <code>{}</code> ({}{})", html(shown.page->journey),
                        html(shown.page->step), html(page_kind_in_words(shown.page->kind)),
                        shown.page->completed ? ", journey completed" : "");
  } else if (shown.view) {
    where = fmt::format("record page <code>{}</code>", html(shown.view->view));
  }
  return fmt::format("<p class=\"govuk-body-s transcript-page__caption\">Page {} of {} · {}</p>\n", number, count,
                     where);
}

void html_page(std::string& out, const TranscriptPage& shown, std::size_t number, std::size_t count) {
  out += fmt::format("<section class=\"transcript-page\" id=\"page-{}\">\n<div class=\"govuk-width-container\">\n",
                     number);
  out += html_caption(shown, number, count);
  if (shown.page && shown.page->back_step) out += "<a href=\"#\" class=\"govuk-back-link\">Back</a>\n";
  out += "<div class=\"govuk-main-wrapper\">\n<div class=\"govuk-grid-row\">\n";
  out += shown.view ? "<div class=\"govuk-grid-column-full\">\n" : "<div class=\"govuk-grid-column-two-thirds\">\n";
  if (shown.page) html_journey_page(out, *shown.page, number);
  else if (shown.view) html_view_page(out, *shown.view);
  out += "</div>\n</div>\n</div>\n";
  html_what_they_did(out, shown, number == count);
  out += "</div>\n</section>\n";
}

void html_front_matter(std::string& out, const Transcript& transcript) {
  out += "<div class=\"govuk-width-container\">\n<div class=\"govuk-main-wrapper\">\n";
  out += "<span class=\"govuk-caption-l\">Scenario transcript</span>\n";
  out += fmt::format("<h1 class=\"govuk-heading-xl\">{}</h1>\n<dl class=\"govuk-summary-list\">\n",
                     html(transcript.scenario));
  const std::pair<std::string_view, const std::string*> facts[] = {{"Scenario file", &transcript.file},
                                                                     {"School (URN)", &transcript.school}};
  for (const auto& [key, value] : facts) {
    out += fmt::format(
        "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">{}</dt>"
        "<dd class=\"govuk-summary-list__value\">{}</dd></div>\n",
        key, html(*value));
  }
  out += "</dl>\n<h2 class=\"govuk-heading-m\">Pages</h2>\n<ol class=\"govuk-list govuk-list--number\">\n";
  for (std::size_t i = 0; i < transcript.pages.size(); ++i) {
    out += fmt::format("<li><a class=\"govuk-link\" href=\"#page-{}\">{}</a></li>\n", i + 1,
                       html(page_title(transcript.pages[i])));
  }
  out += "</ol>\n</div>\n</div>\n";
}

}  // namespace

std::string transcript_markdown(const Transcript& transcript) {
  std::string out = fmt::format("# Transcript: {}\n\n", md(transcript.scenario));
  out += fmt::format("- Scenario file: {}\n- School (URN): {}\n- Pages: {}\n\n", md_code(transcript.file),
                     md(transcript.school), transcript.pages.size());
  for (std::size_t i = 0; i < transcript.pages.size(); ++i) {
    const TranscriptPage& shown = transcript.pages[i];
    out += fmt::format("---\n\n## {}. {}\n\n", i + 1, md(page_title(shown)));
    if (shown.page) md_journey_page(out, *shown.page);
    else if (shown.view) md_view_page(out, *shown.view);
    md_what_they_did(out, shown, i + 1 == transcript.pages.size());
  }
  return out;
}

std::string transcript_html(const Transcript& transcript, std::string_view govuk_css) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\" class=\"govuk-template\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format("<title>Transcript: {}</title>\n", html(transcript.scenario));
  out += "<style>\n" + self_contained_css(govuk_css) + "\n</style>\n";
  out += fmt::format("<style>\n{}</style>\n</head>\n", kTranscriptCss);
  out += "<body class=\"govuk-template__body\">\n<main id=\"main-content\">\n";
  html_front_matter(out, transcript);
  for (std::size_t i = 0; i < transcript.pages.size(); ++i) {
    html_page(out, transcript.pages[i], i + 1, transcript.pages.size());
  }
  out += "</main>\n</body>\n</html>\n";
  return out;
}

std::optional<std::string> read_govuk_css(const std::string& project_root, std::string& problem) {
  const std::filesystem::path path = std::filesystem::path(project_root) / kGovukCssPath;
  std::error_code ignored;
  std::ifstream in(path, std::ios::binary);
  if (!std::filesystem::is_regular_file(path, ignored) || !in) {
    problem = fmt::format("GOV.UK Frontend's CSS is not at {}; run scripts/fetch-govuk-frontend.sh to fetch it",
                          path.string());
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace ectflow::scenario
