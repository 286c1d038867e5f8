// Files written from slices (util/staging.hpp): parts inside a mapped file
// (util/mapped_file.hpp) are copied from it in the kernel, the others
// written; the result is the concatenation either way.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/mapped_file.hpp"
#include "util/staging.hpp"

namespace lotse::util {
namespace {

namespace fs = std::filesystem;

class Staging : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("lotse-staging-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  fs::path dir_;
};

TEST_F(Staging, MappedFileViewsTheWholeFileAndMissingOrEmptyFilesAreEmptyViews) {
  std::ofstream(dir_ / "a", std::ios::binary) << "line 1\nline 2\n";
  auto a = MappedFile::open((dir_ / "a").string(), 1024, false);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->view(), "line 1\nline 2\n");
  EXPECT_GE(a->fd(), 0);
  auto missing = MappedFile::open((dir_ / "missing").string(), 1024, true);
  ASSERT_TRUE(missing);
  EXPECT_TRUE(missing->view().empty());
  auto refused = MappedFile::open((dir_ / "missing").string(), 1024, false);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, FileError::Kind::not_found);
  EXPECT_EQ(MappedFile::open((dir_ / "a").string(), 4, false).error().kind, FileError::Kind::too_large);
  EXPECT_EQ(MappedFile::open(dir_.string(), 1024, false).error().kind, FileError::Kind::is_directory);
  MappedFile moved = std::move(*a);
  EXPECT_EQ(moved.view(), "line 1\nline 2\n");
}

TEST_F(Staging, PartsInsideAMappedFileAreCopiedAndTheRestWrittenInOrder) {
  std::string old;
  for (int i = 0; i < 20000; ++i) old += "\"2020/d" + std::to_string(i) + ".json\",\"2020-01-01T00:00:00Z\"\n";
  std::ofstream(dir_ / "old", std::ios::binary) << old;
  auto mapped = MappedFile::open((dir_ / "old").string(), old.size(), false);
  ASSERT_TRUE(mapped);
  const std::string_view v = mapped->view();
  const std::string added = "\"2021/new.json\",\"2021-01-01T00:00:00Z\"\n";
  std::vector<std::string_view> parts = {added, v.substr(0, 1000), "middle\n", v.substr(1000)};
  for (int i = 0; i < 3000; ++i) parts.push_back("x");  // more parts than one writev takes
  ASSERT_TRUE(write_file_whole((dir_ / "new").string(), parts, 0640, {{v.data(), v.size(), mapped->fd()}}));
  EXPECT_EQ(read(dir_ / "new"), added + old.substr(0, 1000) + "middle\n" + old.substr(1000) + std::string(3000, 'x'));
  struct stat st {};
  ASSERT_EQ(::stat((dir_ / "new").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
  ASSERT_TRUE(sync_files({(dir_ / "new").string(), (dir_ / "old").string()}));
  EXPECT_FALSE(sync_files({(dir_ / "missing").string()}));
}

}  // namespace
}  // namespace lotse::util
