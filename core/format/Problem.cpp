#include "format/Problem.h"

namespace Kanca {

QString jsonPointerToken(QStringView token)
{
    QString out;
    out.reserve(token.size());
    for (const QChar c : token) {
        if (c == u'~')
            out += u"~0";
        else if (c == u'/')
            out += u"~1";
        else
            out += c;
    }
    return out;
}

QString jsonPointerAppend(const QString &pointer, QStringView token)
{
    return pointer + u'/' + jsonPointerToken(token);
}

QString jsonPointerAppend(const QString &pointer, qsizetype index)
{
    return pointer + u'/' + QString::number(index);
}

} // namespace Kanca
