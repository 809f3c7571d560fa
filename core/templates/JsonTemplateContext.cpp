#include "templates/JsonTemplateContext.h"

#include "format/StrictJson.h"
#include "templates/TemplateProblemReporter.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>

namespace Kanca::JsonTemplateContext {

void classifyPlaceholders(QList<TemplateSegment> *segments, TemplateProblemReporter &reporter)
{
    enum class State { Outside, InString, AfterBackslash, UnicodeEscape };
    State state = State::Outside;
    int hexLeft = 0;
    for (TemplateSegment &segment : *segments) {
        for (const QChar c : std::as_const(segment.literal)) {
            switch (state) {
            case State::Outside:
                if (c == u'"')
                    state = State::InString;
                break;
            case State::InString:
                if (c == u'"')
                    state = State::Outside;
                else if (c == u'\\')
                    state = State::AfterBackslash;
                break;
            case State::AfterBackslash:
                if (c == u'u') {
                    state = State::UnicodeEscape;
                    hexLeft = 4;
                } else {
                    state = State::InString;
                }
                break;
            case State::UnicodeEscape:
                if (--hexLeft == 0)
                    state = State::InString;
                break;
            }
        }
        if (!segment.hasPlaceholder)
            continue;
        if (state == State::AfterBackslash || state == State::UnicodeEscape) {
            reporter.report(
                segment.placeholder.offset,
                QCoreApplication::translate(
                    "Kanca::Template",
                    "a placeholder cannot stand inside a backslash escape of a JSON string"));
            segment.placeholder.slot = JsonSlot::InString;
            continue;
        }
        segment.placeholder.slot = state == State::InString ? JsonSlot::InString : JsonSlot::Value;
    }
}

void checkDocument(QStringView text, const QList<TemplateSegment> &segments,
                   TemplateProblemReporter &reporter)
{
    struct Piece
    {
        qsizetype start;          // in the stand-in document (UTF-16)
        qsizetype templateOffset; // where it comes from
        bool placeholder;
    };
    QString document;
    document.reserve(text.size());
    QList<Piece> pieces;
    for (const TemplateSegment &segment : segments) {
        pieces.append({document.size(), segment.literalOffset, false});
        document.append(segment.literal);
        if (segment.hasPlaceholder) {
            pieces.append({document.size(), segment.placeholder.offset, true});
            if (segment.placeholder.slot == JsonSlot::Value)
                document.append(QLatin1StringView("null"));
        }
    }
    const QByteArray utf8 = document.toUtf8();
    QJsonParseError error;
    QJsonDocument::fromJson(utf8, &error);
    const StrictJson::Flaw described = StrictJson::describe(error, utf8);
    qsizetype byteOffset = described.offset;
    QString reason = described.message;
    if (error.error == QJsonParseError::NoError) {
        // Held to RFC 8259 as rule sets and events are: no raw control character in a string.
        const std::optional<StrictJson::Flaw> flaw = StrictJson::firstFlaw(utf8);
        if (!flaw)
            return;
        byteOffset = flaw->offset;
        reason = flaw->message;
    }
    const qsizetype at =
        QString::fromUtf8(utf8.constData(), std::min<qsizetype>(byteOffset, utf8.size())).size();
    qsizetype offset = text.size();
    for (qsizetype k = pieces.size() - 1; k >= 0; --k) {
        if (pieces[k].start <= at) {
            offset = pieces[k].placeholder ? pieces[k].templateOffset
                                           : pieces[k].templateOffset + (at - pieces[k].start);
            break;
        }
    }
    reporter.report(std::min(offset, text.size()),
                    QCoreApplication::translate("Kanca::Template", "the body is not valid JSON: %1")
                        .arg(reason));
}

} // namespace Kanca::JsonTemplateContext
