#pragma once

#include "templates/Template.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace Kanca {

// Turns an offset in a template's text into a TemplateProblem with its line and column, appends
// it to a list (when there is one) and remembers that a problem was reported.
class TemplateProblemReporter final
{
public:
    // `text` must outlive the reporter.
    TemplateProblemReporter(QStringView text, QList<TemplateProblem> *problems)
        : m_text(text)
        , m_problems(problems)
    {}

    void report(qsizetype offset, const QString &message);
    bool failed() const { return m_failed; }

private:
    QStringView m_text;
    QList<TemplateProblem> *m_problems;
    bool m_failed = false;
};

} // namespace Kanca
