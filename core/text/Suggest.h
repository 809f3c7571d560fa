#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace Kanca {

// The candidate closest to a misspelt word ("containz" -> "contains"), or an empty string when
// none is close enough to be a helpful suggestion. Case is ignored.
QString closestMatch(QStringView word, const QStringList &candidates);

// " (did you mean "contains"?)" or an empty string; ready to append to a message.
QString didYouMean(QStringView word, const QStringList &candidates);

} // namespace Kanca
