// The question pages a generated journey asks between its fixed pages, each with its checks,
// its branches and the outcome pages those lead to.
#pragma once

#include <string>
#include <vector>

#include "flow_writer.hpp"
#include "module_plan.hpp"

namespace ectflow::bench {

// What the pages say about the case and where an outcome page leads back to.
struct PageContext {
  std::string who;        // the person's name, as an expression: "name", "claim_7.name"
  std::string own_trn;    // their TRN, as an expression: "trn", "claim_7.trn"
  std::string back_text;  // "Back to your claims"
  std::string back;       // the target after `opens`: "claims_7_list", "claim_7_page with claim_7"
};

// Writes `steps` in order; the last one goes on to `after_last`.
void write_detail_pages(FlowWriter& out, const ModulePlan& plan, const std::vector<DetailStep>& steps,
                        const PageContext& context, const std::string& after_last);

// The value an effect stores for a step's answer: itself, or `fallback` when it was not asked.
std::string stored_answer(const DetailStep& step, const std::string& fallback);

}  // namespace ectflow::bench
