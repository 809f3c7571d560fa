#include "editor/ProblemMarker.h"

#include <QAction>
#include <QLineEdit>
#include <QPalette>
#include <QStyle>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace Kanca {

namespace {

constexpr const char *OwnToolTipProperty = "kancaOwnToolTip";
constexpr const char *ProblemTextProperty = "kancaProblemText";
constexpr auto WarningActionName = "kancaProblemAction"_L1;

void refreshToolTip(QWidget *widget)
{
    const QString own = widget->property(OwnToolTipProperty).toString();
    const QString problems = widget->property(ProblemTextProperty).toString();
    if (problems.isEmpty())
        widget->setToolTip(own);
    else
        widget->setToolTip(own.isEmpty() ? problems : own + u"\n\n"_s + problems);
}

void apply(QWidget *widget, const QString &severity, const QStringList &messages)
{
    const QString text = messages.join(u'\n');
    widget->setProperty(ProblemTextProperty, text);
    refreshToolTip(widget);
    widget->setAccessibleDescription(text);

    if (widget->property(ProblemMarker::Property).toString() != severity) {
        widget->setProperty(ProblemMarker::Property, severity);
        widget->style()->unpolish(widget);
        widget->style()->polish(widget);
        widget->update();
    }

    if (auto *lineEdit = qobject_cast<QLineEdit *>(widget)) {
        auto *action =
            lineEdit->findChild<QAction *>(WarningActionName, Qt::FindDirectChildrenOnly);
        if (!action && !text.isEmpty()) {
            action = new QAction(lineEdit);
            action->setObjectName(WarningActionName);
            action->setIcon(lineEdit->style()->standardIcon(QStyle::SP_MessageBoxWarning));
            lineEdit->addAction(action, QLineEdit::TrailingPosition);
        }
        if (action) {
            action->setToolTip(text);
            action->setVisible(!text.isEmpty());
        }
    }
}

} // namespace

Problems ProblemMarker::at(const Problems &problems, const QString &pointer, bool below)
{
    Problems result;
    for (const Problem &problem : problems) {
        if (problem.pointer == pointer
            || (below && problem.pointer.startsWith(pointer)
                && problem.pointer.at(pointer.size()) == u'/'))
            result.append(problem);
    }
    return result;
}

void ProblemMarker::setToolTip(QWidget *widget, const QString &toolTip)
{
    widget->setProperty(OwnToolTipProperty, toolTip);
    refreshToolTip(widget);
}

void ProblemMarker::mark(QWidget *widget, const Problems &problems)
{
    QStringList messages;
    QStringList pointers;
    bool error = false;
    for (const Problem &problem : problems) {
        pointers.append(problem.pointer);
        if (!messages.contains(problem.message))
            messages.append(problem.message);
        error = error || problem.isError();
    }
    const QString severity = problems.isEmpty() ? QString() : error ? u"error"_s : u"warning"_s;
    widget->setProperty(PointersProperty, pointers);
    apply(widget, severity, messages);
}

void ProblemMarker::markInvalidInput(QWidget *widget, const QString &message)
{
    apply(widget, u"error"_s, {message});
}

QString ProblemMarker::styleSheet(const QPalette &palette)
{
    return uR"(*[kancaProblem="error"] { border: 1px solid %1; border-radius: 2px; padding: 1px; }
*[kancaProblem="warning"] { border: 1px solid %2; border-radius: 2px; padding: 1px; })"_s.arg(
        color(palette, Problem::Severity::Error).name(),
        color(palette, Problem::Severity::Warning).name());
}

QColor ProblemMarker::color(const QPalette &palette, Problem::Severity severity)
{
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    if (severity == Problem::Severity::Error)
        return dark ? QColor(0xff, 0x7a, 0x7a) : QColor(0xc6, 0x28, 0x28);
    return dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xa8, 0x5f, 0x00);
}

} // namespace Kanca
