// Reading a migrations folder: file names checked (NNNN_name.sql), versions numbered 1, 2, 3...
// with no gap or duplicate, both dialects' folders alike, and each file's statements split.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "connection.hpp"
#include "ectflow/sql_migrations.hpp"
#include "migrations_checksum.hpp"

namespace ectflow::sql {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kVersionDigits = 4;
constexpr std::size_t kMaxVersionDigits = 9;  // fits an int

struct Entry {
  std::string version, name, file_name;
  int number = 0;
};

bool is_name(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  });
}

std::optional<Entry> parse_file_name(const std::string& file_name) {
  if (!file_name.ends_with(".sql")) return std::nullopt;
  const std::size_t underscore = file_name.find('_');
  if (underscore == std::string::npos) return std::nullopt;
  Entry entry;
  entry.file_name = file_name;
  entry.version = file_name.substr(0, underscore);
  entry.name = file_name.substr(underscore + 1, file_name.size() - underscore - 5);
  if (entry.version.size() < kVersionDigits || entry.version.size() > kMaxVersionDigits ||
      entry.version.find_first_not_of("0123456789") != std::string::npos || !is_name(entry.name)) {
    return std::nullopt;
  }
  entry.number = std::stoi(entry.version);
  return entry;
}

std::string shown(const fs::path& path) {
  return path.lexically_normal().string();
}

// One dialect's folder, checked on its own: names, then numbering.
std::vector<Entry> list_folder(const fs::path& folder) {
  std::error_code error;
  if (!fs::is_directory(folder, error)) {
    throw MigrationError("no migrations folder " + shown(folder) +
                         ": create it with ectflow db new-migration NAME, or give the project's "
                         "migrations folder with --migrations DIR");
  }
  std::vector<Entry> entries;
  for (const fs::directory_entry& item : fs::directory_iterator(folder, error)) {
    const std::string file_name = item.path().filename().string();
    if (file_name.starts_with(".")) continue;  // editors' swap files, .gitkeep
    std::optional<Entry> entry = parse_file_name(file_name);
    if (!entry || !item.is_regular_file()) {
      throw MigrationError(
          "migration file " + shown(item.path()) +
          " is not named NNNN_name.sql (a version of at least 4 digits, an underscore, then "
          "lower-case letters, digits and underscores): rename it, or move it out of " +
          shown(folder));
    }
    entries.push_back(std::move(*entry));
  }
  if (error) {
    throw MigrationError("cannot read migrations folder " + shown(folder) + ": " +
                         error.message());
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return a.number != b.number ? a.number < b.number : a.file_name < b.file_name;
  });
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (i > 0 && entries[i].number == entries[i - 1].number) {
      throw MigrationError("migrations " + shown(folder / entries[i - 1].file_name) + " and " +
                           entries[i].file_name + " have the same version " + entries[i].version +
                           ": give one of them the next free number");
    }
    const int expected = static_cast<int>(i) + 1;
    if (entries[i].number != expected) {
      throw MigrationError("migration " + shown(folder / entries[i].file_name) +
                           " comes after version " + std::to_string(expected - 1) +
                           ": versions count 1, 2, 3... with no gap, so it should be numbered " +
                           std::to_string(expected) + " (or a migration is missing)");
    }
  }
  return entries;
}

void check_same(const fs::path& folder, const std::vector<Entry>& ours,
                const fs::path& other_folder, const std::vector<Entry>& theirs) {
  std::map<std::string, std::string> by_version;  // "0002" -> file name
  for (const Entry& entry : theirs) by_version[entry.version] = entry.file_name;
  for (const Entry& entry : ours) {
    auto it = by_version.find(entry.version);
    if (it == by_version.end() || it->second != entry.file_name) {
      throw MigrationError(
          "migration " + shown(folder / entry.file_name) + " has no twin in " +
          shown(other_folder) +
          (it == by_version.end() ? std::string() : " (which has " + it->second + ")") +
          ": each migration is written for both SQLite and PostgreSQL, with the same version and "
          "name (ectflow db new-migration NAME writes both)");
    }
  }
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) throw MigrationError("cannot read migration " + shown(path));
  return std::move(text).str();
}

}  // namespace

