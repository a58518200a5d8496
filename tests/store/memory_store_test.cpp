// The in-memory store: loading, transactions that apply all their changes or none, reads that
// see a transaction's own writes, fresh ids, and racing writers of which exactly one wins.
#include "store/memory_store.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>

#include "service_schemas.hpp"

namespace ectflow::store {
namespace {

using testing::field;
using testing::service_schemas;
using testing::type_of;

class MemoryStoreTest : public ::testing::Test {
 protected:
  MemoryStoreTest()
      : store(service_schemas()),
        ect(type_of(store.schemas(), "ect")),
        cohort(type_of(store.schemas(), "cohort")) {}

  Record ect_record(std::string id, std::string name, std::int64_t version = 0) {
    Record record;
    record.fields.resize(store.schemas()[ect].fields.size());
    record.fields[0] = std::move(id);
    record.fields[*store.schemas()[ect].slot("name")] = std::move(name);
    record.version = version;
    return record;
  }

  // The stored record, changed: what the engine passes to an update.
  Record renamed(std::string_view id, std::string name) {
    Record record = *store.find(ect, id);
    record.fields[*store.schemas()[ect].slot("name")] = std::move(name);
    return record;
  }

  std::string name_of(std::string_view id) {
    auto value = field(store, "ect", id, "name");
    return std::holds_alternative<std::string>(value) ? std::get<std::string>(value) : "<none>";
  }

