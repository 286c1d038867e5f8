// Schema::validate: evaluates a compiled Graph against an instance.
//
// Two modes share one evaluator: collecting (every violation is recorded)
// and testing (stop at the first failure; used inside anyOf/oneOf/not/if/
// contains, whose branches' failures are not the document's errors).
// Annotations for unevaluatedProperties/Items are gathered only below
// schemas that have those keywords, so ordinary schemas pay nothing for them.
#include <algorithm>
#include <cmath>

#include "json/pointer.hpp"
#include "json/utf8.hpp"
#include "json/writer.hpp"
#include "schema/annotations.hpp"
#include "schema/decimal.hpp"
#include "schema/formats.hpp"
#include "schema/graph.hpp"

namespace lotse::schema {

namespace {

// Deepest nesting of schema evaluations: bounds native stack use when a
// schema recurses (JSON depth is bounded by the parser; `$ref` loops that do
// not consume input are not).
constexpr int kMaxEvaluationDepth = 4096;

struct PathSegment {
  std::string_view key;
  std::size_t index;
  bool is_index;
};

std::uint8_t type_bits(const json::Value& v) {
  switch (v.type()) {
    case json::Type::null: return kNull;
    case json::Type::boolean: return kBoolean;
    case json::Type::object: return kObject;
    case json::Type::array: return kArray;
    case json::Type::string: return kString;
    case json::Type::number: return v.is_integer() ? (kNumber | kInteger) : kNumber;
  }
  return 0;
}

std::string describe_types(std::uint8_t mask) {
  static constexpr std::pair<std::uint8_t, std::string_view> kNames[] = {
      {kNull, "null"},     {kBoolean, "boolean"}, {kObject, "object"}, {kArray, "array"},
      {kNumber, "number"}, {kString, "string"},   {kInteger, "integer"}};
  std::string out;
  for (auto [bit, name] : kNames) {
    if (!(mask & bit)) continue;
    if (!out.empty()) out += " or ";
    out += name;
  }
  return out;
}

// JSON text of `v` for a message, shortened so hostile values cannot make
// reports huge.
std::string excerpt(const json::Value& v) {
  std::string out;
  json::write_value(out, v);
  if (out.size() > 80) out = out.substr(0, 77) + "...";
  return out;
}

class Evaluator {
 public:
  explicit Evaluator(std::vector<Violation>* out) : out_(out), collect_(out != nullptr) {}

  bool eval(const Node& node, const json::Value& v, Annotations* annotations);

 private:
  bool keyword(const Keyword& k, const json::Value& v, Annotations* a);
  bool properties(const Keyword& k, const json::Value& v, Annotations* a);
  bool items(const Keyword& k, const json::Value& v, Annotations* a);
  bool contains(const Keyword& k, const json::Value& v, Annotations* a);
  bool combinator(const Keyword& k, const json::Value& v, Annotations* a);
  bool if_then_else(const Keyword& k, const json::Value& v, Annotations* a);
  bool unevaluated(const Keyword& k, const json::Value& v, Annotations* a);
  bool unique_items(const Keyword& k, const json::Value& v);

  // Evaluates without recording violations (branch trials).
  bool test(const Node& node, const json::Value& v, Annotations* a) {
    bool saved = collect_;
    collect_ = false;
    bool ok = eval(node, v, a);
    collect_ = saved;
    return ok;
  }
  // Evaluates `node` on a child of the current instance.
  bool eval_child(const Node& node, const json::Value& child, std::string_view key) {
    path_.push_back({key, 0, false});
    bool ok = eval(node, child, nullptr);
    path_.pop_back();
    return ok;
  }
  bool eval_item(const Node& node, const json::Value& child, std::size_t index) {
    path_.push_back({{}, index, true});
    bool ok = eval(node, child, nullptr);
    path_.pop_back();
    return ok;
  }

  // True when `node` is already being evaluated on this very value: a schema
  // cycle that consumes no input would loop forever (through anyOf,
  // exponentially). In-place evaluations of one value sit together on top of
  // the stack, so the scan is short.
  bool recursing(const Node& node, const json::Value& v) const {
    for (std::size_t i = active_.size(); i-- > 0 && active_[i].second == &v;) {
      if (active_[i].first == &node) return true;
    }
    return false;
  }

  void report(const std::string& location, const json::Value& v, std::string message);
  std::string pointer() const;

