// The Backtest panel, driven as a person would: events chosen, the rules run against the saved
// version, an edit of a condition re-running by itself and showing the change, a rule clicked to
// list its changed events, an event clicked to send it to the preview, and a long run cancelled.
// The events of a server's PostgreSQL history chosen through the menu and the dialog, on a
// database of the test's own (KANCA_TEST_PG_URL, see support/PostgresTestDatabase.h; skipped
// without it unless KANCA_REQUIRE_PG=1); a server that cannot be reached, said with why.
#include "action/ProblemLabel.h"
#include "backtest/BacktestPanel.h"
#include "catalog/Catalog.h"
#include "document/RuleSetDocument.h"
#include "engine/RuleSetLoader.h"
#include "outbox/OpenStorage.h"
#include "services/DeliveryService.h"
#include "settings/Settings.h"
#include "support/PostgresTestDatabase.h"
#include "window/ServerHistoryDialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <functional>
#include <memory>

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

// Runs `answer` on the popup or modal dialog named `name` once it shows (a menu's or dialog's
// exec() blocks the test until it is answered). One that never shows is a failure: after ten
// seconds whatever popup or dialog is open is closed, so that the test ends.
void whenShown(const QString &name, std::function<void(QWidget *)> answer)
{
    auto *timer = new QTimer;
    auto ticks = std::make_shared<int>(0);
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, [timer, ticks, name, answer] {
        QWidget *shown = QApplication::activePopupWidget();
        if (!shown || shown->objectName() != name)
            shown = QApplication::activeModalWidget();
        if (shown && shown->objectName() == name && shown->isVisible()) {
            timer->stop();
            timer->deleteLater();
            answer(shown);
            return;
        }
        if (++*ticks > 1000) {
            timer->stop();
            timer->deleteLater();
            QTest::qFail(qPrintable(name + u" never showed"_s), __FILE__, __LINE__);
            if (QWidget *popup = QApplication::activePopupWidget())
                popup->close();
            if (QWidget *modal = QApplication::activeModalWidget())
                modal->close();
        }
    });
    timer->start();
}

// What a person does to take the events from a server: Choose Events… ▸ Events Kept in a
// Server's History, then the URL (and a password, and the time, when given) typed in the dialog,
// and OK. `offered` receives the URL the dialog offered.
void chooseServerHistory(BacktestPanel &panel, const QString &url, const QString &password,
                         const QString &since, const QString &until, QString *offered)
{
    whenShown(u"backtestEventsMenu"_s, [](QWidget *popup) {
        auto *menu = qobject_cast<QMenu *>(popup);
        QAction *server =
            menu ? menu->findChild<QAction *>(u"backtestEventsFromServer"_s) : nullptr;
        QVERIFY(server);
        for (int i = 0; i < 10 && menu->activeAction() != server; ++i)
            QTest::keyClick(menu, Qt::Key_Down);
        QCOMPARE(menu->activeAction(), server);
        QTest::keyClick(menu, Qt::Key_Return);
    });
    whenShown(u"serverHistoryDialog"_s, [=](QWidget *dialog) {
        auto *urlField = dialog->findChild<QLineEdit *>(u"serverHistoryUrl"_s);
        auto *passwordField = dialog->findChild<QLineEdit *>(u"serverHistoryPassword"_s);
        auto *sinceField = dialog->findChild<QLineEdit *>(u"serverHistorySince"_s);
        auto *untilField = dialog->findChild<QLineEdit *>(u"serverHistoryUntil"_s);
        QVERIFY(urlField && passwordField && sinceField && untilField);
        *offered = urlField->text();
        urlField->selectAll();
        QTest::keyClick(urlField, Qt::Key_Delete);
        QTest::keyClicks(urlField, url);
        QTest::keyClicks(passwordField, password);
        QTest::keyClicks(sinceField, since);
        QTest::keyClicks(untilField, until);
        QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
    });
    auto *events = panel.findChild<QPushButton *>(u"backtestEventsButton"_s);
    QVERIFY(events);
    QTest::mouseClick(events, Qt::LeftButton);
}

} // namespace

class TestBacktestPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void runsEditsAndShowsWhatChanges();
    void aLongRunIsCancelledAndBigListsGoStale();
    void eventsOfAServerHistory();
    void aServerThatCannotBeReachedIsSaid();
    void theDialogChecksTheTime();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<RuleSetDocument> m_document;
    QString m_file;
};

void TestBacktestPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    Settings::useTemporaryFile(m_dir.filePath(u"settings.ini"_s));
}

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
             i + 1});
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

