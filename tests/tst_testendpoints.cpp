// Testing a rule against webhook.site and the local catcher in the designer, driven as a person
// would: the webhook.site and Catcher buttons beside the action's URL, Send test, the Local
// Catcher panel, and what arrived shown beside what was sent.
//
// The real webhook.site cannot be reached from the test machines (they have no network), so the
// designer's webhook.site client, unchanged, is pointed at FakeWebhookSite (tests/support): a
// server on 127.0.0.1 that answers webhook.site's documented endpoints with the documented JSON
// shapes. The catcher is the real one, on 127.0.0.1.
#include "action/WebhookActionEditor.h"
#include "catcher/CatcherPanel.h"
#include "document/RuleSetDocument.h"
#include "endpoints/Catcher.h"
#include "preview/ComparisonView.h"
#include "preview/PreviewPanel.h"
#include "preview/ResponseView.h"
#include "services/DeliveryService.h"
#include "services/TestEndpoints.h"
#include "settings/LanguageManager.h"
#include "settings/Settings.h"
#include "support/FakeWebhookSite.h"
#include "support/QuietOffscreen.h"
#include "window/Dialogs.h"
#include "window/DocumentController.h"
#include "window/MainWindow.h"
#include "window/WebhookSiteDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

#include <memory>

using namespace Kanca;
using namespace Qt::StringLiterals;
using Kanca::Testing::FakeWebhookSite;

namespace {

const QString example =
    QStringLiteral(KANCA_SOURCE_DIR "/resources/examples/supsis-examples.kanca.json");
const QByteArray signingSecret = QByteArray("whsec_") + QByteArray("the rule's key").toBase64();
constexpr int WaitMs = 15000;

// The rows of a table as "cell | cell | …" lines.
QStringList rows(const QTableWidget *table)
{
    QStringList lines;
    for (int row = 0; row < table->rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < table->columnCount(); ++column)
            cells.append(table->item(row, column) ? table->item(row, column)->text() : QString());
        lines.append(cells.join(u" | "_s));
    }
    return lines;
}

} // namespace

class TestTestEndpoints : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void webhookSiteButtonPutsAFreshUrlIntoTheAction();
    void sendTestShowsWhatWebhookSiteReceived();
    void webhookSiteProblemsAreSaidInWords();
    void fetchingWhatArrivedCanFailToo();
    void webhookSiteSettingsDialog();
    void catcherButtonShowsRequestsLiveAndCompares();
    void catcherAnswersAsTheUserSets();
    void catcherAnswering503IsOneClearFailure();
    void catcherPortInUseIsSaid();

private:
    void openRule(const QString &id);
    WebhookActionEditor *actionEditor() const;
    void click(QAbstractButton *button);
    void sendTest();
    QString actionUrl() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeWebhookSite> m_site;
    std::unique_ptr<MainWindow> m_window;
};

void TestTestEndpoints::initTestCase()
{
    Kanca::Testing::quietOffscreenWarnings();
    QStandardPaths::setTestModeEnabled(true);
    Dialogs::setRecordOnly(true);
    qputenv("KANCA_SECRET_KANCA_SIGNING_SECRET", signingSecret);
    qputenv("KANCA_SECRET_SUPPORT_API_TOKEN", "token-of-the-support-desk");
}

void TestTestEndpoints::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    Settings::useTemporaryFile(m_dir->filePath(u"settings.ini"_s));
    LanguageManager::instance().setLanguage(Language::English);
    m_site = std::make_unique<FakeWebhookSite>();
    m_window = std::make_unique<MainWindow>();
    m_window->openHistory(m_dir->filePath(u"history.sqlite"_s));
    m_window->testEndpoints()->setWebhookSiteSettings(QUrl(m_site->base()), u"api-key-1"_s);
    m_window->resize(1600, 1000);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->documents()->open(example));
}

void TestTestEndpoints::cleanup()
{
    m_window->document()->undoStack()->setClean();
    m_window.reset();
    m_site.reset();
}

