#include "window/DocumentController.h"

#include "catalog/Catalog.h"
#include "document/Autosave.h"
#include "document/RuleSetDocument.h"
#include "engine/RuleSetLoader.h"
#include "engine/TestDestinations.h"
#include "format/RuleSetReader.h"
#include "format/RuleSetWriter.h"
#include "settings/LanguageManager.h"
#include "settings/Settings.h"
#include "window/Dialogs.h"

#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QUndoStack>
#include <QWidget>

#include <algorithm>

namespace Kanca {

DocumentController::DocumentController(RuleSetDocument *document, QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_window(window)
    , m_autosave(new Autosave(document, this))
{}

DocumentController::~DocumentController() = default;

bool DocumentController::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer = Dialogs::question(
        m_window, tr("Unsaved Changes"),
        tr("\"%1\" has changes that are not saved. Save them?").arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    if (answer == QMessageBox::Discard) {
        m_autosave->removeFile();
        return true;
    }
    return false;
}

void DocumentController::newDocument()
{
    if (!maybeSave())
        return;
    // Named, and comparing text, in the interface's language: a set made in Turkish compares
    // Turkish text (İ/i, I/ı) from the start.
    RuleSet empty;
    empty.name = tr("New rule set");
    empty.locale = LanguageManager::instance().language();
    m_document->reset(empty, QString());
}

bool DocumentController::open(const QString &fileName)
{
    if (fileName.isEmpty())
        return false;
    const RuleSetLoader::Result loaded = RuleSetLoader::loadFile(fileName, Catalog::builtIn());
    if (!loaded.isRuleSet()) {
        Dialogs::showProblems(m_window, tr("Cannot Open"),
                              tr("%1 was not opened: it is not a Kanca rule set this version "
                                 "can read. The open rule set is unchanged.")
                                  .arg(QFileInfo(fileName).fileName()),
                              loaded.problems, loaded.document);
        return false;
    }
    if (!maybeSave())
        return false;
    m_document->reset(loaded.ruleSet(), QFileInfo(fileName).absoluteFilePath());
    // The problems the document itself has are listed, live, in the Problems panel. What only
    // reading the file found (an unknown key, a value of the wrong type) is not in the document
    // and would not be written back: that is said here, once.
    Problems notKept;
    const Problems &live = m_document->problems();
    for (const Problem &problem : loaded.problems) {
        const bool listed = std::any_of(live.cbegin(), live.cend(), [&problem](const Problem &p) {
            return p.pointer == problem.pointer && p.message == problem.message;
        });
        if (!listed)
            notKept.append(problem);
    }
    if (!notKept.isEmpty()) {
        Dialogs::showProblems(m_window, tr("Opened with Problems"),
                              tr("%1 was opened. What these problems are about could not be "
                                 "read into the rule set, and is not kept when it is saved:")
                                  .arg(QFileInfo(fileName).fileName()),
                              notKept, loaded.document);
    }
    if (!live.isEmpty()) {
        Q_EMIT message(tr("%1 was opened with %n problem(s): they are listed in the Problems "
                          "panel.",
                          "", int(live.size()))
                           .arg(QFileInfo(fileName).fileName()));
        Q_EMIT problemsToShow();
    }
    Settings::instance().addRecentFile(fileName);
    Q_EMIT recentFilesChanged();
    return true;
}

bool DocumentController::openWithDialog()
{
    return open(Dialogs::openFileName(m_window, tr("Open Rule Set")));
}

bool DocumentController::saveTo(const QString &fileName)
{
    QString error;
    if (!m_document->save(fileName, &error)) {
        Dialogs::warning(m_window, tr("Cannot Save"), error);
        return false;
    }
    Settings::instance().addRecentFile(fileName);
    Q_EMIT recentFilesChanged();
    // Saved all the same (no work is lost), and it opens again; but it is not ready to run.
    const Problems &problems = m_document->problems();
    const auto errors = std::count_if(problems.cbegin(), problems.cend(),
                                      [](const Problem &p) { return p.isError(); });
    if (errors > 0) {
        Q_EMIT message(tr("Saved %1 with %n problem(s): it opens again as it is, but a server "
                          "would refuse it until they are fixed (see the Problems panel).",
                          "", int(errors))
                           .arg(QFileInfo(fileName).fileName()));
        Q_EMIT problemsToShow();
    } else {
        Q_EMIT message(tr("Saved %1.").arg(QFileInfo(fileName).fileName()));
    }
    return true;
}

bool DocumentController::save()
{
    if (m_document->fileName().isEmpty())
        return saveAs();
    return saveTo(m_document->fileName());
}

bool DocumentController::saveAs()
{
    const QString suggested = m_document->fileName().isEmpty()
                                  ? tr("rules") + QStringLiteral(".kanca.json")
                                  : m_document->fileName();
    const QString fileName = Dialogs::saveFileName(m_window, tr("Save Rule Set As"), suggested);
    if (fileName.isEmpty())
        return false;
    return saveTo(fileName);
}

bool DocumentController::importRules(const QString &fileName)
{
    if (fileName.isEmpty())
        return false;
    const RuleSetLoader::Result loaded = RuleSetLoader::loadFile(fileName, Catalog::builtIn());
    if (!loaded.compiled || hasErrors(loaded.problems)) {
        Dialogs::showProblems(m_window, tr("Cannot Import"),
                              tr("Nothing was imported from %1: it has these problems. The open "
                                 "rule set is unchanged.")
                                  .arg(QFileInfo(fileName).fileName()),
                              loaded.problems, loaded.document);
        return false;
    }
    const QList<Rule> &rules = loaded.ruleSet().rules;
    if (rules.isEmpty())
        return true;
    QUndoStack *stack = m_document->undoStack();
    stack->beginMacro(tr("Import %n Rule(s)", "", int(rules.size())));
    for (Rule rule : rules) {
        rule.id = m_document->uniqueRuleId(rule.id);
        m_document->insertRule(m_document->ruleCount(), rule, tr("Import Rule"));
    }
    stack->endMacro();
    return true;
}

bool DocumentController::importWithDialog()
{
    return importRules(Dialogs::openFileName(m_window, tr("Import Rules")));
}

bool DocumentController::exportForServer(const QString &fileName)
{
    if (fileName.isEmpty())
        return false;
    // Checked exactly as the server will read it: written, read back strictly, compiled.
    const QByteArray bytes = RuleSetWriter::write(m_document->ruleSet());
    const RuleSetLoader::Result check =
        RuleSetLoader::load(bytes, Catalog::builtIn(), RuleSetReader::UnknownKeys::Reject);
    if (!check.ok()) {
        Dialogs::showProblems(m_window, tr("Cannot Export"),
                              tr("The rule set was not exported: a server would refuse it for "
                                 "these problems."),
                              check.problems, check.document);
        return false;
    }
    // Passes, but sends somewhere only a test should: this computer, or webhook.site.
    const Problems testOnly = TestDestinations::find(m_document->ruleSet());
    if (!testOnly.isEmpty()) {
        QStringList lines;
        for (const Problem &problem : testOnly)
            lines.append(problemLine(QFileInfo(fileName).fileName(), problem));
        const auto answer = Dialogs::question(
            m_window, tr("Export for Server"),
            tr("These URLs are for testing; a server cannot reach them, or should not send "
               "real events there:\n\n%1\n\nExport all the same?")
                .arg(lines.join(u'\n')),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return false;
    }
    QString error;
    if (!RuleSetWriter::save(m_document->ruleSet(), fileName, &error)) {
        Dialogs::warning(m_window, tr("Cannot Export"), error);
        return false;
    }
    return true;
}

bool DocumentController::exportWithDialog()
{
    const QString base =
        m_document->fileName().isEmpty()
            ? tr("rules")
            : QFileInfo(m_document->fileName()).completeBaseName().remove(QStringLiteral(".kanca"));
    return exportForServer(Dialogs::saveFileName(m_window, tr("Export for Server"),
                                                 base + QStringLiteral(".server.kanca.json")));
}

bool DocumentController::offerRecovery()
{
    const QList<Autosave::Recovery> recoveries = Autosave::pending();
    if (recoveries.isEmpty())
        return false;
    const Autosave::Recovery &latest = recoveries.first();
    const QString what = latest.originalFile.isEmpty() ? tr("an untitled rule set")
                                                       : QFileInfo(latest.originalFile).fileName();
    const auto answer = Dialogs::question(
        m_window, tr("Recover Unsaved Work"),
        tr("Kanca was not closed properly. Unsaved changes to %1 from %2 were kept. Recover "
           "them?")
            .arg(what, QLocale().toString(latest.savedAt, QLocale::ShortFormat)),
        QMessageBox::Yes | QMessageBox::Discard, QMessageBox::Yes);
    if (answer != QMessageBox::Yes) {
        for (const Autosave::Recovery &recovery : recoveries)
            Autosave::discard(recovery);
        return false;
    }
    QString error;
    if (!Autosave::recover(latest, m_document, &error)) {
        Dialogs::warning(m_window, tr("Cannot Recover"), error);
        return false;
    }
    m_autosave->writeNow(); // until it is saved, the recovered work stays safe
    return true;
}

void DocumentController::openExample()
{
    const RuleSetLoader::Result loaded = RuleSetLoader::loadFile(
        QStringLiteral(":/examples/supsis-examples.kanca.json"), Catalog::builtIn());
    if (loaded.compiled)
        m_document->reset(loaded.ruleSet(), QString());
}

QStringList DocumentController::recentFiles() const
{
    return Settings::instance().recentFiles();
}

} // namespace Kanca
