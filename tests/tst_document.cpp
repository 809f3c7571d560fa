// The rule-set document, its undo commands, and the File menu's work (DocumentController):
// no dialog is shown, the answers come through the Dialogs seams.
#include "catalog/Catalog.h"
#include "document/Autosave.h"
#include "document/RuleSetDocument.h"
#include "engine/RuleSetLoader.h"
#include "format/RuleSetWriter.h"
#include "settings/Settings.h"
#include "window/Dialogs.h"
#include "window/DocumentController.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QWidget>

#include <algorithm>

using namespace Kanca;
using namespace Qt::StringLiterals;

namespace {

const QString example =
    QStringLiteral(KANCA_SOURCE_DIR "/resources/examples/supsis-examples.kanca.json");

RuleSet exampleRuleSet()
{
    return RuleSetLoader::loadFile(example, Catalog::builtIn()).ruleSet();
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void typingMergesIntoOneUndoStep();
    void mergeBackToTheOriginalRemovesTheStep();
    void changeCurrentRuleChangesOnlyIt();
    void insertRemoveMoveAreUndoable();
    void currentRuleFollowsTheList();
    void modifiedFollowsTheUndoStack();
    void saveWritesTheCanonicalFileAtomically();
    void openBrokenFileKeepsTheDocument();
    void openRuleSetWithProblemsKeepsItAsItIs();
    void openAsksBeforeDiscardingChanges();
    void importAppendsRulesAsOneStep();
    void importBrokenFileListsEveryProblem();
    void exportRefusesAnInvalidRuleSet();
    void exportWritesWhatTheServerReads();
    void autosaveAndRecovery();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QWidget> m_window;
    RuleSetDocument *m_document = nullptr;
    DocumentController *m_controller = nullptr;
};

void TestDocument::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    Dialogs::setRecordOnly(true);
}

void TestDocument::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    Settings::useTemporaryFile(m_dir->filePath(u"settings.ini"_s));
    m_window = std::make_unique<QWidget>();
    m_document = new RuleSetDocument(m_window.get());
    m_controller = new DocumentController(m_document, m_window.get());
    m_document->reset(exampleRuleSet(), example);
    QDir(Autosave::directory()).removeRecursively();
}

void TestDocument::typingMergesIntoOneUndoStep()
{
    const QString before = m_document->rule(1).name;
    Rule rule = m_document->rule(1);
    for (const QChar c : u"abc"_s) {
        rule.name += c;
        m_document->changeRule(1, rule, u"Rename Rule"_s, u"name"_s);
    }
    QCOMPARE(m_document->undoStack()->count(), 1);
    QCOMPARE(m_document->undoStack()->undoText(), u"Rename Rule"_s);
    QCOMPARE(m_document->rule(1).name, before + u"abc"_s);
    m_document->undoStack()->undo();
    QCOMPARE(m_document->rule(1).name, before);
    m_document->undoStack()->redo();
    QCOMPARE(m_document->rule(1).name, before + u"abc"_s);

    // Another field is another step.
    rule.description = u"x"_s;
    m_document->changeRule(1, rule, u"Change Description"_s, u"description"_s);
    QCOMPARE(m_document->undoStack()->count(), 2);
}

void TestDocument::mergeBackToTheOriginalRemovesTheStep()
{
    Rule rule = m_document->rule(0);
    const QString original = rule.name;
    rule.name = original + u"x"_s;
    m_document->changeRule(0, rule, u"Rename Rule"_s, u"name"_s);
    rule.name = original;
    m_document->changeRule(0, rule, u"Rename Rule"_s, u"name"_s);
    QCOMPARE(m_document->undoStack()->count(), 0);
    QVERIFY(!m_document->isModified());
}

// The editors' edits go to the current rule, one undo step a field as with changeRule().
void TestDocument::changeCurrentRuleChangesOnlyIt()
{
    const RuleSet original = m_document->ruleSet();
    m_document->setCurrentRule(-1);
    m_document->changeCurrentRule([](Rule &rule) { rule.name = u"nobody's"_s; }, u"Rename"_s);
    QCOMPARE(m_document->ruleSet(), original);
    QCOMPARE(m_document->undoStack()->count(), 0);

    m_document->setCurrentRule(1);
    for (const QString &name : {u"a"_s, u"ab"_s})
        m_document->changeCurrentRule([&](Rule &rule) { rule.name = name; }, u"Rename Rule"_s,
                                      u"name"_s);
    QCOMPARE(m_document->rule(1).name, u"ab"_s);
    QCOMPARE(m_document->rule(0), original.rules.at(0));
    QCOMPARE(m_document->undoStack()->count(), 1);
    m_document->changeCurrentRule([](Rule &rule) { rule.enabled = !rule.enabled; },
                                  u"Disable Rule"_s);
    QCOMPARE(m_document->undoStack()->count(), 2);
    QCOMPARE(m_document->undoStack()->undoText(), u"Disable Rule"_s);
    m_document->undoStack()->undo();
    m_document->undoStack()->undo();
    QCOMPARE(m_document->ruleSet(), original);
}