  MemoryStore store;
  RecordTypeId ect;
  RecordTypeId cohort;
};

TEST_F(MemoryStoreTest, InsertsLoadedRecordsOnce) {
  ASSERT_TRUE(store.insert(ect, ect_record("e1", "Sam Smith")));
  EXPECT_FALSE(store.insert(ect, ect_record("e1", "Someone Else")));
  ASSERT_NE(store.find(ect, "e1"), nullptr);
  EXPECT_EQ(store.find(ect, "e1")->version, 1);
  EXPECT_EQ(name_of("e1"), "Sam Smith");
  EXPECT_EQ(store.find(ect, "e2"), nullptr);
}

TEST_F(MemoryStoreTest, FindsNumberKeysByTheirText) {
  Record year;
  year.fields.resize(store.schemas()[cohort].fields.size());
  year.fields[0] = 2025.0;
  ASSERT_TRUE(store.insert(cohort, year));
  EXPECT_NE(store.find(cohort, "2025"), nullptr);
}

TEST_F(MemoryStoreTest, CreatesUpdatesAndRemoves) {
  ASSERT_TRUE(store.insert(ect, ect_record("e1", "Sam Smith")));
  ASSERT_TRUE(store.insert(ect, ect_record("e2", "Ana Jones")));
  auto result = store.transact([&](StoreTransaction& tx) {
    tx.apply({RecordChange::Kind::create, ect, ect_record("e3", "Lee Park")});
    tx.apply({RecordChange::Kind::update, ect, renamed("e1", "Samuel Smith")});
    tx.apply({RecordChange::Kind::remove, ect, *store.find(ect, "e2")});
    return true;
  });
  EXPECT_TRUE(result.committed);
  EXPECT_EQ(result.conflict, "");
  EXPECT_EQ(name_of("e1"), "Samuel Smith");
  EXPECT_EQ(store.find(ect, "e1")->version, 2);
  EXPECT_EQ(store.find(ect, "e2"), nullptr);
  EXPECT_EQ(store.find(ect, "e3")->version, 1);
  std::vector<std::string> order;
  store.for_each(ect, [&](const Record& r) { order.push_back(r.id(store.schemas()[ect])); });
  EXPECT_EQ(order, (std::vector<std::string>{"e1", "e3"}));
}

// `lower(e.name) = E` is answered from an index of the lowercased field (Unicode's simple
// mappings, as the `lower` builtin), kept up to date by every commit, in insertion order.
TEST_F(MemoryStoreTest, FindsRecordsByALowercasedFieldAsTheyChange) {
  auto lowered = [&](const std::string& name) {
    std::vector<std::string> ids;
    EXPECT_TRUE(store.for_each_where_lower(ect, *store.schemas()[ect].slot("name"), name,
                                           [&](const Record& r) { ids.push_back(r.id(store.schemas()[ect])); }));
    return ids;
  };
  ASSERT_TRUE(store.insert(ect, ect_record("e1", "ÉMILE Durand")));
  ASSERT_TRUE(store.insert(ect, ect_record("e2", "Sam Smith")));
  ASSERT_TRUE(store.insert(ect, ect_record("e3", "émile durand")));
  EXPECT_EQ(lowered("émile durand"), (std::vector<std::string>{"e1", "e3"}));
  EXPECT_TRUE(lowered("ÉMILE Durand").empty());  // the key is compared as given: lower it first
  ASSERT_TRUE(store.transact([&](StoreTransaction& tx) {
                     tx.apply({RecordChange::Kind::update, ect, renamed("e1", "Sam SMITH")});
                     // a transaction that changed ects declines: its caller narrows another way
                     EXPECT_FALSE(tx.for_each_where_lower(ect, *store.schemas()[ect].slot("name"), "sam smith",
                                                          [](const Record&) {}));
                     return true;
                   })
                  .committed);
  EXPECT_EQ(lowered("sam smith"), (std::vector<std::string>{"e1", "e2"}));
  EXPECT_EQ(lowered("émile durand"), (std::vector<std::string>{"e3"}));
}

TEST_F(MemoryStoreTest, AConflictAppliesNothing) {
  ASSERT_TRUE(store.insert(ect, ect_record("e1", "Sam Smith")));
  Record stale = renamed("e1", "Stale Name");
  ASSERT_TRUE(store
                  .transact([&](StoreTransaction& tx) {
                    tx.apply({RecordChange::Kind::update, ect, renamed("e1", "Fresh Name")});
                    return true;
                  })
                  .committed);

  auto result = store.transact([&](StoreTransaction& tx) {
    tx.apply({RecordChange::Kind::create, ect, ect_record("e9", "New Person")});
    tx.apply({RecordChange::Kind::update, ect, stale});
    return true;
  });
  EXPECT_FALSE(result.committed);
  EXPECT_EQ(result.conflict, "ect e1 was changed by someone else");
  EXPECT_EQ(name_of("e1"), "Fresh Name");
  EXPECT_EQ(store.find(ect, "e9"), nullptr);
}

TEST_F(MemoryStoreTest, NamesEachKindOfConflict) {
  ASSERT_TRUE(store.insert(ect, ect_record("e1", "Sam Smith")));
  Record read = *store.find(ect, "e1");
  ASSERT_TRUE(store
                  .transact([&](StoreTransaction& tx) {
                    tx.apply({RecordChange::Kind::remove, ect, read});
                    return true;
                  })
                  .committed);
  struct Case {
    RecordChange change;
    const char* conflict;
  } cases[] = {
      {{RecordChange::Kind::update, ect, read}, "ect e1 was changed by someone else"},
      {{RecordChange::Kind::remove, ect, read}, "ect e1 was changed by someone else"},
      {{RecordChange::Kind::update, ect, ect_record("nobody", "X", 1)},
       "ect nobody was changed by someone else"},
  };
  for (const auto& c : cases) {
    auto result = store.transact([&](StoreTransaction& tx) {
      tx.apply(c.change);
      return true;
    });
    EXPECT_FALSE(result.committed);
    EXPECT_EQ(result.conflict, c.conflict);
  }
  ASSERT_TRUE(store.insert(ect, ect_record("e2", "Ana Jones")));
  auto result = store.transact([&](StoreTransaction& tx) {
    tx.apply({RecordChange::Kind::create, ect, ect_record("e2", "Ana Again")});
    return true;
  });
  EXPECT_EQ(result.conflict, "ect e2 already exists");
  EXPECT_EQ(name_of("e2"), "Ana Jones");
}

TEST_F(MemoryStoreTest, ADeclinedOrThrowingBodyAppliesNothing) {
  ASSERT_TRUE(store.insert(ect, ect_record("e1", "Sam Smith")));
  auto declined = store.transact([&](StoreTransaction& tx) {
    tx.apply({RecordChange::Kind::update, ect, renamed("e1", "Changed")});
    return false;
  });
  EXPECT_FALSE(declined.committed);
  EXPECT_EQ(declined.conflict, "");
  EXPECT_THROW(store.transact([&](StoreTransaction& tx) -> bool {
    tx.apply({RecordChange::Kind::update, ect, renamed("e1", "Changed")});
    throw std::runtime_error("disk full");
  }),
               std::runtime_error);
  EXPECT_EQ(name_of("e1"), "Sam Smith");
  EXPECT_EQ(store.find(ect, "e1")->version, 1);
  // The lock was released: the next transaction runs.
  EXPECT_TRUE(store.transact([](StoreTransaction&) { return true; }).committed);
}

TEST_F(MemoryStoreTest, ReadsInsideATransactionSeeItsOwnWrites) {
  ASSERT_TRUE(store.insert(ect, ect_record("e1", "Sam Smith")));
  ASSERT_TRUE(store.insert(ect, ect_record("e2", "Ana Jones")));
  store.transact([&](StoreTransaction& tx) {
    tx.apply({RecordChange::Kind::update, ect, renamed("e1", "Samuel Smith")});
    tx.apply({RecordChange::Kind::remove, ect, *store.find(ect, "e2")});
    tx.apply({RecordChange::Kind::create, ect, ect_record("e3", "Lee Park")});
    EXPECT_EQ(std::get<std::string>(tx.find(ect, "e1")->fields[3]), "Samuel Smith");
    EXPECT_EQ(tx.find(ect, "e2"), nullptr);
    EXPECT_NE(tx.find(ect, "e3"), nullptr);
    std::vector<std::string> seen;
    tx.for_each(ect, [&](const Record& r) { seen.push_back(std::get<std::string>(r.fields[3])); });
    EXPECT_EQ(seen, (std::vector<std::string>{"Samuel Smith", "Lee Park"}));
    EXPECT_EQ(name_of("e1"), "Sam Smith");  // the store is unchanged until the commit
    EXPECT_EQ(store.find(ect, "e3"), nullptr);

    // A second change to a record the body already changed passes the version it read there.
    Record again = *tx.find(ect, "e1");
    again.fields[3] = std::string("Sam S.");
    tx.apply({RecordChange::Kind::update, ect, again});
    Record created = *tx.find(ect, "e3");
    tx.apply({RecordChange::Kind::remove, ect, created});
    EXPECT_EQ(tx.find(ect, "e3"), nullptr);
    return true;
  });
  EXPECT_EQ(name_of("e1"), "Sam S.");
  EXPECT_EQ(store.find(ect, "e1")->version, 2);
  EXPECT_EQ(store.find(ect, "e2"), nullptr);
  EXPECT_EQ(store.find(ect, "e3"), nullptr);
}

TEST_F(MemoryStoreTest, GivesFreshIdsNeverUsedBefore) {
  ASSERT_TRUE(store.insert(ect, ect_record("ect-7", "Loaded")));
  std::vector<std::string> ids;
  store.transact([&](StoreTransaction& tx) {
    ids.push_back(tx.new_id(ect));
    ids.push_back(tx.new_id(ect));
    return false;  // ids handed out are not given again, even when nothing commits
  });
  store.transact([&](StoreTransaction& tx) {
    ids.push_back(tx.new_id(ect));
    tx.apply({RecordChange::Kind::create, ect, ect_record(ids.back(), "Created")});
    return true;
  });
  EXPECT_EQ(ids, (std::vector<std::string>{"ect-8", "ect-9", "ect-10"}));
  EXPECT_NE(store.find(ect, "ect-10"), nullptr);
}

TEST_F(MemoryStoreTest, PointersStayValidAcrossOtherCommits) {
  ASSERT_TRUE(store.insert(ect, ect_record("e1", "Sam Smith")));
  const Record* e1 = store.find(ect, "e1");
  for (int i = 0; i < 100; ++i) {
    store.transact([&](StoreTransaction& tx) {
      tx.apply({RecordChange::Kind::create, ect, ect_record(tx.new_id(ect), "Someone")});
      return true;
    });
  }
  store.transact([&](StoreTransaction& tx) {
    tx.apply({RecordChange::Kind::update, ect, renamed("e1", "Samuel Smith")});
    return true;
  });
  EXPECT_EQ(store.find(ect, "e1"), e1);
  EXPECT_EQ(std::get<std::string>(e1->fields[3]), "Samuel Smith");
}

TEST_F(MemoryStoreTest, OfTwoRacingUpdatesExactlyOneWins) {
  ASSERT_TRUE(store.insert(ect, ect_record("e1", "Start")));
  constexpr int kRounds = 300;
  for (int round = 0; round < kRounds; ++round) {
    const Record read = *store.find(ect, "e1");  // both writers read the same version
    std::atomic<int> ready = 0;
    std::atomic<int> wins = 0;
    std::vector<std::string> conflicts(2);
    auto writer = [&](int who) {
      Record mine = read;
      mine.fields[3] = "writer " + std::to_string(who);
      ready.fetch_add(1);
      while (ready.load() < 2) std::this_thread::yield();
      auto result = store.transact([&](StoreTransaction& tx) {
        tx.apply({RecordChange::Kind::update, ect, mine});
        return true;
      });
      if (result.committed) wins.fetch_add(1);
      conflicts[who] = result.conflict;
    };
    std::thread a(writer, 0), b(writer, 1);
    a.join();
    b.join();
    ASSERT_EQ(wins.load(), 1) << "round " << round;
    ASSERT_EQ(store.find(ect, "e1")->version, read.version + 1);
    ASSERT_EQ(conflicts[0] + conflicts[1], "ect e1 was changed by someone else");
  }
}

}  // namespace
}  // namespace ectflow::store
