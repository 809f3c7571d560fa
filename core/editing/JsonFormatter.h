#pragma once

#include <QString>
#include <QStringView>

namespace Kanca::JsonFormatter {

// Pretty-prints a JSON template (two spaces a level, one member a line) and keeps every
// {{placeholder}} and every string exactly as written, also where a placeholder stands for a
// value ("count": {{conversation.messageCount}}). Member order never changes. Text that is not
// JSON keeps its words: only the white space between tokens is rewritten.
QString format(QStringView text);

} // namespace Kanca::JsonFormatter
