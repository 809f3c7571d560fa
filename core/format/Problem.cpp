#include "format/Problem.h"

#include <QCoreApplication>

namespace Kanca {

QString problemLine(const QString &fileName, const Problem &problem)
{
    QString line = fileName;
    if (problem.line > 0)
        line += u':' + QString::number(problem.line) + u':' + QString::number(problem.column);
    line += u": ";
    if (!problem.isError())
        //: Before the message of a problem that is only a warning, as compilers print it.
        line += QCoreApplication::translate("ProblemPrinter", "warning:") + u' ';
    if (!problem.pointer.isEmpty())
        line += problem.pointer + u": ";
    line += problem.message;
    return line;
}

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
