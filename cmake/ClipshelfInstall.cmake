# Install rules: what `cmake --install` lays out, and so what every installer
# (CPack, see ClipshelfPackaging.cmake) contains. Included from the END of the
# top-level CMakeLists.txt, after app/ defined the clipshelf and clipshelf-cli
# targets.
#
# The Clipshelf QML module (qml/) is a static plugin linked into the clipshelf
# executable, so there is no QML module directory of our own to install. What
# QML needs at run time is Qt's own modules (QtQuick, Controls, Layouts...): on
# Linux they come from the distribution's packages (see the DEB dependencies),
# on Windows and macOS Qt's deploy tooling copies them next to the app.
#
# Layout:
#   Linux    <prefix>/bin, share/applications, share/metainfo, share/icons/hicolor,
#            share/man/man1, share/doc/clipshelf, share/clipshelf/translations
#   Windows  bin/ (executables, Qt DLLs, the Visual C++ runtime), qml/, plugins/, LICENSE.txt
#   macOS    Clipshelf.app (clipshelf-cli inside Contents/MacOS)

include(GNUInstallDirs)

set(CLIPSHELF_PACKAGING_DIR ${PROJECT_SOURCE_DIR}/packaging)
set(CLIPSHELF_ICONS_SOURCE_DIR ${PROJECT_SOURCE_DIR}/resources/icons)
set(CLIPSHELF_PACKAGING_BINARY_DIR ${PROJECT_BINARY_DIR}/packaging)
file(MAKE_DIRECTORY ${CLIPSHELF_PACKAGING_BINARY_DIR})

# The date of this build's release entry in the AppStream metainfo and the
# Debian changelog. string(TIMESTAMP) honours SOURCE_DATE_EPOCH, so a packager
# can make it reproducible.
string(TIMESTAMP CLIPSHELF_RELEASE_DATE "%Y-%m-%d" UTC)