  std::vector<Violation>* out_;
  bool collect_;
  bool explaining_ = false;  // inside combinator(): re-running branches for details
  int depth_ = 0;
  std::vector<PathSegment> path_;
  std::vector<const Resource*> scope_;  // dynamic scope, outermost first
  std::vector<std::pair<const Node*, const json::Value*>> active_;  // evaluation stack
};

std::string Evaluator::pointer() const {
  std::string out;
  for (const PathSegment& s : path_) {
    if (s.is_index) {
      json::append_pointer_index(out, s.index);
    } else {
      json::append_pointer_token(out, s.key);
    }
  }
  return out;
}

void Evaluator::report(const std::string& location, const json::Value& v, std::string message) {
  if (!collect_) return;
  out_->push_back(Violation{pointer(), location, std::move(message), v.offset()});
}

bool Evaluator::eval(const Node& node, const json::Value& v, Annotations* annotations) {
  if (node.is_boolean) {
    if (!node.boolean_value) report(node.location, v, "no value is allowed here (schema is false)");
    return node.boolean_value;
  }
  if (depth_ >= kMaxEvaluationDepth) {
    report(node.location, v,
           "schema evaluation nested deeper than " + std::to_string(kMaxEvaluationDepth) +
               " levels (recursive schema?)");
    return false;
  }
  if (recursing(node, v)) {
    report(node.location, v, "schema refers to itself without consuming input (infinite recursion)");
    return false;
  }
  ++depth_;
  active_.emplace_back(&node, &v);
  bool pushed = false;
  if (node.resource && (scope_.empty() || scope_.back() != node.resource)) {
    scope_.push_back(node.resource);
    pushed = true;
  }
  bool valid = true;
  if (!node.has_unevaluated) {
    for (const Keyword& k : node.keywords) {
      if (!keyword(k, v, annotations)) {
        valid = false;
        if (!collect_) break;
      }
    }
  } else {
    Annotations local;
    for (const Keyword& k : node.keywords) {
      if (!keyword(k, v, &local)) {
        valid = false;
        if (!collect_) break;
      }
    }
    if (valid && annotations) annotations->merge(local);
  }
  if (pushed) scope_.pop_back();
  active_.pop_back();
  --depth_;
  return valid;
}

bool Evaluator::keyword(const Keyword& k, const json::Value& v, Annotations* a) {
  switch (k.op) {
    case Op::type:
      if (type_bits(v) & k.type_mask) return true;
      report(k.location, v,
             "expected " + describe_types(k.type_mask) + ", found " +
                 std::string(json::type_name(v.type())));
      return false;
    case Op::const_value:
      if (json::equal(v, *k.value)) return true;
      report(k.location, v, "must be " + excerpt(*k.value));
      return false;
    case Op::enum_values:
      if (v.is_string() && !k.names.empty()) {
        // All-string enum (CSAF's categories): compare text directly.
        for (std::string_view allowed : k.names) {
          if (allowed == v.as_string()) return true;
        }
      } else {
        for (const json::Value& allowed : k.value->items()) {
          if (json::equal(v, allowed)) return true;
        }
      }
      report(k.location, v, excerpt(v) + " is not one of the allowed values " + excerpt(*k.value));
      return false;
    case Op::multiple_of: {
      if (!v.is_number()) return true;
      MultipleOf exact = is_multiple_of(v.text(), k.number_text);
      bool ok = exact == MultipleOf::yes;
      if (exact == MultipleOf::unknown) {
        double q = v.as_double() / k.number;
        ok = std::isfinite(q) ? std::abs(q - std::round(q)) < 1e-9 : true;
      }
      if (!ok) report(k.location, v, std::string(v.text()) + " is not a multiple of " + std::string(k.number_text));
      return ok;
    }
    case Op::maximum:
    case Op::exclusive_maximum:
    case Op::minimum:
    case Op::exclusive_minimum: {
      if (!v.is_number()) return true;
      double d = v.as_double();
      bool ok = k.op == Op::maximum             ? d <= k.number
                : k.op == Op::exclusive_maximum ? d < k.number
                : k.op == Op::minimum           ? d >= k.number
                                                : d > k.number;
      if (!ok) {
        static constexpr std::string_view kWords[] = {"at most ", "less than ", "at least ", "greater than "};
        std::size_t which = k.op == Op::maximum ? 0 : k.op == Op::exclusive_maximum ? 1 : k.op == Op::minimum ? 2 : 3;
        report(k.location, v, std::string(v.text()) + " must be " + std::string(kWords[which]) + std::string(k.number_text));
      }
      return ok;
    }
    case Op::max_length:
    case Op::min_length: {
      if (!v.is_string()) return true;
      std::size_t bytes = v.as_string().size();
      bool is_max = k.op == Op::max_length;
      // Byte counts bound code point counts (1 to 4 bytes each): most checks
      // are decided without counting.
      if (is_max ? bytes <= k.count : bytes / 4 >= k.count) return true;
      std::size_t length = json::count_code_points(v.as_string());
      bool ok = is_max ? length <= k.count : length >= k.count;
      if (!ok) {
        report(k.location, v,
               "string of " + std::to_string(length) + " characters is " +
                   (is_max ? "longer than " : "shorter than ") + std::to_string(k.count));
      }
      return ok;
    }
    case Op::pattern:
      if (!v.is_string() || k.regex->search(v.as_string())) return true;
      report(k.location, v, excerpt(v) + " does not match the pattern " + k.regex->source());
      return false;
    case Op::format:
      if (!v.is_string() || check_format(k.format, v.as_string())) return true;
      report(k.location, v, excerpt(v) + " is not a valid " + std::string(k.format));
      return false;
    case Op::max_items:
    case Op::min_items:
    case Op::max_properties:
    case Op::min_properties: {
      bool for_arrays = k.op == Op::max_items || k.op == Op::min_items;
      if (for_arrays ? !v.is_array() : !v.is_object()) return true;
      bool is_max = k.op == Op::max_items || k.op == Op::max_properties;
      bool ok = is_max ? v.size() <= k.count : v.size() >= k.count;
      if (!ok) {
        report(k.location, v,
               std::string(for_arrays ? "array" : "object") + " has " + std::to_string(v.size()) +
                   (for_arrays ? " items" : " properties") + (is_max ? ", at most " : ", at least ") +
                   std::to_string(k.count) + " allowed");
      }
      return ok;
    }
    case Op::unique_items: return unique_items(k, v);
    case Op::contains: return contains(k, v, a);
    case Op::required: {
      if (!v.is_object()) return true;
      bool ok = true;
      for (std::string_view name : k.names) {
        if (v.find(name)) continue;
        ok = false;
        report(k.location, v, "required property \"" + std::string(name) + "\" is missing");
        if (!collect_) break;
      }
      return ok;
    }
    case Op::dependent_required: {
      if (!v.is_object()) return true;
      bool ok = true;
      for (const auto& [trigger, names] : k.dependencies) {
        if (!v.find(trigger)) continue;
        for (std::string_view name : names) {
          if (v.find(name)) continue;
          ok = false;
          report(k.location, v,
                 "property \"" + std::string(name) + "\" is required when \"" +
                     std::string(trigger) + "\" is present");
          if (!collect_) return false;
        }
      }
      return ok;
    }
    case Op::dependent_schemas: {
      if (!v.is_object()) return true;
      bool ok = true;
      for (const auto& [trigger, node] : k.named) {
        if (v.find(trigger) && !eval(*node, v, a)) {
          ok = false;
          if (!collect_) return false;
        }
      }
      return ok;
    }
    case Op::property_names: {
      if (!v.is_object()) return true;
      bool ok = true;
      for (const json::Member& m : v.members()) {
        json::Value name = json::Value::make_string(m.key, m.key_offset);
        if (!eval_child(*k.sub, name, m.key)) {
          ok = false;
          if (!collect_) return false;
        }
      }
      return ok;
    }
    case Op::properties: return properties(k, v, a);
    case Op::items: return items(k, v, a);
    case Op::ref: return eval(*k.sub, v, a);
    case Op::dynamic_ref: {
      const Node* target = k.sub;
      for (const Resource* resource : scope_) {
        auto it = resource->dynamic_anchors.find(k.dynamic_anchor);
        if (it != resource->dynamic_anchors.end()) {
          target = it->second;
          break;
        }
      }
      return eval(*target, v, a);
    }
    case Op::all_of: {
      bool ok = true;
      for (const Node* node : k.subs) {
        if (!eval(*node, v, a)) {
          ok = false;
          if (!collect_) return false;
        }
      }
      return ok;
    }
    case Op::any_of:
    case Op::one_of: return combinator(k, v, a);
    case Op::not_schema:
      if (!test(*k.sub, v, nullptr)) return true;
      report(k.location, v, "must not match the schema under \"not\"");
      return false;
    case Op::if_then_else: return if_then_else(k, v, a);
    case Op::unevaluated_items:
    case Op::unevaluated_properties: return unevaluated(k, v, a);
  }
  return true;
}

bool Evaluator::properties(const Keyword& k, const json::Value& v, Annotations* a) {
  if (!v.is_object()) return true;
  bool ok = true;
  const auto members = v.members();
  for (std::size_t i = 0; i < members.size(); ++i) {
    const json::Member& m = members[i];
    bool matched = false;
    const Node* named = nullptr;
    if (!k.named_index.empty()) {
      auto it = k.named_index.find(m.key);
      if (it != k.named_index.end()) named = it->second;
    } else {
      for (const auto& [name, node] : k.named) {
        if (name == m.key) {
          named = node;
          break;
        }
      }
    }
    if (named) {
      matched = true;
      if (!eval_child(*named, m.value, m.key)) ok = false;
    }
    for (const auto& [regex, node] : k.patterns) {
      if (!regex.search(m.key)) continue;
      matched = true;
      if (!eval_child(*node, m.value, m.key)) ok = false;
    }
    if (!matched && k.sub) {
      if (k.sub->is_boolean && !k.sub->boolean_value) {
        ok = false;
        if (collect_) {
          path_.push_back({m.key, 0, false});
          report(k.second_location, m.value,
                 "property \"" + std::string(m.key) + "\" is not allowed here");
          path_.pop_back();
        }
      } else if (!eval_child(*k.sub, m.value, m.key)) {
        ok = false;
      }
      matched = true;
    }
    if (a && matched) a->mark_property(i, members.size());
    if (!ok && !collect_) return false;
  }
  return ok;
}

bool Evaluator::items(const Keyword& k, const json::Value& v, Annotations* a) {
  if (!v.is_array()) return true;
  bool ok = true;
  const auto values = v.items();
  const std::size_t prefix = std::min(values.size(), k.subs.size());
  for (std::size_t i = 0; i < prefix; ++i) {
    if (!eval_item(*k.subs[i], values[i], i)) {
      ok = false;
      if (!collect_) return false;
    }
  }
  if (k.sub) {
    for (std::size_t i = prefix; i < values.size(); ++i) {
      if (!eval_item(*k.sub, values[i], i)) {
        ok = false;
        if (!collect_) return false;
      }
    }
  }
  if (a) {
    if (k.sub) {
      a->all_items = true;
    } else {
      a->items_prefix = std::max(a->items_prefix, prefix);
    }
  }
  return ok;
}

bool Evaluator::contains(const Keyword& k, const json::Value& v, Annotations* a) {
  if (!v.is_array()) return true;
  std::size_t matches = 0;
  const auto values = v.items();
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!test(*k.sub, values[i], nullptr)) continue;
    ++matches;
    if (a) a->mark_item(i, values.size());
    // Without annotations or a maximum, the first `count` matches decide.
    if (!a && !k.max_count && matches >= k.count) return true;
  }
  if (matches < k.count) {
    report(k.location, v,
           "array contains " + std::to_string(matches) + " matching items, at least " +
               std::to_string(k.count) + " required");
    return false;
  }
  if (k.max_count && matches > *k.max_count) {
    report(k.location, v,
           "array contains " + std::to_string(matches) + " matching items, at most " +
               std::to_string(*k.max_count) + " allowed");
    return false;
  }
  return true;
}

