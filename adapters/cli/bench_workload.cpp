// read_workload: the three files of a workload directory, checked and turned into what the timed
// loop needs.
#include "bench_workload.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace ectflow::cli {

namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

nlohmann::json parse(const std::string& path, const std::string& text) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw std::runtime_error(path + " is not JSON: " + e.what());
  }
}

}  // namespace

Workload read_workload(const std::string& directory) {
  Workload workload;
  workload.directory = directory;
  const std::string fixtures_path = directory + "/fixtures.json";
  workload.fixtures = parse(fixtures_path, read_text(fixtures_path));
  try {
    auto today = Date::parse_iso(workload.fixtures.at("today").get<std::string>());
    if (!today) throw std::runtime_error("today is not a date like 2025-09-01");
    workload.today = *today;
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(fixtures_path + " is not the workload's fixtures: " + e.what());
  }

  const std::string journeys_path = directory + "/journeys.jsonl";
  std::istringstream journeys(read_text(journeys_path));
  std::string line;
  for (int number = 1; std::getline(journeys, line); ++number) {
    if (line.empty()) continue;
    const nlohmann::json item = parse(journeys_path + ":" + std::to_string(number), line);
    if (!item.contains("school") || !item.contains("submissions") || !item["submissions"].is_array()) {
      throw std::runtime_error(journeys_path + ":" + std::to_string(number) +
                               ": a line needs a school and a list of submissions");
    }
    workload.lines.push_back(
        {item["school"].get<std::string>(), item["submissions"], static_cast<std::size_t>(number)});
  }

  const std::string expected_path = directory + "/expected_state.json";
  workload.expected = parse(expected_path, read_text(expected_path));
  return workload;
}

}  // namespace ectflow::cli