void TestTestEndpoints::openRule(const QString &id)
{
    RuleSetDocument *document = m_window->document();
    const qsizetype index = document->indexOfRule(id);
    QVERIFY(index >= 0);
    // Retries quickly, so that a failing test does not wait for minutes.
    Rule rule = document->rule(index);
    auto &webhook = std::get<WebhookAction>(rule.actions.first());
    webhook.retry.maxAttempts = 1;
    document->changeRule(index, rule, u"One attempt"_s);
    document->setCurrentRule(index);
    QTRY_VERIFY(actionEditor() != nullptr);
}

WebhookActionEditor *TestTestEndpoints::actionEditor() const
{
    const QList<WebhookActionEditor *> editors = m_window->findChildren<WebhookActionEditor *>();
    for (WebhookActionEditor *editor : editors) {
        if (editor->isVisible())
            return editor;
    }
    return nullptr;
}

void TestTestEndpoints::click(QAbstractButton *button)
{
    QVERIFY(button);
    QVERIFY(button->isVisible());
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
}

void TestTestEndpoints::sendTest()
{
    auto *send = m_window->findChild<QToolButton *>(u"sendTestButton"_s);
    QTRY_VERIFY(send->isEnabled());
    click(send);
}

QString TestTestEndpoints::actionUrl() const
{
    const Rule &rule = m_window->document()->rule(m_window->document()->currentRule());
    return std::get<WebhookAction>(rule.actions.first()).url;
}

void TestTestEndpoints::webhookSiteButtonPutsAFreshUrlIntoTheAction()
{
    openRule(u"score-reached-signed"_s);
    const QString before = actionUrl();
    WebhookActionEditor *editor = actionEditor();
    click(editor->webhookSiteButton());

    const QString expected = m_site->base() + u'/' + m_site->tokenUuid;
    QTRY_COMPARE_WITH_TIMEOUT(actionUrl(), expected, WaitMs);
    QCOMPARE(editor->findChild<QLineEdit *>(u"actionUrl"_s)->text(), expected);
    QVERIFY(editor->webhookSiteButton()->isEnabled());
    QVERIFY2(editor->endpointStatus().contains(u"new webhook.site URL"_s),
             qPrintable(editor->endpointStatus()));

    // The documented call, with the API key.
    QCOMPARE(m_site->apiCalls.size(), 1);
    const HttpRequest &call = m_site->apiCalls.first();
    QCOMPARE(call.method, QByteArray("POST"));
    QCOMPARE(call.path, u"/token"_s);
    QCOMPARE(call.header("Api-Key"), QByteArray("api-key-1"));
    const QJsonObject options = QJsonDocument::fromJson(call.body).object();
    for (const QString &key :
         {u"default_status"_s, u"default_content"_s, u"default_content_type"_s, u"timeout"_s})
        QVERIFY2(options.contains(key), qPrintable(key));

    // One undoable step.
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(actionUrl(), before);
}

