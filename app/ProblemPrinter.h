#pragma once

#include "format/Problem.h"

#include <QString>
#include <QTextStream>

namespace Kanca {

// Prints problems one a line with problemLine() (format/Problem.h), the way compilers do:
// "FILE:LINE:COL: /json/pointer: message", or "FILE: /json/pointer: message" when the position
// is not known; warnings say "warning:" before the pointer.
class ProblemPrinter final
{
public:
    explicit ProblemPrinter(QTextStream &out)
        : m_out(out)
    {}

    // Prints every problem; returns the number of errors among them.
    int print(const QString &fileName, const Problems &problems);

private:
    QTextStream &m_out;
};

} // namespace Kanca
