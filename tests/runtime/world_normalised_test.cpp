// A world's fields typed by an answer type are stored as the service stores answers: a TRN or a
// National Insurance number written the way a person types it still matches what they type on a
// page. One that the answer type refuses is a problem naming where it is.
#include <gtest/gtest.h>

#include "ectflow/engine.hpp"
#include "runtime_fixture.hpp"

namespace ectflow {
namespace {

using testing::service_engine;

std::string teacher_world(const std::string& trn, const std::string& nino) {
  return R"({"teachers": [{"trn": ")" + trn + R"(", "first_name": "Julie", "last_name": "Carver",
             "date_of_birth": "1990-02-03", "national_insurance_number": ")" + nino + R"("}],
             "schools": [{"urn": "100001", "name": "Example Primary"}]})";
}

TEST(WorldFields, AreStoredAsTheirAnswerTypesNormaliseThem) {
  std::vector<std::string> problems;
  auto store = make_memory_store(*service_engine(), teacher_world("RP99/12345", "ab 12 34 56 c"),
                                 Date::from_ymd(2025, 9, 1), problems);
  ASSERT_TRUE(problems.empty()) << problems.front();
  const RecordTypeId teacher = *service_engine()->record_type("teacher");
  const Record* found = store->find(teacher, "9912345");
  ASSERT_NE(found, nullptr) << "the TRN is stored normalised, and found by it";
  const auto nino = *service_engine()->schema(teacher).slot("national_insurance_number");
  EXPECT_EQ(std::get<std::string>(found->fields[nino]), "AB123456C");
}

TEST(WorldFields, OneItsAnswerTypeRefusesIsAProblemNamingWhereItIs) {
  std::vector<std::string> problems;
  make_memory_store(*service_engine(), teacher_world("1234567", "not a number"), Date::from_ymd(2025, 9, 1),
                    problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].rfind("teachers[0].national_insurance_number: ", 0), 0u) << problems[0];
}

}  // namespace
}  // namespace ectflow
