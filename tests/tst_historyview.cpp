// The history view over real SQLite files: the lazy model (QAbstractItemModelTester), the
// filters, the detail pane, Resend and Copy as cURL against a real HTTP server on 127.0.0.1, a
// live delivery appearing, and a generated history of a million attempts (figures printed).
// And a server's history on PostgreSQL, opened through File ▸ Open Server History… in the whole
// window (KANCA_TEST_PG_URL; see support/PostgresTestDatabase.h).
#include "HistoryDamage.h"
#include "HistoryGenerator.h"
#include "engine/DeliveryId.h"
#include "history/HistoryDatabase.h"
#include "history/HistoryDetailView.h"
#include "history/HistoryFilterBar.h"
#include "history/HistoryPanel.h"
#include "history/HistorySqlite.h"
#include "history/HistoryTableModel.h"
#include "http/HttpServer.h"
#include "outbox/OpenStorage.h"
#include "services/DeliveryService.h"
#include "settings/Settings.h"
#include "support/PostgresTestDatabase.h"
#include "window/Dialogs.h"
#include "window/MainWindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace Kanca;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Kanca::HistoryDamage::Shape)

namespace {

// The claim the tests add and record deliveries under, as an engine does.
const Kanca::Outbox::Claim TestClaim{QStringLiteral("test-claim"), 60'000};

constexpr int SmallDeliveries = 60;
constexpr qint64 MillionDeliveries = 1'000'000;

// The resident memory of this process, in MiB (Linux), or -1.
double residentMiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').constFirst().toDouble() / 1024.0;
    }
    return -1;
}

Delivery makeDelivery(const QString &url)
{
    Delivery d;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    d.id = newDeliveryId(now);
    d.createdAt = now;
    d.ruleSetName = u"Test"_s;
    d.ruleId = u"live-rule"_s;
    d.ruleName = u"Live rule"_s;
    d.eventId = u"evt_live"_s;
    d.eventType = u"chat.opened"_s;
    d.request.method = u"POST"_s;
    d.request.url = url;
    d.request.headers = {{u"Content-Type"_s, u"application/json"_s, false}};
    d.request.body = R"({"chat":{"id":"c1","visitor":"Ayşe"}})";
    d.auth.type = Auth::Type::Bearer;
    d.auth.secret.name = u"HOOK_TOKEN"_s;
    d.timeoutMs = 5000;
    d.retry = {2, 20, 100};
    d.nextAttemptAt = now;
    return d;
}

} // namespace

class TestHistoryView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void modelPassesTester();
    void newestFirstAndSortedByTimeOnly();
    void filtersNarrowTheRows();
    void selectingShowsAttempts();
    void liveDeliveryAppearsAndSelectionStays();
    void copyAsCurlKeepsSecretsMasked();
    void resendCreatesALinkedDeliveryThatIsDelivered();
    void truncatedBodiesAreNoted();
    void languageChangeRetranslatesHeaders();
    void millionAttempts();
    void damagedHistoryIsSaidNotShown_data();
    void damagedHistoryIsSaidNotShown();
    void damageMetWhileScrollingEmptiesTheList();
    void serverHistoryThroughTheMenu();
    void serverHistoryOpensFromAnEstimate();

private:
    bool openPanel(const QString &path);
    bool showsFailure(const QString &path) const;
    bool waitUntilLoaded(int timeoutMs = 10000);
    int rowOf(const QString &id) const;
    bool selectRow(int row);
    QString detailText() const;
    template<typename T>
    T *child(const QString &name) const
    {
        return m_panel ? m_panel->findChild<T *>(name) : nullptr;
    }

    QTemporaryDir m_bigDir;
    QString m_bigPath;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<HttpServer> m_server;
    QList<HttpRequest> m_received;
    std::unique_ptr<DeliveryService> m_service;
    std::unique_ptr<HistoryPanel> m_panel;
};

void TestHistoryView::initTestCase()
{
    qputenv("KANCA_SECRET_HOOK_TOKEN", "s3cr3t-t0ken");
    QVERIFY(m_bigDir.isValid());
    m_bigPath = m_bigDir.filePath(u"million.sqlite"_s);
    HistoryGenerator::Options options;
    options.deliveries = MillionDeliveries;
    options.attemptsPerDelivery = 1;
    QElapsedTimer timer;
    timer.start();
    QString error;
    QVERIFY2(HistoryGenerator::generate(m_bigPath, options, &error), qPrintable(error));
    qInfo("generated %lld deliveries with one attempt each in %lld ms (%.0f MiB)",
          MillionDeliveries, timer.elapsed(), double(QFileInfo(m_bigPath).size()) / 1048576.0);
}

void TestHistoryView::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(u"history.sqlite"_s);
    HistoryGenerator::Options options;
    options.deliveries = SmallDeliveries;
    options.attemptsPerDelivery = 2;
    options.newest = QDateTime::currentDateTimeUtc().addSecs(-60);
    options.pendingEvery = 7;
    QString error;
    QVERIFY2(HistoryGenerator::generate(m_path, options, &error), qPrintable(error));

    m_server = std::make_unique<HttpServer>();
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0, &error));
    m_received.clear();
    connect(m_server.get(), &HttpServer::requestReceived, this,
            [this](const HttpRequest &request) { m_received.append(request); });
}

void TestHistoryView::cleanup()
{
    m_panel.reset();
    m_service.reset();
    m_server.reset();
    m_dir.reset();
}

bool TestHistoryView::openPanel(const QString &path)
{
    m_service = std::make_unique<DeliveryService>();
    QString error;
    if (!m_service->open(path, &error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    m_panel = std::make_unique<HistoryPanel>(m_service.get());
    m_panel->resize(1200, 800);
    m_panel->show();
    return QTest::qWaitForWindowExposed(m_panel.get());
}

// Waits until the count and every page asked for have arrived, and the rows in view are read.
bool TestHistoryView::waitUntilLoaded(int timeoutMs)
{
    HistoryTableModel *model = m_panel->model();
    QTableView *table = m_panel->table();
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (!model->isLoading()) {
            const int first = table->rowAt(0);
            const int last = table->rowAt(table->viewport()->height() - 1);
            bool all = true;
            for (int row = qMax(0, first); row >= 0 && row <= (last < 0 ? first : last); ++row)
                all = all && model->index(row, 0).data(HistoryTableModel::LoadedRole).toBool();
            if (all)
                return true;
        }
        QTest::qWait(5);
    }
    return false;
}

int TestHistoryView::rowOf(const QString &id) const
{
    HistoryTableModel *model = m_panel->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(HistoryTableModel::DeliveryIdRole).toString() == id)
            return row;
    }
    return -1;
}

