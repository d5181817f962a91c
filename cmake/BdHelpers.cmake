# bd_layer(NAME DIR dir [DEPS targets...] [SYSTEM_INCLUDES dirs...] [EXCLUDE files...])
# Declares one layer library from every .cc file below src/DIR (globbed, so adding a
# file needs no CMake edit), except the EXCLUDE files (paths below src/, e.g. build-time
# generators). A layer with no .cc yet is an INTERFACE library.
function(bd_layer name)
  cmake_parse_arguments(ARG "" "DIR" "DEPS;SYSTEM_INCLUDES;EXCLUDE" ${ARGN})
  file(GLOB_RECURSE srcs CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/${ARG_DIR}/*.cc)
  foreach(excluded ${ARG_EXCLUDE})
    list(REMOVE_ITEM srcs ${CMAKE_SOURCE_DIR}/src/${excluded})
  endforeach()
  if(srcs)
    add_library(${name} STATIC ${srcs})
    target_include_directories(${name} PUBLIC ${CMAKE_SOURCE_DIR}/src)
    target_link_libraries(${name} PUBLIC ${ARG_DEPS} PRIVATE bd_warnings)
    target_include_directories(${name} SYSTEM PUBLIC ${ARG_SYSTEM_INCLUDES})
  else()
    add_library(${name} INTERFACE)
    target_include_directories(${name} INTERFACE ${CMAKE_SOURCE_DIR}/src)
    target_link_libraries(${name} INTERFACE ${ARG_DEPS})
    target_include_directories(${name} SYSTEM INTERFACE ${ARG_SYSTEM_INCLUDES})
  endif()
endfunction()

# bd_test(NAME LIBS libs... [LABELS labels...] [ENV k=v...])
# One GoogleTest executable from every *_test.cc in the calling directory; each
# TEST becomes its own CTest entry.
function(bd_test name)
  cmake_parse_arguments(ARG "" "" "LIBS;LABELS;ENV" ${ARGN})
  file(GLOB srcs CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*_test.cc)
  add_executable(${name} ${srcs})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gtest_main GTest::gmock bd_warnings)
  target_compile_definitions(${name} PRIVATE BD_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
                                             BD_BINARY_DIR="${CMAKE_BINARY_DIR}")
  include(GoogleTest)
  gtest_discover_tests(${name} DISCOVERY_MODE PRE_TEST
                       PROPERTIES LABELS "${ARG_LABELS}" ENVIRONMENT "${ARG_ENV}")
endfunction()

# bd_fuzzer(NAME SOURCE file LIBS libs...): a libFuzzer target (clang, BD_FUZZ=ON).
function(bd_fuzzer name)
  cmake_parse_arguments(ARG "" "SOURCE" "LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCE})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS})
  target_link_options(${name} PRIVATE -fsanitize=fuzzer)
endfunction()