void TestTestEndpoints::sendTestShowsWhatWebhookSiteReceived()
{
    openRule(u"score-reached-signed"_s);
    click(actionEditor()->webhookSiteButton());
    QTRY_VERIFY_WITH_TIMEOUT(actionUrl().startsWith(m_site->base()), WaitMs);
    sendTest();

    ComparisonView *comparison = m_window->findChild<ComparisonView *>();
    QVERIFY(comparison);
    QTRY_VERIFY_WITH_TIMEOUT(!comparison->summaryText().isEmpty()
                                 && !comparison->summaryText().startsWith(u"Fetching"_s),
                             WaitMs);
    QVERIFY2(comparison->summaryText().startsWith(u"✓ Everything sent arrived unchanged"_s),
             qPrintable(comparison->summaryText()));
    QVERIFY(comparison->isVisible()); // the preview turned to it
    auto *tabs = m_window->findChild<QTabWidget *>(u"previewResponseTabsWidget"_s);
    QCOMPARE(tabs->tabText(1), u"Sent vs received ✓"_s);

    // The signature webhook.site received is checked with the rule's secret.
    QVERIFY2(comparison->signatureText().contains(u"✓ valid"_s),
             qPrintable(comparison->signatureText()));
    QVERIFY(comparison->signatureText().contains(u"standard-webhooks"_s));

    // Every part is listed: method, path, the headers sent, and those a proxy added apart.
    const QStringList table = rows(comparison->table());
    QVERIFY2(table.first().startsWith(u"Method | POST | POST | ✓ same"_s),
             qPrintable(table.first()));
    const auto has = [&table](const QString &start, const QString &part) {
        for (const QString &row : table) {
            if (row.startsWith(start) && row.contains(part))
                return true;
        }
        return false;
    };
    QVERIFY2(has(u"webhook-signature"_s, u"✓ same"_s), qPrintable(table.join(u'\n')));
    // webhook.site keeps header names in lower case: the same for HTTP, and said so.
    QVERIFY2(has(u"Content-Type"_s, u"≈ equivalent"_s), qPrintable(table.join(u'\n')));
    QVERIFY2(has(u"via"_s, u"not compared"_s), qPrintable(table.join(u'\n')));
    // Why, in the verdict's tooltip.
    for (int row = 0; row < comparison->table()->rowCount(); ++row) {
        if (comparison->table()->item(row, 0)->text() == u"content-type"_s
            || comparison->table()->item(row, 0)->text() == u"Content-Type"_s)
            QVERIFY(comparison->table()->item(row, 3)->toolTip().contains(u"ignore case"_s));
    }
    QVERIFY(!comparison->sentBody().isEmpty());
    QCOMPARE(comparison->receivedBody(), comparison->sentBody());

    // The request was fetched by the id webhook.site answered with.
    QVERIFY(
        m_site->apiCalls.last().path.startsWith(u"/token/"_s + m_site->tokenUuid + u"/request/"_s));
}

void TestTestEndpoints::webhookSiteProblemsAreSaidInWords()
{
    openRule(u"score-reached-signed"_s);
    const QString before = actionUrl();
    WebhookActionEditor *editor = actionEditor();

    m_site->mode = FakeWebhookSite::Mode::Gone;
    click(editor->webhookSiteButton());
    QTRY_VERIFY_WITH_TIMEOUT(editor->endpointStatus().startsWith(u"No webhook.site URL"_s), WaitMs);
    QVERIFY2(editor->endpointStatus().contains(u"410"_s)
                 || editor->endpointStatus().contains(u"expired"_s),
             qPrintable(editor->endpointStatus()));
    QCOMPARE(actionUrl(), before);
    QVERIFY(editor->webhookSiteButton()->isEnabled());

    // A slow answer: the window goes on (this very wait runs its event loop), then says so.
    m_site->mode = FakeWebhookSite::Mode::Silent;
    m_window->testEndpoints()->webhookSite()->setTimeout(300);
    click(editor->webhookSiteButton());
    QVERIFY(!editor->webhookSiteButton()->isEnabled());
    QVERIFY(editor->endpointStatus().startsWith(u"Asking"_s));
    QTRY_VERIFY_WITH_TIMEOUT(editor->endpointStatus().startsWith(u"No webhook.site URL"_s), WaitMs);
    QCOMPARE(actionUrl(), before);

    // Nothing listening there.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    m_window->testEndpoints()->setWebhookSiteSettings(QUrl(u"http://127.0.0.1:%1"_s.arg(port)),
                                                      QString());
    click(editor->webhookSiteButton());
    QTRY_VERIFY_WITH_TIMEOUT(editor->endpointStatus().startsWith(u"No webhook.site URL"_s), WaitMs);
    QVERIFY2(editor->endpointStatus().contains(u"refused"_s), qPrintable(editor->endpointStatus()));
    QCOMPARE(actionUrl(), before);
}