bool TestHistoryView::selectRow(int row)
{
    QTableView *table = m_panel->table();
    const QModelIndex index = m_panel->model()->index(row, HistoryTableModel::StatusColumn);
    table->scrollTo(index);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
    return table->currentIndex().row() == row;
}

QString TestHistoryView::detailText() const
{
    auto *detail = child<HistoryDetailView>(u"historyDetail"_s);
    return detail ? detail->toPlainText() : QString();
}

void TestHistoryView::modelPassesTester()
{
    QVERIFY(openPanel(m_path));
    HistoryTableModel *model = m_panel->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(model->rowCount(), SmallDeliveries);
    QVERIFY(waitUntilLoaded());
    QCOMPARE(model->columnCount(), int(HistoryTableModel::ColumnCount));

    // Filters reset the model; new deliveries are inserted; both under the tester's eyes.
    HistoryFilter failed;
    failed.status = DeliveryStatus::Failed;
    model->setFilter(failed);
    QTRY_COMPARE(model->rowCount(), int(m_service->history().countDeliveries(failed)));
    model->setFilter({});
    QTRY_COMPARE(model->rowCount(), SmallDeliveries);

    HistoryDatabase writer;
    QString error;
    QVERIFY2(writer.open(m_path, &error), qPrintable(error));
    Delivery fresh = makeDelivery(u"http://127.0.0.1:9/nowhere"_s);
    fresh.status = DeliveryStatus::Failed;
    QVERIFY2(writer.insertDeliveries({fresh}, &TestClaim, &error), qPrintable(error));
    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
    model->refresh();
    QTRY_COMPARE(model->rowCount(), SmallDeliveries + 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QTRY_COMPARE(model->index(0, HistoryTableModel::IdColumn).data().toString(), fresh.id);
    QVERIFY(waitUntilLoaded());

    // Another process writing (no historyChanged): seen by the model's poll.
    Delivery other = makeDelivery(u"http://127.0.0.1:9/elsewhere"_s);
    other.status = DeliveryStatus::Failed;
    QVERIFY2(writer.insertDeliveries({other}, &TestClaim, &error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), SmallDeliveries + 2,
                              4 * HistoryTableModel::PollIntervalMs);
    QTRY_COMPARE(model->index(0, HistoryTableModel::IdColumn).data().toString(), other.id);
    QVERIFY(waitUntilLoaded());
}

void TestHistoryView::newestFirstAndSortedByTimeOnly()
{
    QVERIFY(openPanel(m_path));
    HistoryTableModel *model = m_panel->model();
    QTRY_COMPARE(model->rowCount(), SmallDeliveries);
    QVERIFY(waitUntilLoaded());
    const auto id = [&](int row) {
        return model->index(row, HistoryTableModel::IdColumn).data().toString();
    };
    QCOMPARE(id(0), u"msg_%1"_s.arg(SmallDeliveries - 1, 26, 10, QChar(u'0')));
    for (int row = 1; row < SmallDeliveries; ++row) {
        QTRY_VERIFY(!id(row).isEmpty());
        QVERIFY2(id(row - 1) > id(row), qPrintable(id(row)));
    }

    // A click on another column's header does not sort; on Time it reverses the order.
    QHeaderView *header = m_panel->table()->horizontalHeader();
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                      QPoint(header->sectionViewportPosition(HistoryTableModel::UrlColumn) + 5,
                             header->height() / 2));
    QCOMPARE(header->sortIndicatorSection(), int(HistoryTableModel::TimeColumn));
    QCOMPARE(model->filter().order, Qt::DescendingOrder);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                      QPoint(header->sectionViewportPosition(HistoryTableModel::TimeColumn) + 5,
                             header->height() / 2));
    QTRY_COMPARE(id(0), u"msg_%1"_s.arg(0, 26, 10, QChar(u'0')));
    QCOMPARE(model->filter().order, Qt::AscendingOrder);
    QCOMPARE(model->rowCount(), SmallDeliveries);
}

