#include "ProblemPrinter.h"

namespace Kanca {

int ProblemPrinter::print(const QString &fileName, const Problems &problems)
{
    int errors = 0;
    for (const Problem &problem : problems) {
        m_out << problemLine(fileName, problem) << Qt::endl;
        if (problem.isError())
            ++errors;
    }
    return errors;
}

} // namespace Kanca
