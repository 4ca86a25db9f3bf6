#pragma once

#include <QQuickImageProvider>

/// image://thumbnail/<id> for previews and screenshots: there is no internet
/// here, so each id gets a locally painted picture (a landscape, bokeh or a
/// geometric poster in colours derived from the id). Not used by the app.
class MockThumbnailProvider : public QQuickImageProvider
{
public:
    MockThumbnailProvider();
    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;
};
