// One Store suite run unchanged against the in-memory store, SQLite and PostgreSQL: changes apply
// all together or not at all, conflicts name the record, reads see a transaction's own writes,
// values of every kind round-trip, ids are unique, and of racing writers exactly one wins.
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

#include "sql/store_backends.hpp"
#include "store/service_schemas.hpp"

namespace ectflow::sql {
namespace {

using store::testing::service_schemas;
using store::testing::type_of;
using testing::Backend;

constexpr int kRaceRounds = 100;
constexpr int kRacingWriters = 4;
constexpr int kIdWriters = 4;
constexpr int kIdsPerWriter = 25;

class StoreConformance : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    try {
      database = GetParam().create(schemas);
    } catch (const std::exception& error) {
      FAIL() << GetParam().name << " is not available: " << error.what();
    }
    store = database->open();
  }

  Record blank(RecordTypeId type) {
    Record record;
    record.fields.resize(schemas[type].fields.size());
    return record;
  }

  Record ect_record(std::string id, std::string name) {
    Record record = blank(ect);
    record.fields[0] = std::move(id);
    record.fields[kName] = std::move(name);
    return record;
  }

  void create(RecordTypeId type, Record record) {
    auto result = store->transact([&](StoreTransaction& tx) {
      tx.apply({RecordChange::Kind::create, type, record});
      return true;
    });
    ASSERT_TRUE(result.committed) << result.conflict;
  }

  Record renamed(std::string_view id, std::string name) {
    Record record = *store->find(ect, id);
    record.fields[kName] = std::move(name);
    return record;
  }

  Store::CommitResult update(Store& on, Record record) {
    return on.transact([&](StoreTransaction& tx) {
      tx.apply({RecordChange::Kind::update, ect, record});  // a copy: the body may run again
      return true;
    });
  }

  std::string name_of(std::string_view id) {
    const Record* record = store->find(ect, id);
    if (!record) return "<none>";
    const auto* name = std::get_if<std::string>(&record->fields[kName]);
    return name ? *name : "<empty>";
  }

  static constexpr std::size_t kName = 3;  // ect.name
  std::vector<RecordSchema> schemas = service_schemas();
  RecordTypeId ect = type_of(schemas, "ect");
  RecordTypeId teacher = type_of(schemas, "teacher");
  RecordTypeId cohort = type_of(schemas, "cohort");
  RecordTypeId lead_provider = type_of(schemas, "lead_provider");
  std::unique_ptr<testing::Database> database;
  std::shared_ptr<Store> store;
};

TEST_P(StoreConformance, CreatesUpdatesAndRemoves) {
  create(ect, ect_record("e1", "Sam Smith"));
  create(ect, ect_record("e2", "Ana Jones"));
  auto result = store->transact([&](StoreTransaction& tx) {
    tx.apply({RecordChange::Kind::create, ect, ect_record("e3", "Lee Park")});
    tx.apply({RecordChange::Kind::update, ect, renamed("e1", "Samuel Smith")});
    tx.apply({RecordChange::Kind::remove, ect, *store->find(ect, "e2")});
    return true;
  });
  EXPECT_TRUE(result.committed);
  EXPECT_EQ(result.conflict, "");
  EXPECT_EQ(name_of("e1"), "Samuel Smith");
  EXPECT_EQ(store->find(ect, "e1")->version, 2);
  EXPECT_EQ(store->find(ect, "e2"), nullptr);
  EXPECT_EQ(store->find(ect, "e3")->version, 1);
  std::vector<std::string> order;
  store->for_each(ect, [&](const Record& r) { order.push_back(r.id(schemas[ect])); });
  EXPECT_EQ(order, (std::vector<std::string>{"e1", "e3"}));
}

