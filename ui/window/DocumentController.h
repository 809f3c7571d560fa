#pragma once

#include <QObject>
#include <QStringList>

class QWidget;

namespace Kanca {

class Autosave;
class RuleSetDocument;

// The File menu's work on a rule-set document: New, Open, Save, Save As, Import, Export for
// Server, recent files, the prompt on unsaved changes, and recovery of autosaved work. Nothing
// is lost: any file that is a rule set opens, with its problems in the Problems panel; a file
// that is not a rule set at all is refused, and the open document stays as it was. A set with
// problems is saved (and reopens), with a word saying so; only Export for Server is strict.
class DocumentController final : public QObject
{
    Q_OBJECT

public:
    DocumentController(RuleSetDocument *document, QWidget *window);
    ~DocumentController() override;

    // False when the user cancels (or saving fails): the caller must not go on.
    bool maybeSave();

    void newDocument();
    bool open(const QString &fileName);
    bool openWithDialog();
    bool save();
    bool saveAs();
    // Appends the rules of another file (ids made unique) as one undo step.
    bool importRules(const QString &fileName);
    bool importWithDialog();
    // Writes a file for the server: only after the rule set passes every check.
    bool exportForServer(const QString &fileName);
    bool exportWithDialog();

    // At start: offers to recover autosaved work; true if something was recovered.
    bool offerRecovery();
    // The built-in example as an untitled document.
    void openExample();

    QStringList recentFiles() const;
    Autosave *autosave() const { return m_autosave; }

Q_SIGNALS:
    void recentFilesChanged();
    // A line for the status bar ("Saved with 2 problems…").
    void message(const QString &text);
    // The document has problems the user should see now (opened or saved with them).
    void problemsToShow();

private:
    bool saveTo(const QString &fileName);

    RuleSetDocument *m_document;
    QWidget *m_window;
    Autosave *m_autosave;
};

} // namespace Kanca