void TestHistoryView::filtersNarrowTheRows()
{
    QVERIFY(openPanel(m_path));
    HistoryTableModel *model = m_panel->model();
    HistoryDatabase &history = m_service->history();
    QTRY_COMPARE(model->rowCount(), SmallDeliveries);
    const auto expected = [&](const HistoryFilter &filter) {
        return int(history.countDeliveries(filter));
    };
    const auto allRowsSay = [&](int column, const QString &text) {
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString shown = model->index(row, column).data().toString();
            if (!shown.contains(text)) {
                qWarning("row %d shows %s", row, qPrintable(shown));
                return false;
            }
        }
        return true;
    };

    auto *status = child<QComboBox>(u"historyFilterStatus"_s);
    QVERIFY(status);
    HistoryFilter failed;
    failed.status = DeliveryStatus::Failed;
    const int failedCount = expected(failed);
    QVERIFY(failedCount > 0 && failedCount < SmallDeliveries);
    status->setCurrentIndex(status->findText(u"Failed"_s));
    QTRY_COMPARE(model->rowCount(), failedCount);
    QVERIFY(waitUntilLoaded());
    QVERIFY(allRowsSay(HistoryTableModel::StatusColumn, u"Failed"_s));
    status->setCurrentIndex(status->findText(u"Pending"_s));
    HistoryFilter pending;
    pending.status = DeliveryStatus::Pending;
    QTRY_COMPARE(model->rowCount(), expected(pending));
    QVERIFY(expected(pending) > 0);
    status->setCurrentIndex(0);
    QTRY_COMPARE(model->rowCount(), SmallDeliveries);

    // The rule combo offers the rules found in the history.
    auto *rule = child<QComboBox>(u"historyFilterRule"_s);
    QVERIFY(rule);
    QTRY_COMPARE(rule->count(), 1 + int(HistoryGenerator::ruleIds().size()));
    rule->setCurrentIndex(rule->findData(u"vip-to-slack"_s));
    HistoryFilter vip;
    vip.ruleId = u"vip-to-slack"_s;
    QTRY_COMPARE(model->rowCount(), expected(vip));
    QVERIFY(waitUntilLoaded());
    QVERIFY(allRowsSay(HistoryTableModel::RuleColumn, u"VIP to Slack"_s));
    // Rule and status together.
    status->setCurrentIndex(status->findText(u"Succeeded"_s));
    vip.status = DeliveryStatus::Succeeded;
    QTRY_COMPARE(model->rowCount(), expected(vip));
    rule->setCurrentIndex(0);
    status->setCurrentIndex(0);
    QTRY_COMPARE(model->rowCount(), SmallDeliveries);

    // Text: typed, found in the URL (or rule, event, error); % is literal.
    auto *text = child<QLineEdit>(u"historyFilterText"_s);
    QVERIFY(text);
    QTest::keyClicks(text, u"fatura"_s);
    HistoryFilter fatura;
    fatura.text = u"fatura"_s;
    QVERIFY(expected(fatura) > 0 && expected(fatura) < SmallDeliveries);
    QTRY_COMPARE(model->rowCount(), expected(fatura));
    QVERIFY(waitUntilLoaded());
    QVERIFY(allRowsSay(HistoryTableModel::UrlColumn, u"fatura"_s));
    text->setText(u"Connection refused"_s);
    HistoryFilter refused;
    refused.text = u"Connection refused"_s;
    QTRY_COMPARE(model->rowCount(), expected(refused));
    text->setText(u"100%"_s);
    QTRY_COMPARE(model->rowCount(), 0);
    text->clear();
    QTRY_COMPARE(model->rowCount(), SmallDeliveries);

    // Time: the last 7 days of a history spread over 30, then a custom range.
    auto *period = child<QComboBox>(u"historyFilterPeriod"_s);
    QVERIFY(period);
    period->setCurrentIndex(int(HistoryFilterBar::Period::LastSevenDays));
    HistoryFilter week;
    week.from = QDateTime::currentDateTime().addDays(-7);
    QTRY_COMPARE(model->rowCount(), expected(week));
    QVERIFY(model->rowCount() > 0 && model->rowCount() < SmallDeliveries);
    period->setCurrentIndex(int(HistoryFilterBar::Period::Custom));
    auto *from = child<QDateTimeEdit>(u"historyFilterFrom"_s);
    auto *to = child<QDateTimeEdit>(u"historyFilterTo"_s);
    QVERIFY(from && to && from->isVisible() && to->isVisible());
    HistoryFilter range;
    range.from = QDateTime::currentDateTime().addDays(-20);
    range.to = QDateTime::currentDateTime().addDays(-10);
    from->setDateTime(range.from);
    to->setDateTime(range.to);
    range.from = from->dateTime(); // as the edit keeps it (to the minute)
    range.to = to->dateTime();
    QTRY_COMPARE(model->rowCount(), expected(range));
    QVERIFY(model->rowCount() > 0);
    period->setCurrentIndex(int(HistoryFilterBar::Period::All));
    QTRY_COMPARE(model->rowCount(), SmallDeliveries);
}

void TestHistoryView::selectingShowsAttempts()
{
    QVERIFY(openPanel(m_path));
    HistoryTableModel *model = m_panel->model();
    QTRY_COMPARE(model->rowCount(), SmallDeliveries);
    QVERIFY(waitUntilLoaded());
    QVERIFY(!m_panel->resendAction()->isEnabled());
    QVERIFY(!m_panel->copyCurlAction()->isEnabled());

    // msg_…056: vip-to-slack (56 % 8 == 0), succeeded after a 503.
    const QString id = u"msg_%1"_s.arg(56, 26, 10, QChar(u'0'));
    const int row = rowOf(id);
    QVERIFY(row >= 0);
    QVERIFY(selectRow(row));
    QTRY_COMPARE(m_panel->selectedDeliveryId(), id);
    QVERIFY(m_panel->resendAction()->isEnabled());
    const QString text = detailText();
    for (const QString &expected :
         {id, u"VIP to Slack (vip-to-slack)"_s, u"Attempt 1 of 2"_s, u"Attempt 2 of 2"_s,
          u"POST https://hooks.slack.example/services/T0KANCA/B0VIP/x7Yq"_s,
          u"Authorization: Bearer ********"_s, u"\"type\": \"contact.tagged\""_s, u"HTTP 503"_s,
          u"\"error\": \"busy, try again\""_s, u"HTTP 200"_s, u"\"ok\": true"_s,
          u"retried after %1 ms"_s.arg(QLocale().toString(1000)), u"Server: nginx"_s}) {
        QVERIFY2(text.contains(expected), qPrintable(expected + u" not in:\n"_s + text));
    }
    auto *attempt = child<QComboBox>(u"historyAttempt"_s);
    QVERIFY(attempt);
    QCOMPARE(attempt->count(), 2);
    QCOMPARE(attempt->currentIndex(), 1);

    // A failed delivery without an answer shows the error; a pending one its stored request.
    const int refused = rowOf(u"msg_%1"_s.arg(33, 26, 10, QChar(u'0')));
    QVERIFY(selectRow(refused));
    QTRY_VERIFY(detailText().contains(u"Connection refused by crm.example.com"_s));
    const int pending = rowOf(u"msg_%1"_s.arg(6, 26, 10, QChar(u'0')));
    QVERIFY(selectRow(pending));
    QTRY_VERIFY(detailText().contains(u"No attempt yet"_s));
    QCOMPARE(attempt->count(), 1);
}

