// A one-journey flow whose outcome calls a hook (rules/band.lua): for the hook and snapshot tests.
#pragma once

namespace ectflow::testing {

inline const char* kSizeUpFlow = R"(record school
  key urn
  field urn as text
  field name as text
end

hook band(size as number) returns text in "rules/band.lua"

journey size_up "Size up" for school
  step size "How many pupils?"
    ask size as number
    next result
  end

  outcome result "This school is {band(size)}"
  end
end
)";

}  // namespace ectflow::testing