bool Evaluator::combinator(const Keyword& k, const json::Value& v, Annotations* a) {
  const bool one_of = k.op == Op::one_of;
  std::size_t valid = 0;
  std::size_t first_valid = 0;
  for (std::size_t i = 0; i < k.subs.size(); ++i) {
    Annotations branch;
    if (!test(*k.subs[i], v, a ? &branch : nullptr)) continue;
    if (valid == 0) first_valid = i;
    ++valid;
    if (a && (!one_of || valid == 1)) a->merge(branch);
    if (!a && !one_of) return true;  // anyOf: the first match decides
    if (one_of && valid > 1) {
      report(k.location, v,
             "matches more than one schema of oneOf (at least #" + std::to_string(first_valid) +
                 " and #" + std::to_string(i) + ")");
      return false;
    }
  }
  if (valid > 0) return true;
  if (!collect_ || explaining_) {
    report(k.location, v,
           "matches none of the " + std::to_string(k.subs.size()) + " schemas of " +
               (one_of ? "oneOf" : "anyOf"));
    return false;
  }
  // Say what is wrong, not only that nothing matched: re-run the branches
  // collecting, and report the one that came closest (fewest violations).
  // Not nested: an explanation inside an explanation would make the cost
  // exponential in the depth of combinators.
  explaining_ = true;
  std::vector<Violation> closest;
  std::size_t closest_index = 0;
  std::vector<Violation>* saved = out_;
  for (std::size_t i = 0; i < k.subs.size(); ++i) {
    std::vector<Violation> branch;
    out_ = &branch;
    eval(*k.subs[i], v, nullptr);
    if (i == 0 || branch.size() < closest.size()) {
      closest = std::move(branch);
      closest_index = i;
    }
  }
  out_ = saved;
  explaining_ = false;
  report(k.location, v,
         "matches none of the " + std::to_string(k.subs.size()) + " schemas of " +
             (one_of ? "oneOf" : "anyOf") + "; the closest, #" + std::to_string(closest_index) +
             ", fails as reported next");
  for (Violation& violation : closest) out_->push_back(std::move(violation));
  return false;
}

