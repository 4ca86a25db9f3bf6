# CPack post-build script (macOS DragNDrop): signs the DMG, submits it to
# Apple's notary service, waits for the verdict and staples the ticket, so
# Gatekeeper accepts it offline. A no-op unless both
# CLIPSHELF_MACOS_SIGN_IDENTITY and CLIPSHELF_MACOS_NOTARY_PROFILE were set
# (the profile comes from `xcrun notarytool store-credentials`).
if(NOT CPACK_CLIPSHELF_SIGN_IDENTITY OR NOT CPACK_CLIPSHELF_NOTARY_PROFILE)
    message(STATUS "notarize: not configured, the DMG is not notarised")
    return()
endif()

foreach(dmg IN LISTS CPACK_PACKAGE_FILES)
    if(NOT dmg MATCHES "\\.dmg$")
        continue()
    endif()
    foreach(step IN ITEMS sign submit staple)
        if(step STREQUAL "sign")
            set(command codesign --force --timestamp --sign "${CPACK_CLIPSHELF_SIGN_IDENTITY}" "${dmg}")
        elseif(step STREQUAL "submit")
            set(command xcrun notarytool submit "${dmg}"
                --keychain-profile "${CPACK_CLIPSHELF_NOTARY_PROFILE}" --wait)
        else()
            set(command xcrun stapler staple "${dmg}")
        endif()
        execute_process(COMMAND ${command} RESULT_VARIABLE result)
        if(NOT result EQUAL 0)
            message(FATAL_ERROR "notarize: '${step}' failed for ${dmg}")
        endif()
    endforeach()
endforeach()
