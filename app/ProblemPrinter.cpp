#include "ProblemPrinter.h"

#include <QCoreApplication>

namespace Kanca {

QString ProblemPrinter::format(const QString &fileName, const Problem &problem)
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

int ProblemPrinter::print(const QString &fileName, const Problems &problems)
{
    int errors = 0;
    for (const Problem &problem : problems) {
        m_out << format(fileName, problem) << Qt::endl;
        if (problem.isError())
            ++errors;
    }
    return errors;
}

} // namespace Kanca
