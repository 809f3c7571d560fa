#pragma once

#include <QByteArrayView>

namespace Kanca::QuickJsonCheck {

// Whether QJsonDocument::fromJson accepts `utf8`, answered by simdjson (several times faster)
// where it can be sure: true only when QJsonDocument accepts the text; false when it cannot tell
// (a text simdjson refuses, a number QJsonDocument may read otherwise, a deep or long text), and
// the caller then asks QJsonDocument, whose verdict and words decide. For the rendered body of
// every JSON request, which is checked before it is sent.
//
// What QJsonDocument refuses and simdjson does not is left to QJsonDocument: a top-level value
// that is not an object or an array, and a number that underflows ("1e-400"). Each thread keeps
// one parser, with buffers for texts up to MaxBytes; longer texts go to QJsonDocument.
bool accepts(QByteArrayView utf8);

inline constexpr qsizetype MaxBytes = 64 * 1024;

} // namespace Kanca::QuickJsonCheck
