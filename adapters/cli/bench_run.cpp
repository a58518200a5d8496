// run_lines: register_ect, then assign_mentor for the ECT it created, for each line, checking
// that each submission is for the step the journey is at (WORKLOAD.md).
#include "bench_run.hpp"

#include "json_answers.hpp"

namespace ectflow::cli {

namespace {

constexpr const char* kRegister = "register_ect";
constexpr const char* kAssign = "assign_mentor";
constexpr int kConflictRetries = 50;

std::string where(const BenchLine& line, std::size_t submission) {
  return "line " + std::to_string(line.number) + ", submission " + std::to_string(submission + 1) + ": ";
}

}  // namespace

BenchDriver engine_bench_driver(const Engine& engine) {
  return {[&engine](const std::string& journey, const RunContext& context, const std::optional<std::string>& with) {
            return start_journey(engine, journey, context, with);
          },
          [&engine](const JourneyInstance& instance, const std::string& step, const Answers& answers,
                    const RunContext& context) { return submit(engine, instance, step, answers, context); }};
}

void run_lines(const BenchDriver& driver, Store& store, Date today, const std::vector<BenchLine>& lines,
               std::size_t first, std::size_t last, Tally& tally, const std::function<void(std::size_t)>& done) {
  for (std::size_t n = first; n < last; ++n) {
    const BenchLine& line = lines[n];
    const RunContext context{store, today, line.school};
    JourneyResult result = driver.start(kRegister, context, std::nullopt);
    if (result.kind != JourneyResult::Kind::page) {
      throw BenchMismatch(where(line, 0) + kRegister + " did not start: " + result.problem);
    }
    JourneyInstance instance = std::move(result.instance);
    const char* journey = kRegister;
    std::size_t i = 0;
    for (const nlohmann::json& submission : line.submissions) {
      if (instance.completed && journey == kRegister) {
        auto created = instance.created.find("new_ect");
        if (created == instance.created.end()) throw BenchMismatch(where(line, i) + "register_ect created no ECT");
        result = driver.start(kAssign, context, created->second);
        if (result.kind != JourneyResult::Kind::page) {
          throw BenchMismatch(where(line, i) + kAssign + " did not start: " + result.problem);
        }
        instance = std::move(result.instance);
        journey = kAssign;
      }
      const std::string& step = submission.at("step").get_ref<const std::string&>();
      if (step != instance.step) {
        throw BenchMismatch(where(line, i) + "for step " + step + ", the journey is at " + instance.step);
      }
      const Answers answers = answers_from_json(submission.at("answers"));
      result = driver.submit(instance, step, answers, context);
      // Processes on disjoint schools never change the same records, but PostgreSQL's SERIALIZABLE
      // checks lock pages and whole tables too, so they can refuse a completion more often than the
      // store runs it again. A person would confirm again, and so does the bench (counted apart).
      for (int again = 0; result.kind == JourneyResult::Kind::conflict && again < kConflictRetries; ++again) {
        ++tally.conflicts;
        result = driver.submit(instance, step, answers, context);
      }
      ++tally.submissions;
      ++i;
      if (result.kind == JourneyResult::Kind::rejected && step == "check_answers") {
        // Not confirmed (confirm is not `true`, or comes with other answers): the workload's invalid_choice.
        ++tally.rejected;
        ++tally.rejections_by_error["invalid_choice"];
        continue;
      }
      if (result.kind != JourneyResult::Kind::page) {
        throw BenchMismatch(where(line, i - 1) + step + ": " + result.problem_code + ": " + result.problem);
      }
      if (!result.page.errors.empty()) {
        ++tally.rejected;
        for (const auto& [answer, code] : result.page.errors) ++tally.rejections_by_error[code];
        instance = std::move(result.instance);
        continue;
      }
      ++tally.accepted;
      instance = std::move(result.instance);
      if (instance.completed) ++tally.completed[journey];
    }
    if (journey != kAssign || !instance.completed) {
      throw BenchMismatch(where(line, i) + "the submissions ended with " + journey + " at " + instance.step);
    }
    ++tally.journeys;
    if (done) done(n);
  }
}

}  // namespace ectflow::cli