bool Evaluator::if_then_else(const Keyword& k, const json::Value& v, Annotations* a) {
  Annotations condition;
  bool matched = test(*k.sub, v, a ? &condition : nullptr);
  if (matched && a) a->merge(condition);
  const Node* branch = matched ? k.then_node : k.else_node;
  return branch ? eval(*branch, v, a) : true;
}

bool Evaluator::unevaluated(const Keyword& k, const json::Value& v, Annotations* a) {
  bool ok = true;
  if (k.op == Op::unevaluated_properties) {
    if (!v.is_object()) return true;
    const auto members = v.members();
    for (std::size_t i = 0; i < members.size(); ++i) {
      if (a->property(i)) continue;
      if (k.sub->is_boolean && !k.sub->boolean_value) {
        ok = false;
        if (!collect_) return false;
        path_.push_back({members[i].key, 0, false});
        report(k.location, members[i].value,
               "property \"" + std::string(members[i].key) + "\" is not evaluated by any schema and not allowed");
        path_.pop_back();
        continue;
      }
      if (!eval_child(*k.sub, members[i].value, members[i].key)) {
        ok = false;
        if (!collect_) return false;
      }
      a->mark_property(i, members.size());
    }
    return ok;
  }
  if (!v.is_array()) return true;
  const auto values = v.items();
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (a->item(i)) continue;
    if (!eval_item(*k.sub, values[i], i)) {
      ok = false;
      if (!collect_) return false;
    }
  }
  if (ok) a->all_items = true;
  return ok;
}

