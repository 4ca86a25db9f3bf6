# CPack post-build script (Windows): Authenticode-signs the finished
# installer (Clipshelf-<version>-win64.exe), so SmartScreen shows the
# publisher. A no-op unless CLIPSHELF_WINDOWS_SIGN_ARGS was set.
if(NOT CPACK_CLIPSHELF_SIGN_ARGS)
    return()
endif()
separate_arguments(sign_args WINDOWS_COMMAND "${CPACK_CLIPSHELF_SIGN_ARGS}")
foreach(package IN LISTS CPACK_PACKAGE_FILES)
    if(package MATCHES "\\.exe$")
        execute_process(COMMAND signtool sign ${sign_args} "${package}" RESULT_VARIABLE result)
        if(NOT result EQUAL 0)
            message(FATAL_ERROR "signtool failed for ${package}")
        endif()
    endif()
endforeach()
