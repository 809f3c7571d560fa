#pragma once

#include <QList>
#include <QString>

namespace Kanca {

// kanca(1) in roff, built from the same text as `kanca help` and `kanca help COMMAND`, so that
// the manual page and the help never disagree. `kanca help --man` prints it; the build writes
// the installed page with it.
class ManPage final
{
public:
    struct Section
    {
        QString command;
        QString usage;
    };

    static QString render(const QString &version, const QString &overview,
                          const QList<Section> &commands);
};

} // namespace Kanca
