// Writing the JSON the API answers with, one value after another, without
// building a tree: commas and quoting are the writer's business, so a
// handler cannot produce invalid JSON by forgetting one. Strings go through
// json::write_string (control characters escaped, bad UTF-8 replaced).
//
// Usage: out.begin_object().key("id").string(id).end_object(); take().
// REQUIRES: calls nest properly (a key before each member value). Not
// thread-safe; one writer per response.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lotse::server {

class JsonWriter {
 public:
  // Open and close an object or array (commas between members are ours).
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  // The name of the next member; REQUIRES: inside an object.
  JsonWriter& key(std::string_view name);
  // Scalars: strings escaped (bad UTF-8 replaced), integers exact.
  JsonWriter& string(std::string_view text);
  JsonWriter& number(std::int64_t value);
  JsonWriter& boolean(bool value);
  JsonWriter& null();
  // A string, or null when absent.
  JsonWriter& optional_string(const std::optional<std::string>& text);
  // Already serialised JSON (a nested document), inserted as one value.
  JsonWriter& raw(std::string_view json);

  // The text written so far; the writer is empty afterwards.
  std::string take() { return std::move(out_); }

 private:
  void before_value();
  std::string out_;
  // Per open container: whether it has a member or item yet.
  std::vector<bool> has_item_;
  bool after_key_ = false;
};

}  // namespace lotse::server
