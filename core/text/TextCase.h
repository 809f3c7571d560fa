#pragma once

#include "model/RuleSet.h"

#include <QString>
#include <QStringView>

namespace Kanca {

// Case mapping that is right for Turkish: in Turkish, I lowers to ı and i uppers to İ; in
// English, I lowers to i and İ lowers to i too. Strings are brought to Unicode NFC first, so a
// decomposed "S + combining cedilla" compares equal to "Ş".
namespace TextCase {

// The form two texts are compared in when a comparison ignores case.
QString fold(QStringView text, Language language);
QString toUpper(QStringView text, Language language);
QString toLower(QStringView text, Language language);
// NFC, but without the cost of normalising plain ASCII or already-composed text.
QString normalized(QStringView text);
// Whether fold() and toUpper() map each character of `text` to one character, in either
// language, through QChar's simple mappings (and the dotted and dotless i): true for text made
// only of characters below U+0300 other than ß, ŉ and ǰ (whose capitals are two characters).
bool mapsOneToOne(QStringView text);
// `text` in NFC, shared without a copy or a scan of QString::normalized() when every character
// is below U+0300 (such text is NFC already: nothing there composes without a combining mark).
QString nfc(const QString &text);

} // namespace TextCase
} // namespace Kanca
