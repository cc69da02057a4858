# SPDX-License-Identifier: GPL-3.0-or-later
# One INTERFACE target carries the language standard, warnings and Qt strictness defines; every
# target of the project links it.
add_library(lux_options INTERFACE)
add_library(Lux::Options ALIAS lux_options)

target_compile_features(lux_options INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_definitions(lux_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    LUX_APP_ID="${LUX_APP_ID}"
    LUX_VERSION="${PROJECT_VERSION}")

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(lux_options INTERFACE
        -Wall -Wextra -Wpedantic -Wold-style-cast -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
        -Wnull-dereference -Wformat=2
        $<$<CXX_COMPILER_ID:GNU>:-Wshadow=local> $<$<CXX_COMPILER_ID:Clang>:-Wshadow-uncaptured-local>)
    if(LUX_WERROR)
        target_compile_options(lux_options INTERFACE -Werror)
    endif()
endif()

# Helper: one Qt Test executable per class, registered with CTest, run offscreen in a fixed locale.
function(lux_add_test name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;ENV;LABELS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Lux::Options Qt6::Test ${ARG_LIBS})
    target_compile_definitions(${name} PRIVATE
        LUX_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
        LUX_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        LUX_BINARY_DIR="${PROJECT_BINARY_DIR}")
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8;LANG=C.UTF-8;LANGUAGE=;${ARG_ENV}"
        TIMEOUT 300
        LABELS "${ARG_LABELS}")
endfunction()