void TestHistoryView::liveDeliveryAppearsAndSelectionStays()
{
    QVERIFY(openPanel(m_path));
    HistoryTableModel *model = m_panel->model();
    QTRY_COMPARE(model->rowCount(), SmallDeliveries);
    QVERIFY(waitUntilLoaded());
    const QString selected = u"msg_%1"_s.arg(50, 26, 10, QChar(u'0'));
    QVERIFY(selectRow(rowOf(selected)));
    QTRY_COMPARE(m_panel->selectedDeliveryId(), selected);
    const int selectedRow = m_panel->table()->currentIndex().row();

    const Delivery live = makeDelivery(m_server->url() + u"/hooks/live"_s);
    QString error;
    QVERIFY2(m_service->engine().submit({live}, &error), qPrintable(error));
    QTRY_COMPARE(m_received.size(), 1);
    QTRY_COMPARE(model->rowCount(), SmallDeliveries + 1);
    QTRY_COMPARE(model->index(0, HistoryTableModel::IdColumn).data().toString(), live.id);
    QTRY_COMPARE(model->index(0, HistoryTableModel::StatusColumn).data().toString(),
                 u"Succeeded"_s);
    QCOMPARE(model->index(0, HistoryTableModel::HttpColumn).data().toInt(), 200);
    QCOMPARE(model->index(0, HistoryTableModel::RuleColumn).data().toString(), u"Live rule"_s);
    // The selection moved down with its delivery.
    QCOMPARE(m_panel->table()->currentIndex().row(), selectedRow + 1);
    QCOMPARE(m_panel->selectedDeliveryId(), selected);
    QCOMPARE(m_panel->table()->currentIndex().data(HistoryTableModel::DeliveryIdRole).toString(),
             selected);
}