TEST_P(StoreConformance, FindsRecordsByAFieldInInsertionOrderAsTheyChange) {
  auto named = [&](const std::string& name) {
    std::vector<std::string> ids;
    store->for_each_where(ect, kName, name, [&](const Record& r) { ids.push_back(r.id(schemas[ect])); });
    return ids;
  };
  create(ect, ect_record("e1", "Sam"));
  create(ect, ect_record("e2", "Ana"));
  create(ect, ect_record("e3", "Sam"));
  EXPECT_EQ(named("Sam"), (std::vector<std::string>{"e1", "e3"}));  // the first read makes an index
  create(ect, ect_record("e4", "Sam"));
  ASSERT_TRUE(update(*store, renamed("e1", "Ana")).committed);
  EXPECT_EQ(named("Sam"), (std::vector<std::string>{"e3", "e4"}));
  EXPECT_EQ(named("Ana"), (std::vector<std::string>{"e1", "e2"}));  // e1 keeps its place
  ASSERT_TRUE(store->transact([&](StoreTransaction& tx) {
                     tx.apply({RecordChange::Kind::remove, ect, *store->find(ect, "e3")});
                     // inside the transaction, its own changes show
                     std::vector<std::string> seen;
                     tx.for_each_where(ect, kName, "Sam", [&](const Record& r) { seen.push_back(r.id(schemas[ect])); });
                     EXPECT_EQ(seen, (std::vector<std::string>{"e4"}));
                     return true;
                   })
                  .committed);
  EXPECT_EQ(named("Sam"), (std::vector<std::string>{"e4"}));
  EXPECT_TRUE(named("Nobody").empty());
}

TEST_P(StoreConformance, AConflictAppliesNothing) {
  create(ect, ect_record("e1", "Sam Smith"));
  Record stale = renamed("e1", "Stale Name");
  ASSERT_TRUE(update(*store, renamed("e1", "Fresh Name")).committed);

  auto result = store->transact([&](StoreTransaction& tx) {
    tx.apply({RecordChange::Kind::create, ect, ect_record("e9", "New Person")});
    tx.apply({RecordChange::Kind::update, ect, stale});
    return true;
  });
  EXPECT_FALSE(result.committed);
  EXPECT_EQ(result.conflict, "ect e1 was changed by someone else");
  EXPECT_EQ(name_of("e1"), "Fresh Name");
  EXPECT_EQ(store->find(ect, "e9"), nullptr);
  EXPECT_EQ(store->find(ect, "e1")->version, 2);
}

TEST_P(StoreConformance, NamesEachKindOfConflict) {
  create(ect, ect_record("e1", "Sam Smith"));
  Record read = *store->find(ect, "e1");
  ASSERT_TRUE(store
                  ->transact([&](StoreTransaction& tx) {
                    tx.apply({RecordChange::Kind::remove, ect, read});
                    return true;
                  })
                  .committed);
  Record nobody = ect_record("nobody", "X");
  nobody.version = 1;
  struct Case {
    RecordChange change;
    const char* conflict;
  } cases[] = {
      {{RecordChange::Kind::update, ect, read}, "ect e1 was changed by someone else"},
      {{RecordChange::Kind::remove, ect, read}, "ect e1 was changed by someone else"},
      {{RecordChange::Kind::update, ect, nobody}, "ect nobody was changed by someone else"},
  };
  for (const auto& c : cases) {
    auto result = store->transact([&](StoreTransaction& tx) {
      tx.apply(c.change);
      return true;
    });
    EXPECT_FALSE(result.committed);
    EXPECT_EQ(result.conflict, c.conflict);
  }
  create(ect, ect_record("e2", "Ana Jones"));
  auto twice = store->transact([&](StoreTransaction& tx) {
    tx.apply({RecordChange::Kind::create, ect, ect_record("e2", "Ana Again")});
    return true;
  });
  EXPECT_EQ(twice.conflict, "ect e2 already exists");
  EXPECT_EQ(name_of("e2"), "Ana Jones");
  auto within = store->transact([&](StoreTransaction& tx) {
    tx.apply({RecordChange::Kind::create, ect, ect_record("e5", "One")});
    tx.apply({RecordChange::Kind::create, ect, ect_record("e5", "Two")});
    return true;
  });
  EXPECT_EQ(within.conflict, "ect e5 already exists");
  EXPECT_EQ(store->find(ect, "e5"), nullptr);
}

