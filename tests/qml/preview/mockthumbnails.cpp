#include "mockthumbnails.h"

#include <QColor>
#include <QCryptographicHash>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QRadialGradient>
#include <QRandomGenerator>

MockThumbnailProvider::MockThumbnailProvider() : QQuickImageProvider(QQuickImageProvider::Image) {}

QImage MockThumbnailProvider::requestImage(const QString &id, QSize *size,
                                           const QSize &requestedSize)
{
    const int w = requestedSize.width() > 0 ? requestedSize.width() : 320;
    const int h = requestedSize.height() > 0 ? requestedSize.height() : 180;
    if (size)
        *size = QSize(w, h);

    const QByteArray digest = QCryptographicHash::hash(id.toUtf8(), QCryptographicHash::Sha1);
    const quint32 seed = quint32(quint8(digest[0])) << 24 | quint32(quint8(digest[1])) << 16 |
                         quint32(quint8(digest[2])) << 8 | quint32(quint8(digest[3]));
    QRandomGenerator rng(seed);
    const int hue = int(rng.bounded(360));
    const QColor a = QColor::fromHsl(hue, 150, 120);
    const QColor b = QColor::fromHsl((hue + 40 + int(rng.bounded(60))) % 360, 170, 70);

    QImage image(w, h, QImage::Format_ARGB32_Premultiplied);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    QLinearGradient sky(0, 0, w * 0.3, h);
    sky.setColorAt(0, a.lighter(150));
    sky.setColorAt(1, b);
    p.fillRect(image.rect(), sky);

    switch (quint8(digest[4]) % 3) {
    case 0: { // hills under a sun
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(255, 240, 210, 200));
        p.drawEllipse(QPointF(w * (0.2 + rng.bounded(0.6)), h * 0.35), h * 0.14, h * 0.14);
        for (int layer = 0; layer < 3; ++layer) {
            QPainterPath hill;
            hill.moveTo(0, h);
            const double base = h * (0.55 + layer * 0.13);
            for (int x = 0; x <= w; x += w / 8)
                hill.lineTo(x, base - rng.bounded(h * 0.18));
            hill.lineTo(w, h);
            hill.closeSubpath();
            p.setBrush(b.darker(130 + layer * 40));
            p.drawPath(hill);
        }
        break;
    }
    case 1: { // bokeh
        p.setPen(Qt::NoPen);
        for (int i = 0; i < 14; ++i) {
            const QPointF c(rng.bounded(double(w)), rng.bounded(double(h)));
            const double r = h * (0.05 + rng.bounded(0.18));
            QRadialGradient g(c, r);
            g.setColorAt(0, QColor(255, 255, 255, 90));
            g.setColorAt(1, QColor(255, 255, 255, 0));
            p.setBrush(g);
            p.drawEllipse(c, r, r);
        }
        break;
    }
    default: { // a geometric poster
        p.setPen(Qt::NoPen);
        for (int i = 0; i < 5; ++i) {
            p.setBrush(QColor::fromHsl((hue + i * 30) % 360, 160, 60 + i * 25, 150));
            p.save();
            p.translate(w * rng.bounded(1.0), h * rng.bounded(1.0));
            p.rotate(rng.bounded(90.0));
            p.drawRoundedRect(QRectF(-h * 0.3, -h * 0.12, h * 0.6, h * 0.24), 6, 6);
            p.restore();
        }
        break;
    }
    }
    // A soft vignette, as real frames have.
    QRadialGradient vignette(QPointF(w / 2.0, h / 2.0), w * 0.75);
    vignette.setColorAt(0.6, QColor(0, 0, 0, 0));
    vignette.setColorAt(1, QColor(0, 0, 0, 70));
    p.fillRect(image.rect(), vignette);
    return image;
}
