// Transcripts of a replayed scenario: what a participant sees, page by page (title, questions,
// options with hints, the error summary, check-answers rows, links), and what they did on each
// page, for a user researcher to read or print before a usability test. Standard library types
// only.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ectflow/engine.hpp"

namespace ectflow::scenario {

// One page as the participant saw it, then what they did on it.
struct TranscriptPage {
  std::optional<Page> page;      // a journey's page, or
  std::optional<ViewPage> view;  // a record page (school, mentor, ect)
  // What they did next, in words: "Continued", "Confirmed", "Followed “Assign a mentor”",
  // "Went back", "Changed “Who will mentor Sam Smith?”"; empty on the last page.
  std::string then;
  // The answers they gave on this page (answer name -> value as submitted; a choice's value is
  // an option's value, which the transcript shows by its label).
  Answers answers;
};

struct Transcript {
  std::string scenario;  // the scenario's `scenario:` line
  std::string file;      // the scenario file, as given to the replayer
  std::string school;    // who acted first (a URN); `as` steps change it, noted in `then`
  std::vector<TranscriptPage> pages;
};

// Markdown: a heading per page, questions with their options and hints, errors as the error
// summary shows them, and what the participant answered.
std::string transcript_markdown(const Transcript& transcript);

// A standalone HTML document, printable, laid out with GOV.UK Frontend's classes and its CSS
// (`govuk_css`, the text of govuk-frontend.min.css) inlined: no file or network reference.
std::string transcript_html(const Transcript& transcript, std::string_view govuk_css);

// Where GOV.UK Frontend's CSS is for this project (scripts/fetch-govuk-frontend.sh puts it in
// .cache/), or nullopt with `problem` saying how to get it.
std::optional<std::string> read_govuk_css(const std::string& project_root, std::string& problem);

}  // namespace ectflow::scenario
