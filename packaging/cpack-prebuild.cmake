# CPack pre-build script (Linux): runs after the install rules filled the
# staging directory and before the package is made from it, once per
# generator. Debian wants its own copyright format and a changelog in the doc
# directory (lintian errors otherwise); the other generators keep the plain
# LICENSE.
if(NOT CPACK_GENERATOR STREQUAL "DEB")
    return()
endif()

set(prefix "${CPACK_PACKAGING_INSTALL_PREFIX}")
if(prefix STREQUAL "")
    set(prefix /usr) # the DEB generator's default
endif()
set(doc "${CPACK_TEMPORARY_INSTALL_DIRECTORY}${prefix}/share/doc/clipshelf")
if(NOT IS_DIRECTORY "${doc}")
    message(FATAL_ERROR "cpack-prebuild: ${doc} is missing; did the install rules change?")
endif()
file(REMOVE "${doc}/LICENSE")
file(COPY_FILE "${CPACK_CLIPSHELF_DEB_COPYRIGHT}" "${doc}/copyright")
# -n: no name or time stamp in the gzip header, so the package is reproducible.
execute_process(
    COMMAND gzip -9 -n -c "${CPACK_CLIPSHELF_DEB_CHANGELOG}"
    OUTPUT_FILE "${doc}/changelog.Debian.gz"
    RESULT_VARIABLE gzip_result)
if(NOT gzip_result EQUAL 0)
    message(FATAL_ERROR "cpack-prebuild: gzip failed: ${gzip_result}")
endif()
file(CHMOD "${doc}/copyright" "${doc}/changelog.Debian.gz"
    PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
