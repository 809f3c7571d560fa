#pragma once

// Every exit with status 1 of the command line says why on standard error. The tests that run
// `kanca` as a process check each run they make: one that exits 1 in silence fails the test.

#include <QString>
#include <QStringList>
#include <QTest>

namespace Kanca::Testing {

inline void requireExplainedExit(const QStringList &arguments, int exitCode, const QString &err)
{
    if (exitCode != 1 || !err.trimmed().isEmpty())
        return;
    const QString message = QStringLiteral("kanca ") + arguments.join(u' ')
                            + QStringLiteral(" exited with 1 without a word on standard error");
    QTest::qFail(qPrintable(message), __FILE__, __LINE__);
}

} // namespace Kanca::Testing