void TestTestEndpoints::fetchingWhatArrivedCanFailToo()
{
    openRule(u"score-reached-signed"_s);
    click(actionEditor()->webhookSiteButton());
    QTRY_VERIFY_WITH_TIMEOUT(actionUrl().startsWith(m_site->base()), WaitMs);
    // The URL takes requests, but its API now says it has expired.
    m_site->mode = FakeWebhookSite::Mode::Gone;
    sendTest();
    ComparisonView *comparison = m_window->findChild<ComparisonView *>();
    QTRY_VERIFY_WITH_TIMEOUT(comparison->summaryText().startsWith(u"What 127.0.0.1 received "
                                                                  "cannot be fetched"_s),
                             WaitMs);
    QVERIFY2(comparison->summaryText().contains(u"410"_s), qPrintable(comparison->summaryText()));
    auto *tabs = m_window->findChild<QTabWidget *>(u"previewResponseTabsWidget"_s);
    QCOMPARE(tabs->tabText(1), u"Sent vs received !"_s);
    // The answer itself is there as always.
    ResponseView *answer = m_window->findChild<PreviewPanel *>()->responseView();
    QVERIFY2(answer->statusText().contains(u"HTTP 200"_s), qPrintable(answer->statusText()));
}

void TestTestEndpoints::webhookSiteSettingsDialog()
{
    WebhookSiteDialog dialog{QUrl(), QString()};
    dialog.show();
    auto *address = dialog.findChild<QLineEdit *>(u"webhookSiteBaseUrl"_s);
    auto *key = dialog.findChild<QLineEdit *>(u"webhookSiteApiKey"_s);
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled()); // empty: webhook.site itself

    QTest::keyClicks(address, u"ftp://hooks.example.com"_s);
    QVERIFY(!ok->isEnabled());
    QVERIFY(dialog.findChild<QLabel *>()->isVisible());
    address->clear();
    QTest::keyClicks(address, u"https://hooks.example.com/site"_s);
    QVERIFY(ok->isEnabled());
    QTest::keyClicks(key, u"k-42"_s);
    QCOMPARE(dialog.baseUrl(), QUrl(u"https://hooks.example.com/site"_s));
    QCOMPARE(dialog.apiKey(), u"k-42"_s);
    QVERIFY(!WebhookSiteDialog::baseUrlProblem(u"https://"_s).isEmpty());
    QVERIFY(!WebhookSiteDialog::baseUrlProblem(u"https://x.example/?q=1"_s).isEmpty());

    // Kept: the client uses it, and a new window reads it back.
    m_window->testEndpoints()->setWebhookSiteSettings(dialog.baseUrl(), dialog.apiKey());
    QCOMPARE(m_window->testEndpoints()->webhookSite()->baseUrl(), dialog.baseUrl());
    QCOMPARE(m_window->testEndpoints()->webhookSite()->apiKey(), u"k-42"_s);
    QCOMPARE(Settings::instance().webhookSiteBaseUrl(), dialog.baseUrl());
}