void TestHistoryView::copyAsCurlKeepsSecretsMasked()
{
    QVERIFY(openPanel(m_path));
    HistoryTableModel *model = m_panel->model();
    QTRY_COMPARE(model->rowCount(), SmallDeliveries);
    const Delivery live = makeDelivery(m_server->url() + u"/hooks/curl"_s);
    QString error;
    QVERIFY2(m_service->engine().submit({live}, &error), qPrintable(error));
    QTRY_COMPARE(m_received.size(), 1);
    // The server got the real token; the history and the copy only the masked one.
    QCOMPARE(m_received.first().header("Authorization"), QByteArray("Bearer s3cr3t-t0ken"));
    QTRY_COMPARE(model->index(0, HistoryTableModel::IdColumn).data().toString(), live.id);
    QTRY_COMPARE(model->index(0, HistoryTableModel::StatusColumn).data().toString(),
                 u"Succeeded"_s);
    QVERIFY(selectRow(0));
    QTRY_COMPARE(m_panel->selectedDeliveryId(), live.id);
    QVERIFY(m_panel->copyCurlAction()->toolTip().contains(u"masked"_s));

    QApplication::clipboard()->clear();
    auto *button = child<QToolButton>(u"historyCopyCurl"_s);
    QVERIFY(button && button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    const QString curl = QApplication::clipboard()->text();
    QVERIFY2(curl.startsWith(u"curl "_s), qPrintable(curl));
    QVERIFY2(curl.contains(u"'Authorization: Bearer ********'"_s), qPrintable(curl));
    QVERIFY2(curl.contains(m_server->url() + u"/hooks/curl"_s), qPrintable(curl));
    QVERIFY2(curl.contains(u"--data-binary"_s), qPrintable(curl));
    QVERIFY(!curl.contains(u"s3cr3t"_s));
    QVERIFY(!detailText().contains(u"s3cr3t"_s));
}

void TestHistoryView::resendCreatesALinkedDeliveryThatIsDelivered()
{
    QVERIFY(openPanel(m_path));
    HistoryTableModel *model = m_panel->model();
    QTRY_COMPARE(model->rowCount(), SmallDeliveries);
    // The original fails (500, then 500 again: no attempts left); the resend gets 200.
    int answers = 0;
    m_server->setHandler([&answers](const HttpRequest &, HttpResponder responder) {
        responder.respond(++answers <= 2 ? 500 : 200, {}, "{\"n\":1}");
    });
    const Delivery original = makeDelivery(m_server->url() + u"/hooks/resend"_s);
    QString error;
    QVERIFY2(m_service->engine().submit({original}, &error), qPrintable(error));
    QTRY_COMPARE(model->index(0, HistoryTableModel::IdColumn).data().toString(), original.id);
    QTRY_COMPARE(model->index(0, HistoryTableModel::StatusColumn).data().toString(), u"Failed"_s);
    QVERIFY(selectRow(0));
    QTRY_COMPARE(m_panel->selectedDeliveryId(), original.id);

    QSignalSpy resent(m_panel.get(), &HistoryPanel::resent);
    auto *button = child<QToolButton>(u"historyResend"_s);
    QVERIFY(button && button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(resent.size(), 1);
    QCOMPARE(resent.first().at(0).toString(), original.id);
    const QString newId = resent.first().at(1).toString();
    QVERIFY(newId != original.id && newId.startsWith(u"msg_"_s));

    const std::optional<Delivery> stored = m_service->history().delivery(newId);
    QVERIFY(stored);
    QCOMPARE(stored->resendOf, original.id);
    QCOMPARE(stored->request, original.request);
    QTRY_COMPARE(m_received.size(), 3);
    QCOMPARE(m_received.last().path, u"/hooks/resend"_s);
    QCOMPARE(m_received.last().header("Authorization"), QByteArray("Bearer s3cr3t-t0ken"));
    QTRY_COMPARE(m_service->history().delivery(newId)->status, DeliveryStatus::Succeeded);
    QCOMPARE(m_service->history().delivery(original.id)->status, DeliveryStatus::Failed);

    // The new delivery shows at the top, is selected, and says what it sends again.
    QTRY_COMPARE(m_panel->selectedDeliveryId(), newId);
    QCOMPARE(model->index(0, HistoryTableModel::IdColumn).data().toString(), newId);
    QTRY_COMPARE(model->index(0, HistoryTableModel::StatusColumn).data().toString(),
                 u"Succeeded"_s);
    QTRY_VERIFY(detailText().contains(original.id));
    QTRY_VERIFY(detailText().contains(u"HTTP 200"_s));
}

void TestHistoryView::truncatedBodiesAreNoted()
{
    QVERIFY(openPanel(m_path));
    HistoryTableModel *model = m_panel->model();
    QTRY_COMPARE(model->rowCount(), SmallDeliveries);
    const QByteArray big(300 * 1024, 'x');
    m_server->setHandler(
        [&big](const HttpRequest &, HttpResponder responder) { responder.respond(200, {}, big); });
    const Delivery live = makeDelivery(m_server->url() + u"/hooks/big"_s);
    QString error;
    QVERIFY2(m_service->engine().submit({live}, &error), qPrintable(error));
    QTRY_COMPARE(model->index(0, HistoryTableModel::IdColumn).data().toString(), live.id);
    QTRY_COMPARE(model->index(0, HistoryTableModel::StatusColumn).data().toString(),
                 u"Succeeded"_s);
    QVERIFY(selectRow(0));
    QTRY_COMPARE(m_panel->selectedDeliveryId(), live.id);
    const QString note = u"Truncated at 256 KiB: the body received had %1 bytes."_s.arg(
        QLocale().toString(qint64(big.size())));
    QVERIFY2(detailText().contains(note), qPrintable(detailText().right(300)));
}

void TestHistoryView::languageChangeRetranslatesHeaders()
{
    QVERIFY(openPanel(m_path));
    HistoryTableModel *model = m_panel->model();
    QTRY_COMPARE(model->rowCount(), SmallDeliveries);
    QSignalSpy headers(model, &QAbstractItemModel::headerDataChanged);
    QEvent change(QEvent::LanguageChange);
    QCoreApplication::sendEvent(m_panel.get(), &change);
    QCOMPARE(headers.size(), 1);
    QCOMPARE(headers.first().at(0).value<Qt::Orientation>(), Qt::Horizontal);
    QCOMPARE(headers.first().at(2).toInt(), HistoryTableModel::ColumnCount - 1);
    QCOMPARE(model->headerData(HistoryTableModel::TimeColumn, Qt::Horizontal).toString(),
             u"Time"_s);
    QVERIFY(!m_panel->table()->accessibleName().isEmpty());
    QVERIFY(!child<QLineEdit>(u"historyFilterText"_s)->accessibleName().isEmpty());
}

// The failure is shown in place of the list, naming the file and the damage; no row is shown.
bool TestHistoryView::showsFailure(const QString &path) const
{
    auto *failure = child<QLabel>(u"historyFailure"_s);
    if (!failure || !failure->isVisible() || m_panel->table()->isVisible()
        || m_panel->model()->rowCount() != 0) {
        return false;
    }
    const QString text = failure->text();
    if (!text.contains(QDir::toNativeSeparators(path))
        || !text.contains(u"the file is damaged"_s)) {
        qWarning("the failure says: %s", qPrintable(text));
        return false;
    }
    return true;
}

void TestHistoryView::damagedHistoryIsSaidNotShown_data()
{
    QTest::addColumn<HistoryDamage::Shape>("shape");
    for (const HistoryDamage::Shape shape : HistoryDamage::shapes())
        QTest::newRow(qPrintable(HistoryDamage::name(shape))) << shape;
}

// A history of 500 deliveries, damaged before the designer opens it: whether the service can
// open it or not, the panel says that the file is damaged and lists no delivery.
void TestHistoryView::damagedHistoryIsSaidNotShown()
{
    QFETCH(HistoryDamage::Shape, shape);
    const QString path = m_dir->filePath(u"damaged.sqlite"_s);
    HistoryGenerator::Options options;
    options.deliveries = 500;
    options.attemptsPerDelivery = 2;
    QString error;
    QVERIFY2(HistoryGenerator::generate(path, options, &error), qPrintable(error));
    QVERIFY2(HistoryDamage::damage(path, shape, &error), qPrintable(error));

    m_service = std::make_unique<DeliveryService>();
    const bool opened = m_service->open(path, &error);
    m_panel = std::make_unique<HistoryPanel>(m_service.get());
    m_panel->resize(1200, 800);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    QTRY_VERIFY(showsFailure(path));
    if (!opened)
        QVERIFY(child<QLabel>(u"historyFailure"_s)->text().contains(error));
    QVERIFY(child<QLabel>(u"historyCount"_s)->text().isEmpty());
    QVERIFY(!m_panel->resendAction()->isEnabled());
    // It stays so: a refresh does not piece a list together from what still reads.
    m_panel->model()->refresh();
    QTest::qWait(2 * HistoryTableModel::RefreshDelayMs);
    QVERIFY(showsFailure(path));
}

// A history too large to be checked whole on opening (20,000 deliveries, 35 MiB), whole when
// the panel opened it and damaged while it is shown (a failing disk): scrolling to rows never
// read meets the damage, and the list goes rather than show the rows before it.
void TestHistoryView::damageMetWhileScrollingEmptiesTheList()
{
    const QString path = m_dir->filePath(u"failing.sqlite"_s);
    HistoryGenerator::Options options;
    options.deliveries = 20'000;
    QString error;
    QVERIFY2(HistoryGenerator::generate(path, options, &error), qPrintable(error));
    QVERIFY(QFileInfo(path).size() > HistorySqlite::QuickCheckMaxBytes);
    QVERIFY(openPanel(path));
    HistoryTableModel *model = m_panel->model();
    QTRY_COMPARE(model->rowCount(), 20'000);
    QVERIFY(waitUntilLoaded());
    QVERIFY(m_panel->table()->isVisible());

    // The oldest deliveries' rows: the first pages after the tables' and indexes' first pages
    // (1 to 10). The view has read only the newest.
    QVERIFY2(HistoryDamage::garbageAtPage(path, 11, &error), qPrintable(error));
    QSignalSpy failed(model, &HistoryTableModel::readFailed);
    m_panel->table()->scrollToBottom();
    QTRY_COMPARE(failed.size(), 1);
    QTRY_VERIFY(showsFailure(path));
    QCOMPARE(model->failure(), failed.first().at(0).toString());
}

// A million deliveries of one attempt each: open, count, scroll to the end, jump around.
// Figures are printed, not asserted: this machine's load decides them.
namespace {

// Answers the Open Server History dialog once it shows: types `url` and `password` (as a person
// would) and presses OK.
void answerServerHistoryDialog(const QString &url, const QString &password)
{
    QTimer::singleShot(0, [url, password] {
        QWidget *dialog = QApplication::activeModalWidget();
        QVERIFY(dialog && dialog->objectName() == u"serverHistoryDialog"_s);
        auto *urlField = dialog->findChild<QLineEdit *>(u"serverHistoryUrl"_s);
        auto *passwordField = dialog->findChild<QLineEdit *>(u"serverHistoryPassword"_s);
        QVERIFY(urlField && passwordField);
        urlField->selectAll();
        QTest::keyClick(urlField, Qt::Key_Delete);
        QTest::keyClicks(urlField, url);
        QTest::keyClicks(passwordField, password);
        QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
    });
}

} // namespace

// File ▸ Open Server History…: the URL typed in the dialog, the password too (kept in the
// keychain, not in the settings); the server's deliveries in the History panel; Resend queues a
// delivery in the server's outbox; back to the local history; a server that cannot be reached is
// said, and the panel keeps the history it showed.
void TestHistoryView::serverHistoryThroughTheMenu()
{
    KANCA_POSTGRES_DATABASE(url, u"kanca_historyview"_s);
    constexpr int ServerDeliveries = 30;
    QString error;
    {
        std::unique_ptr<OutboxStorage> server = OpenStorage::open(url, {}, &error);
        QVERIFY2(server, qPrintable(error));
        QList<Delivery> deliveries;
        for (int i = 0; i < ServerDeliveries; ++i) {
            Delivery d = makeDelivery(m_server->url() + u"/server/"_s + QString::number(i));
            d.ruleId = u"server-rule"_s;
            d.status = i % 10 == 0 ? DeliveryStatus::Failed : DeliveryStatus::Succeeded;
            d.lastError = i % 10 == 0 ? u"HTTP 503"_s : QString();
            d.attemptCount = 1;
            deliveries.append(d);
        }
        QVERIFY2(server->insertDeliveries(deliveries, nullptr, &error), qPrintable(error));
    }
    // The password typed is the one used: libpq's own is taken away meanwhile.
    const QByteArray password = qgetenv("PGPASSWORD");
    QVERIFY2(!password.isEmpty(), "the test cluster has a password (PGPASSWORD)");
    qunsetenv("PGPASSWORD");
    const auto restore = qScopeGuard([&] { qputenv("PGPASSWORD", password); });

    QStandardPaths::setTestModeEnabled(true);
    Dialogs::setRecordOnly(true);
    Settings::useTemporaryFile(m_dir->filePath(u"settings.ini"_s));
    MainWindow window;
    window.openHistory(m_path);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *panel = window.findChild<HistoryPanel *>(u"historyPanel"_s);
    QVERIFY(panel);
    HistoryTableModel *model = panel->model();
    QTRY_COMPARE(model->rowCount(), SmallDeliveries);

    // Through the File menu.
    QAction *open = window.findChild<QAction *>(u"actionOpenServerHistory"_s);
    QVERIFY(open);
    QMenu *file = window.menuBar()->actions().constFirst()->menu();
    QVERIFY(file && file->actions().contains(open));
    // The password written in the URL, as people paste one: used, kept in the keychain, and
    // taken out of the URL that is remembered and shown.
    QString withPassword = url;
    withPassword.replace(u"://kanca@"_s, u"://kanca:"_s + QString::fromUtf8(password) + u'@');
    QVERIFY(withPassword != url);
    answerServerHistoryDialog(withPassword, QString());
    open->trigger();
    QVERIFY2(Dialogs::lastMessage().isEmpty(), qPrintable(Dialogs::lastMessage()));
    QTRY_COMPARE(model->rowCount(), ServerDeliveries);
    QTRY_VERIFY(model->index(0, 0).data(HistoryTableModel::LoadedRole).toBool());
    QCOMPARE(model->index(0, HistoryTableModel::RuleColumn).data().toString(), u"Live rule"_s);
    auto *source = panel->findChild<QLabel *>(u"historySource"_s);
    QVERIFY(source && source->isVisible());
    QVERIFY2(source->text().contains(url), qPrintable(source->text()));
    QVERIFY(!source->text().contains(QString::fromUtf8(password)));
    // The URL is remembered without the password, which the keychain (or, with none on this
    // machine, the session) keeps.
    QCOMPARE(Settings::instance().serverHistoryUrl(), url);
    QCOMPARE(window.deliveries()->secrets().secret(DeliveryService::serverPasswordName(url)),
             std::optional<QByteArray>(password));

    // The failed ones, and Resend: queued in the server's outbox, for the servers to send.
    auto *status = panel->findChild<QComboBox *>(u"historyFilterStatus"_s);
    QVERIFY(status);
    status->setCurrentIndex(status->findText(u"Failed"_s));
    QTRY_COMPARE(model->rowCount(), ServerDeliveries / 10);
    QTRY_VERIFY(model->index(0, 0).data(HistoryTableModel::LoadedRole).toBool());
    QTableView *table = panel->table();
    const QModelIndex first = model->index(0, HistoryTableModel::StatusColumn);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(first).center());
    const QString original = first.data(HistoryTableModel::DeliveryIdRole).toString();
    QTRY_COMPARE(panel->selectedDeliveryId(), original);
    QSignalSpy resent(panel, &HistoryPanel::resent);
    auto *resend = panel->findChild<QToolButton *>(u"historyResend"_s);
    QVERIFY(resend && resend->isEnabled());
    QTest::mouseClick(resend, Qt::LeftButton);
    QCOMPARE(resent.size(), 1);
    const QString copy = resent.first().at(1).toString();
    auto *message = panel->findChild<QLabel *>(u"historyMessage"_s);
    QVERIFY2(message->text().contains(u"Queued again as "_s + copy), qPrintable(message->text()));
    {
        std::unique_ptr<OutboxStorage> server = OpenStorage::open(withPassword, {}, &error);
        QVERIFY2(server, qPrintable(error));
        const std::optional<Delivery> queued = server->delivery(copy, &error);
        QVERIFY2(queued, qPrintable(error));
        QCOMPARE(queued->resendOf, original);
        QCOMPARE(queued->status, DeliveryStatus::Pending);
    }
    QTRY_VERIFY(m_received.isEmpty()); // the designer sent nothing itself
    status->setCurrentIndex(0);        // every status
    QTRY_COMPARE(model->rowCount(), ServerDeliveries + 1);

    // Back to the local history.
    auto *local = panel->findChild<QToolButton *>(u"historyShowLocal"_s);
    QVERIFY(local && local->isVisible());
    QTest::mouseClick(local, Qt::LeftButton);
    QTRY_COMPARE(model->rowCount(), SmallDeliveries);
    QVERIFY(!source->isVisible());

    // A server that cannot be reached: said why; the local history stays shown.
    answerServerHistoryDialog(u"postgresql://kanca@127.0.0.1:1/kanca"_s, QString());
    open->trigger();
    QVERIFY2(Dialogs::lastMessage().contains(u"cannot be opened"_s),
             qPrintable(Dialogs::lastMessage()));
    QVERIFY2(Dialogs::lastMessage().contains(u"refused"_s, Qt::CaseInsensitive),
             qPrintable(Dialogs::lastMessage()));
    QCOMPARE(model->rowCount(), SmallDeliveries);
    QVERIFY(!source->isVisible());
    QVERIFY(model->failure().isEmpty());
}

// A server's history whose statistics say fewer deliveries than there are (never analysed: no
// statistics at all), opened through File ▸ Open Server History… as a person would: the first
// rows at once with "about …" where the number of deliveries is shown, and the view scrolled to
// the estimated end; deliveries arriving meanwhile; the exact number a moment later, the new
// deliveries on top and the rows past the estimated end there to scroll to. Then statistics that
// say more than there is (ANALYZE, then the older half deleted): the rows past the real end go,
// and the last row is the oldest delivery left.
void TestHistoryView::serverHistoryOpensFromAnEstimate()
{
    KANCA_POSTGRES_DATABASE(url, u"kanca_historyview_estimate"_s);
    const int total = 3 * int(HistoryReader::EstimateAbove);
    constexpr int Arriving = 5;
    const QDateTime base = QDateTime::currentDateTimeUtc().addDays(-1);
    const auto idOf = [](int i) { return u"est_%1"_s.arg(i, 6, 10, QChar(u'0')); };
    const auto deliveriesFrom = [&](int from, int count) {
        QList<Delivery> deliveries;
        for (int i = from; i < from + count; ++i) {
            Delivery d = makeDelivery(m_server->url() + u"/estimate"_s);
            d.id = idOf(i);
            d.createdAt = base.addMSecs(qint64(i) * 10);
            d.status = DeliveryStatus::Succeeded;
            d.attemptCount = 1;
            deliveries.append(d);
        }
        return deliveries;
    };
    QString error;
    std::unique_ptr<OutboxStorage> server = OpenStorage::open(url, {}, &error);
    QVERIFY2(server, qPrintable(error));
    // No autovacuum: the table's statistics are the test's to set.
    QVERIFY2(PostgresTestDatabase::exec(
                 url, {u"ALTER TABLE deliveries SET (autovacuum_enabled = false)"_s}, &error),
             qPrintable(error));
    QVERIFY2(server->insertDeliveries(deliveriesFrom(0, total), nullptr, &error),
             qPrintable(error));

    QStandardPaths::setTestModeEnabled(true);
    Dialogs::setRecordOnly(true);
    Settings::useTemporaryFile(m_dir->filePath(u"settings.ini"_s));
    MainWindow window;
    window.openHistory(m_path);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *panel = window.findChild<HistoryPanel *>(u"historyPanel"_s);
    QVERIFY(panel);
    HistoryTableModel *model = panel->model();
    QTableView *table = panel->table();
    auto *count = panel->findChild<QLabel *>(u"historyCount"_s);
    QVERIFY(count);
    QTRY_COMPARE(model->rowCount(), SmallDeliveries);
    // Rows inserted and removed at either end, under the tester's eyes.
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    // What the panel says each time a count is shown.
    struct Shown
    {
        bool estimated;
        int rows;
        QString label;
    };
    QList<Shown> shown;
    bool arrived = false;
    QString arrivalError;
    const QMetaObject::Connection watching = connect(model, &HistoryTableModel::counted, this, [&] {
        shown.append({model->isEstimated(), model->rowCount(), count->text()});
        if (!model->isEstimated() || arrived)
            return;
        // While the exact count is on its way: deliveries arrive, and the person scrolls to
        // the end of what is shown.
        arrived = true;
        if (!server->insertDeliveries(deliveriesFrom(total, Arriving), nullptr, &arrivalError))
            return;
        table->scrollToBottom();
    });
    const auto stopWatching = qScopeGuard([&] { disconnect(watching); });
    // "about 1,000 deliveries" (the plural is the translation's; none is loaded here).
    const auto about = [](int rows) { return u"about %1 deliver"_s.arg(QLocale().toString(rows)); };
    const auto exactly = [](int rows) { return u"%1 deliver"_s.arg(QLocale().toString(rows)); };

    answerServerHistoryDialog(url, QString::fromUtf8(qgetenv("PGPASSWORD")));
    window.findChild<QAction *>(u"actionOpenServerHistory"_s)->trigger();
    // Opened (the last message may be an earlier test's: it is kept in record-only mode).
    auto *source = panel->findChild<QLabel *>(u"historySource"_s);
    QVERIFY(source);
    QTRY_VERIFY2(source->isVisible() && source->text().contains(url),
                 qPrintable(Dialogs::lastMessage()));
    QTRY_VERIFY_WITH_TIMEOUT(!model->isEstimated() && model->rowCount() == total + Arriving, 20000);
    QVERIFY2(arrivalError.isEmpty(), qPrintable(arrivalError));
    QVERIFY(arrived);
    // The statistics had nothing to say: the rows found, EstimateAbove of them.
    QVERIFY(!shown.isEmpty());
    const Shown first = shown.first();
    QVERIFY(first.estimated);
    QCOMPARE(first.rows, int(HistoryReader::EstimateAbove));
    QVERIFY2(first.label.startsWith(about(first.rows)), qPrintable(first.label));
    QVERIFY(!shown.last().estimated);
    QCOMPARE(shown.last().rows, total + Arriving);
    QVERIFY2(count->text().startsWith(exactly(total + Arriving)), qPrintable(count->text()));
    QVERIFY(!count->text().contains(u"about"_s));

    // The new deliveries on top; the rows past the estimated end, each in its place; the oldest
    // at the end.
    QTRY_COMPARE(model->index(0, HistoryTableModel::IdColumn).data().toString(),
                 idOf(total + Arriving - 1));
    for (const int row : {first.rows - 1, first.rows, first.rows + 1, 2 * first.rows}) {
        table->scrollTo(model->index(row, 0));
        QTRY_COMPARE(model->index(row, HistoryTableModel::IdColumn).data().toString(),
                     idOf(total + Arriving - 1 - row));
    }
    table->scrollToBottom();
    QTRY_COMPARE(model->index(model->rowCount() - 1, HistoryTableModel::IdColumn).data().toString(),
                 idOf(0));
    QTRY_COMPARE(table->rowAt(table->viewport()->height() - 1), model->rowCount() - 1);

    // Statistics that say more than there is: analysed, then the older half deleted. A filter
    // and back to every delivery: estimated anew, then the rows past the real end go.
    QVERIFY2(PostgresTestDatabase::exec(
                 url,
                 {u"ANALYZE deliveries"_s,
                  u"DELETE FROM deliveries WHERE id < '%1'"_s.arg(idOf(total / 2))},
                 &error),
             qPrintable(error));
    const int left = total - total / 2 + Arriving;
    auto *status = panel->findChild<QComboBox *>(u"historyFilterStatus"_s);
    QVERIFY(status);
    status->setCurrentIndex(status->findText(u"Failed"_s));
    QTRY_COMPARE(model->rowCount(), 0);
    shown.clear();
    status->setCurrentIndex(0); // every status
    QTRY_VERIFY_WITH_TIMEOUT(!model->isEstimated() && model->rowCount() == left, 20000);
    QVERIFY(!shown.isEmpty());
    QVERIFY(shown.first().estimated);
    QVERIFY2(shown.first().rows > left, qPrintable(shown.first().label));
    QVERIFY2(shown.first().label.startsWith(about(shown.first().rows)),
             qPrintable(shown.first().label));
    QVERIFY2(count->text().startsWith(exactly(left)), qPrintable(count->text()));
    table->scrollToBottom();
    QTRY_COMPARE(model->index(left - 1, HistoryTableModel::IdColumn).data().toString(),
                 idOf(total / 2));
    QCOMPARE(model->index(left, HistoryTableModel::IdColumn).data().toString(), QString());
}

void TestHistoryView::millionAttempts()
{
    const double memoryBefore = residentMiB();
    QElapsedTimer timer;
    timer.start();
    m_service = std::make_unique<DeliveryService>();
    QString error;
    QVERIFY2(m_service->open(m_bigPath, &error), qPrintable(error));
    const qint64 serviceMs = timer.restart();
    QCOMPARE(m_service->history().countAttempts(), MillionDeliveries);
    timer.restart();

    m_panel = std::make_unique<HistoryPanel>(m_service.get());
    m_panel->resize(1200, 800);
    m_panel->show();
    HistoryTableModel *model = m_panel->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), int(MillionDeliveries), 60000);
    QVERIFY(waitUntilLoaded(60000));
    const qint64 openMs = timer.elapsed();
    QCOMPARE(model->index(0, HistoryTableModel::IdColumn).data().toString(),
             u"msg_%1"_s.arg(MillionDeliveries - 1, 26, 10, QChar(u'0')));
    const qint64 countMs = model->lastCountMs();
    const double memoryOpen = residentMiB();

    QTableView *table = m_panel->table();
    timer.restart();
    table->scrollToBottom();
    const QModelIndex last = model->index(int(MillionDeliveries) - 1, HistoryTableModel::IdColumn);
    QTRY_COMPARE_WITH_TIMEOUT(last.data().toString(), u"msg_%1"_s.arg(0, 26, 10, QChar(u'0')),
                              60000);
    QVERIFY(waitUntilLoaded(60000));
    const qint64 scrollEndMs = timer.elapsed();
    const qint64 endPageMs = model->lastPageMs();

    // Jumps to places never read, then a page-by-page scroll: memory must stay flat.
    timer.restart();
    qint64 slowestJumpMs = 0;
    for (const int row : {500'000, 250'000, 750'000, 123'456, 999'000, 10'000, 640'000}) {
        QElapsedTimer jump;
        jump.start();
        table->scrollTo(model->index(row, 0), QAbstractItemView::PositionAtTop);
        QTRY_VERIFY_WITH_TIMEOUT(model->index(row, 0).data(HistoryTableModel::LoadedRole).toBool(),
                                 60000);
        QCOMPARE(model->index(row, HistoryTableModel::IdColumn).data().toString(),
                 u"msg_%1"_s.arg(MillionDeliveries - 1 - row, 26, 10, QChar(u'0')));
        slowestJumpMs = qMax(slowestJumpMs, jump.elapsed());
    }
    const qint64 jumpsMs = timer.restart();
    for (int step = 0; step < 200; ++step) {
        table->verticalScrollBar()->triggerAction(QAbstractSlider::SliderPageStepAdd);
        QVERIFY(waitUntilLoaded(60000));
    }
    const qint64 pagingMs = timer.elapsed();
    const double memoryAfter = residentMiB();

    // A text search reads every delivery, on the reader's thread.
    auto *text = child<QLineEdit>(u"historyFilterText"_s);
    timer.restart();
    text->setText(u"fatura"_s);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), int(MillionDeliveries / 8), 120000);
    const qint64 searchMs = timer.elapsed() - HistoryFilterBar::TypingDelayMs;
    const qint64 searchCountMs = model->lastCountMs();
    auto *status = child<QComboBox>(u"historyFilterStatus"_s);
    text->clear();
    status->setCurrentIndex(status->findText(u"Failed"_s));
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), int(MillionDeliveries / 10), 60000);
    const qint64 statusCountMs = model->lastCountMs();

    qInfo("history of %lld deliveries / %lld attempts:", MillionDeliveries, MillionDeliveries);
    qInfo("  service open (history + resume): %lld ms", serviceMs);
    qInfo("  panel open until the rows in view are shown: %lld ms (count %lld ms)", openMs,
          countMs);
    qInfo("  scroll to the end until the last row is shown: %lld ms (page read %lld ms)",
          scrollEndMs, endPageMs);
    qInfo("  7 jumps to unread places: %lld ms (slowest %lld ms)", jumpsMs, slowestJumpMs);
    qInfo("  200 page-downs: %lld ms", pagingMs);
    qInfo("  text search \"fatura\": %lld ms until counted (count %lld ms)", searchMs,
          searchCountMs);
    qInfo("  status filter \"failed\": count %lld ms", statusCountMs);
    qInfo("  resident memory: %.1f MiB before, %.1f MiB open, %.1f MiB after scrolling",
          memoryBefore, memoryOpen, memoryAfter);
}

QTEST_MAIN(TestHistoryView)
#include "tst_historyview.moc"
