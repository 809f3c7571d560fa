#include "window/Dialogs.h"

#include "format/ProblemPlace.h"

#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <optional>

namespace Kanca::Dialogs {

using namespace Qt::StringLiterals;

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
                  const Problems &problems, const QJsonObject &document)
{
    QStringList lines;
    QString html;
    QDialog dialog(parent);
    const QString secondary = dialog.palette().color(QPalette::PlaceholderText).name();
    for (const Problem &problem : problems) {
        const ProblemPlace place = ProblemPlace::of(problem.pointer, document);
        const QString where = place.text();
        const QString detail = ProblemPlace::detail(problem);
        lines.append(ProblemPlace::sentence(place, problem.message));
        if (!detail.isEmpty())
            lines.append(u"    "_s + detail);
        html += u"<p>"_s;
        if (!where.isEmpty())
            html += u"<b>"_s + where.toHtmlEscaped() + u"</b>: "_s;
        html += problem.message.toHtmlEscaped();
        if (!detail.isEmpty()) {
            html += u"<br/><small><span style=\"color:%1\">%2</span></small>"_s.arg(
                secondary, detail.toHtmlEscaped());
        }
        html += u"</p>"_s;
    }
    lastShown = intro + u'\n' + lines.join(u'\n');
    if (recordOnly)
        return;

    dialog.setWindowTitle(title);
    auto *layout = new QVBoxLayout(&dialog);
    auto *label = new QLabel(intro, &dialog);
    label->setWordWrap(true);
    layout->addWidget(label);
    // Wrapped to the width: a long message is read without scrolling sideways.
    auto *list = new QTextBrowser(&dialog);
    list->setObjectName(QStringLiteral("problemList"));
    list->setOpenLinks(false);
    list->setLineWrapMode(QTextEdit::WidgetWidth);
    list->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    list->setHtml(html);
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
