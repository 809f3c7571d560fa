#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace Kanca {

// A JSON document indented two spaces per level, for showing. Only the whitespace between tokens
// changes: every string, number and literal keeps its exact text and keys keep their order, so
// what is shown is byte for byte what is sent, apart from line breaks and indentation (a
// round trip through QJsonDocument would rewrite numbers such as 1.0 or 12345678901234567890).
// nullopt when the text is not a JSON document.
std::optional<QString> prettyJson(const QByteArray &utf8);

} // namespace Kanca
