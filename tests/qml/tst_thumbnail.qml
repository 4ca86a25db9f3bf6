import QtQuick
import QtTest
import Clipshelf

// The real image://thumbnail provider (tst_qml.cpp): "cachedthumb" is in the
// store's cache, everything else fails to download (the server refuses).
TestCase {
    id: testCase
    name: "Thumbnail"
    width: 400
    height: 300
    visible: true
    when: windowShown

    Component {
        id: thumbComponent
        Thumbnail {
            width: 160
            height: 90
        }
    }

    function test_cachedThumbnailLoads() {
        const thumb = createTemporaryObject(thumbComponent, testCase,
                                            { "youtubeId": "cachedthumb", "objectName": "t" })
        const image = findChild(thumb, "tImage")
        tryCompare(thumb, "loaded", true, 5000)
        // Scaled on the reader thread to cover the requested 320×180 box.
        compare(image.implicitHeight, 240)
        compare(image.implicitWidth, 320)
        verify(!findChild(thumb, "tPlaceholder").visible || image.opacity < 1)
    }

    function test_missingThumbnailKeepsPlaceholder() {
        const thumb = createTemporaryObject(thumbComponent, testCase,
                                            { "youtubeId": "dQw4w9WgXcQ", "objectName": "t" })
        const image = findChild(thumb, "tImage")
        tryCompare(image, "status", Image.Error, 10000)
        verify(!thumb.loaded)
        verify(findChild(thumb, "tPlaceholder").visible)
    }

    function test_invalidIdFails() {
        const thumb = createTemporaryObject(thumbComponent, testCase,
                                            { "youtubeId": "../../etc", "objectName": "t" })
        tryCompare(findChild(thumb, "tImage"), "status", Image.Error, 5000)
    }

    function test_noIdNoRequest() {
        const thumb = createTemporaryObject(thumbComponent, testCase, { "objectName": "t" })
        compare(findChild(thumb, "tImage").source, "")
        verify(findChild(thumb, "tPlaceholder").visible)
    }
}
