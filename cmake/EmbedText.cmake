# Writes INPUT into OUTPUT as a C++ raw string, so the binary carries the flow standard library.
file(READ ${INPUT} content)
file(WRITE ${OUTPUT} "// Generated from ${INPUT}; do not edit.\n#include <string_view>\nnamespace ectflow::stdlib {\nextern const std::string_view kAnswersFlow;\nconst std::string_view kAnswersFlow = R\"ectflow_stdlib(${content})ectflow_stdlib\";\n}\n")
