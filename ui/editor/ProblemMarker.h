#pragma once

#include "format/Problem.h"

#include <QColor>
#include <QString>

class QPalette;
class QWidget;

namespace Kanca {

// Marks the widget a problem is about: the dynamic property "kancaProblem" ("error",
// "warning" or empty), which the editor's style sheet draws as a coloured frame, the messages
// in the tooltip (after the widget's own tooltip) and the accessible description, and, on a
// line edit, a warning icon at its end.
class ProblemMarker final
{
public:
    ProblemMarker() = delete;

    static constexpr const char *Property = "kancaProblem";
    // The JSON pointers of the problems a widget is marked with (a QStringList), so that a
    // problem chosen elsewhere (the Problems panel) can find its widget.
    static constexpr const char *PointersProperty = "kancaProblemPointers";

    // The problems whose pointer is `pointer` itself (or below it, with `below`).
    static Problems at(const Problems &problems, const QString &pointer, bool below = false);

    // Sets the widget's own tooltip, shown above any problem messages.
    static void setToolTip(QWidget *widget, const QString &toolTip);
    // Marks the widget with these problems, or clears the mark when there are none.
    static void mark(QWidget *widget, const Problems &problems);
    // Marks the widget as holding input that is not applied (as an error, with this message).
    static void markInvalidInput(QWidget *widget, const QString &message);

    // The style sheet that draws the marks; set on the editor's sections.
    static QString styleSheet(const QPalette &palette);
    // A red (or orange, for warnings) that reads on the palette's window colour.
    static QColor color(const QPalette &palette, Problem::Severity severity);
};

} // namespace Kanca
