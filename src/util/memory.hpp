// Peak resident memory of this process, for `--stats` and for the tests that
// assert Lotse's memory bounds. Reads the kernel's high-water mark of the
// current address space (VmHWM), which, unlike getrusage(), does not count
// what a parent process held before exec.
#pragma once

#include <cstddef>

namespace lotse::util {

// Peak resident set size in bytes; 0 when the platform does not say.
std::size_t peak_rss_bytes();

}  // namespace lotse::util
