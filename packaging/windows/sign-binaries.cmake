# CPack pre-build script (Windows): Authenticode-signs our own executables (and
# qtkeychain's DLL, if it is built as one; the installer links it statically)
# in the staging folder before NSIS/ZIP pack them. A no-op
# unless CLIPSHELF_WINDOWS_SIGN_ARGS was set at configure time, e.g.
#   /sha1 <certificate thumbprint> /fd sha256 /tr http://timestamp.example /td sha256
# (Qt's own DLLs come signed by The Qt Company in the official installers.)
if(NOT CPACK_CLIPSHELF_SIGN_ARGS)
    message(STATUS "signtool: no signing arguments configured, binaries stay unsigned")
    return()
endif()
separate_arguments(sign_args WINDOWS_COMMAND "${CPACK_CLIPSHELF_SIGN_ARGS}")
file(GLOB_RECURSE binaries
    "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*clipshelf.exe"
    "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*clipshelf-cli.exe"
    "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*qt6keychain.dll")
foreach(binary IN LISTS binaries)
    execute_process(COMMAND signtool sign ${sign_args} "${binary}" RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "signtool failed for ${binary}")
    endif()
endforeach()
