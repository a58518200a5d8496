// Bad input and broken infrastructure: each is one StoreError that names the database and says
// what to do, raised quickly (a lock or a dead server is an error, not a hang).
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <thread>

#include "ectflow/sql_store.hpp"
#include "sql/store_backends.hpp"
#include "store/service_schemas.hpp"

namespace ectflow::sql {
namespace {

using store::testing::service_schemas;
using store::testing::type_of;
using Clock = std::chrono::steady_clock;

// The message of the StoreError `action` throws, or a failure if it throws none.
template <typename Action>
std::string store_error(Action action) {
  try {
    action();
  } catch (const StoreError& error) {
    return error.what();
  }
  ADD_FAILURE() << "no StoreError";
  return {};
}

class SqlFaults : public ::testing::Test {
 protected:
  ~SqlFaults() override {
    std::error_code ignored;
    std::filesystem::remove_all(folder, ignored);
  }
  std::filesystem::path folder = testing::temp_folder();
  std::string path = (folder / "store.db").string();
  std::vector<RecordSchema> schemas = service_schemas();
};

TEST_F(SqlFaults, AFileThatIsNotADatabase) {
  std::ofstream(path) << std::string(4096, 'x') << "\nthis is a flow file, not a database\n";
  std::string message = store_error([&] { open_sql_store(path, schemas)->ensure_schema(); });
  EXPECT_NE(message.find(path + " is not an SQLite database"), std::string::npos) << message;
  EXPECT_NE(message.find("give the path of an ectflow database"), std::string::npos) << message;
}

TEST_F(SqlFaults, AReadOnlyFile) {
  open_sql_store(path, schemas)->ensure_schema();
  ASSERT_EQ(::chmod(path.c_str(), 0444), 0);
  std::string message = store_error([&] { open_sql_store(path, schemas); });
  EXPECT_NE(message.find("SQLite database " + path + " is read-only"), std::string::npos)
      << message;
  EXPECT_NE(message.find("make the file writable"), std::string::npos) << message;
}

TEST_F(SqlFaults, AMissingFolder) {
  std::string missing = (folder / "no-such-folder" / "store.db").string();
  std::string message = store_error([&] { open_sql_store(missing, schemas); });
  EXPECT_NE(message.find("cannot open SQLite database " + missing), std::string::npos) << message;
}

TEST_F(SqlFaults, TablesNotYetCreated) {
  auto store = open_sql_store(path, schemas);
  std::string message = store_error([&] { store->find(type_of(schemas, "ect"), "e1"); });
  EXPECT_NE(message.find("create the schema"), std::string::npos) << message;
}

TEST_F(SqlFaults, ADatabaseLockedByAnotherWriterFailsAfterTheBusyTimeout) {
  SqlOptions quick;
  quick.busy_timeout = std::chrono::milliseconds(300);
  auto holder = open_sql_store(path, schemas, quick);
  holder->ensure_schema();
  auto waiter = open_sql_store(path, schemas, quick);
  std::atomic<bool> holding = false;
  std::atomic<bool> release = false;
  std::thread other([&] {
    holder->transact([&](StoreTransaction&) {  // BEGIN IMMEDIATE on the other connection
      holding = true;
      while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(5));
      return false;
    });
  });
  while (!holding) std::this_thread::yield();
  const auto start = Clock::now();
  std::string message =
      store_error([&] { waiter->transact([](StoreTransaction&) { return true; }); });
  const auto waited = Clock::now() - start;
  // Readers are not blocked by the writer (WAL).
  EXPECT_EQ(waiter->find(type_of(schemas, "ect"), "e1"), nullptr);
  release = true;
  other.join();
  EXPECT_NE(
      message.find("SQLite database " + path + " is locked by another writer (waited 300 ms)"),
      std::string::npos)
      << message;
  EXPECT_GE(waited, std::chrono::milliseconds(250));
  EXPECT_LT(waited, std::chrono::seconds(5));
  // Once the other writer is done, the store works again.
  EXPECT_TRUE(waiter->transact([](StoreTransaction&) { return true; }).committed);
}

TEST_F(SqlFaults, NamesThatAreNotIdentifiersAreRefusedBeforeConnecting) {
  struct Case {
    const char* record;
    const char* field;
    const char* expected;
  } cases[] = {
      {"Ect", "name", "record \"Ect\" cannot name a database table"},
      {"ect", "name; DROP TABLE x", "field \"name; DROP TABLE x\" of record ect cannot name"},
      {"ect", "version", "field ect.version takes a column name the store keeps for itself"},
  };
  for (const auto& c : cases) {
    std::vector<RecordSchema> bad = {{c.record, "ects", {{"id", FieldKind::text, ""}, {c.field, FieldKind::text, ""}}}};
    std::string message = store_error([&] { open_sql_store((folder / "never.db").string(), bad); });
    EXPECT_NE(message.find(c.expected), std::string::npos) << message;
    EXPECT_FALSE(std::filesystem::exists(folder / "never.db"));
  }
}

TEST(SqlUrls, AWrongPostgresUrlSaysWhatShapeItWants) {
  struct Case {
    const char* url;
    const char* expected;
  } cases[] = {
      {"postgresql://localhost", "no database name after the host"},
      {"postgresql://user@/ectflow", "no host"},
      {"postgresql://user@localhost:99999/ectflow", "the port \"99999\" is not a number"},
      {"postgresql://user@localhost:5432/ectflow?sslmode=off", "unknown option \"sslmode=off\""},
      {"postgresql://user@localhost/ectflow?schema=Bad-Name", "the schema \"Bad-Name\""},
      {"postgresql://user:secret@localhost/ectflow?x=1", "user:***@localhost"},
      {"mysql://user@localhost/ectflow", "is not a database I know"},
  };
  for (const auto& c : cases) {
    std::string message = store_error([&] { open_sql_store(c.url, service_schemas()); });
    EXPECT_NE(message.find(c.expected), std::string::npos) << c.url << ": " << message;
    EXPECT_NE(message.find("postgresql://user[:password]@host[:port]/dbname"), std::string::npos)
        << message;
    EXPECT_EQ(message.find("secret"), std::string::npos) << message;
  }
}

// A local port nothing listens on.
int closed_port() {
  int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(s, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  ::getsockname(s, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(s);
  return ntohs(address.sin_port);
}

TEST(SqlPostgres, AServerThatIsDownFailsWithinTheConnectTimeout) {
  SqlOptions options;
  options.connect_timeout = std::chrono::seconds(2);
  const std::string url =
      "postgresql://postgres@127.0.0.1:" + std::to_string(closed_port()) + "/ectflow";
  const auto start = Clock::now();
  std::string message = store_error([&] { open_sql_store(url, service_schemas(), options); });
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(3));
  EXPECT_NE(message.find("cannot connect to PostgreSQL at " + url), std::string::npos) << message;
  EXPECT_NE(message.find("check the server is running"), std::string::npos) << message;
}

TEST(SqlPostgres, ADatabaseThatDoesNotExist) {
  std::string url;
  try {
    url = testing::postgres_test_url();
  } catch (const std::exception& error) {
    FAIL() << error.what();
  }
  url = url.substr(0, url.rfind('/')) + "/no_such_database";
  std::string message = store_error([&] { open_sql_store(url, service_schemas()); });
  EXPECT_NE(message.find("cannot connect to PostgreSQL at " + url), std::string::npos) << message;
  EXPECT_NE(message.find("no_such_database"), std::string::npos) << message;
}

}  // namespace
}  // namespace ectflow::sql
