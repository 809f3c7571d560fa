#pragma once

#include <QIcon>
#include <QIconEngine>

namespace Kanca {

// Small line icons drawn as vectors in the palette's button-text colour, so they are sharp at
// any scale and right in dark palettes. Used where the desktop's icon theme has no icon.
class GlyphIconEngine final : public QIconEngine
{
public:
    enum class Glyph { Add, Duplicate, Delete };

    explicit GlyphIconEngine(Glyph glyph);

    // The theme's icon `themeName` if the theme has one, else the glyph.
    static QIcon icon(const QString &themeName, Glyph glyph);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override;
    QIconEngine *clone() const override;
    QString key() const override;

private:
    Glyph m_glyph;
};

} // namespace Kanca
