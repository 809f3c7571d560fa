#pragma once

#include "format/Problem.h"

#include <QJsonObject>
#include <QMessageBox>
#include <QString>

class QWidget;

namespace Kanca {

// The designer's modal questions, in one place, with seams for tests (setNextAnswer,
// setNextFileName): a test sets the next answer and no dialog ever blocks it.
namespace Dialogs {

QString openFileName(QWidget *parent, const QString &caption);
QString saveFileName(QWidget *parent, const QString &caption, const QString &suggested);
QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                     QMessageBox::StandardButtons buttons,
                                     QMessageBox::StandardButton defaultButton);
void warning(QWidget *parent, const QString &title, const QString &text);
// Lists every problem of a file: where it is in words (ProblemPlace, from `document`, the JSON
// the problems' pointers point into) and what is wrong, wrapped to the dialog's width, with the
// line, column and JSON pointer as a smaller detail.
void showProblems(QWidget *parent, const QString &title, const QString &intro,
                  const Problems &problems, const QJsonObject &document);

// Seams for tests.
void setNextFileName(const QString &fileName);
void setNextAnswer(QMessageBox::StandardButton answer);
// When set, dialogs that only inform (warning, showProblems) are recorded instead of shown.
void setRecordOnly(bool recordOnly);
// The text of the last warning or problem list; of a problem list, the intro, then per problem
// its place and message on one line and its detail on the next.
QString lastMessage();

} // namespace Dialogs
} // namespace Kanca
