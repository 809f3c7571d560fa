#pragma once

#include <QList>
#include <QStringList>
#include <QTextStream>

namespace Kanca {

// A table for the terminal, as `kanca history` and `kanca fleet` print theirs: the header, then
// a line a row, each column as wide as its widest cell plus two spaces, the last column as it is.
void printTextTable(QTextStream &out, const QStringList &header, const QList<QStringList> &rows);

} // namespace Kanca
