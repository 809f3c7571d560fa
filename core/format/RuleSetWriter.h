#pragma once

#include "model/RuleSet.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace Kanca {

// Writes a rule set in format version 1 (docs/format.md): nothing but the format's keys, in a
// stable order, pretty-printed (see JsonWriter). Writing what RuleSetReader read from a file in
// this form gives the same bytes.
class RuleSetWriter final
{
    Q_DECLARE_TR_FUNCTIONS(RuleSetWriter)

public:
    static QByteArray write(const RuleSet &ruleSet);

    // Writes atomically (QSaveFile): the file is either the old one or the complete new one.
    static bool save(const RuleSet &ruleSet, const QString &fileName, QString *error);
};

} // namespace Kanca