TEST_P(StoreConformance, ADeclinedOrThrowingBodyAppliesNothing) {
  create(ect, ect_record("e1", "Sam Smith"));
  auto declined = store->transact([&](StoreTransaction& tx) {
    tx.apply({RecordChange::Kind::update, ect, renamed("e1", "Changed")});
    return false;
  });
  EXPECT_FALSE(declined.committed);
  EXPECT_EQ(declined.conflict, "");
  EXPECT_THROW(store->transact([&](StoreTransaction& tx) -> bool {
    tx.apply({RecordChange::Kind::update, ect, renamed("e1", "Changed")});
    throw std::runtime_error("disk full");
  }),
               std::runtime_error);
  EXPECT_EQ(name_of("e1"), "Sam Smith");
  EXPECT_EQ(store->find(ect, "e1")->version, 1);
  EXPECT_TRUE(store->transact([](StoreTransaction&) { return true; }).committed);
}

TEST_P(StoreConformance, ReadsInsideATransactionSeeItsOwnWrites) {
  create(ect, ect_record("e1", "Sam Smith"));
  create(ect, ect_record("e2", "Ana Jones"));
  store->transact([&](StoreTransaction& tx) {
    tx.apply({RecordChange::Kind::update, ect, renamed("e1", "Samuel Smith")});
    tx.apply({RecordChange::Kind::remove, ect, *store->find(ect, "e2")});
    tx.apply({RecordChange::Kind::create, ect, ect_record("e3", "Lee Park")});
    EXPECT_EQ(std::get<std::string>(tx.find(ect, "e1")->fields[kName]), "Samuel Smith");
    EXPECT_EQ(tx.find(ect, "e2"), nullptr);
    EXPECT_NE(tx.find(ect, "e3"), nullptr);
    std::vector<std::string> seen;
    tx.for_each(ect,
                [&](const Record& r) { seen.push_back(std::get<std::string>(r.fields[kName])); });
    EXPECT_EQ(seen, (std::vector<std::string>{"Samuel Smith", "Lee Park"}));
    EXPECT_EQ(name_of("e1"), "Sam Smith");  // the store is unchanged until the commit
    EXPECT_EQ(store->find(ect, "e3"), nullptr);

    Record again = *tx.find(ect, "e1");
    again.fields[kName] = std::string("Sam S.");
    tx.apply({RecordChange::Kind::update, ect, again});
    Record created = *tx.find(ect, "e3");
    tx.apply({RecordChange::Kind::remove, ect, created});
    EXPECT_EQ(tx.find(ect, "e3"), nullptr);
    return true;
  });
  EXPECT_EQ(name_of("e1"), "Sam S.");
  EXPECT_EQ(store->find(ect, "e1")->version, 2);
  EXPECT_EQ(store->find(ect, "e2"), nullptr);
  EXPECT_EQ(store->find(ect, "e3"), nullptr);
}

TEST_P(StoreConformance, OtherConnectionsFindWhatWasCommitted) {
  std::shared_ptr<Store> other = database->open();
  EXPECT_EQ(other->find(ect, "e1"), nullptr);
  create(ect, ect_record("e1", "Sam Smith"));
  ASSERT_NE(other->find(ect, "e1"), nullptr);
  ASSERT_TRUE(update(*store, renamed("e1", "Samuel Smith")).committed);
  const Record* seen = other->find(ect, "e1");
  ASSERT_NE(seen, nullptr);
  EXPECT_EQ(std::get<std::string>(seen->fields[kName]), "Samuel Smith");
  EXPECT_EQ(seen->version, 2);
  // The other connection's copy is now stale: its update is a conflict.
  Record stale = *seen;
  ASSERT_TRUE(update(*store, renamed("e1", "Sam")).committed);
  stale.fields[kName] = std::string("Too Late");
  EXPECT_EQ(update(*other, stale).conflict, "ect e1 was changed by someone else");
  EXPECT_EQ(name_of("e1"), "Sam");
}

