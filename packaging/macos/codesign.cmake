# CPack pre-build script (macOS DragNDrop): signs Clipshelf.app in the staging
# folder after macdeployqt filled it and before the DMG is made. A no-op
# unless CLIPSHELF_MACOS_SIGN_IDENTITY was set at configure time.
# Signs inside out (frameworks, plugins, the CLI, then the bundle), with the
# hardened runtime and a secure timestamp, as notarisation requires.
if(NOT CPACK_CLIPSHELF_SIGN_IDENTITY)
    message(STATUS "codesign: no identity configured, Clipshelf.app stays unsigned")
    return()
endif()

file(GLOB_RECURSE bundles LIST_DIRECTORIES true "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*Clipshelf.app")
list(FILTER bundles INCLUDE REGEX "Clipshelf\\.app$")
list(LENGTH bundles count)
if(NOT count EQUAL 1)
    message(FATAL_ERROR "codesign: expected one Clipshelf.app in ${CPACK_TEMPORARY_INSTALL_DIRECTORY}, found ${count}")
endif()
set(app "${bundles}")

function(clipshelf_codesign path)
    execute_process(
        COMMAND codesign --force --timestamp --options runtime
                --sign "${CPACK_CLIPSHELF_SIGN_IDENTITY}" ${ARGN} "${path}"
        RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "codesign failed for ${path}")
    endif()
endfunction()

# Nested code first: every dylib and plugin, then the frameworks as a whole.
file(GLOB_RECURSE libraries "${app}/Contents/*.dylib")
foreach(library IN LISTS libraries)
    clipshelf_codesign("${library}")
endforeach()
file(GLOB frameworks LIST_DIRECTORIES true "${app}/Contents/Frameworks/*.framework")
foreach(framework IN LISTS frameworks)
    clipshelf_codesign("${framework}")
endforeach()
clipshelf_codesign("${app}/Contents/MacOS/clipshelf-cli")
clipshelf_codesign("${app}" --entitlements "${CPACK_CLIPSHELF_ENTITLEMENTS}")

execute_process(COMMAND codesign --verify --deep --strict --verbose=2 "${app}" RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "codesign: verification of ${app} failed")
endif()
