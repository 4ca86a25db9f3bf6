# Installers, made with CPack from the install rules in ClipshelfInstall.cmake:
#   Linux    DEB (Debian 12), RPM, TGZ      cpack -G DEB   (from the build dir)
#   Windows  NSIS .exe installer, ZIP       cpack -G NSIS
#   macOS    DragNDrop .dmg                 cpack -G DragNDrop
# packaging/README.md is the packager's guide. Included from the END of the
# top-level CMakeLists.txt, after ClipshelfInstall.cmake.

set(CLIPSHELF_PACKAGE_MAINTAINER "Clipshelf packagers <packaging@clipshelf.example>" CACHE STRING
    "Maintainer named in the DEB/RPM metadata and the Debian changelog")
set(CLIPSHELF_PACKAGE_RELEASE "1" CACHE STRING
    "Package revision of this upstream version (the -1 in 0.1.0-1), for DEB and RPM")
set(CLIPSHELF_DEBIAN_SUITE "" CACHE STRING
    "DEB: the Debian release (codename) the package is for; its hand-kept Depends come from scripts/deps.sh --suite. Empty = this system's")
set(CLIPSHELF_RPM_REQUIRES "qt6-qtdeclarative, qt6-qtsvg, libsecret" CACHE STRING
    "RPM Requires: what rpmbuild's automatic library dependencies miss (Fedora names; QML modules, SVG plugin, libsecret)")
set(CLIPSHELF_MACOS_SIGN_IDENTITY "" CACHE STRING
    "macOS: codesign identity (Developer ID Application, or its SHA-1); empty = unsigned")
set(CLIPSHELF_MACOS_NOTARY_PROFILE "" CACHE STRING
    "macOS: notarytool keychain profile (xcrun notarytool store-credentials); empty = not notarised")
set(CLIPSHELF_WINDOWS_SIGN_ARGS "" CACHE STRING
    "Windows: signtool arguments after 'sign', e.g. /sha1 <thumbprint> /fd sha256 /tr <timestamp URL> /td sha256; empty = unsigned")

set(CPACK_PACKAGE_NAME clipshelf)
set(CPACK_PACKAGE_VENDOR "The Clipshelf authors")
set(CPACK_PACKAGE_CONTACT "${CLIPSHELF_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION_FILE ${PROJECT_SOURCE_DIR}/packaging/description.txt)
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY Clipshelf)
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGE_CHECKSUM SHA256)
set(CPACK_PACKAGE_EXECUTABLES clipshelf Clipshelf)
set(CPACK_VERBATIM_VARIABLES ON)
# Only what the install rules name goes in; build-tree files never do.
set(CPACK_SOURCE_GENERATOR "")

if(APPLE)
    set(CPACK_GENERATOR DragNDrop)
    set(CPACK_DMG_VOLUME_NAME Clipshelf)
    set(CPACK_DMG_FORMAT UDZO)
    set(CPACK_PACKAGE_FILE_NAME Clipshelf-${PROJECT_VERSION}-macOS)
    set(CPACK_PACKAGE_ICON ${PROJECT_SOURCE_DIR}/resources/icons/clipshelf.icns)
    # Signing happens between deployment (macdeployqt, at install time) and
    # the DMG; notarising after the DMG exists. Both no-ops unless configured.
    set(CPACK_CLIPSHELF_SIGN_IDENTITY "${CLIPSHELF_MACOS_SIGN_IDENTITY}")
    set(CPACK_CLIPSHELF_NOTARY_PROFILE "${CLIPSHELF_MACOS_NOTARY_PROFILE}")
    set(CPACK_CLIPSHELF_ENTITLEMENTS ${PROJECT_SOURCE_DIR}/packaging/macos/Clipshelf.entitlements)
    set(CPACK_PRE_BUILD_SCRIPTS ${PROJECT_SOURCE_DIR}/packaging/macos/codesign.cmake)
    set(CPACK_POST_BUILD_SCRIPTS ${PROJECT_SOURCE_DIR}/packaging/macos/notarize.cmake)