void TestDocument::insertRemoveMoveAreUndoable()
{
    const RuleSet original = m_document->ruleSet();
    m_document->insertRule(2, m_document->newRule(u"chat.closed"_s), u"Add Rule"_s);
    QCOMPARE(m_document->ruleCount(), original.rules.size() + 1);
    QCOMPARE(m_document->rule(2).when, u"chat.closed"_s);
    m_document->removeRule(0);
    m_document->moveRule(0, 3);
    QUndoStack *stack = m_document->undoStack();
    QCOMPARE(stack->count(), 3);
    QCOMPARE(stack->undoText(), u"Move Rule"_s);
    while (stack->canUndo())
        stack->undo();
    QVERIFY(m_document->ruleSet() == original);
    while (stack->canRedo())
        stack->redo();
    QCOMPARE(m_document->ruleCount(), original.rules.size());
}

void TestDocument::currentRuleFollowsTheList()
{
    QSignalSpy current(m_document, &RuleSetDocument::currentRuleChanged);
    m_document->setCurrentRule(2);
    const QString id = m_document->rule(2).id;
    m_document->moveRule(2, 0);
    QCOMPARE(m_document->currentRule(), 0);
    QCOMPARE(m_document->rule(m_document->currentRule()).id, id);
    m_document->removeRule(1);
    QCOMPARE(m_document->rule(m_document->currentRule()).id, id);
    m_document->insertRule(0, m_document->newRule(u"chat.opened"_s), u"Add Rule"_s);
    QCOMPARE(m_document->currentRule(), 0); // the new rule becomes current
    QVERIFY(current.size() >= 3);
}

void TestDocument::modifiedFollowsTheUndoStack()
{
    QSignalSpy modified(m_document, &RuleSetDocument::modifiedChanged);
    m_document->setName(u"Yeni ad"_s);
    QVERIFY(m_document->isModified());
    m_document->undoStack()->undo();
    QVERIFY(!m_document->isModified());
    QCOMPARE(modified.size(), 2);
}

void TestDocument::saveWritesTheCanonicalFileAtomically()
{
    const QString path = m_dir->filePath(u"saved.kanca.json"_s);
    m_document->reset(exampleRuleSet(), QString());
    Dialogs::setNextFileName(path);
    QVERIFY(m_controller->save()); // untitled: Save asks for a name
    QCOMPARE(m_document->fileName(), path);
    QVERIFY(!m_document->isModified());
    QCOMPARE(fileBytes(path), fileBytes(example)); // same rules, same bytes
    QCOMPARE(Settings::instance().recentFiles().first(), path);
}

void TestDocument::openBrokenFileKeepsTheDocument()
{
    Rule rule = m_document->rule(0);
    rule.name = u"edited"_s;
    m_document->changeRule(0, rule, u"Rename Rule"_s);
    const RuleSet before = m_document->ruleSet();
    const QString broken = m_dir->filePath(u"broken.json"_s);
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    // Not a rule set at all: its rules are not a list of objects, and its format is another.
    file.write(
        R"({"format": "kanca.rules", "version": 1, "rules": [{"id": "a", "name": "A", "when": "chat.opend", "then": []}, 3]})");
    file.close();
    QVERIFY(!m_controller->open(broken));
    QVERIFY(m_document->ruleSet() == before);
    QVERIFY(m_document->isModified());
    QCOMPARE(m_document->undoStack()->count(), 1);
    const QString message = Dialogs::lastMessage();
    // Where each problem is, in words, from the file as it was read; its pointer and position
    // as a detail.
    QVERIFY2(message.contains(u"Rule set › format: must be \"kanca.ruleset\""),
             qPrintable(message));
    QVERIFY2(message.contains(u"Rule 2: a rule must be an object"), qPrintable(message));
    QVERIFY2(message.contains(u"    Line 1, column 111 · /rules/1"), qPrintable(message));
}

