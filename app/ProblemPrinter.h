#pragma once

#include "format/Problem.h"

#include <QString>
#include <QTextStream>

namespace Kanca {

// Prints problems one a line, the way compilers do, so editors and scripts can jump to them:
// "FILE:LINE:COL: /json/pointer: message", or "FILE: /json/pointer: message" when the position
// is not known; warnings say "warning:" before the pointer.
class ProblemPrinter final
{
public:
    explicit ProblemPrinter(QTextStream &out)
        : m_out(out)
    {}

    static QString format(const QString &fileName, const Problem &problem);
    // Prints every problem; returns the number of errors among them.
    int print(const QString &fileName, const Problems &problems);

private:
    QTextStream &m_out;
};

} // namespace Kanca
