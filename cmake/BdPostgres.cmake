# bd_postgres_fixture(NAME): a CTest fixture that starts a throw-away PostgreSQL server
# (scripts/pg-test-cluster) in ${CMAKE_CURRENT_BINARY_DIR}/NAME before the tests that
# require it and removes it after them. Sets NAME_URL_FILE in the caller's scope: the
# file the server's URL is written to (pass it to tests as BD_TEST_PG_URL_FILE).
#
# bd_postgres_tests(TARGET FIXTURE NAME FILTER pattern [LABELS …]): discovers the
# GoogleTest cases of TARGET matching FILTER as CTest tests that require the fixture
# (LABELS: one label; gtest_discover_tests cannot pass a list through).
function(bd_postgres_fixture name)
  set(dir ${CMAKE_CURRENT_BINARY_DIR}/${name})
  add_test(NAME ${name}_start COMMAND ${CMAKE_SOURCE_DIR}/scripts/pg-test-cluster start ${dir})
  add_test(NAME ${name}_stop COMMAND ${CMAKE_SOURCE_DIR}/scripts/pg-test-cluster stop ${dir})
  set_tests_properties(${name}_start PROPERTIES FIXTURES_SETUP ${name} LABELS "integration;postgresql")
  set_tests_properties(${name}_stop PROPERTIES FIXTURES_CLEANUP ${name} LABELS "integration;postgresql")
  set(${name}_URL_FILE ${dir}/url PARENT_SCOPE)
endfunction()

function(bd_postgres_tests target)
  cmake_parse_arguments(ARG "" "FIXTURE;FILTER;LABELS" "" ${ARGN})
  include(GoogleTest)
  gtest_discover_tests(${target} DISCOVERY_MODE PRE_TEST TEST_FILTER "${ARG_FILTER}"
                       PROPERTIES LABELS "${ARG_LABELS}" FIXTURES_REQUIRED ${ARG_FIXTURE}
                                  ENVIRONMENT "BD_TEST_PG_URL_FILE=${CMAKE_CURRENT_BINARY_DIR}/${ARG_FIXTURE}/url")
endfunction()