void TestTestEndpoints::catcherButtonShowsRequestsLiveAndCompares()
{
    openRule(u"support-to-tickets"_s);
    QDockWidget *dock = m_window->catcherDock();
    QVERIFY(!dock->isVisible());
    click(actionEditor()->catcherButton());

    TestEndpoints *endpoints = m_window->testEndpoints();
    QVERIFY(endpoints->catcher()->isListening());
    QCOMPARE(endpoints->catcher()->address(), QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(actionUrl(), endpoints->catcherUrl());
    QVERIFY(actionUrl().startsWith(u"http://127.0.0.1:"_s));
    QTRY_VERIFY(dock->isVisible()); // the panel shows itself
    CatcherPanel *panel = m_window->catcherPanel();
    QVERIFY2(panel->statusText().contains(endpoints->catcherUrl()),
             qPrintable(panel->statusText()));

    sendTest();
    QTableView *list = panel->requestList();
    QTRY_COMPARE_WITH_TIMEOUT(list->model()->rowCount(), 1, WaitMs);
    const QAbstractItemModel *model = list->model();
    QCOMPARE(model->index(0, 2).data().toString(), u"POST"_s);
    QCOMPARE(model->index(0, 3).data().toString(), u"/webhook"_s);
    QCOMPARE(model->index(0, 6).data().toString(), u"200"_s);
    // English plural forms (kanca_en.ts) are in use.
    QCOMPARE(panel->findChild<QLabel *>(u"catcherCount"_s)->text(), u"1 request"_s);
    // The newest is selected and shown, its JSON body indented.
    QTRY_VERIFY(panel->shownBody().contains(u"\n  \"messageType\": \"support_request\""_s));
    auto *headers = panel->findChild<QTableWidget *>(u"catcherHeaders"_s);
    QVERIFY2(
        rows(headers).join(u'\n').contains(u"Authorization | Bearer token-of-the-support-desk"_s),
        qPrintable(rows(headers).join(u'\n')));

    // Beside the response: everything arrived, and the bearer token is masked in both columns.
    ComparisonView *comparison = m_window->findChild<ComparisonView *>();
    QTRY_VERIFY_WITH_TIMEOUT(comparison->summaryText().startsWith(u"✓"_s), WaitMs);
    const QString table = rows(comparison->table()).join(u'\n');
    QVERIFY2(table.contains(u"Authorization | Bearer ********"_s), qPrintable(table));
    QVERIFY2(!table.contains(u"token-of-the-support-desk"_s), qPrintable(table));
    QVERIFY(comparison->signatureText().contains(u"not checked"_s));
    QVERIFY(panel->signatureNote().contains(u"does not sign"_s));

    // A signed rule: the panel checks the signature with its secret as requests arrive.
    openRule(u"score-reached-signed"_s);
    QTRY_VERIFY(panel->signatureNote().contains(u"KANCA_SIGNING_SECRET"_s));
    click(actionEditor()->catcherButton());
    sendTest();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, WaitMs);
    QCOMPARE(model->index(1, 5).data().toString(), u"✓ valid"_s);
    QTRY_VERIFY_WITH_TIMEOUT(comparison->signatureText().contains(u"✓ valid"_s), WaitMs);

    // Clear empties the list.
    click(panel->findChild<QToolButton *>(u"catcherClear"_s));
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(panel->shownBody().isEmpty());
}

void TestTestEndpoints::catcherAnswersAsTheUserSets()
{
    openRule(u"support-to-tickets"_s);
    click(actionEditor()->catcherButton());
    CatcherPanel *panel = m_window->catcherPanel();
    QTRY_VERIFY(panel->isVisible());

    auto *status = panel->findChild<QSpinBox *>(u"catcherStatus"_s);
    status->selectAll();
    QTest::keyClicks(status, u"429"_s);
    auto *retryAfter = panel->findChild<QLineEdit *>(u"catcherRetryAfter"_s);
    QTest::keyClicks(retryAfter, u"7"_s);
    auto *body = panel->findChild<QLineEdit *>(u"catcherResponseBody"_s);
    QTest::keyClicks(body, u"{\"error\":\"slow down\"}"_s);
    const Catcher::Response &response = m_window->testEndpoints()->catcher()->response();
    QCOMPARE(response.status, 429);
    QCOMPARE(response.body, QByteArray("{\"error\":\"slow down\"}"));

    sendTest();
    ResponseView *answer = m_window->findChild<PreviewPanel *>()->responseView();
    QTRY_VERIFY_WITH_TIMEOUT(answer->statusText().contains(u"429"_s), WaitMs);
    QVERIFY(answer->bodyText().contains(u"slow down"_s));
    const QAbstractItemModel *model = panel->requestList()->model();
    QTRY_COMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, 6).data().toString(), u"429"_s);
    // What arrived is still what was sent, and the receiver refused it: the test failed.
    ComparisonView *comparison = m_window->findChild<ComparisonView *>();
    QTRY_VERIFY_WITH_TIMEOUT(!comparison->summaryText().isEmpty(), WaitMs);
    QVERIFY2(comparison->summaryText().startsWith(u"✗ Received, but answered HTTP 429"_s),
             qPrintable(comparison->summaryText()));
    QVERIFY(comparison->summaryText().contains(u"What arrived is what was sent, byte for byte."_s));
}

