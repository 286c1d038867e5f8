// index.txt and changes.csv (requirements 12 and 13) from the state.
#include <gtest/gtest.h>

#include "provider/listings.hpp"
#include "provider/rolie.hpp"

namespace lotse::provider {
namespace {

std::map<std::string, Entry> three_entries() {
  std::map<std::string, Entry> entries;
  auto add = [&](std::string name, std::string path, std::string current, std::string category) {
    Entry e;
    e.tracking_id = name;
    e.path = std::move(path);
    e.current_release_date = std::move(current);
    e.category = std::move(category);
    entries[name] = e;
  };
  add("a.json", "2019/a.json", "2020-07-01T12:00:00+02:00", "csaf_vex");        // 10:00Z
  add("b.json", "2018/b.json", "2020-07-01T10:09:01.5Z", "csaf_security_advisory");
  add("c.json", "2020/c.json", "2020-07-01T11:00:00Z", "csaf_vex");
  return entries;
}

TEST(Listings, IndexTxtListsEveryPathSortedOnePerLine) {
  EXPECT_EQ(render_index_txt(three_entries()), "2018/b.json\n2019/a.json\n2020/c.json\n");
}

TEST(Listings, ChangesCsvIsNewestFirstByInstantNotByText) {
  // As text "2020-07-01T12:00:00+02:00" would sort first; as an instant it
  // is 10:00Z, the oldest.
  EXPECT_EQ(render_changes_csv(three_entries()),
            "\"2020/c.json\",\"2020-07-01T11:00:00Z\"\n"
            "\"2018/b.json\",\"2020-07-01T10:09:01.5Z\"\n"
            "\"2019/a.json\",\"2020-07-01T12:00:00+02:00\"\n");
}

TEST(Listings, EqualTimesAreOrderedByPath) {
  auto entries = three_entries();
  entries["a.json"].current_release_date = "2020-07-01T11:00:00Z";
  EXPECT_EQ(render_changes_csv(entries).substr(0, 40), "\"2019/a.json\",\"2020-07-01T11:00:00Z\"\n\"20");
}

TEST(Listings, CategoryDocumentListsEachDocumentCategoryOnce) {
  EXPECT_EQ(render_category(three_entries()),
            "{\"categories\":{\"category\":[{\"term\":\"csaf_security_advisory\"},{\"term\":\"csaf_vex\"}]}}\n");
}

TEST(Listings, EmptyFolderGivesEmptyFiles) {
  EXPECT_EQ(render_index_txt({}), "");
  EXPECT_EQ(render_changes_csv({}), "");
}

}  // namespace
}  // namespace lotse::provider
