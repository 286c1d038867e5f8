#include "resources/resources.hpp"

namespace lotse::resources {

const Resource* find(std::string_view path) {
  for (const Resource& resource : all()) {
    if (resource.path == path) return &resource;
  }
  return nullptr;
}

}  // namespace lotse::resources
