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

} // namespace TextCase
} // namespace Kanca
