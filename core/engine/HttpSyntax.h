#pragma once

#include <QStringView>

namespace Kanca::HttpSyntax {

// RFC 7230 token (1*tchar): what a header name must be.
bool isToken(QStringView text);
// CR, LF, NUL and the other characters that must never reach a header line.
bool hasControlCharacter(QStringView text);

} // namespace Kanca::HttpSyntax