bool Evaluator::unique_items(const Keyword& k, const json::Value& v) {
  if (!v.is_array() || v.size() < 2) return true;
  const auto values = v.items();
  if (values.size() <= 16) {
    // Small arrays (the common case): pairwise comparison beats hashing.
    // The finding names the first item that repeats an earlier one.
    for (std::size_t y = 1; y < values.size(); ++y) {
      for (std::size_t x = 0; x < y; ++x) {
        if (json::equal(values[x], values[y])) {
          report(k.location, v,
                 "items #" + std::to_string(x) + " and #" + std::to_string(y) +
                     " are equal; items must be unique");
          return false;
        }
      }
    }
    return true;
  }
  // One pass in item order over an open-addressing table of earlier items
  // (seeded hashes: a hostile array cannot make every item collide), so the
  // finding names the first item that repeats an earlier one, as above.
  std::size_t capacity = 64;
  while (capacity < values.size() * 2) capacity *= 2;
  struct Slot {
    std::uint64_t hash;
    std::uint32_t index_plus_one;  // 0: empty
  };
  std::vector<Slot> table(capacity, Slot{0, 0});
  const std::size_t mask = capacity - 1;
  for (std::size_t y = 0; y < values.size(); ++y) {
    const std::uint64_t h = json::hash(values[y]);
    std::size_t i = h & mask;
    for (;; i = (i + 1) & mask) {
      const Slot& slot = table[i];
      if (slot.index_plus_one == 0) break;
      const std::size_t x = slot.index_plus_one - 1;
      if (slot.hash == h && json::equal(values[x], values[y])) {
        report(k.location, v,
               "items #" + std::to_string(x) + " and #" + std::to_string(y) +
                   " are equal; items must be unique");
        return false;
      }
    }
    table[i] = Slot{h, static_cast<std::uint32_t>(y + 1)};
  }
  return true;
}

}  // namespace

bool validate_graph(const Graph& graph, const json::Value& instance,
                    std::vector<Violation>* violations) {
  Evaluator evaluator(violations);
  return evaluator.eval(*graph.root, instance, nullptr);
}

}  // namespace lotse::schema
