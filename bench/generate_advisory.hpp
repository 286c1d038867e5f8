// Synthetic, schema-valid CSAF 2.0 advisories of any size, for measuring how
// validation scales with the number of products (real advisories from large
// vendors reach tens of thousands of product ids).
#pragma once

#include <cstddef>
#include <string>

namespace lotse::bench {

// A CSAF 2.0 csaf_security_advisory, pretty-printed with two-space indents
// like the OASIS examples, whose product_tree holds `products` products
// (ids "CSAFPID-1" ... "CSAFPID-<products>") under vendor -> product_name ->
// product_version branches, and `vulnerabilities` vulnerabilities, each
// listing every product id in product_status.known_affected, in a CVSS v3.1
// score and in a vendor_fix remediation. With the defaults, 50,000 products
// make about 9 MB. REQUIRES: products >= 1, vulnerabilities >= 1.
std::string generate_advisory(std::size_t products, std::size_t vulnerabilities = 1);

}  // namespace lotse::bench
