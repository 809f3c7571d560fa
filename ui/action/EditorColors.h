#pragma once

#include <QColor>

class QPalette;

namespace Kanca {

// Colours of the payload editor and of problem texts, derived from a palette so that they read
// well on light and dark palettes alike: hues are fixed, lightness follows the palette's base.
namespace EditorColors {

bool isDark(const QPalette &palette);
QColor placeholder(const QPalette &palette);
QColor placeholderBackground(const QPalette &palette);
QColor key(const QPalette &palette);
QColor string(const QPalette &palette);
QColor number(const QPalette &palette);
QColor keyword(const QPalette &palette); // true, false, null
QColor punctuation(const QPalette &palette);
QColor problem(const QPalette &palette);

} // namespace EditorColors
} // namespace Kanca
