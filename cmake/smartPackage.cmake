# The C++ core's package files: the package configuration (smartConfig.cmake) with its
# version file, the targets of the build tree (export(): a consumer may point smart_DIR at a
# build directory), and — when installing (SMART_INSTALL) — the install rules of the export
# set of smart::smart, the configuration and smart.pc. Included from the end of the
# top-level CMakeLists.txt; the C ABI's own rules are in capi/CMakeLists.txt (export set
# smartCTargets, smart_c.pc).
include(CMakePackageConfigHelpers)
include(GNUInstallDirs)

set(SMART_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/smart")
set(SMART_BOOST_MIN_VERSION 1.74)
set(SMART_NLOHMANN_MIN_VERSION 3.11)

configure_package_config_file("${CMAKE_CURRENT_LIST_DIR}/smartConfig.cmake.in"
                              "${PROJECT_BINARY_DIR}/smartConfig.cmake"
                              INSTALL_DESTINATION "${SMART_CMAKE_DIR}")
# The C ABI keeps its promises by ABI version (docs/c-api.md); for the package as a whole
# a newer release with the same major version satisfies a request.
write_basic_package_version_file("${PROJECT_BINARY_DIR}/smartConfigVersion.cmake"
                                 VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
# The build tree as a package: the same smartConfig.cmake reads these target files beside it.
export(TARGETS smart_core NAMESPACE smart:: FILE "${PROJECT_BINARY_DIR}/smartCoreTargets.cmake")

if(NOT SMART_INSTALL)
  return()
endif()
install(EXPORT smartCoreTargets NAMESPACE smart:: DESTINATION "${SMART_CMAKE_DIR}" COMPONENT smart_development)
install(FILES "${PROJECT_BINARY_DIR}/smartConfig.cmake" "${PROJECT_BINARY_DIR}/smartConfigVersion.cmake"
        DESTINATION "${SMART_CMAKE_DIR}" COMPONENT smart_development)

file(RELATIVE_PATH SMART_PC_PREFIX "${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig" "${CMAKE_INSTALL_PREFIX}")
string(REGEX REPLACE "/$" "" SMART_PC_PREFIX "${SMART_PC_PREFIX}")
configure_file("${CMAKE_CURRENT_LIST_DIR}/smart.pc.in" "${PROJECT_BINARY_DIR}/smart.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/smart.pc" DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig"
        COMPONENT smart_development)