# --- translations -----------------------------------------------------------
# resources/translations/clipshelf_<lang>.ts, compiled to .qm when Qt's
# Linguist tools are there. None exist yet; the rule is ready for the first.
file(GLOB CLIPSHELF_TS_FILES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/resources/translations/*.ts)
set(CLIPSHELF_QM_FILES "")
if(CLIPSHELF_TS_FILES)
    find_package(Qt6 QUIET COMPONENTS LinguistTools)
    if(Qt6LinguistTools_FOUND)
        qt_add_lrelease(clipshelf TS_FILES ${CLIPSHELF_TS_FILES}
            QM_FILES_OUTPUT_VARIABLE CLIPSHELF_QM_FILES)
    else()
        message(WARNING "Qt Linguist tools not found: translations are not built or installed")
    endif()
endif()

if(APPLE)
    # --- macOS: one app bundle, Clipshelf.app --------------------------------
    # The bundle's name is what Finder shows; the GUI keeps its lower-case
    # target name everywhere else.
    set(CLIPSHELF_BUNDLE_NAME Clipshelf)
    set(CLIPSHELF_BUNDLE_DIR ${CLIPSHELF_BUNDLE_NAME}.app)
    set(CLIPSHELF_ICNS ${CLIPSHELF_ICONS_SOURCE_DIR}/clipshelf.icns)
    target_sources(clipshelf PRIVATE ${CLIPSHELF_ICNS})
    # Source properties are per directory: set it where the target lives.
    set_source_files_properties(${CLIPSHELF_ICNS} TARGET_DIRECTORY clipshelf
        PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
    # Our Info.plist (bundle id = CLIPSHELF_APP_ID, icon, version); CMake fills
    # in the MACOSX_BUNDLE_* properties at generate time.
    set_target_properties(clipshelf PROPERTIES
        OUTPUT_NAME ${CLIPSHELF_BUNDLE_NAME}
        MACOSX_BUNDLE_INFO_PLIST ${CLIPSHELF_PACKAGING_DIR}/macos/Info.plist.in
        MACOSX_BUNDLE_ICON_FILE clipshelf.icns
        MACOSX_BUNDLE_GUI_IDENTIFIER ${CLIPSHELF_APP_ID}
        MACOSX_BUNDLE_COPYRIGHT "Copyright © The Clipshelf authors. MIT licence.")

    install(TARGETS clipshelf BUNDLE DESTINATION .)
    # The CLI lives inside the bundle so that it shares the bundle's Qt
    # frameworks; the deploy step below fixes up its library paths.
    install(TARGETS clipshelf-cli RUNTIME DESTINATION ${CLIPSHELF_BUNDLE_DIR}/Contents/MacOS)
    set(CLIPSHELF_DOC_DESTINATION ${CLIPSHELF_BUNDLE_DIR}/Contents/Resources)
    set(CLIPSHELF_TRANSLATIONS_DESTINATION ${CLIPSHELF_BUNDLE_DIR}/Contents/Resources/translations)
    install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CLIPSHELF_DOC_DESTINATION})

elseif(WIN32)
    # --- Windows: bin/ with both executables ---------------------------------
    # Icon and version information of the .exe files (Explorer, the taskbar,
    # "Apps & features").
    foreach(exe clipshelf clipshelf-cli)
        if(exe STREQUAL "clipshelf")
            set(CLIPSHELF_RC_DESCRIPTION "Clipshelf")
        else()
            set(CLIPSHELF_RC_DESCRIPTION "Clipshelf command-line tool")
        endif()
        set(CLIPSHELF_RC_FILENAME ${exe}.exe)
        set(CLIPSHELF_RC_ICON ${CLIPSHELF_ICONS_SOURCE_DIR}/clipshelf.ico)
        configure_file(${CLIPSHELF_PACKAGING_DIR}/windows/clipshelf.rc.in
            ${CLIPSHELF_PACKAGING_BINARY_DIR}/${exe}.rc @ONLY)
        target_sources(${exe} PRIVATE ${CLIPSHELF_PACKAGING_BINARY_DIR}/${exe}.rc)
    endforeach()

    install(TARGETS clipshelf clipshelf-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
    # The installers build qtkeychain static (BUILD_SHARED_LIBS=OFF): windeployqt
    # takes any DLL whose name starts with "qt6" for a Qt module, looks for
    # qt6keychain.dll in Qt's bin folder and fails. A shared qtkeychain (a
    # developer's own build) is still installed next to the executables, but
    # then the deploy step below needs it in Qt's bin folder as well.
    get_target_property(CLIPSHELF_KEYCHAIN_TYPE qt6keychain TYPE)
    if(CLIPSHELF_KEYCHAIN_TYPE STREQUAL "SHARED_LIBRARY")
        message(WARNING "qtkeychain is a DLL: windeployqt will look for qt6keychain.dll in "
                        "Qt's bin folder and fail unless it is there. Build qtkeychain with "
                        "-DBUILD_SHARED_LIBS=OFF for the installer (packaging/README.md).")
        install(IMPORTED_RUNTIME_ARTIFACTS qt6keychain RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
    endif()
    # The Visual C++ runtime (vcruntime140.dll, vcruntime140_1.dll, msvcp140.dll…)
    # next to the executables: a clean Windows has none of it. The UCRT is part
    # of Windows 10 and later.
    set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION ${CMAKE_INSTALL_BINDIR})
    set(CMAKE_INSTALL_UCRT_LIBRARIES FALSE)
    include(InstallRequiredSystemLibraries)
    set(CLIPSHELF_DOC_DESTINATION .)
    set(CLIPSHELF_TRANSLATIONS_DESTINATION translations)
    install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION . RENAME LICENSE.txt)

else()
    # --- Linux and other freedesktop systems ---------------------------------
    install(TARGETS clipshelf clipshelf-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
    set(CLIPSHELF_DOC_DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/clipshelf)
    set(CLIPSHELF_TRANSLATIONS_DESTINATION ${CMAKE_INSTALL_DATADIR}/clipshelf/translations)
    # The DEB generator swaps this for a Debian copyright file (cpack-prebuild.cmake).
    install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CLIPSHELF_DOC_DESTINATION})

    # Desktop entry and AppStream metainfo, both named after the application
    # id: desktops match the running window (Qt sets the Wayland app id from
    # setDesktopFileName) to the entry by that name.
    configure_file(${CLIPSHELF_PACKAGING_DIR}/linux/clipshelf.desktop.in
        ${CLIPSHELF_PACKAGING_BINARY_DIR}/${CLIPSHELF_APP_ID}.desktop @ONLY)
    configure_file(${CLIPSHELF_PACKAGING_DIR}/linux/clipshelf.metainfo.xml.in
        ${CLIPSHELF_PACKAGING_BINARY_DIR}/${CLIPSHELF_APP_ID}.metainfo.xml @ONLY)
    install(FILES ${CLIPSHELF_PACKAGING_BINARY_DIR}/${CLIPSHELF_APP_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${CLIPSHELF_PACKAGING_BINARY_DIR}/${CLIPSHELF_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)

    # Icons: the SVG plus the pre-rendered PNGs (packaging/render-icons.sh),
    # renamed to the application id the desktop entry refers to.
    install(FILES ${CLIPSHELF_ICONS_SOURCE_DIR}/clipshelf.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
        RENAME ${CLIPSHELF_APP_ID}.svg)
    file(GLOB CLIPSHELF_PNG_ICONS CONFIGURE_DEPENDS
        ${CLIPSHELF_ICONS_SOURCE_DIR}/hicolor/*/apps/clipshelf.png)
    foreach(png IN LISTS CLIPSHELF_PNG_ICONS)
        get_filename_component(apps_dir ${png} DIRECTORY)
        get_filename_component(size_dir ${apps_dir} DIRECTORY)
        get_filename_component(size ${size_dir} NAME)
        install(FILES ${png}
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}/apps
            RENAME ${CLIPSHELF_APP_ID}.png)
    endforeach()

    # Manual pages, gzipped at build time as Debian policy wants them (-n: no
    # name or timestamp inside, so the result is reproducible).
    find_program(CLIPSHELF_GZIP gzip)
    set(CLIPSHELF_MAN_PAGES "")
    foreach(page clipshelf.1 clipshelf-cli.1)
        set(man_in ${CLIPSHELF_PACKAGING_DIR}/linux/${page}.in)
        set(man_out ${CLIPSHELF_PACKAGING_BINARY_DIR}/${page})
        configure_file(${man_in} ${man_out} @ONLY)
        if(CLIPSHELF_GZIP)
            add_custom_command(OUTPUT ${man_out}.gz
                COMMAND ${CLIPSHELF_GZIP} -9 -n -c ${man_out} > ${man_out}.gz
                DEPENDS ${man_out} ${man_in}
                COMMENT "Compressing manual page ${page}")
            list(APPEND CLIPSHELF_MAN_PAGES ${man_out}.gz)
        else()
            list(APPEND CLIPSHELF_MAN_PAGES ${man_out})
        endif()
    endforeach()
    add_custom_target(clipshelf_man_pages ALL DEPENDS ${CLIPSHELF_MAN_PAGES})
    install(FILES ${CLIPSHELF_MAN_PAGES} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()

# An annotated example of the system config file, for administrators (the
# path it belongs at differs per OS; the file says which).
configure_file(${CLIPSHELF_PACKAGING_DIR}/clipshelf.conf.example.in
    ${CLIPSHELF_PACKAGING_BINARY_DIR}/clipshelf.conf.example @ONLY)
install(FILES ${CLIPSHELF_PACKAGING_BINARY_DIR}/clipshelf.conf.example
    DESTINATION ${CLIPSHELF_DOC_DESTINATION})

if(CLIPSHELF_QM_FILES)
    install(FILES ${CLIPSHELF_QM_FILES} DESTINATION ${CLIPSHELF_TRANSLATIONS_DESTINATION})
endif()

# --- Windows and macOS: bring Qt along ---------------------------------------
# Linux packages depend on the distribution's Qt instead.
if(WIN32 OR APPLE)
    if(Qt6_VERSION VERSION_GREATER_EQUAL 6.5)
        # Qt's import scan only looks at QML files of the app target itself;
        # ours are in the static clipshelf_qml library, so point the deploy
        # tool at them. On macOS, also hand it the CLI inside the bundle (it
        # rewrites its library references to the bundle's Frameworks) and, when
        # qtkeychain is a dylib (the DMG workflow links it statically), its
        # directory (an @rpath library outside Qt).
        if(APPLE)
            set(CLIPSHELF_DEPLOY_TOOL_OPTIONS
                "-qmldir=${PROJECT_SOURCE_DIR}/qml"
                "-executable=${CLIPSHELF_BUNDLE_DIR}/Contents/MacOS/clipshelf-cli")
            get_target_property(keychain_type qt6keychain TYPE)
            if(keychain_type STREQUAL "SHARED_LIBRARY")
                get_target_property(keychain_configs qt6keychain IMPORTED_CONFIGURATIONS)
                list(GET keychain_configs 0 keychain_config)
                get_target_property(keychain_library qt6keychain IMPORTED_LOCATION_${keychain_config})
                get_filename_component(keychain_dir "${keychain_library}" DIRECTORY)
                list(APPEND CLIPSHELF_DEPLOY_TOOL_OPTIONS "-libpath=${keychain_dir}")
            endif()
        else()
            # The Visual C++ runtime DLLs come from InstallRequiredSystemLibraries
            # above; windeployqt would add the 25 MB redistributable installer.
            set(CLIPSHELF_DEPLOY_TOOL_OPTIONS --qmldir "${PROJECT_SOURCE_DIR}/qml" --no-compiler-runtime)
        endif()
        if(Qt6_VERSION VERSION_GREATER_EQUAL 6.7)
            qt_generate_deploy_qml_app_script(TARGET clipshelf
                OUTPUT_SCRIPT CLIPSHELF_DEPLOY_SCRIPT
                DEPLOY_TOOL_OPTIONS ${CLIPSHELF_DEPLOY_TOOL_OPTIONS})
        else()
            # Qt 6.5/6.6 lack DEPLOY_TOOL_OPTIONS; their deploy support reads
            # the same extra options from this variable.
            list(JOIN CLIPSHELF_DEPLOY_TOOL_OPTIONS "\" \"" quoted_options)
            install(CODE "set(__qt_deploy_tool_extra_options \"${quoted_options}\")")
            qt_generate_deploy_qml_app_script(TARGET clipshelf
                OUTPUT_SCRIPT CLIPSHELF_DEPLOY_SCRIPT)
        endif()
        install(SCRIPT ${CLIPSHELF_DEPLOY_SCRIPT})
    else()
        message(WARNING
            "Qt ${Qt6_VERSION} < 6.5: the installers will not contain Qt. Run "
            "windeployqt/macdeployqt by hand as packaging/README.md describes.")
    endif()
endif()