TEST_P(StoreConformance, VersionsBumpOnEveryCommittedChange) {
  create(ect, ect_record("e1", "v1"));
  for (int version = 2; version <= 5; ++version) {
    ASSERT_TRUE(update(*store, renamed("e1", "v" + std::to_string(version))).committed);
    EXPECT_EQ(store->find(ect, "e1")->version, version);
  }
  EXPECT_EQ(name_of("e1"), "v5");
}

TEST_P(StoreConformance, FindsNumberKeysByTheirText) {
  Record year = blank(cohort);
  year.fields[0] = 2025.0;
  create(cohort, year);
  const Record* found = store->find(cohort, "2025");
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(std::get<double>(found->fields[0]), 2025.0);
}

TEST_P(StoreConformance, ListFieldsRoundTrip) {
  auto list = [](std::vector<FieldValue> items) {
    auto made = std::make_shared<FieldList>();
    made->items = std::move(items);
    return FieldValue(std::shared_ptr<const FieldList>(std::move(made)));
  };
  struct Case {
    std::string id;
    FieldValue cohorts;
  } cases[] = {
      {"lp1", list({2024.0, 2025.0})},
      {"lp2", list({})},
      {"lp3", list({0.1, -3.5, std::monostate{}})},
      {"lp4", std::monostate{}},
  };
  for (const auto& c : cases) {
    Record record = blank(lead_provider);
    record.fields[0] = c.id;
    record.fields[1] = std::string("Provider " + c.id);
    record.fields[2] = c.cohorts;
    create(lead_provider, record);
  }
  for (const auto& c : cases) {
    const Record* found = store->find(lead_provider, c.id);
    ASSERT_NE(found, nullptr) << c.id;
    const auto* want = std::get_if<std::shared_ptr<const FieldList>>(&c.cohorts);
    const auto* got = std::get_if<std::shared_ptr<const FieldList>>(&found->fields[2]);
    ASSERT_EQ(want == nullptr, got == nullptr) << c.id;
    if (!want) continue;
    EXPECT_EQ((*got)->items, (*want)->items) << c.id;
  }
}

TEST_P(StoreConformance, DatesYesNoAndTextRoundTrip) {
  Record person = blank(teacher);
  person.fields[0] = std::string("1234567");
  person.fields[1] = std::string("Siân");
  person.fields[2] = std::string("O'Brien\"; DROP TABLE rec_teacher; --");
  person.fields[3] = Date::from_ymd(1990, 2, 28);
  person.fields[5] = Date::from_ymd(2024, 12, 31);  // qts_awarded; national_insurance_number empty
  person.fields[6] = std::string("in_progress");
  person.fields[7] = false;
  person.fields[8] = true;  // started_mentor_training stays empty
  create(teacher, person);
  const Record* found = store->find(teacher, "1234567");
  ASSERT_NE(found, nullptr);
  Record expected = person;
  expected.version = 1;
  EXPECT_EQ(found->fields, expected.fields);
  EXPECT_EQ(found->version, 1);
  std::size_t teachers = 0;
  store->for_each(teacher, [&](const Record&) { ++teachers; });
  EXPECT_EQ(teachers, 1u);  // the quote did not end the statement
}

TEST_P(StoreConformance, GivesFreshIdsNeverUsedBefore) {
  create(ect, ect_record("ect-7", "Loaded"));
  std::vector<std::string> ids;
  store->transact([&](StoreTransaction& tx) {
    ids.push_back(tx.new_id(ect));
    ids.push_back(tx.new_id(ect));
    return false;  // ids handed out are not given again, even when nothing commits
  });
  store->transact([&](StoreTransaction& tx) {
    ids.push_back(tx.new_id(ect));
    tx.apply({RecordChange::Kind::create, ect, ect_record(ids.back(), "Created")});
    return true;
  });
  EXPECT_EQ(ids, (std::vector<std::string>{"ect-8", "ect-9", "ect-10"}));
  EXPECT_NE(store->find(ect, "ect-10"), nullptr);
}