void TestDocument::openRuleSetWithProblemsKeepsItAsItIs()
{
    // A rule set whose rules have problems opens, with them; saved, it reads back the same.
    const QString path = m_dir->filePath(u"problems.kanca.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        R"({"format": "kanca.ruleset", "version": 1, "rules": [{"id": "a", "name": "", "when": "chat.opend", "then": []}]})");
    file.close();
    QVERIFY(!m_document->isModified()); // no question before opening
    QVERIFY(m_controller->open(path));
    QCOMPARE(m_document->ruleCount(), 1);
    QCOMPARE(m_document->rule(0).when, u"chat.opend"_s);
    const Problems &problems = m_document->problems();
    QVERIFY(std::any_of(problems.cbegin(), problems.cend(), [](const Problem &p) {
        return p.pointer == u"/rules/0/when" && p.message.contains(u"unknown event");
    }));
    QVERIFY(m_controller->save());
    const RuleSetLoader::Result again = RuleSetLoader::loadFile(path, Catalog::builtIn());
    QVERIFY(again.isRuleSet());
    QVERIFY(again.ruleSet() == m_document->ruleSet());
}

void TestDocument::openAsksBeforeDiscardingChanges()
{
    m_document->setName(u"changed"_s);
    Dialogs::setNextAnswer(QMessageBox::Cancel);
    QVERIFY(!m_controller->open(example));
    QCOMPARE(m_document->ruleSet().name, u"changed"_s);
    Dialogs::setNextAnswer(QMessageBox::Discard);
    QVERIFY(m_controller->open(example));
    QVERIFY(m_document->ruleSet() == exampleRuleSet());
    QVERIFY(!m_document->isModified());
}

void TestDocument::importAppendsRulesAsOneStep()
{
    const qsizetype before = m_document->ruleCount();
    QVERIFY(m_controller->importRules(example)); // the same rules again: ids made unique
    QCOMPARE(m_document->ruleCount(), 2 * before);
    QCOMPARE(m_document->rule(before).id, m_document->rule(0).id + u"-2"_s);
    QCOMPARE(m_document->undoStack()->count(), 1);
    QVERIFY(m_document->problems().isEmpty() || !hasErrors(m_document->problems()));
    m_document->undoStack()->undo();
    QCOMPARE(m_document->ruleCount(), before);
}

void TestDocument::importBrokenFileListsEveryProblem()
{
    const RuleSet before = m_document->ruleSet();
    const QString broken = m_dir->filePath(u"broken.json"_s);
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\n  \"format\": \"kanca.ruleset\",\n  \"version\": 1,\n  \"rules\": [\n    "
               "{\"id\": \"x y\", \"name\": \"\", \"when\": \"chat.opened\", \"if\": {\"field\": "
               "\"contact.tags\", \"op\": \"containz\"}, \"then\": [{\"type\": \"webhook\", "
               "\"method\": \"POST\", \"url\": \"ftp://x\"}]}\n  ]\n}\n");
    file.close();
    QVERIFY(!m_controller->importRules(broken));
    QVERIFY(m_document->ruleSet() == before);
    QCOMPARE(m_document->undoStack()->count(), 0);
    const QString message = Dialogs::lastMessage();
    QVERIFY2(message.contains(u"Rule x y › If › operator: unknown operator \"containz\""),
             qPrintable(message));
    QVERIFY2(message.contains(u"Rule x y › ID: "), qPrintable(message));
    QVERIFY2(message.contains(u"Rule x y › Then › webhook 1 › URL: "), qPrintable(message));
    QVERIFY2(message.contains(u"Line 5, column "), qPrintable(message));
    QVERIFY2(message.contains(u" · /rules/0/then/0/url"), qPrintable(message));
}

void TestDocument::exportRefusesAnInvalidRuleSet()
{
    Rule rule = m_document->rule(0);
    rule.when = u"chat.opend"_s;
    m_document->changeRule(0, rule, u"Change Trigger"_s);
    const QString path = m_dir->filePath(u"server.kanca.json"_s);
    QVERIFY(!m_controller->exportForServer(path));
    QVERIFY(!QFile::exists(path));
    QVERIFY2(Dialogs::lastMessage().contains(u"unknown event \"chat.opend\""),
             qPrintable(Dialogs::lastMessage()));
}

void TestDocument::exportWritesWhatTheServerReads()
{
    const QString path = m_dir->filePath(u"server.kanca.json"_s);
    QVERIFY(m_controller->exportForServer(path));
    const RuleSetLoader::Result read =
        RuleSetLoader::loadFile(path, Catalog::builtIn(), RuleSetReader::UnknownKeys::Reject);
    QVERIFY(read.ok());
    QVERIFY(read.ruleSet() == m_document->ruleSet());
    // The document itself stays where it was.
    QCOMPARE(m_document->fileName(), example);
}

void TestDocument::autosaveAndRecovery()
{
    Rule rule = m_document->rule(0);
    rule.name = u"kaydedilmemiş değişiklik"_s;
    m_document->changeRule(0, rule, u"Rename Rule"_s);
    m_controller->autosave()->writeNow();
    QCOMPARE(Autosave::pending().size(), 1);
    QCOMPARE(Autosave::pending().first().originalFile, example);

    // As after a crash: a new window starts and recovers the work.
    QWidget window;
    auto *document = new RuleSetDocument(&window);
    auto *controller = new DocumentController(document, &window);
    Dialogs::setNextAnswer(QMessageBox::Yes);
    QVERIFY(controller->offerRecovery());
    QCOMPARE(document->rule(0).name, u"kaydedilmemiş değişiklik"_s);
    QCOMPARE(document->fileName(), example);
    QVERIFY(document->isModified());

    // Saving removes the autosave.
    const QString path = m_dir->filePath(u"recovered.kanca.json"_s);
    QString error;
    QVERIFY(document->save(path, &error));
    QTRY_COMPARE(Autosave::pending().size(), 0);
}

QTEST_MAIN(TestDocument)
#include "tst_document.moc"
