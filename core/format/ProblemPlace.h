#pragma once

#include "format/Problem.h"
#include "model/RuleSet.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Kanca {

// Where a problem is, in words of the interface's language rather than as a JSON pointer:
// `Rule "VIP müşteri yazınca Slack'e…" › If › condition 2 › value`,
// `Rule "…" › Then › webhook 1 › Headers › 3 › name`, `Rule set › name`.
//
// Made from the pointer and the document it points into: the JSON of a file as it was read
// (also when it could not be read as a rule set), or the model's outline(). The document gives
// the rule's name and tells a condition from a group of conditions; conditions and groups are
// counted apart, as a reader sees them ("group 1 › condition 2"), and the "not" around an item is
// part of the item. A rule is named by its name (shortened past MaxNameLength characters), else
// by its id, else by its number.
struct ProblemPlace
{
    Q_DECLARE_TR_FUNCTIONS(ProblemPlace)

public:
    static constexpr qsizetype MaxNameLength = 30;

    // `Rule "name"`, `Rule some-id`, `Rule 3` or `Rule set`; empty for the whole file.
    QString subject;
    // The way down from the subject: "If", "condition 2", "value".
    QStringList steps;

    // The subject and the steps, each after " › ".
    QString text() const;
    // The steps alone, for a list that names the rule in a column of its own.
    QString where() const;
    // "PLACE: MESSAGE", or the message alone when the problem is about the whole file.
    static QString sentence(const ProblemPlace &place, const QString &message);

    static ProblemPlace of(const QString &pointer, const QJsonObject &document);
    // What of() needs of a rule set: each rule's id and name, its condition tree's shape and
    // its actions' kinds. Made once for many problems of one rule set.
    static QJsonObject outline(const RuleSet &ruleSet);

    // The secondary detail of a problem: "Line 5, column 12 · /rules/0/if/op", with "Warning"
    // first for a warning; the pointer alone when the position is not known.
    static QString detail(const Problem &problem);
};

} // namespace Kanca
