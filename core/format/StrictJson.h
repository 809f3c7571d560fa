#pragma once

#include "format/Problem.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QString>

#include <optional>

namespace Kanca {

// JSON text read as RFC 8259 has it. QJsonDocument alone accepts two things the RFC does not,
// and turns them into something else without a word: a control character (U+0000 to U+001F)
// standing raw inside a string, and a \uD800-\uDFFF escape that is not half of a pair (it
// becomes U+FFFD). Rule sets and events are parsed here, so both are errors with their place.
class StrictJson final
{
    Q_DECLARE_TR_FUNCTIONS(StrictJson)

public:
    struct Flaw
    {
        qsizetype offset = 0; // byte offset in the text
        QString message;
    };

    // QJsonDocument's parse error in plain words, at the place a person would look: a missing
    // comma between two members is "a comma (,) is missing before this value" at the value
    // (where QJsonDocument says "unterminated object" past it).
    static Flaw describe(const QJsonParseError &error, QByteArrayView utf8);

    // The document; nullopt after appending an error with its line and column to *problems
    // when the text is not JSON or not strictly so.
    static std::optional<QJsonDocument> parse(const QByteArray &utf8, Problems *problems);

    // The first raw control character or lone surrogate escape inside a string of a text that
    // QJsonDocument accepted. One pass over the bytes.
    static std::optional<Flaw> firstFlaw(QByteArrayView utf8);
};

} // namespace Kanca
