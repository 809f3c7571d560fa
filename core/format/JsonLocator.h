#pragma once

#include "format/Problem.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QString>

namespace Kanca {

// Finds where each JSON pointer of a document stands in its text, so a problem found in the
// parsed document can say its line and column. Also reports what the parsed document cannot
// show: duplicate keys. Works on UTF-8 text; columns count characters, not bytes.
class JsonLocator final
{
    Q_DECLARE_TR_FUNCTIONS(JsonLocator)

public:
    struct Position
    {
        int line = 0;
        int column = 0;
        bool isValid() const { return line > 0; }
    };

    explicit JsonLocator(const QByteArray &utf8);

    // Where the value at `pointer` starts; for a pointer that is not in the document, where its
    // nearest existing ancestor starts.
    Position valuePosition(const QString &pointer) const;
    // Where the key of the member at `pointer` stands (for "unknown key"); the value position
    // for array elements and the root.
    Position keyPosition(const QString &pointer) const;

    // Sets line and column of every problem that has none, from its pointer. A problem about a
    // key (unknown, misspelt) is placed at the key, any other at the value.
    void locate(Problems *problems) const;

    // Duplicate keys in objects, as errors with their pointer and position.
    const Problems &duplicateKeys() const { return m_duplicates; }

    // Line and column of a byte offset (for QJsonParseError::offset).
    static Position positionOfOffset(const QByteArray &utf8, qsizetype offset);

private:
    class Scanner;
    QHash<QString, Position> m_values;
    QHash<QString, Position> m_keys;
    Problems m_duplicates;
};

} // namespace Kanca