elseif(WIN32)
    set(CPACK_GENERATOR NSIS ZIP)
    set(CPACK_PACKAGE_FILE_NAME Clipshelf-${PROJECT_VERSION}-win64)
    set(CPACK_NSIS_PACKAGE_NAME Clipshelf)
    set(CPACK_NSIS_DISPLAY_NAME Clipshelf)
    set(CPACK_NSIS_INSTALL_ROOT "$PROGRAMFILES64")
    set(CPACK_NSIS_MUI_ICON ${PROJECT_SOURCE_DIR}/resources/icons/clipshelf.ico)
    set(CPACK_NSIS_MUI_UNIICON ${PROJECT_SOURCE_DIR}/resources/icons/clipshelf.ico)
    set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\clipshelf.exe")
    set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
    set(CPACK_NSIS_CONTACT "${CLIPSHELF_PACKAGE_MAINTAINER}")
    set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
    # Offers to put bin\ (clipshelf-cli.exe) on PATH.
    set(CPACK_NSIS_MODIFY_PATH ON)
    set(CPACK_CREATE_DESKTOP_LINKS clipshelf)
    set(CPACK_CLIPSHELF_SIGN_ARGS "${CLIPSHELF_WINDOWS_SIGN_ARGS}")
    set(CPACK_PRE_BUILD_SCRIPTS ${PROJECT_SOURCE_DIR}/packaging/windows/sign-binaries.cmake)
    set(CPACK_POST_BUILD_SCRIPTS ${PROJECT_SOURCE_DIR}/packaging/windows/sign-installer.cmake)