// The server's history holds the first 300 shipped events, received a minute apart from
// 2026-11-01T00:00Z. Chosen through the menu and the dialog: first a time with no events (said,
// with the server and why), then 01:00 to 03:00, whose 120 events are read and run: per rule, the
// events of its type seen are those the test counts itself. Then the password typed in the
// dialog in place of libpq's, kept in the keychain, and used again without being typed.
void TestBacktestPanel::eventsOfAServerHistory()
{
    KANCA_POSTGRES_DATABASE(url, u"kanca_backtestpanel"_s);
    const QDateTime start(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC);
    QList<QJsonObject> stored;
    {
        QFile file(Examples + u"events.jsonl"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        while (stored.size() < 300 && !file.atEnd())
            stored.append(QJsonDocument::fromJson(file.readLine()).object());
        QCOMPARE(stored.size(), 300);
        QString error;
        std::unique_ptr<OutboxStorage> server = OpenStorage::open(url, {}, &error);
        QVERIFY2(server, qPrintable(error));
        QList<EventStore::IncomingEvent> incoming;
        for (qsizetype i = 0; i < stored.size(); ++i) {
            const QJsonObject &event = stored.at(i);
            incoming.append({event.value(u"id"_s).toString(),
                             event.value(u"type"_s).toString(),
                             start.addSecs(60 * i),
                             QJsonDocument(event).toJson(QJsonDocument::Compact),
                             u"test"_s,
                             {}});
        }
        QVERIFY2(server->acceptEvents(incoming, nullptr, &error), qPrintable(error));
    }
    // Received from 01:00 to 03:00: events 60 to 179; per type, counted here.
    QHash<QString, qint64> seenByType;
    for (qsizetype i = 60; i < 180; ++i)
        ++seenByType[stored.at(i).value(u"type"_s).toString()];

    DeliveryService deliveries;
    BacktestPanel panel(*m_document, &deliveries);
    panel.resize(1200, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *rules = panel.findChild<QTableWidget *>(u"backtestRules"_s);
    auto *status = panel.findChild<QLabel *>(u"backtestStatus"_s);
    QVERIFY(rules && status);
    QSignalSpy finished(&panel, &BacktestPanel::runFinished);

    // A time with no events: said, naming the server; nothing is chosen.
    QString offered;
    chooseServerHistory(panel, url, QString(), u"2026-11-02"_s, QString(), &offered);
    QVERIFY(finished.wait(30'000));
    QVERIFY(offered.isEmpty()); // nothing remembered yet
    QCOMPARE(panel.eventCount(), 0);
    QVERIFY2(status->text().contains(u"There are no events in "_s + url),
             qPrintable(status->text()));
    QVERIFY2(status->text().contains(u"--keep-events"_s), qPrintable(status->text()));
    QVERIFY(Settings::instance().serverHistoryUrl().isEmpty());

    // The two hours: read, run, counted.
    chooseServerHistory(panel, url, QString(), u"2026-11-01T01:00:00Z"_s, u"2026-11-01T03:00:00Z"_s,
                        &offered);
    QVERIFY(finished.wait(30'000));
    QVERIFY2(!panel.isRunning(), qPrintable(status->text()));
    QCOMPARE(panel.eventCount(), 120);
    QCOMPARE(panel.report().events, 120);
    QVERIFY2(status->text().startsWith(u"120 events."_s), qPrintable(status->text()));
    QCOMPARE(rules->rowCount(), 8);
    qint64 seenInAll = 0;
    for (int row = 0; row < rules->rowCount(); ++row) {
        const QString type = rules->item(row, 1)->text();
        QCOMPARE(rules->item(row, 2)->text(), QString::number(seenByType.value(type)));
        QCOMPARE(rules->item(row, 5)->text(), u"no change"_s);
        seenInAll += seenByType.value(type);
    }
    QVERIFY(seenInAll > 0);
    auto *source = panel.findChild<QLabel *>(u"backtestEvents"_s);
    QVERIFY2(source && source->text().contains(url), qPrintable(source->text()));
    // Remembered without a password.
    QCOMPARE(Settings::instance().serverHistoryUrl(), url);

    // The password typed, with libpq's own taken away: used, kept in the keychain (or, with none
    // on this machine, for the session), and used again untyped.
    const QByteArray password = qgetenv("PGPASSWORD");
    QVERIFY2(!password.isEmpty(), "the test cluster has a password (PGPASSWORD)");
    qunsetenv("PGPASSWORD");
    const auto restore = qScopeGuard([&] { qputenv("PGPASSWORD", password); });
    chooseServerHistory(panel, url, QString::fromUtf8(password), QString(), QString(), &offered);
    QVERIFY(finished.wait(30'000));
    QCOMPARE(offered, url); // the last one, offered
    QVERIFY2(status->text().startsWith(u"300 events."_s), qPrintable(status->text()));
    QCOMPARE(deliveries.secrets().secret(DeliveryService::serverPasswordName(url)),
             std::optional<QByteArray>(password));
    chooseServerHistory(panel, url, QString(), u"2026-11-01T04:00:00Z"_s, QString(), &offered);
    QVERIFY(finished.wait(30'000));
    QCOMPARE(panel.eventCount(), 60);
    QVERIFY2(status->text().startsWith(u"60 events."_s), qPrintable(status->text()));
    PostgresTestDatabase::drop(u"kanca_backtestpanel"_s);
}

// A server that cannot be reached: said with the server and why; the events read before stay,
// and run.
void TestBacktestPanel::aServerThatCannotBeReachedIsSaid()
{
    DeliveryService deliveries;
    BacktestPanel panel(*m_document, &deliveries);
    panel.resize(1200, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *status = panel.findChild<QLabel *>(u"backtestStatus"_s);
    QSignalSpy finished(&panel, &BacktestPanel::runFinished);
    panel.loadEventsFile(Examples + u"events.jsonl"_s);
    QVERIFY(finished.wait(30'000));
    QCOMPARE(panel.eventCount(), 5000);

    const QString away = u"postgresql://kanca@127.0.0.1:1/kanca"_s;
    QString offered;
    chooseServerHistory(panel, away, u"secret"_s, QString(), QString(), &offered);
    QVERIFY(finished.wait(30'000));
    // The server, its password masked, and why.
    QVERIFY2(status->text().contains(
                 u"Cannot open the database postgresql://kanca:***@127.0.0.1:1/kanca"_s),
             qPrintable(status->text()));
    QVERIFY2(status->text().contains(u"refused"_s, Qt::CaseInsensitive),
             qPrintable(status->text()));
    QVERIFY2(status->text().contains(u"The events chosen before are kept."_s),
             qPrintable(status->text()));
    QVERIFY(!status->text().contains(u"secret"_s));
    QCOMPARE(panel.eventCount(), 5000);
    QVERIFY(Settings::instance().serverHistoryUrl() != away);
    QVERIFY(!deliveries.secrets().secret(DeliveryService::serverPasswordName(away)));

    // Still usable: Run runs on the events kept.
    QTest::mouseClick(panel.findChild<QPushButton *>(u"backtestRunButton"_s), Qt::LeftButton);
    QVERIFY(finished.wait(30'000));
    QCOMPARE(panel.report().events, 5000);
    QVERIFY2(status->text().startsWith(QLocale().toString(5000) + u" events."_s),
             qPrintable(status->text()));
}

// The time typed as the command line's --since takes it; OK refused, with why, while it cannot be
// read or ends before it starts.
void TestBacktestPanel::theDialogChecksTheTime()
{
    ServerHistoryDialog dialog(u"postgresql://kanca@127.0.0.1:5432/kanca"_s, nullptr,
                               ServerHistoryDialog::Purpose::Backtest);
    dialog.show();
    auto *since = dialog.findChild<QLineEdit *>(u"serverHistorySince"_s);
    auto *until = dialog.findChild<QLineEdit *>(u"serverHistoryUntil"_s);
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(since && until && ok);
    QVERIFY(ok->isEnabled());
    QVERIFY(!dialog.since().isValid() && !dialog.until().isValid());
    auto *label = dialog.findChild<ProblemLabel *>();
    QVERIFY(label);
    const auto problem = [label] { return label->messages().join(u'\n'); };
    QTest::keyClicks(since, u"yesterday"_s);
    QVERIFY(!ok->isEnabled());
    QVERIFY2(problem().contains(u"not \"yesterday\""_s), qPrintable(problem()));
    since->clear();
    QTest::keyClicks(since, u"2026-11-02"_s);
    QTest::keyClicks(until, u"2026-11-01T12:00:00Z"_s);
    QVERIFY(!ok->isEnabled());
    QVERIFY2(problem().contains(u"must be later"_s), qPrintable(problem()));
    until->clear();
    QTest::keyClicks(until, u"2026-11-03"_s);
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog.since(), QDateTime(QDate(2026, 11, 2), QTime(0, 0), Qt::UTC));
    QCOMPARE(dialog.until(), QDateTime(QDate(2026, 11, 3), QTime(0, 0), Qt::UTC));
    until->clear();
    QTest::keyClicks(until, u"1d"_s);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(ok->isEnabled());
    QVERIFY(qAbs(dialog.until().secsTo(now.addDays(-1))) < 60);
}

QTEST_MAIN(TestBacktestPanel)
#include "tst_backtestpanel.moc"
