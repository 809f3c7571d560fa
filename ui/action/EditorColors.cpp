#include "action/EditorColors.h"

#include <QPalette>

namespace Kanca::EditorColors {

namespace {

// A colour of the given hue that stands out on the palette's base: dark text on a light base,
// light text on a dark one.
QColor onBase(const QPalette &palette, int hue, int saturation)
{
    return QColor::fromHsl(hue, saturation, isDark(palette) ? 175 : 85);
}

QColor blend(const QColor &a, const QColor &b, qreal amountOfB)
{
    const qreal keep = 1.0 - amountOfB;
    return QColor::fromRgbF(float(a.redF() * keep + b.redF() * amountOfB),
                            float(a.greenF() * keep + b.greenF() * amountOfB),
                            float(a.blueF() * keep + b.blueF() * amountOfB));
}

} // namespace

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor placeholder(const QPalette &palette)
{
    // The palette's link colour, with the lightness set so that it reads on the base (some
    // dark palettes keep a dark blue link).
    const QColor link = palette.color(QPalette::Link);
    const int hue = link.hslHue() < 0 ? 220 : link.hslHue();
    if (isDark(palette))
        return link.lightness() >= 160 ? link : QColor::fromHsl(hue, link.hslSaturation(), 175);
    return link.lightness() <= 110 ? link : QColor::fromHsl(hue, link.hslSaturation(), 90);
}

QColor placeholderBackground(const QPalette &palette)
{
    return blend(palette.color(QPalette::Base), placeholder(palette), 0.14);
}

QColor key(const QPalette &palette)
{
    return blend(palette.color(QPalette::Text), placeholder(palette), 0.35);
}

QColor string(const QPalette &palette)
{
    return onBase(palette, 130, 150);
}

QColor number(const QPalette &palette)
{
    return onBase(palette, 25, 200);
}

QColor keyword(const QPalette &palette)
{
    return onBase(palette, 285, 140);
}

QColor punctuation(const QPalette &palette)
{
    return blend(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.4);
}

QColor problem(const QPalette &palette)
{
    return QColor::fromHsl(2, 200, isDark(palette) ? 165 : 105);
}

} // namespace Kanca::EditorColors
