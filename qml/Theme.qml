pragma Singleton

import QtQuick

// Clipshelf's design tokens: colours for the light and dark palettes, spacing,
// radii, type sizes and motion. Main.qml binds `dark` to App.darkMode; tests
// and previews may set it directly.
QtObject {
    id: theme

    property bool dark: false

    // --- Surfaces -----------------------------------------------------------
    readonly property color window: dark ? "#151619" : "#F5F6F8"
    readonly property color surface: dark ? "#1E2024" : "#FFFFFF"
    readonly property color surfaceMuted: dark ? "#272A2F" : "#F0F1F4"
    readonly property color surfacePressed: dark ? "#30333A" : "#E6E8EC"
    readonly property color border: dark ? "#2F3238" : "#E3E5EA"
    readonly property color borderStrong: dark ? "#43474F" : "#CDD1D8"
    readonly property color shadow: dark ? "#66000000" : "#140F1733"

    // --- Text ---------------------------------------------------------------
    readonly property color text: dark ? "#ECEDF0" : "#16181D"
    readonly property color textSecondary: dark ? "#A5ABB5" : "#5A616D"
    readonly property color textTertiary: dark ? "#7C838E" : "#868D98"

    // --- Accent (indigo) ----------------------------------------------------
    readonly property color accent: dark ? "#6A66E6" : "#5B57D9"
    readonly property color accentHover: dark ? "#7773EC" : "#4F4BCB"
    readonly property color accentPressed: dark ? "#5D59D6" : "#4541BA"
    readonly property color textOnAccent: "#FFFFFF"
    readonly property color accentSoft: dark ? "#28274A" : "#EDECFC"
    readonly property color accentSoftText: dark ? "#B9B7FA" : "#4541BA"
    readonly property color focusRing: dark ? "#9A97F5" : "#7C79E6"

    // --- Status -------------------------------------------------------------
    readonly property color errorBackground: dark ? "#3A1F1F" : "#FDEFEE"
    readonly property color errorBorder: dark ? "#5C2C2A" : "#F5CBC7"
    readonly property color errorText: dark ? "#F6B8B2" : "#9E2A20"
    readonly property color errorIcon: dark ? "#F07A70" : "#D23B30"
    readonly property color warningBackground: dark ? "#342A16" : "#FFF7E8"
    readonly property color warningBorder: dark ? "#584522" : "#F1DAA8"
    readonly property color warningText: dark ? "#F0D28F" : "#7A520C"
    readonly property color warningIcon: dark ? "#E8AE43" : "#C68816"

    // --- Destructive actions and inverse surfaces (toasts) -----------------
    readonly property color danger: dark ? "#D9483D" : "#D23B30"
    readonly property color dangerHover: dark ? "#E2574C" : "#BD3127"
    readonly property color dangerPressed: dark ? "#C23D33" : "#A82B22"
    readonly property color inverseSurface: dark ? "#F0F1F4" : "#23252B"
    readonly property color inverseText: dark ? "#16181D" : "#F5F6F8"
    readonly property color inverseAccent: dark ? "#4541BA" : "#B9B7FA"
    readonly property color success: dark ? "#5FC28B" : "#1F8A4C"

    // --- Spacing (4 px grid) ------------------------------------------------
    readonly property int spacingXs: 4
    readonly property int spacingS: 8
    readonly property int spacingM: 12
    readonly property int spacingL: 16
    readonly property int spacingXl: 24
    readonly property int spacingXxl: 32
    readonly property int spacingXxxl: 48

    // --- Radii --------------------------------------------------------------
    readonly property int radiusS: 6
    readonly property int radiusM: 8
    readonly property int radiusL: 12
    readonly property int radiusXl: 16

    // --- Type (pixel sizes; the family is the system's) ---------------------
    readonly property int fontCaption: 12
    readonly property int fontBody: 14
    readonly property int fontSubtitle: 16
    readonly property int fontTitle: 20
    readonly property int fontHeadline: 28

    // --- Controls -----------------------------------------------------------
    readonly property int controlHeight: 40
    readonly property int controlHeightSmall: 32
    readonly property int iconSize: 18
    readonly property int headerHeight: 64

    // --- Motion -------------------------------------------------------------
    readonly property int durationFast: 120
    readonly property int durationNormal: 220

    /// URL of one of the bundled SVG icons, e.g. Theme.icon("copy").
    function icon(name) {
        return "qrc:/qt/qml/Clipshelf/icons/" + name + ".svg"
    }
}
