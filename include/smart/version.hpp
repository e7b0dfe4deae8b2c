// The single source of the library's version. CMake and scikit-build-core read the
// numbers below with a regular expression: keep the three #define lines as they are.
#pragma once

#define SMART_VERSION_MAJOR 0
#define SMART_VERSION_MINOR 1
#define SMART_VERSION_PATCH 0

#define SMART_VERSION_STRING "0.1.0"
#define SMART_VERSION_NUMBER (SMART_VERSION_MAJOR * 10000 + SMART_VERSION_MINOR * 100 + SMART_VERSION_PATCH)

namespace smart {

/// The library's version as "MAJOR.MINOR.PATCH" (the one compiled into the library).
const char* version() noexcept;

}  // namespace smart
