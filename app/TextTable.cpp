#include "TextTable.h"

#include <algorithm>

namespace Kanca {

void printTextTable(QTextStream &out, const QStringList &header, const QList<QStringList> &rows)
{
    QList<qsizetype> widths(header.size());
    for (qsizetype c = 0; c < header.size(); ++c) {
        widths[c] = header.at(c).size();
        for (const QStringList &row : rows)
            widths[c] = std::max(widths[c], row.at(c).size());
    }
    const auto printRow = [&](const QStringList &row) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c)
            line += c + 1 < row.size() ? row.at(c).leftJustified(widths[c] + 2) : row.at(c);
        out << line << Qt::endl;
    };
    printRow(header);
    for (const QStringList &row : rows)
        printRow(row);
}

} // namespace Kanca