else()
    set(CPACK_GENERATOR DEB TGZ)
    find_program(CLIPSHELF_RPMBUILD rpmbuild)
    if(CLIPSHELF_RPMBUILD)
        list(APPEND CPACK_GENERATOR RPM)
    endif()
    # DEB and RPM install under /usr (their default); TGZ is relocatable.
    # Debian policy: no debug symbols or unneeded sections in shipped binaries.
    set(CPACK_STRIP_FILES ON)

    # --- DEB (Debian 12, Debian 13) ----------------------------------------
    set(CPACK_DEBIAN_PACKAGE_NAME clipshelf)
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_RELEASE ${CLIPSHELF_PACKAGE_RELEASE})
    set(CPACK_DEBIAN_PACKAGE_SECTION video)
    set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
    set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
    # The libraries the executables link (Qt, qtkeychain, libc...) come from
    # dpkg-shlibdeps. What it cannot see, because it is loaded at run time:
    #  - the QML modules of Qt the UI imports (QtQuick, Controls with its
    #    Basic style and Templates, Layouts, Dialogs (whose non-native file
    #    dialog uses Qt.labs.folderlistmodel); QtQml and its WorkerScript that
    #    QtQuick imports in turn, and QtQuick.Window);
    #  - the SVG image plugin (the icons are SVG);
    #  - the SQLite driver of Qt Sql (the per-profile outbox and caches);
    #  - libsecret, which qtkeychain dlopen()s to reach the Secret Service.
    # Their names, per Debian release, are the "deb" group of scripts/deps.txt
    # (with scripts/deps-releases.txt), the same list the build machines
    # install.
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(clipshelf_deps_args --deb-depends)
    if(CLIPSHELF_DEBIAN_SUITE)
        list(APPEND clipshelf_deps_args --suite ${CLIPSHELF_DEBIAN_SUITE})
    endif()
    execute_process(COMMAND ${PROJECT_SOURCE_DIR}/scripts/deps.sh ${clipshelf_deps_args}
        OUTPUT_VARIABLE CPACK_DEBIAN_PACKAGE_DEPENDS
        OUTPUT_STRIP_TRAILING_WHITESPACE
        RESULT_VARIABLE clipshelf_deps_result)
    if(NOT clipshelf_deps_result EQUAL 0 OR NOT CPACK_DEBIAN_PACKAGE_DEPENDS)
        message(FATAL_ERROR "scripts/deps.sh ${clipshelf_deps_args} printed no Depends")
    endif()
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
        ${PROJECT_SOURCE_DIR}/scripts/deps.txt ${PROJECT_SOURCE_DIR}/scripts/deps-releases.txt)
    # A Secret Service to keep the session in (without one, users must sign
    # in at every start), a session bus for it, xdg-open for the browser, and
    # native Wayland windows.
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
        "gnome-keyring | keepassxc | kwalletmanager, default-dbus-session-bus | dbus-session-bus, xdg-utils, qt6-wayland")
    file(READ ${CPACK_PACKAGE_DESCRIPTION_FILE} CLIPSHELF_LONG_DESCRIPTION)
    string(STRIP "${CLIPSHELF_LONG_DESCRIPTION}" CLIPSHELF_LONG_DESCRIPTION)
    # The synopsis line comes from CPACK_PACKAGE_DESCRIPTION_SUMMARY.
    set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "${CLIPSHELF_LONG_DESCRIPTION}")

    # Debian wants a copyright file and a changelog in /usr/share/doc/clipshelf;
    # the DEB generator's pre-build script puts them there (other generators
    # keep the plain LICENSE).
    set(CLIPSHELF_DEB_VERSION ${PROJECT_VERSION}-${CLIPSHELF_PACKAGE_RELEASE})
    string(TIMESTAMP CLIPSHELF_CHANGELOG_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
    configure_file(${PROJECT_SOURCE_DIR}/packaging/debian/changelog.in
        ${PROJECT_BINARY_DIR}/packaging/changelog.Debian @ONLY)
    set(CPACK_CLIPSHELF_DEB_CHANGELOG ${PROJECT_BINARY_DIR}/packaging/changelog.Debian)
    set(CPACK_CLIPSHELF_DEB_COPYRIGHT ${PROJECT_SOURCE_DIR}/packaging/debian/copyright)
    set(CPACK_PRE_BUILD_SCRIPTS ${PROJECT_SOURCE_DIR}/packaging/cpack-prebuild.cmake)

    # --- RPM ---------------------------------------------------------------
    set(CPACK_RPM_PACKAGE_NAME clipshelf)
    set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
    set(CPACK_RPM_PACKAGE_RELEASE ${CLIPSHELF_PACKAGE_RELEASE})
    set(CPACK_RPM_PACKAGE_LICENSE MIT)
    set(CPACK_RPM_PACKAGE_GROUP "Applications/Multimedia")
    set(CPACK_RPM_PACKAGE_URL "${PROJECT_HOMEPAGE_URL}")
    set(CPACK_RPM_PACKAGE_REQUIRES "${CLIPSHELF_RPM_REQUIRES}")
    set(CPACK_RPM_PACKAGE_RELOCATABLE OFF)
    # No /usr/lib/.build-id links: they would clash with other packages' and
    # belong in debuginfo packages anyway.
    set(CPACK_RPM_SPEC_MORE_DEFINE "%define _build_id_links none")
    set(CPACK_RPM_COMPRESSION_TYPE xz)
    set(CPACK_RPM_USER_FILELIST "%license /usr/share/doc/clipshelf/LICENSE")
    # Directories the system owns: the package must not claim them.
    set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
        /usr/share/applications /usr/share/metainfo /usr/share/man /usr/share/man/man1
        /usr/share/icons /usr/share/icons/hicolor /usr/share/icons/hicolor/scalable
        /usr/share/icons/hicolor/scalable/apps)
    file(GLOB CLIPSHELF_PNG_SIZE_DIRS LIST_DIRECTORIES true
        ${PROJECT_SOURCE_DIR}/resources/icons/hicolor/*)
    foreach(dir IN LISTS CLIPSHELF_PNG_SIZE_DIRS)
        get_filename_component(size ${dir} NAME)
        list(APPEND CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
            /usr/share/icons/hicolor/${size} /usr/share/icons/hicolor/${size}/apps)
    endforeach()
endif()

include(CPack)
