#include "rules/GlyphIconEngine.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>

namespace Kanca {

using namespace Qt::Literals::StringLiterals;

GlyphIconEngine::GlyphIconEngine(Glyph glyph)
    : m_glyph(glyph)
{}

QIcon GlyphIconEngine::icon(const QString &themeName, Glyph glyph)
{
    return QIcon::fromTheme(themeName, QIcon(new GlyphIconEngine(glyph)));
}

void GlyphIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode,
                            QIcon::State state)
{
    Q_UNUSED(state)
    const QPalette palette = QGuiApplication::palette();
    const QColor colour = mode == QIcon::Disabled
                              ? palette.color(QPalette::Disabled, QPalette::ButtonText)
                          : mode == QIcon::Selected ? palette.color(QPalette::HighlightedText)
                                                    : palette.color(QPalette::ButtonText);

    // Drawn on a 16 x 16 grid, centred in the largest square that fits.
    const qreal side = std::min(rect.width(), rect.height());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->translate(rect.x() + (rect.width() - side) / 2, rect.y() + (rect.height() - side) / 2);
    painter->scale(side / 16, side / 16);
    QPen pen(colour, 1.5);
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);

    switch (m_glyph) {
    case Glyph::Add:
        painter->drawLine(QPointF(8, 2.5), QPointF(8, 13.5));
        painter->drawLine(QPointF(2.5, 8), QPointF(13.5, 8));
        break;
    case Glyph::Duplicate: {
        // A sheet behind a sheet.
        QPainterPath back;
        back.moveTo(3, 10.5);
        back.lineTo(3, 3);
        back.lineTo(10.5, 3);
        painter->drawPath(back);
        painter->drawRoundedRect(QRectF(5.5, 5.5, 8, 8), 1, 1);
        break;
    }
    case Glyph::Delete: {
        // A bin: lid, handle, body with two ribs.
        painter->drawLine(QPointF(2.5, 4), QPointF(13.5, 4));
        painter->drawPolyline(
            QPolygonF{QPointF(6, 4), QPointF(6.5, 2), QPointF(9.5, 2), QPointF(10, 4)});
        painter->drawPolyline(
            QPolygonF{QPointF(4, 4), QPointF(4.75, 14), QPointF(11.25, 14), QPointF(12, 4)});
        painter->drawLine(QPointF(6.75, 6.5), QPointF(7, 11.5));
        painter->drawLine(QPointF(9.25, 6.5), QPointF(9, 11.5));
        break;
    }
    }
    painter->restore();
}

QPixmap GlyphIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    return scaledPixmap(size, mode, state, 1);
}

QPixmap GlyphIconEngine::scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                                      qreal scale)
{
    QPixmap pixmap(size * scale);
    pixmap.setDevicePixelRatio(scale);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    paint(&painter, QRect(QPoint(0, 0), size), mode, state);
    return pixmap;
}

QIconEngine *GlyphIconEngine::clone() const
{
    return new GlyphIconEngine(m_glyph);
}

QString GlyphIconEngine::key() const
{
    return u"KancaGlyphIconEngine"_s;
}

} // namespace Kanca