void TestTestEndpoints::catcherAnswering503IsOneClearFailure()
{
    // The rule tries three times; a test makes one attempt unless asked. (Fewer than the
    // failures in a row that open the engine's circuit for the catcher.)
    RuleSetDocument *document = m_window->document();
    const qsizetype index = document->indexOfRule(u"support-to-tickets"_s);
    Rule rule = document->rule(index);
    auto &webhook = std::get<WebhookAction>(rule.actions.first());
    webhook.retry = {3, 10, 20};
    document->changeRule(index, rule, u"Quick retries"_s);
    document->setCurrentRule(index);
    QTRY_VERIFY(actionEditor() != nullptr);
    click(actionEditor()->catcherButton());
    CatcherPanel *panel = m_window->catcherPanel();
    QTRY_VERIFY(panel->isVisible());
    auto *status = panel->findChild<QSpinBox *>(u"catcherStatus"_s);
    status->selectAll();
    QTest::keyClicks(status, u"503"_s);
    QCOMPARE(m_window->testEndpoints()->catcher()->response().status, 503);

    auto *preview = m_window->findChild<PreviewPanel *>();
    sendTest();
    QTRY_COMPARE_WITH_TIMEOUT(preview->resultBanner(), u"✗ HTTP 503 after 1 attempt"_s, WaitMs);
    const QAbstractItemModel *model = panel->requestList()->model();
    QCOMPARE(model->rowCount(), 1);
    // The failure stays in view; beside it, what arrived, said to be refused.
    auto *tabs = m_window->findChild<QTabWidget *>(u"previewResponseTabsWidget"_s);
    ComparisonView *comparison = m_window->findChild<ComparisonView *>();
    QTRY_VERIFY_WITH_TIMEOUT(
        comparison->summaryText().startsWith(u"✗ Received, but answered HTTP 503"_s), WaitMs);
    QCOMPARE(tabs->currentWidget(), static_cast<QWidget *>(preview->responseView()));
    QVERIFY2(tabs->tabText(tabs->indexOf(comparison)).contains(u"✗"_s),
             qPrintable(tabs->tabText(tabs->indexOf(comparison))));

    // "Retry as the rule says": three attempts, and the banner says so.
    QTRY_VERIFY(m_window->findChild<QToolButton *>(u"sendTestButton"_s)->isEnabled());
    auto *retry = m_window->findChild<QCheckBox *>(u"sendTestRetry"_s);
    click(retry);
    QVERIFY(retry->isChecked());
    sendTest();
    QTRY_COMPARE_WITH_TIMEOUT(preview->resultBanner(), u"✗ HTTP 503 after 3 attempts"_s, WaitMs);
    QCOMPARE(model->rowCount(), 1 + 3);

    // The catcher answers 200 again: delivered.
    status->selectAll();
    QTest::keyClicks(status, u"200"_s);
    click(retry);
    sendTest();
    QTRY_VERIFY_WITH_TIMEOUT(preview->resultBanner().startsWith(u"✓ Delivered: HTTP 200"_s),
                             WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(comparison->summaryText().startsWith(u"✓ Everything sent arrived"_s),
                             WaitMs);
}

void TestTestEndpoints::catcherPortInUseIsSaid()
{
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost));
    m_window->catcherDock()->show();
    CatcherPanel *panel = m_window->catcherPanel();
    auto *port = panel->findChild<QSpinBox *>(u"catcherPort"_s);
    port->selectAll();
    QTest::keyClicks(port, QString::number(taken.serverPort()));
    auto *startStop = panel->findChild<QPushButton *>(u"catcherStartStop"_s);
    QCOMPARE(startStop->text(), u"Start"_s);
    click(startStop);
    QVERIFY(!m_window->testEndpoints()->catcher()->isListening());
    QVERIFY2(panel->statusText().startsWith(u"The catcher cannot start"_s),
             qPrintable(panel->statusText()));

    // Port 0: any free one.
    port->selectAll();
    QTest::keyClick(port, Qt::Key_0);
    click(startStop);
    QVERIFY(m_window->testEndpoints()->catcher()->isListening());
    QCOMPARE(startStop->text(), u"Stop"_s);
    QVERIFY(!port->isEnabled());
    click(startStop);
    QVERIFY(!m_window->testEndpoints()->catcher()->isListening());
}

QTEST_MAIN(TestTestEndpoints)
#include "tst_testendpoints.moc"
