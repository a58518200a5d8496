// Transcripts of hand-made scenario runs: what the Markdown and the HTML show a user researcher,
// that page text is escaped, and that the HTML makes no file or network reference.
#include "ectflow/transcript.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

namespace ectflow::scenario {
namespace {

const std::string kScript = "<script>alert(1)</script>";

PageQuestion choose_mentor_question() {
  PageQuestion q;
  q.name = "mentor";
  q.label = "Who will mentor Sam Smith?";
  q.kind = "choice";
  q.options = {{"m1", "Ann Jones", "Mentoring 2 ECTs"}, {"m2", "Bob Brown", std::nullopt}};
  return q;
}

TranscriptPage choose_mentor_page() {
  Page page;
  page.journey = "assign_mentor";
  page.step = "choose_mentor";
  page.kind = "question";
  page.title = "Who will mentor Sam Smith?";
  page.questions = {choose_mentor_question()};
  page.back_step = "start";
  page.button = "Continue";
  return {page, std::nullopt, "Continued", {{"mentor", "m1"}}};
}

TranscriptPage trn_page_with_error() {
  Page page;
  page.journey = "register_ect";
  page.step = "trn";
  page.kind = "question";
  page.title = "What is the ECT's teacher reference number (TRN)?";
  PageQuestion q;
  q.name = "trn";
  q.label = "TRN";
  q.kind = "text";
  q.value = "12";
  q.error_code = "invalid";
  q.error_message = "Enter a TRN with 7 digits";
  page.questions = {q};
  page.errors = {{"trn", "invalid"}};
  page.inset = "You can find a TRN on the teacher's payslip";
  page.links = {{PageLink::Kind::step, "They do not have a TRN", "no_trn", ""}};
  page.button = "Continue";
  return {page, std::nullopt, "Continued", {{"trn", "1234567"}}};
}

TranscriptPage check_answers_page() {
  Page page;
  page.journey = "assign_mentor";
  page.step = "check_answers";
  page.kind = "check_answers";
  page.title = "Check your answers";
  page.rows = {{"ect", "ECT", "Sam Smith", "choose_ect"},
               {"mentor", "Mentor", "Ann Jones", "choose_mentor"},
               {"school", "School", "Acme Academy", std::nullopt}};
  page.button = "Confirm and assign";
  return {page, std::nullopt, "Confirmed", {{"confirm", "true"}}};
}

TranscriptPage confirmation_page() {
  Page page;
  page.journey = "assign_mentor";
  page.step = "done";
  page.kind = "confirmation";
  page.title = "Ann Jones will mentor Sam Smith";
  page.body = {"We have told the lead provider."};
  page.links = {{PageLink::Kind::open_view, "Back to your ECTs", "school", "100001"}};
  page.completed = true;
  return {page, std::nullopt, "Followed “Back to your ECTs”", {}};
}

TranscriptPage school_view_page() {
  ViewPage view;
  view.view = "school";
  view.title = "Early career teachers at Acme Academy";
  view.body = {"ECTs and their mentors."};
  view.actions = {{PageLink::Kind::start_journey, "Register an ECT", "register_ect", "100001"}};
  ViewRow sam;
  sam.id = "ect-1";
  sam.name = "Sam Smith";
  sam.status = "Active";
  sam.label = "Mentor: Ann Jones";
  sam.text = "Started 1 September 2025";
  sam.actions = {{PageLink::Kind::start_journey, "Change mentor", "assign_mentor", "ect-1"}};
  view.lists = {{"ects", {sam}}, {"mentors without ECTs", {}}};
  return {std::nullopt, view, "", {}};
}

Transcript whole_run() {
  return {"A school assigns a mentor", "scenarios/assign_mentor.yaml", "100001",
          {choose_mentor_page(), trn_page_with_error(), check_answers_page(), confirmation_page(), school_view_page()}};
}

// A page whose title and an option's hint come from someone who typed HTML.
Transcript hostile_run() {
  TranscriptPage shown = choose_mentor_page();
  shown.page->title = kScript;
  shown.page->questions[0].options[0].hint = kScript;
  return {"Names with " + kScript, "scenarios/" + kScript + ".yaml", "100001", {shown}};
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Every url( in `html`, in any case, holds a data: URL, so nothing is fetched.
void expect_only_data_urls(std::string html) {
  std::transform(html.begin(), html.end(), html.begin(), [](unsigned char c) { return std::tolower(c); });
  for (std::size_t at = html.find("url("); at != std::string::npos; at = html.find("url(", at + 4)) {
    std::size_t start = html.find_first_not_of(" \t\n\"'", at + 4);
    EXPECT_EQ(html.compare(start, 5, "data:"), 0) << html.substr(at, 60);
  }
}

void expect_no_reference_out(const std::string& html) {
  EXPECT_FALSE(contains(html, "url(/assets"));
  EXPECT_FALSE(contains(html, "/assets/"));
  EXPECT_FALSE(contains(html, "<link"));
  EXPECT_FALSE(contains(html, "src="));
  EXPECT_FALSE(contains(html, "sourceMappingURL"));
  expect_only_data_urls(html);
}

// ---- Markdown ----

TEST(TranscriptMarkdown, ShowsEveryPageTitleAndTheScenario) {
  std::string md = transcript_markdown(whole_run());
  for (const char* part : {"# Transcript: A school assigns a mentor", "`scenarios/assign_mentor.yaml`", "100001",
                           "## 1. Who will mentor Sam Smith?", "## 3. Check your answers",
                           "## 4. Ann Jones will mentor Sam Smith", "## 5. Early career teachers at Acme Academy"}) {
    EXPECT_TRUE(contains(md, part)) << part << "\n" << md;
  }
}

TEST(TranscriptMarkdown, ShowsQuestionsWithTheirKindOptionsAndHints) {
  std::string md = transcript_markdown(whole_run());
  EXPECT_TRUE(contains(md, "**Question: Who will mentor Sam Smith?** (choice)")) << md;
  EXPECT_TRUE(contains(md, "- Ann Jones — *Mentoring 2 ECTs*\n")) << md;
  EXPECT_TRUE(contains(md, "- Bob Brown\n")) << md;
  EXPECT_TRUE(contains(md, "Button: **Continue**")) << md;
  EXPECT_TRUE(contains(md, "Back link")) << md;
}

TEST(TranscriptMarkdown, ShowsTheErrorSummaryAndTheMessageByTheQuestion) {
  std::string md = transcript_markdown(whole_run());
  EXPECT_TRUE(contains(md, "> **There is a problem**\n>\n> - Enter a TRN with 7 digits\n")) << md;
  EXPECT_TRUE(contains(md, "Error by the question: **Enter a TRN with 7 digits**")) << md;
  EXPECT_TRUE(contains(md, "Already filled in: 12")) << md;
  EXPECT_TRUE(contains(md, "> You can find a TRN on the teacher's payslip")) << md;
  EXPECT_TRUE(contains(md, "- Link: They do not have a TRN")) << md;
}

TEST(TranscriptMarkdown, ShowsAChoiceAnswerByItsOptionsLabel) {
  std::string md = transcript_markdown(whole_run());
  EXPECT_TRUE(contains(md, "- Answered “Who will mentor Sam Smith?”: **Ann Jones**")) << md;
  EXPECT_FALSE(contains(md, "**m1**")) << md;
  EXPECT_TRUE(contains(md, "- Answered “TRN”: **1234567**")) << md;
  EXPECT_TRUE(contains(md, "- Then: Continued")) << md;
}

TEST(TranscriptMarkdown, ShowsCheckAnswersRowsAndTheConfirmation) {
  std::string md = transcript_markdown(whole_run());
  EXPECT_TRUE(contains(md, "- **ECT**: Sam Smith (Change link)\n")) << md;
  EXPECT_TRUE(contains(md, "- **School**: Acme Academy\n")) << md;
  EXPECT_TRUE(contains(md, "- Confirmed\n- Then: Confirmed\n")) << md;
  EXPECT_TRUE(contains(md, "journey completed")) << md;
}

TEST(TranscriptMarkdown, ShowsARecordPageWithItsListsAndTheEnd) {
  std::string md = transcript_markdown(whole_run());
  EXPECT_TRUE(contains(md, "Record page `school`")) << md;
  EXPECT_TRUE(contains(md, "- Action: Register an ECT")) << md;
  EXPECT_TRUE(contains(md, "List: **ects**")) << md;
  EXPECT_TRUE(contains(md, "- **Sam Smith** — Mentor: Ann Jones — status: Active — Started 1 September 2025\n"
                           "  - Action: Change mentor\n"))
      << md;
  EXPECT_TRUE(contains(md, "List: **mentors without ECTs**\n\n- None\n")) << md;
  EXPECT_TRUE(contains(md, "- Then: The scenario ends here.")) << md;
}

TEST(TranscriptMarkdown, EscapesPageTextSoItPrintsAsWritten) {
  struct Case {
    std::string text;
    std::string paragraph;
  };
  const Case cases[] = {
      {"1. Induction", "1\\. Induction"},
      {"# Not a heading", "\\# Not a heading"},
      {"- not a list", "\\- not a list"},
      {"*bold* and _it_", "\\*bold\\* and \\_it\\_"},
      {kScript, "\\<script\\>alert(1)\\</script\\>"},
      {"[link](x)", "\\[link\\](x)"},
      {"Smith & Jones", "Smith & Jones"},
      {"&amp; entity", "\\&amp; entity"},
      {"a | b ~ c `d`", "a \\| b \\~ c \\`d\\`"},
      {"two\nlines", "two lines"},
      {"  padded  ", "padded"},
  };
  for (const Case& c : cases) {
    Transcript transcript = whole_run();
    transcript.pages[3].page->body = {c.text};
    EXPECT_TRUE(contains(transcript_markdown(transcript), "\n" + c.paragraph + "\n\n")) << c.text;
  }
}

// ---- HTML ----

TEST(TranscriptHtml, IsOneStandaloneDocumentWithThePrintRules) {
  std::string html = transcript_html(whole_run(), ".govuk-body{margin:0}");
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n", 0), 0u);
  EXPECT_TRUE(contains(html, "<html lang=\"en\" class=\"govuk-template\">"));
  EXPECT_TRUE(contains(html, "<body class=\"govuk-template__body\">"));
  EXPECT_TRUE(contains(html, "<style>\n.govuk-body{margin:0}\n</style>"));
  EXPECT_TRUE(contains(html, "break-before: page"));
  EXPECT_TRUE(contains(html, "</html>\n"));
  expect_no_reference_out(html);
}

TEST(TranscriptHtml, UsesGovukFrontendClasses) {
  std::string html = transcript_html(whole_run(), "");
  for (const char* css_class :
       {"govuk-width-container", "govuk-main-wrapper", "govuk-heading-l", "govuk-error-summary",
        "govuk-error-summary__title", "govuk-error-summary__list", "govuk-form-group", "govuk-form-group--error",
        "govuk-error-message", "govuk-radios", "govuk-radios__item", "govuk-radios__label", "govuk-radios__hint",
        "govuk-summary-list", "govuk-summary-list__actions", "govuk-button", "govuk-inset-text", "govuk-body",
        "govuk-link", "govuk-table", "govuk-panel--confirmation", "govuk-back-link", "govuk-tag"}) {
    EXPECT_TRUE(contains(html, css_class)) << css_class;
  }
}

TEST(TranscriptHtml, ShowsThePagesContent) {
  std::string html = transcript_html(whole_run(), "");
  for (const char* part : {
           "A school assigns a mentor", "scenarios/assign_mentor.yaml", "100001",
           "<h1 class=\"govuk-heading-l\">Who will mentor Sam Smith?</h1>",
           "<h2 class=\"govuk-error-summary__title\">There is a problem</h2>",
           "<li><a href=\"#page-2-trn\">Enter a TRN with 7 digits</a></li>", "id=\"page-2-trn\"",
           "<span class=\"govuk-visually-hidden\">Error:</span> Enter a TRN with 7 digits",
           "class=\"govuk-hint govuk-radios__hint\">Mentoring 2 ECTs</div>",
           "<dt class=\"govuk-summary-list__key\">ECT</dt>", "govuk-summary-list__row--no-actions",
           "<h1 class=\"govuk-panel__title\">Ann Jones will mentor Sam Smith</h1>",
           "<strong class=\"govuk-tag\">Active</strong>", "Change mentor",
       }) {
    EXPECT_TRUE(contains(html, part)) << part;
  }
}

TEST(TranscriptHtml, MarksWhatTheParticipantDidOnEachPage) {
  std::string html = transcript_html(whole_run(), "");
  std::size_t boxes = 0;
  for (std::size_t at = html.find("class=\"transcript-did\""); at != std::string::npos;
       at = html.find("class=\"transcript-did\"", at + 1)) {
    ++boxes;
  }
  EXPECT_EQ(boxes, 5u);
  EXPECT_TRUE(contains(html, "Answered “Who will mentor Sam Smith?”: <strong>Ann Jones</strong>"));
  EXPECT_TRUE(contains(html, "<li><strong>Confirmed</strong></li>"));
  EXPECT_TRUE(contains(html, "<strong>Then:</strong> Followed “Back to your ECTs”"));
}

TEST(TranscriptHtml, ShowsADateAsDayMonthAndYearUnlessItWasTypedOtherwise) {
  Transcript transcript = whole_run();
  PageQuestion& start = transcript.pages[1].page->questions[0];
  start.kind = "date";
  start.value = "2025-09-01";
  std::string html = transcript_html(transcript, "");
  EXPECT_TRUE(contains(html, "class=\"govuk-date-input\" id=\"page-2-trn\""));
  for (const char* box : {"id=\"page-2-trn-Day\" name=\"page-2-trn-Day\" type=\"text\" value=\"01\"",
                          "id=\"page-2-trn-Month\" name=\"page-2-trn-Month\" type=\"text\" value=\"09\"",
                          "id=\"page-2-trn-Year\" name=\"page-2-trn-Year\" type=\"text\" value=\"2025\""}) {
    EXPECT_TRUE(contains(html, box)) << box;
  }
  start.value = "31/02";
  html = transcript_html(transcript, "");
  EXPECT_FALSE(contains(html, "govuk-date-input\""));
  EXPECT_TRUE(contains(html, "id=\"page-2-trn\" name=\"page-2-trn\" type=\"text\" value=\"31/02\""));
}

TEST(TranscriptHtml, SaysSoWhenNothingWasRecordedOnAPage) {
  Transcript transcript = whole_run();
  transcript.pages[0].then.clear();
  transcript.pages[0].answers.clear();
  EXPECT_TRUE(contains(transcript_html(transcript, ""), "<p class=\"govuk-body\">Nothing recorded.</p>"));
  EXPECT_TRUE(contains(transcript_markdown(transcript), "### What the participant did\n\n- Nothing recorded\n"));
}

TEST(TranscriptHtml, EscapesTextFromFlowsAndRecords) {
  std::string html = transcript_html(hostile_run(), "");
  EXPECT_FALSE(contains(html, "<script"));
  EXPECT_TRUE(contains(html, "<h1 class=\"govuk-heading-l\">&lt;script&gt;alert(1)&lt;/script&gt;</h1>"));
  EXPECT_TRUE(contains(html, "govuk-radios__hint\">&lt;script&gt;alert(1)&lt;/script&gt;</div>"));
}

TEST(TranscriptHtml, NeutralisesEveryReferenceInTheCss) {
  const std::string css =
      "@charset \"UTF-8\";@import \"/assets/more.css\";"
      "@font-face{font-family:GDS Transport;src:url(/assets/fonts/light.woff2) format(\"woff2\"),"
      "URL( '/assets/fonts/light.woff' ) format(\"woff\")}"
      ".crest{background-image:url(\"/assets/images/govuk-crest.svg\")}"
      ".dot{background:url(data:image/png;base64,AAAA)}"
      ".odd{content:\"</style>x\"}\n"
      "/*# sourceMappingURL=govuk-frontend.min.css.map */";
  std::string html = transcript_html(whole_run(), css);
  expect_no_reference_out(html);
  EXPECT_FALSE(contains(html, "@import"));
  EXPECT_TRUE(contains(html, "url(data:image/png;base64,AAAA)"));
  EXPECT_TRUE(contains(html, ".crest{background-image:url(\"data:,\")}"));
  EXPECT_TRUE(contains(html, ".odd{content:\"<\\/style>x\"}"));  // cannot close the <style> early
  std::size_t closings = 0;
  for (std::size_t at = html.find("</style>"); at != std::string::npos; at = html.find("</style>", at + 1)) ++closings;
  EXPECT_EQ(closings, 2u);  // GOV.UK Frontend's, then the transcript's own
}

// ---- GOV.UK Frontend's CSS ----

std::filesystem::path fresh_temp_dir() {
  auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
  auto dir = std::filesystem::temp_directory_path() / ("ectflow-transcript-" + std::to_string(stamp));
  std::filesystem::create_directories(dir);
  return dir;
}

TEST(ReadGovukCss, SaysHowToFetchItWhenMissing) {
  auto root = fresh_temp_dir();
  std::string problem;
  EXPECT_EQ(read_govuk_css(root.string(), problem), std::nullopt);
  EXPECT_TRUE(contains(problem, "scripts/fetch-govuk-frontend.sh")) << problem;
  EXPECT_TRUE(contains(problem, ".cache/govuk-frontend/dist/govuk/govuk-frontend.min.css")) << problem;
  std::filesystem::remove_all(root);
}

TEST(ReadGovukCss, ReadsTheFetchedFile) {
  auto root = fresh_temp_dir();
  auto dir = root / ".cache/govuk-frontend/dist/govuk";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "govuk-frontend.min.css") << ".govuk-body{color:#0b0c0c}";
  std::string problem;
  EXPECT_EQ(read_govuk_css(root.string(), problem), ".govuk-body{color:#0b0c0c}");
  EXPECT_EQ(problem, "");
  std::filesystem::remove_all(root);
}

// The real stylesheet (scripts/fetch-govuk-frontend.sh, which scripts/test.sh runs): inlined, with
// its fonts' and crest's /assets/ references gone. Missing, the test fails and says what to run.
TEST(ReadGovukCss, TheRealCssIsInlinedWithoutAssetReferences) {
  std::string problem;
  std::optional<std::string> css = read_govuk_css(ECTFLOW_SOURCE_DIR, problem);
  ASSERT_TRUE(css) << problem;
  ASSERT_TRUE(contains(*css, "url(/assets")) << "expected GOV.UK Frontend's CSS to name its assets";
  std::string html = transcript_html(whole_run(), *css);
  EXPECT_TRUE(contains(html, ".govuk-radios__item{"));
  EXPECT_TRUE(contains(html, ".govuk-summary-list__row{"));
  EXPECT_TRUE(contains(html, "@font-face{font-family:GDS Transport;"));
  EXPECT_GT(html.size(), css->size());
  expect_no_reference_out(html);
}

}  // namespace
}  // namespace ectflow::scenario
