// The single Catch2 main for tests/core/**/*_test.cpp.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
