#pragma once

#include "dispatch/DispatchPlan.h"
#include "format/Problem.h"
#include "model/RuleSet.h"
#include "preview/PreviewWarnings.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace Kanca {

class Catalog;

// What the preview warns about for one rule: the rule set's problems below "/rules/<i>"
// (unknown placeholders, a body that cannot be JSON...), the problems of rendering it for the
// previewed event, secrets without a value, and personal data in the request (seed 000: do not
// send personal data the receiver does not need).
class RuleWarnings final
{
    Q_DECLARE_TR_FUNCTIONS(RuleWarnings)

public:
    static QList<PreviewWarning> collect(const Rule &rule, qsizetype ruleIndex,
                                         const Problems &ruleSetProblems,
                                         const QList<PlannedAction> &previews,
                                         const Catalog &catalog, Language language);

    // The catalog fields marked personal that an action's URL, headers or body use, in order
    // of appearance; a placeholder of a whole object ({{contact | json}}) counts every personal
    // field below it.
    static QStringList personalFields(const WebhookAction &action, const Catalog &catalog);

    // A problem as one sentence that says where: "Webhook 1, body: unknown field ...".
    static QString problemText(const Problem &problem, const QString &rulePointer);

    // Where a pointer below a rule is, in words: "Webhook 2, header 1", "Conditions"; empty for
    // the rule itself.
    static QString placeText(const QString &pointer, const QString &rulePointer);
};

} // namespace Kanca
