#pragma once

#include <QStringList>
#include <QTextStream>

namespace Kanca {

class Catalog;

// What a command of the command line works with: its arguments (without the program and the
// command's name), the output streams and the catalog.
struct CommandContext
{
    QStringList arguments;
    QTextStream &out;
    QTextStream &err;
    const Catalog &catalog;
};

} // namespace Kanca
