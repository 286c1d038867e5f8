// Compiler::compile_keywords: from one schema object to its typed Keywords,
// with the dialect differences (draft-04 ... 2020-12) decided here once, so
// that the validator never looks at a dialect.
#include <algorithm>

#include "schema/compiler.hpp"

#include "json/pointer.hpp"

namespace lotse::schema {

namespace {

std::string keyword_location(const std::string& schema_location, std::string_view keyword) {
  std::string out = schema_location;
  json::append_pointer_token(out, keyword);
  return out;
}

std::uint8_t type_bit(std::string_view name) {
  if (name == "null") return kNull;
  if (name == "boolean") return kBoolean;
  if (name == "object") return kObject;
  if (name == "array") return kArray;
  if (name == "number") return kNumber;
  if (name == "string") return kString;
  if (name == "integer") return kInteger;
  return 0;
}

bool read_count(const json::Value* v, std::size_t& out) {
  if (!v || !v->is_number() || !v->is_integer() || v->as_double() < 0) return false;
  double d = v->as_double();
  out = d > 1e18 ? static_cast<std::size_t>(1e18) : static_cast<std::size_t>(d);
  return true;
}

}  // namespace

void Compiler::compile_keywords(const json::Value& schema, const Info& info, Node& node) {
  const Dialect dialect = info.dialect;
  const std::string& here = info.location;
  // Each member yields at most one keyword ("dependencies" two): with this
  // reserve, references returned by add() stay valid while others are added.
  node.keywords.reserve(schema.size() + 2);
  auto add = [&](Op op, std::string_view name) -> Keyword& {
    Keyword& k = node.keywords.emplace_back();
    k.op = op;
    k.location = keyword_location(here, name);
    return k;
  };
  auto sub = [&](const json::Value& value, std::string_view pointer) {
    return compile_sub(value, info, pointer);
  };
  auto bad = [&](std::string_view keyword, std::string_view expected) {
    fail(keyword_location(here, keyword) + ": must be " + std::string(expected));
  };

  // Up to draft-07, `$ref` replaces the whole schema: siblings are ignored.
  if (const json::Value* ref = schema.find("$ref")) {
    if (!ref->is_string()) return bad("$ref", "a string");
    Keyword& k = add(Op::ref, "$ref");
    k.sub = resolve_ref(ref->as_string(), info, "$ref");
    if (dialect <= Dialect::draft7) return;
  }
  if (dialect == Dialect::draft2019_09) {
    // $recursiveRef is evaluated like $ref (docs/json-schema.md).
    if (const json::Value* ref = schema.find("$recursiveRef"); ref && ref->is_string()) {
      Keyword& k = add(Op::ref, "$recursiveRef");
      k.sub = resolve_ref(ref->as_string(), info, "$recursiveRef");
    }
  }
  if (dialect >= Dialect::draft2020_12) {
    if (const json::Value* ref = schema.find("$dynamicRef")) {
      if (!ref->is_string()) return bad("$dynamicRef", "a string");
      Keyword& k = add(Op::dynamic_ref, "$dynamicRef");
      const json::Value* target = nullptr;
      k.sub = resolve_ref(ref->as_string(), info, "$dynamicRef", &target);
      std::string_view text = ref->as_string();
      std::size_t hash = text.find('#');
      std::string_view fragment = hash == std::string_view::npos ? "" : text.substr(hash + 1);
      if (!fragment.empty() && !fragment.starts_with("/") && target && target->is_object()) {
        // Dynamic only when the initial target carries a matching
        // $dynamicAnchor; otherwise it behaves exactly like $ref.
        const json::Value* anchor = target->find("$dynamicAnchor");
        if (anchor && anchor->is_string() && anchor->as_string() == fragment) {
          k.dynamic_anchor = std::string(fragment);
        }
      }
      if (k.dynamic_anchor.empty()) k.op = Op::ref;
    }
  }

  if (const json::Value* type = schema.find("type")) {
    Keyword& k = add(Op::type, "type");
    if (type->is_string()) {
      k.type_mask = type_bit(type->as_string());
      if (!k.type_mask) bad("type", "a JSON Schema type name");
    } else if (type->is_array()) {
      for (const json::Value& t : type->items()) {
        std::uint8_t bit = t.is_string() ? type_bit(t.as_string()) : 0;
        if (!bit) bad("type", "an array of JSON Schema type names");
        k.type_mask |= bit;
      }
    } else {
      bad("type", "a string or an array of strings");
    }
  }
  if (const json::Value* v = schema.find("enum")) {
    if (!v->is_array()) return bad("enum", "an array");
    Keyword& k = add(Op::enum_values, "enum");
    k.value = v;
    bool all_strings = v->size() > 0;
    for (const json::Value& allowed : v->items()) all_strings = all_strings && allowed.is_string();
    if (all_strings) {
      for (const json::Value& allowed : v->items()) k.names.push_back(allowed.as_string());
    }
  }
  if (dialect >= Dialect::draft6) {
    if (const json::Value* v = schema.find("const")) add(Op::const_value, "const").value = v;
  }

  // Numbers.
  auto number_keyword = [&](std::string_view name, Op op) {
    const json::Value* v = schema.find(name);
    if (!v) return;
    if (!v->is_number()) return bad(name, "a number");
    Keyword& k = add(op, name);
    k.number = v->as_double();
    k.number_text = v->text();
  };
  if (const json::Value* v = schema.find("multipleOf")) {
    if (!v->is_number() || v->as_double() <= 0) return bad("multipleOf", "a number > 0");
    number_keyword("multipleOf", Op::multiple_of);
  }
  if (dialect == Dialect::draft4) {
    // draft-04: exclusiveMaximum/Minimum are booleans modifying max/min.
    auto exclusive = [&](std::string_view flag) {
      const json::Value* v = schema.find(flag);
      return v && v->is_bool() && v->as_bool();
    };
    number_keyword("maximum", exclusive("exclusiveMaximum") ? Op::exclusive_maximum : Op::maximum);
    number_keyword("minimum", exclusive("exclusiveMinimum") ? Op::exclusive_minimum : Op::minimum);
  } else {
    number_keyword("maximum", Op::maximum);
    number_keyword("minimum", Op::minimum);
    number_keyword("exclusiveMaximum", Op::exclusive_maximum);
    number_keyword("exclusiveMinimum", Op::exclusive_minimum);
  }

  auto count_keyword = [&](std::string_view name, Op op) {
    const json::Value* v = schema.find(name);
    if (!v) return;
    std::size_t count = 0;
    if (!read_count(v, count)) return bad(name, "a non-negative integer");
    add(op, name).count = count;
  };
  // Strings.
  count_keyword("maxLength", Op::max_length);
  count_keyword("minLength", Op::min_length);
  if (const json::Value* v = schema.find("pattern")) {
    if (!v->is_string()) return bad("pattern", "a string");
    auto regex = EcmaRegex::compile(v->as_string());
    if (!regex) return fail(keyword_location(here, "pattern") + ": " + regex.error());
    add(Op::pattern, "pattern").regex = std::move(*regex);
  }
  if (const json::Value* v = schema.find("format"); v && v->is_string() && info.assert_formats) {
    add(Op::format, "format").format = v->as_string();
  }

  // Arrays.
  count_keyword("maxItems", Op::max_items);
  count_keyword("minItems", Op::min_items);
  if (const json::Value* v = schema.find("uniqueItems"); v && v->is_bool() && v->as_bool()) {
    add(Op::unique_items, "uniqueItems");
  }
  {
    const json::Value* prefix = nullptr;
    const json::Value* rest = nullptr;
    std::string_view prefix_name, rest_name;
    const json::Value* items = schema.find("items");
    if (dialect >= Dialect::draft2020_12) {
      prefix = schema.find("prefixItems");
      prefix_name = "prefixItems";
      rest = items;
      rest_name = "items";
    } else if (items && items->is_array()) {
      prefix = items;
      prefix_name = "items";
      rest = schema.find("additionalItems");
      rest_name = "additionalItems";
    } else {
      rest = items;
      rest_name = "items";
    }
    if (prefix || rest) {
      Keyword& k = add(Op::items, prefix ? prefix_name : rest_name);
      if (prefix) {
        if (!prefix->is_array()) return bad(prefix_name, "an array of schemas");
        for (std::size_t i = 0; i < prefix->size(); ++i) {
          k.subs.push_back(sub(*prefix->at(i), "/" + std::string(prefix_name) + "/" + std::to_string(i)));
        }
      }
      if (rest) {
        k.sub = sub(*rest, "/" + std::string(rest_name));
        k.second_location = keyword_location(here, rest_name);
      }
    }
  }
  if (dialect >= Dialect::draft6) {
    if (const json::Value* v = schema.find("contains")) {
      Keyword& k = add(Op::contains, "contains");
      k.sub = sub(*v, "/contains");
      k.count = 1;
      if (dialect >= Dialect::draft2019_09) {
        std::size_t n = 0;
        if (read_count(schema.find("minContains"), n)) k.count = n;
        if (read_count(schema.find("maxContains"), n)) k.max_count = n;
      }
    }
  }

  // Objects.
  count_keyword("maxProperties", Op::max_properties);
  count_keyword("minProperties", Op::min_properties);
  if (const json::Value* v = schema.find("required")) {
    if (!v->is_array()) return bad("required", "an array of strings");
    Keyword& k = add(Op::required, "required");
    for (const json::Value& name : v->items()) {
      if (!name.is_string()) return bad("required", "an array of strings");
      k.names.push_back(name.as_string());
    }
  }
  auto add_dependent_required = [&](const json::Value& map, std::string_view name, bool schemas_too) {
    Keyword* required = nullptr;
    Keyword* schemas = nullptr;
    for (const json::Member& m : map.members()) {
      if (m.value.is_array()) {
        if (!required) required = &add(Op::dependent_required, name);
        std::vector<std::string_view> names;
        for (const json::Value& n : m.value.items()) {
          if (n.is_string()) names.push_back(n.as_string());
        }
        required->dependencies.emplace_back(m.key, std::move(names));
      } else if (schemas_too) {
        if (!schemas) schemas = &add(Op::dependent_schemas, name);
        std::string pointer = "/" + std::string(name);
        json::append_pointer_token(pointer, m.key);
        schemas->named.emplace_back(m.key, sub(m.value, pointer));
      }
    }
  };
  if (dialect <= Dialect::draft7) {
    if (const json::Value* v = schema.find("dependencies"); v && v->is_object()) {
      add_dependent_required(*v, "dependencies", true);
    }
  } else {
    if (const json::Value* v = schema.find("dependentRequired"); v && v->is_object()) {
      add_dependent_required(*v, "dependentRequired", false);
    }
    if (const json::Value* v = schema.find("dependentSchemas"); v && v->is_object()) {
      Keyword& k = add(Op::dependent_schemas, "dependentSchemas");
      for (const json::Member& m : v->members()) {
        std::string pointer = "/dependentSchemas";
        json::append_pointer_token(pointer, m.key);
        k.named.emplace_back(m.key, sub(m.value, pointer));
      }
    }
  }
  if (dialect >= Dialect::draft6) {
    if (const json::Value* v = schema.find("propertyNames")) {
      add(Op::property_names, "propertyNames").sub = sub(*v, "/propertyNames");
    }
  }
  {
    const json::Value* properties = schema.find("properties");
    const json::Value* patterns = schema.find("patternProperties");
    const json::Value* additional = schema.find("additionalProperties");
    bool forbid = options_.forbid_additional_properties && properties && !additional;
    if (properties || patterns || additional || forbid) {
      Keyword& k = add(Op::properties, properties ? "properties"
                                        : patterns ? "patternProperties"
                                                   : "additionalProperties");
      if (properties) {
        if (!properties->is_object()) return bad("properties", "an object");
        for (const json::Member& m : properties->members()) {
          std::string pointer = "/properties";
          json::append_pointer_token(pointer, m.key);
          k.named.emplace_back(m.key, sub(m.value, pointer));
        }
        if (k.named.size() > 8) {
          for (auto& [name, target] : k.named) k.named_index.emplace(name, target);
        }
      }
      if (patterns) {
        if (!patterns->is_object()) return bad("patternProperties", "an object");
        for (const json::Member& m : patterns->members()) {
          auto regex = EcmaRegex::compile(m.key);
          if (!regex) {
            return fail(keyword_location(here, "patternProperties") + ": " + regex.error());
          }
          std::string pointer = "/patternProperties";
          json::append_pointer_token(pointer, m.key);
          k.patterns.emplace_back(std::move(*regex), sub(m.value, pointer));
        }
      }
      if (additional) {
        k.sub = sub(*additional, "/additionalProperties");
      } else if (forbid) {
        static const json::Value kFalse = [] {
          // A `false` schema shared by every strict object.
          return json::Value::make_bool(false);
        }();
        Info strict = info;
        strict.location = here + "/additionalProperties";
        k.sub = compile(kFalse, &strict);
      }
      k.second_location = keyword_location(here, "additionalProperties");
    }
  }

  // Applicators.
  auto add_list = [&](std::string_view name, Op op) {
    const json::Value* v = schema.find(name);
    if (!v) return;
    if (!v->is_array() || v->size() == 0) return bad(name, "a non-empty array of schemas");
    Keyword& k = add(op, name);
    for (std::size_t i = 0; i < v->size(); ++i) {
      k.subs.push_back(sub(*v->at(i), "/" + std::string(name) + "/" + std::to_string(i)));
    }
  };
  add_list("allOf", Op::all_of);
  add_list("anyOf", Op::any_of);
  add_list("oneOf", Op::one_of);
  if (const json::Value* v = schema.find("not")) add(Op::not_schema, "not").sub = sub(*v, "/not");
  if (dialect >= Dialect::draft7) {
    if (const json::Value* v = schema.find("if")) {
      Keyword& k = add(Op::if_then_else, "if");
      k.sub = sub(*v, "/if");
      if (const json::Value* t = schema.find("then")) k.then_node = sub(*t, "/then");
      if (const json::Value* e = schema.find("else")) k.else_node = sub(*e, "/else");
      k.second_location = keyword_location(here, "then");
    }
  }
  if (dialect >= Dialect::draft2019_09) {
    // Last: they need the annotations of every other keyword of this schema.
    if (const json::Value* v = schema.find("unevaluatedItems")) {
      add(Op::unevaluated_items, "unevaluatedItems").sub = sub(*v, "/unevaluatedItems");
      node.has_unevaluated = true;
    }
    if (const json::Value* v = schema.find("unevaluatedProperties")) {
      add(Op::unevaluated_properties, "unevaluatedProperties").sub =
          sub(*v, "/unevaluatedProperties");
      node.has_unevaluated = true;
    }
  }
}

}  // namespace lotse::schema
