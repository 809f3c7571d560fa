#pragma once

#include "format/Problem.h"

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
// Lists every problem of a file, one a line, as kanca validate prints them.
void showProblems(QWidget *parent, const QString &title, const QString &intro,
                  const QString &fileName, const Problems &problems);

// Seams for tests.
void setNextFileName(const QString &fileName);
void setNextAnswer(QMessageBox::StandardButton answer);
// When set, dialogs that only inform (warning, showProblems) are recorded instead of shown.
void setRecordOnly(bool recordOnly);
QString lastMessage(); // the text of the last warning or problem list

} // namespace Dialogs
} // namespace Kanca
