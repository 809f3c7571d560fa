#pragma once

#include <QList>
#include <QString>

namespace Kanca {

// One thing wrong with a rule set or an event, said where it is: a JSON pointer into the
// document ("/rules/2/if/any/0/op"), with line and column once the text is known.
struct Problem
{
    enum class Severity { Error, Warning };

    Severity severity = Severity::Error;
    QString pointer; // RFC 6901; empty for the document itself
    int line = 0;    // 1-based; 0 when not known
    int column = 0;  // 1-based, in characters; 0 when not known
    QString message;
    bool aboutKey = false; // the problem is the key itself (unknown key): point at the key

    bool isError() const { return severity == Severity::Error; }
    friend bool operator==(const Problem &, const Problem &) = default;
};

using Problems = QList<Problem>;

inline bool hasErrors(const Problems &problems)
{
    for (const Problem &p : problems) {
        if (p.isError())
            return true;
    }
    return false;
}

// One problem as a line, the way compilers print them, so editors can jump to it:
// "FILE:LINE:COL: /json/pointer: message", "FILE: /json/pointer: message" when the position is
// not known, with "warning:" before the pointer of a warning.
QString problemLine(const QString &fileName, const Problem &problem);

// Escapes one reference token of a JSON pointer (~ -> ~0, / -> ~1).
QString jsonPointerToken(QStringView token);
// pointer + "/" + escaped token, and pointer + "/" + index.
QString jsonPointerAppend(const QString &pointer, QStringView token);
QString jsonPointerAppend(const QString &pointer, qsizetype index);

} // namespace Kanca
