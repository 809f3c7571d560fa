// The Backtest panel, driven as a person would: events chosen, the rules run against the saved
// version, an edit of a condition re-running by itself and showing the change, a rule clicked to
// list its changed events, an event clicked to send it to the preview, and a long run cancelled.
#include "backtest/BacktestPanel.h"
#include "catalog/Catalog.h"
#include "document/RuleSetDocument.h"
#include "engine/RuleSetLoader.h"

#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Kanca;
using namespace Qt::StringLiterals;

namespace {

const QString Examples = QStringLiteral(KANCA_SOURCE_DIR "/resources/examples/");

void clickRow(QTableWidget *table, int row)
{
    table->scrollToItem(table->item(row, 0));
    const QRect rect = table->visualItemRect(table->item(row, 0));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
}

} // namespace

class TestBacktestPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void runsEditsAndShowsWhatChanges();
    void aLongRunIsCancelledAndBigListsGoStale();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<RuleSetDocument> m_document;
    QString m_file;
};

void TestBacktestPanel::init()
{
    m_file = m_dir.filePath(u"rules.kanca.json"_s);
    QFile::remove(m_file);
    QVERIFY(QFile::copy(Examples + u"supsis-examples.kanca.json"_s, m_file));
    RuleSetLoader::Result loaded = RuleSetLoader::loadFile(m_file, Catalog::builtIn());
    QVERIFY(loaded.ok());
    m_document = std::make_unique<RuleSetDocument>();
    m_document->reset(loaded.compiled->ruleSet(), m_file);
}

void TestBacktestPanel::runsEditsAndShowsWhatChanges()
{
    BacktestPanel panel(*m_document);
    panel.resize(1200, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *rules = panel.findChild<QTableWidget *>(u"backtestRules"_s);
    auto *changed = panel.findChild<QTableWidget *>(u"backtestChangedEvents"_s);
    auto *status = panel.findChild<QLabel *>(u"backtestStatus"_s);
    QVERIFY(rules && changed && status);
    QVERIFY(status->text().contains(u"Choose the events"_s));

    QSignalSpy finished(&panel, &BacktestPanel::runFinished);
    panel.loadEventsFile(Examples + u"events.jsonl"_s);
    QVERIFY(finished.wait(30'000));
    QCOMPARE(panel.eventCount(), 5000);
    QCOMPARE(rules->rowCount(), 8);
    for (int row = 0; row < rules->rowCount(); ++row)
        QCOMPARE(rules->item(row, 5)->text(), u"no change"_s);
    QVERIFY2(status->text().contains(u"0 of 8 rules change"_s), qPrintable(status->text()));

    // Take "destek" out of the support rule, as the editor does: it re-runs by itself.
    const qsizetype support = m_document->indexOfRule(u"support-to-tickets"_s);
    Rule rule = m_document->rule(support);
    std::vector<Condition> &any = rule.condition->children;
    const std::size_t before = any.size();
    any.erase(std::remove_if(any.begin(), any.end(),
                             [](const Condition &c) { return c.value.toString() == u"destek"; }),
              any.end());
    QCOMPARE(qsizetype(any.size()), qsizetype(before) - 1);
    m_document->changeRule(support, rule, u"Remove destek"_s);
    QVERIFY(finished.wait(30'000));
    const BacktestReport::Rule &result = panel.report().rules.at(support);
    QVERIFY(result.noLongerMatched > 10);
    QCOMPARE(result.newlyMatched, 0);
    QCOMPARE(rules->item(int(support), 5)->text(), u"+0 / −%1"_s.arg(result.noLongerMatched));
    QVERIFY(rules->item(int(support), 0)->font().bold());
    QVERIFY(!rules->item(0, 0)->font().bold());
    QVERIFY(status->text().contains(u"1 of 8 rules change"_s));

    // The rule clicked: its changed events; an event clicked: to the preview.
    clickRow(rules, int(support));
    QCOMPARE(changed->rowCount(), int(result.noLongerMatched));
    QCOMPARE(changed->item(0, 3)->text(), u"no longer matches"_s);
    QSignalSpy chosen(&panel, &BacktestPanel::eventChosen);
    clickRow(changed, 0);
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.at(0).at(0).value<qsizetype>(), support);
    const QJsonObject event = chosen.at(0).at(1).toJsonObject();
    QCOMPARE(event.value(u"id"_s).toString(), changed->item(0, 0)->text());
    QVERIFY(event.value(u"conversation"_s)
                .toObject()
                .value(u"firstMessage"_s)
                .toString()
                .contains(u"destek"_s, Qt::CaseInsensitive));

    // Undo brings it back: no change again.
    m_document->undoStack()->undo();
    QVERIFY(finished.wait(30'000));
    QCOMPARE(panel.report().changedRules(), 0);
}

void TestBacktestPanel::aLongRunIsCancelledAndBigListsGoStale()
{
    BacktestPanel panel(*m_document);
    panel.show();
    QList<EventLines::Event> events;
    const qsizetype count = BacktestPanel::AutoRunLimit + 50'000;
    events.reserve(count);
    for (qsizetype i = 0; i < count; ++i) {
        const QString id = u"e%1"_s.arg(i);
        events.append(
            {CompactEvent::fromJson(QJsonObject{
                 {u"type"_s, u"chat.opened"_s},
                 {u"id"_s, id},
                 {u"conversation"_s, QJsonObject{{u"firstMessage"_s, u"sistem çalışmıyor"_s}}}}),
             id, i + 1});
    }
    panel.setEvents(std::move(events), u"generated"_s);
    auto *run = panel.findChild<QPushButton *>(u"backtestRunButton"_s);
    QSignalSpy finished(&panel, &BacktestPanel::runFinished);
    QTest::mouseClick(run, Qt::LeftButton);
    QVERIFY(panel.isRunning());
    QCOMPARE(run->text(), u"Cancel"_s);
    QTest::mouseClick(run, Qt::LeftButton); // Cancel
    QVERIFY(finished.wait(30'000));
    QVERIFY(panel.report().cancelled);
    QVERIFY(panel.report().events < count);
    QCOMPARE(run->text(), u"Run"_s);
    auto *status = panel.findChild<QLabel *>(u"backtestStatus"_s);
    QVERIFY2(status->text().contains(u"Cancelled after"_s), qPrintable(status->text()));

    // Over the limit, an edit marks the result stale instead of running.
    const qsizetype first = 0;
    Rule rule = m_document->rule(first);
    rule.name += u" (edited)"_s;
    m_document->changeRule(first, rule, u"Rename"_s);
    QTest::qWait(600);
    QVERIFY(!panel.isRunning());
    QVERIFY(panel.isStale());
    QVERIFY(status->text().contains(u"press Run"_s));
}

QTEST_MAIN(TestBacktestPanel)
#include "tst_backtestpanel.moc"