std::vector<MigrationStatement> split_statements(std::string_view text) {
  std::vector<MigrationStatement> statements;
  std::string current;
  int line = 1;
  int start_line = 0;  // the line of the statement's first character, 0 before it
  auto finish = [&] {
    while (!current.empty() && std::isspace(static_cast<unsigned char>(current.back())))
      current.pop_back();
    if (!current.empty()) statements.push_back({std::move(current), start_line});
    current.clear();
    start_line = 0;
  };
  auto keep = [&](char c) {
    if (start_line == 0 && std::isspace(static_cast<unsigned char>(c))) return;
    if (start_line == 0) start_line = line;
    current += c;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '-' && i + 1 < text.size() && text[i + 1] == '-') {
      while (i < text.size() && text[i] != '\n') ++i;  // a comment runs to the end of its line
      if (i < text.size()) {
        keep('\n');
        ++line;
      }
      continue;
    }
    if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      const std::size_t end = text.find("*/", i + 2);
      const std::size_t stop = end == std::string_view::npos ? text.size() : end + 2;
      for (; i < stop; ++i) line += text[i] == '\n';
      --i;
      keep(' ');
      continue;
    }
    if (c == '\'' || c == '"') {
      // A quoted string or name, its quote doubled inside: copied whole, `;` and `--` included.
      keep(c);
      for (++i; i < text.size(); ++i) {
        current += text[i];
        line += text[i] == '\n';
        if (text[i] == c) {
          if (i + 1 < text.size() && text[i + 1] == c) {
            current += text[++i];
          } else {
            break;
          }
        }
      }
      continue;
    }
    if (c == ';') {
      finish();
      continue;
    }
    keep(c);
    if (c == '\n') ++line;
  }
  finish();
  return statements;
}

std::vector<MigrationFile> read_migrations(const std::string& folder, const std::string& dialect) {
  if (dialect != kSqliteMigrations && dialect != kPostgresMigrations) {
    throw MigrationError("unknown migrations dialect \"" + dialect +
                         "\": use sqlite or postgresql");
  }
  const std::string other = dialect == kSqliteMigrations ? kPostgresMigrations : kSqliteMigrations;
  const fs::path ours_folder = fs::path(folder) / dialect;
  const fs::path other_folder = fs::path(folder) / other;
  const std::vector<Entry> ours = list_folder(ours_folder);
  const std::vector<Entry> theirs = list_folder(other_folder);
  check_same(ours_folder, ours, other_folder, theirs);
  check_same(other_folder, theirs, ours_folder, ours);
  std::vector<MigrationFile> files;
  for (const Entry& entry : ours) {
    MigrationFile file;
    file.version = entry.version;
    file.number = entry.number;
    file.name = entry.name;
    file.file_name = entry.file_name;
    file.path = shown(ours_folder / entry.file_name);
    file.text = read_text(ours_folder / entry.file_name);
    file.checksum = sha256_hex(file.text);
    files.push_back(std::move(file));
  }
  return files;
}

std::string migrations_dialect(const std::string& db) {
  return is_postgres_url(db) ? kPostgresMigrations : kSqliteMigrations;
}

std::string shown_database(const std::string& db) {
  if (!is_postgres_url(db)) return db;
  const std::size_t scheme = db.find("://") + 3;
  const std::size_t at = db.rfind('@');
  const std::size_t colon = db.find(':', scheme);
  if (at == std::string::npos || colon == std::string::npos || colon > at) return db;
  return db.substr(0, colon) + ":***" + db.substr(at);  // never print a password
}

}  // namespace ectflow::sql
