# Compiles the scanner's Hyperscan dictionary at build time and embeds the serialized
# database into the scan library, so a process deserializes it instead of compiling it
# (about 90 ms) on first use (src/scan/detect/dictionary_build.h).
#
# bd_embed_dictionary(TARGET): builds the generator bd_dictionary_gen from
#   src/scan/detect/dictionary_gen.cc and dictionary_build.cc (the code the library uses
#   to collect the terms, so both compile the same set), runs it to write
#   dictionary_db.cc into the build dir and adds that file to TARGET. Editing terms.h or
#   dictionary_build.cc rebuilds the generator and so regenerates the file.
function(bd_embed_dictionary target)
  set(dir ${CMAKE_SOURCE_DIR}/src/scan/detect)
  add_executable(bd_dictionary_gen ${dir}/dictionary_gen.cc ${dir}/dictionary_build.cc)
  # A build tool: drop the directory-wide sanitizer and fuzzer options (BD_SANITIZE,
  # BD_FUZZ); the library's copy of dictionary_build.cc is still built with them.
  set_target_properties(bd_dictionary_gen PROPERTIES COMPILE_OPTIONS "" LINK_OPTIONS "")
  target_include_directories(bd_dictionary_gen PRIVATE ${CMAKE_SOURCE_DIR}/src)
  target_link_libraries(bd_dictionary_gen PRIVATE PkgConfig::HYPERSCAN bd_warnings)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/dictionary_db.cc)
  add_custom_command(
    OUTPUT ${out}
    COMMAND bd_dictionary_gen ${out}
    DEPENDS bd_dictionary_gen
    COMMENT "Compiling the Hyperscan dictionary"
    VERBATIM)
  target_sources(${target} PRIVATE ${out})
endfunction()
