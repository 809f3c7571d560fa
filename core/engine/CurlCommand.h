#pragma once

#include "engine/RenderedRequest.h"

#include <QString>

namespace Kanca {

// A request as a cURL command line for a POSIX shell, quoted so that pasting it sends exactly
// the same bytes: the method, the URL (--path-as-is), every header in order, and the body
// (--data-binary, or --data-raw when it starts with "@", so nothing is stripped, re-encoded or
// read from a file). Every argument is single-quoted; a single quote inside
// becomes '\''. Secret header values are masked unless showSecrets.
QString curlCommand(const RenderedRequest &request, bool showSecrets);

// One argument quoted for a POSIX shell.
QString shellQuoted(const QString &argument);

} // namespace Kanca