TEST_P(StoreConformance, IdsAreUniqueAcrossConnections) {
  std::vector<std::shared_ptr<Store>> stores;
  for (int i = 0; i < kIdWriters; ++i) stores.push_back(database->open());
  std::vector<std::vector<std::string>> made(kIdWriters);
  std::vector<std::thread> writers;
  for (int who = 0; who < kIdWriters; ++who) {
    writers.emplace_back([&, who] {
      for (int i = 0; i < kIdsPerWriter; ++i) {
        std::string id;  // the body may run again (PostgreSQL refusing it): keep the last id
        auto result = stores[who]->transact([&](StoreTransaction& tx) {
          id = tx.new_id(ect);
          tx.apply(
              {RecordChange::Kind::create, ect, ect_record(id, "Writer " + std::to_string(who))});
          return true;
        });
        EXPECT_TRUE(result.committed) << result.conflict;
        made[who].push_back(id);
      }
    });
  }
  for (auto& writer : writers) writer.join();
  std::set<std::string> distinct;
  for (const auto& ids : made) distinct.insert(ids.begin(), ids.end());
  EXPECT_EQ(distinct.size(), static_cast<std::size_t>(kIdWriters * kIdsPerWriter));
  std::size_t stored = 0;
  store->for_each(ect, [&](const Record&) { ++stored; });
  EXPECT_EQ(stored, distinct.size());
}

TEST_P(StoreConformance, PointersStayValidAcrossOtherCommits) {
  create(ect, ect_record("e1", "Sam Smith"));
  const Record* e1 = store->find(ect, "e1");
  for (int i = 0; i < 20; ++i) {
    store->transact([&](StoreTransaction& tx) {
      tx.apply({RecordChange::Kind::create, ect, ect_record(tx.new_id(ect), "Someone")});
      return true;
    });
  }
  ASSERT_TRUE(update(*store, renamed("e1", "Samuel Smith")).committed);
  EXPECT_EQ(store->find(ect, "e1"), e1);
  EXPECT_EQ(std::get<std::string>(e1->fields[kName]), "Samuel Smith");
}

TEST_P(StoreConformance, OfRacingUpdatesExactlyOneWins) {
  create(ect, ect_record("e1", "Start"));
  std::vector<std::shared_ptr<Store>> stores;
  for (int i = 0; i < kRacingWriters; ++i) stores.push_back(database->open());
  for (int round = 0; round < kRaceRounds; ++round) {
    const Record read = *store->find(ect, "e1");  // every writer read the same version
    std::atomic<int> ready = 0;
    std::atomic<int> wins = 0;
    std::vector<std::string> conflicts(kRacingWriters);
    auto writer = [&](int who) {
      Record mine = read;
      mine.fields[kName] = "writer " + std::to_string(who);
      ready.fetch_add(1);
      while (ready.load() < kRacingWriters) std::this_thread::yield();
      auto result = update(*stores[who], mine);
      if (result.committed) wins.fetch_add(1);
      conflicts[who] = result.conflict;
    };
    std::vector<std::thread> threads;
    for (int who = 0; who < kRacingWriters; ++who) threads.emplace_back(writer, who);
    for (auto& thread : threads) thread.join();
    ASSERT_EQ(wins.load(), 1) << "round " << round;
    ASSERT_EQ(store->find(ect, "e1")->version, read.version + 1) << "round " << round;
    int lost = 0;
    for (const auto& conflict : conflicts) {
      if (conflict.empty()) continue;
      ASSERT_EQ(conflict, "ect e1 was changed by someone else") << "round " << round;
      ++lost;
    }
    ASSERT_EQ(lost, kRacingWriters - 1) << "round " << round;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreConformance, ::testing::ValuesIn(testing::all_backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace ectflow::sql
