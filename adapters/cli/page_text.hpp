// Pages and views as terminal text for `ectflow run`. `choices` gets the links shown, numbered
// from 1, so the person can pick one by its number.
#pragma once

#include <string>
#include <vector>

#include "ectflow/engine.hpp"

namespace ectflow::cli {

std::string page_text(const Page& page, std::vector<PageLink>& choices);
std::string view_text(const ViewPage& page, std::vector<PageLink>& choices);

}  // namespace ectflow::cli
