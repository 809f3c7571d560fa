#include "editing/PrettyJson.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace Kanca {

namespace {

bool isJsonSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
}

void newLine(QString &out, int depth)
{
    out += u'\n';
    out += QString(qsizetype(depth) * 2, u' ');
}

} // namespace

std::optional<QString> prettyJson(const QByteArray &utf8)
{
    QJsonParseError error;
    QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError)
        return std::nullopt;

    const QString text = QString::fromUtf8(utf8);
    QString out;
    out.reserve(text.size() + text.size() / 4);
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inString) {
            out += c;
            if (escaped)
                escaped = false;
            else if (c == u'\\')
                escaped = true;
            else if (c == u'"')
                inString = false;
            continue;
        }
        if (isJsonSpace(c))
            continue;
        switch (c.unicode()) {
        case u'"':
            inString = true;
            out += c;
            break;
        case u'{':
        case u'[': {
            const QChar close = c == u'{' ? QChar(u'}') : QChar(u']');
            qsizetype next = i + 1;
            while (next < text.size() && isJsonSpace(text.at(next)))
                ++next;
            if (next < text.size() && text.at(next) == close) {
                out += c;
                out += close;
                i = next;
                break;
            }
            out += c;
            newLine(out, ++depth);
            break;
        }
        case u'}':
        case u']':
            newLine(out, --depth);
            out += c;
            break;
        case u',':
            out += c;
            newLine(out, depth);
            break;
        case u':':
            out += QStringLiteral(": ");
            break;
        default:
            out += c;
            break;
        }
    }
    return out;
}

} // namespace Kanca
