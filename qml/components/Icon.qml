import QtQuick
import QtQuick.Controls.impl as ControlsImpl
import Clipshelf

// One of the bundled monochrome SVG icons, tinted with `color`.
ControlsImpl.IconImage {
    id: icon

    /// Bundled icon name without extension, e.g. "copy" (see resources/icons/).
    property string symbol

    /// Edge length in logical pixels (the SVG is rendered for the screen's pixel ratio).
    property int size: Theme.iconSize

    width: size
    height: size
    source: symbol ? Theme.icon(symbol) : ""
    sourceSize.width: size
    sourceSize.height: size
    color: Theme.text
    fillMode: Image.PreserveAspectFit
}
