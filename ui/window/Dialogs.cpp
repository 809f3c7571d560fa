#include "window/Dialogs.h"

#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

#include <optional>

namespace Kanca::Dialogs {

namespace {

std::optional<QString> nextFileName;
std::optional<QMessageBox::StandardButton> nextAnswer;
bool recordOnly = false;
QString lastShown;

QString fileFilter()
{
    return QApplication::translate("Kanca::Dialogs",
                                   "Kanca rule sets (*.kanca.json *.json);;All files (*)");
}

} // namespace

QString openFileName(QWidget *parent, const QString &caption)
{
    if (nextFileName) {
        const QString name = *nextFileName;
        nextFileName.reset();
        return name;
    }
    return QFileDialog::getOpenFileName(parent, caption, QString(), fileFilter());
}

QString saveFileName(QWidget *parent, const QString &caption, const QString &suggested)
{
    if (nextFileName) {
        const QString name = *nextFileName;
        nextFileName.reset();
        return name;
    }
    QString name = QFileDialog::getSaveFileName(parent, caption, suggested, fileFilter());
    if (!name.isEmpty() && !name.endsWith(u".json"))
        name += QStringLiteral(".kanca.json");
    return name;
}

QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                     QMessageBox::StandardButtons buttons,
                                     QMessageBox::StandardButton defaultButton)
{
    if (nextAnswer) {
        lastShown = text;
        const auto answer = *nextAnswer;
        nextAnswer.reset();
        return answer;
    }
    return QMessageBox::question(parent, title, text, buttons, defaultButton);
}

void warning(QWidget *parent, const QString &title, const QString &text)
{
    lastShown = text;
    if (!recordOnly)
        QMessageBox::warning(parent, title, text);
}

void showProblems(QWidget *parent, const QString &title, const QString &intro,
                  const QString &fileName, const Problems &problems)
{
    QStringList lines;
    for (const Problem &problem : problems)
        lines.append(problemLine(fileName, problem));
    lastShown = intro + u'\n' + lines.join(u'\n');
    if (recordOnly)
        return;

    QDialog dialog(parent);
    dialog.setWindowTitle(title);
    auto *layout = new QVBoxLayout(&dialog);
    auto *label = new QLabel(intro, &dialog);
    label->setWordWrap(true);
    layout->addWidget(label);
    auto *list = new QPlainTextEdit(lines.join(u'\n'), &dialog);
    list->setObjectName(QStringLiteral("problemList"));
    list->setReadOnly(true);
    list->setLineWrapMode(QPlainTextEdit::NoWrap);
    list->setAccessibleName(QApplication::translate("Kanca::Dialogs", "Problems"));
    layout->addWidget(list);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(720, 360);
    dialog.exec();
}

void setNextFileName(const QString &fileName)
{
    nextFileName = fileName;
}

void setNextAnswer(QMessageBox::StandardButton answer)
{
    nextAnswer = answer;
}

void setRecordOnly(bool record)
{
    recordOnly = record;
}

QString lastMessage()
{
    return lastShown;
}

} // namespace Kanca::Dialogs
