#pragma once

#include <QByteArray>
#include <QStringView>

namespace Kanca {

// The most bytes of UTF-8 a UTF-16 unit becomes (a surrogate pair, two units, becomes four).
inline constexpr qsizetype MaxUtf8BytesPerUnit = 3;

// Writes the UTF-8 of `text` at `out`, which has room for MaxUtf8BytesPerUnit bytes a unit, and
// returns where it ended: Qt's vectorised encoder, with no array of its own (what
// QString::toUtf8 would allocate). A lone surrogate, which UTF-8 cannot hold, becomes U+FFFD, as
// QString::toUtf8 makes it.
char *writeUtf8(char *out, QStringView text);
// The same, appended to `out` (grown as needed).
void appendUtf8(QByteArray &out, QStringView text);

} // namespace Kanca
