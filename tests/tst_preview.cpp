// The preview panel, driven as a person would: picking samples, typing into the event, clicking
// Send test against a real HTTP server on 127.0.0.1, with a real SQLite history.
#include "catalog/Catalog.h"
#include "dispatch/Dispatcher.h"
#include "document/RuleSetDocument.h"
#include "editing/PrettyJson.h"
#include "engine/RuleSetLoader.h"
#include "http/HttpServer.h"
#include "preview/PreviewPanel.h"
#include "preview/ResponseView.h"
#include "preview/TraceView.h"
#include "services/DeliveryService.h"
#include "settings/LanguageManager.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QTextDocument>
#include <QToolButton>
#include <QTreeWidgetItemIterator>

#include <memory>

using namespace Kanca;
using namespace Qt::StringLiterals;

namespace {

const QString example =
    QStringLiteral(KANCA_SOURCE_DIR "/resources/examples/supsis-examples.kanca.json");

QString sampleName(Language language)
{
    return Catalog::builtIn()
        .sampleEvent(u"chat.opened", language)
        .value("contact"_L1)
        .toObject()
        .value("fullname"_L1)
        .toString();
}

} // namespace

class TestPreview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void turkishSampleMatchesVipRule();
    void typingInTheEventUpdatesTheMatch();
    void invalidEventShowsLineAndColumn();
    void ruleForAnotherEventAndDisabledRule();
    void personalDataIsWarnedAbout();
    void missingSecretIsAWarningNotAnError();
    void traceFollowsTheInterfaceLanguage();
    void sendTestShowsTheResponse();
    void sendTestShowsTheFailure();
    void sendTestRefusesWhatCannotBeSent();
    void sendTestAgainst503SaysSoOnce();
    void resultsBelongToTheirRule();
    void twoWebhooksHaveATabEach();
    void copyAsCurl();
    void hugeEventDoesNotHang();
    void testDeliveriesAreBuiltAsKancaSend();
    void prettyJsonChangesOnlyWhitespace();

private:
    template<typename T>
    T *find(const char *name) const
    {
        T *widget = m_panel->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qWarning("no widget named %s", name);
        return widget;
    }
    void selectRule(const QString &id);
    void chooseSource(int index);
    QString verdict() const { return find<QLabel>("previewVerdict")->text(); }
    QString body() const { return find<QPlainTextEdit>("previewBody")->toPlainText(); }
    QStringList warnings() const;
    QTreeWidgetItem *traceItem(const QString &containing) const;
    void pointRuleAt(const QString &id, const QString &url, int maxAttempts);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HttpServer> m_server;
    QList<HttpRequest> m_received;
    std::unique_ptr<DeliveryService> m_service;
    std::unique_ptr<RuleSetDocument> m_document;
    std::unique_ptr<PreviewPanel> m_panel;
};

void TestPreview::initTestCase()
{
    LanguageManager::instance().setLanguage(Language::English);
    qunsetenv("KANCA_SECRET_SUPPORT_API_TOKEN");
}

void TestPreview::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());

    m_received.clear();
    m_server = std::make_unique<HttpServer>();
    QString error;
    QVERIFY2(m_server->listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    m_server->setHandler([this](const HttpRequest &request, HttpResponder responder) {
        m_received.append(request);
        if (request.path == u"/unavailable") {
            responder.respond(503, {{"Content-Type", "text/plain"}}, "down for maintenance");
        } else if (request.path == u"/fail") {
            responder.respond(500, {{"Content-Type", "text/plain"}}, "the receiver broke");
        } else {
            responder.respond(200, {{"Content-Type", "application/json"}, {"X-Seen", "yes"}},
                              "{\"ok\":true,\"id\":42}");
        }
    });

    m_service = std::make_unique<DeliveryService>();
    QVERIFY2(m_service->open(m_dir->filePath(u"history.sqlite"_s), &error), qPrintable(error));

    const RuleSetLoader::Result loaded = RuleSetLoader::loadFile(example, Catalog::builtIn());
    QVERIFY(loaded.ok());
    m_document = std::make_unique<RuleSetDocument>();
    m_document->reset(loaded.ruleSet(), example);

    m_panel = std::make_unique<PreviewPanel>(m_document.get(), m_service.get());
    m_panel->resize(700, 1400);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestPreview::cleanup()
{
    m_panel.reset();
    m_document.reset();
    // Let the engine write what it has before the history closes.
    if (m_service && !m_service->engine().isIdle()) {
        QSignalSpy idle(&m_service->engine(), &DeliveryEngine::idle);
        idle.wait(10000);
    }
    m_service.reset();
    m_server.reset();
    m_dir.reset();
}

void TestPreview::selectRule(const QString &id)
{
    const qsizetype index = m_document->indexOfRule(id);
    QVERIFY2(index >= 0, qPrintable(id));
    m_document->setCurrentRule(index);
    // The preview follows after its pause: wait for this rule's request.
    const QString url = std::get<WebhookAction>(m_document->rule(index).actions.first()).url;
    QTRY_COMPARE(find<QLineEdit>("previewRequestLine")->text(), u"POST "_s + url);
}

// As a person picks from the combo with the keyboard (which emits activated()).
void TestPreview::chooseSource(int index)
{
    auto *combo = find<QComboBox>("previewSample");
    QVERIFY(combo);
    combo->setFocus();
    for (int guard = 0; combo->currentIndex() != index && guard < 5; ++guard)
        QTest::keyClick(combo, combo->currentIndex() < index ? Qt::Key_Down : Qt::Key_Up);
    QCOMPARE(combo->currentIndex(), index);
}

QStringList TestPreview::warnings() const
{
    QStringList texts;
    const auto *list = find<QListWidget>("previewWarnings");
    for (int i = 0; i < list->count(); ++i)
        texts.append(list->item(i)->text());
    return texts;
}

QTreeWidgetItem *TestPreview::traceItem(const QString &containing) const
{
    auto *tree = find<QTreeWidget>("previewTrace");
    for (QTreeWidgetItemIterator it(tree); *it; ++it) {
        if ((*it)->text(0).contains(containing))
            return *it;
    }
    return nullptr;
}

void TestPreview::pointRuleAt(const QString &id, const QString &url, int maxAttempts)
{
    const qsizetype index = m_document->indexOfRule(id);
    QVERIFY(index >= 0);
    Rule rule = m_document->rule(index);
    auto &webhook = std::get<WebhookAction>(rule.actions.first());
    webhook.url = url;
    webhook.retry.maxAttempts = maxAttempts;
    webhook.retry.initialDelayMs = 10;
    webhook.retry.maxDelayMs = 20;
    m_document->changeRule(index, rule, u"Point at the test server"_s);
    m_document->setCurrentRule(index);
}

void TestPreview::turkishSampleMatchesVipRule()
{
    selectRule(u"vip-to-slack"_s);
    // The example rule set is Turkish: its sample comes first.
    QCOMPARE(find<QComboBox>("previewSample")->currentIndex(), 0);
    QCOMPARE(find<QComboBox>("previewSample")->currentText(), u"Turkish sample"_s);
    chooseSource(1);
    QTRY_VERIFY(body().contains(u"VIP müşteri "_s + sampleName(Language::English)));
    chooseSource(0);

    QTRY_COMPARE(verdict(), u"✓ Matches"_s);
    QTreeWidgetItem *leaf = traceItem(u"Contact Tags"_s);
    QVERIFY(leaf);
    QVERIFY2(leaf->text(0).startsWith(u"✓"_s), qPrintable(leaf->text(0)));
    QCOMPARE(leaf->data(0, TraceView::ResultRole).toBool(), true);
    QVERIFY(leaf->parent()); // below its "all" group, expanded
    QVERIFY(leaf->parent()->isExpanded());

    const QString name = sampleName(Language::Turkish);
    QVERIFY(!name.isEmpty());
    QTRY_VERIFY2(body().contains(u"VIP müşteri "_s + name + u" Supsis üzerinden"_s),
                 qPrintable(body()));
    QVERIFY(find<QLineEdit>("previewRequestLine")
                ->text()
                .startsWith(u"POST https://hooks.slack.com/"_s));
    auto *headers = find<QTableWidget>("previewHeaders");
    QCOMPARE(headers->rowCount(), 1);
    QCOMPARE(headers->item(0, 0)->text(), u"Content-Type"_s);
    QCOMPARE(headers->item(0, 1)->text(), u"application/json"_s);
    QVERIFY(find<QPlainTextEdit>("previewEventEditor")->toPlainText().contains(name));
}

void TestPreview::typingInTheEventUpdatesTheMatch()
{
    selectRule(u"vip-to-slack"_s);
    QTRY_COMPARE(verdict(), u"✓ Matches"_s);

    // Remove the VIP tag by selecting it in the editor and pressing Delete.
    auto *editor = find<QPlainTextEdit>("previewEventEditor");
    const QTextCursor vip = editor->document()->find(u"\"VIP\","_s);
    QVERIFY(!vip.isNull());
    editor->setFocus();
    editor->setTextCursor(vip);
    QTest::keyClick(editor, Qt::Key_Delete);

    QCOMPARE(find<QComboBox>("previewSample")->currentText(), u"Custom event"_s);
    QTRY_COMPARE(verdict(), u"✗ Does not match"_s);
    QTreeWidgetItem *leaf = traceItem(u"Contact Tags"_s);
    QVERIFY(leaf);
    QVERIFY2(leaf->text(0).startsWith(u"✗"_s), qPrintable(leaf->text(0)));
    QCOMPARE(leaf->data(0, TraceView::ResultRole).toBool(), false);

    // Typing the tag back matches again; Reset to sample restores the sample.
    editor->setTextCursor(editor->document()->find(u"\"Kurumsal\""_s));
    editor->moveCursor(QTextCursor::StartOfLine);
    QTest::keyClicks(editor, u"\"VIP\", "_s); // Turkish rules: "vip" is not "VIP" (I folds to ı)
    QTRY_COMPARE(verdict(), u"✓ Matches"_s);
    QTest::mouseClick(find<QWidget>("previewResetEvent"), Qt::LeftButton);
    QCOMPARE(find<QComboBox>("previewSample")->currentText(), u"Turkish sample"_s);
    QVERIFY(editor->toPlainText().contains(u"\"VIP\""_s));
}

void TestPreview::invalidEventShowsLineAndColumn()
{
    selectRule(u"vip-to-slack"_s);
    QTRY_COMPARE(verdict(), u"✓ Matches"_s);
    auto *editor = find<QPlainTextEdit>("previewEventEditor");
    editor->setFocus();
    editor->selectAll();
    QTest::keyClicks(editor, u"{\"type\": \"chat.opened\","_s);
    QTest::keyClick(editor, Qt::Key_Return);
    QTest::keyClicks(editor, u"\"contact\": }"_s);

    auto *error = find<QLabel>("previewEventError");
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().startsWith(u"Line 2, column "_s), qPrintable(error->text()));
    QVERIFY(error->text().contains(u"not valid JSON"_s));
    QVERIFY2(verdict().contains(u"The event has a problem"_s), qPrintable(verdict()));

    // Fixing it clears the message.
    QTest::keyClick(editor, Qt::Key_Backspace);
    QTest::keyClicks(editor, u"{\"tags\": [\"VIP\"], \"fullname\": \"Can\"}}"_s);
    QTRY_VERIFY(!error->isVisible());
    QTRY_COMPARE(verdict(), u"✓ Matches"_s);
    QTRY_VERIFY(body().contains(u"VIP müşteri Can "_s));
}

void TestPreview::ruleForAnotherEventAndDisabledRule()
{
    selectRule(u"vip-to-slack"_s);
    QTRY_COMPARE(verdict(), u"✓ Matches"_s);
    auto *editor = find<QPlainTextEdit>("previewEventEditor");
    editor->setFocus();
    editor->selectAll();
    QTest::keyClicks(editor, u"{\"type\": \"chat.closed\", \"contact\": {\"tags\": [\"VIP\"]}}"_s);
    QTRY_COMPARE(verdict(), u"✗ Runs on another event: Chat Opened"_s);

    QTest::mouseClick(find<QWidget>("previewResetEvent"), Qt::LeftButton);
    QTRY_COMPARE(verdict(), u"✓ Matches"_s);
    const qsizetype index = m_document->currentRule();
    Rule rule = m_document->rule(index);
    rule.enabled = false;
    m_document->changeRule(index, rule, u"Disable"_s);
    QTRY_VERIFY2(verdict().startsWith(u"Disabled: the rule would match"_s), qPrintable(verdict()));
    QVERIFY(traceItem(u"Contact Tags"_s));
}

void TestPreview::personalDataIsWarnedAbout()
{
    selectRule(u"lead-to-crm"_s);
    QTRY_VERIFY(!warnings().isEmpty());
    const QStringList texts = warnings();
    const auto personal = std::find_if(texts.cbegin(), texts.cend(), [](const QString &text) {
        return text.contains(u"personal data"_s);
    });
    QVERIFY2(personal != texts.cend(), qPrintable(texts.join(u'\n')));
    QVERIFY(personal->contains(u"Email"_s));
    QVERIFY(personal->contains(u"Phone"_s));
    QVERIFY(personal->contains(u"Send only what the receiver needs"_s));

    // An unknown placeholder is listed with where it is.
    const qsizetype index = m_document->currentRule();
    Rule rule = m_document->rule(index);
    std::get<WebhookAction>(rule.actions.first()).body.templateText =
        u"{\"name\": \"{{contact.fulname}}\"}"_s;
    m_document->changeRule(index, rule, u"Typo"_s);
    QTRY_VERIFY(warnings().join(u'\n').contains(u"Webhook 1, body:"_s));
    QVERIFY(warnings().join(u'\n').contains(u"contact.fulname"_s));
    QVERIFY(find<QLabel>("previewRequestMessage")->isVisible());
}

void TestPreview::missingSecretIsAWarningNotAnError()
{
    selectRule(u"support-to-tickets"_s);
    QTRY_VERIFY(warnings().join(u'\n').contains(
        u"Secret SUPPORT_API_TOKEN has no value yet: set it in the action's authentication "
        "section."_s));
    // The request is still shown, the header holding the secret marked.
    QTRY_VERIFY(body().contains(u"support_request"_s));
    auto *headers = find<QTableWidget>("previewHeaders");
    QCOMPARE(headers->item(headers->rowCount() - 1, 0)->text(), u"Authorization"_s);
    QVERIFY(headers->item(headers->rowCount() - 1, 1)->text().contains(u"no value yet"_s));

    qputenv("KANCA_SECRET_SUPPORT_API_TOKEN", "t0ken-value");
    m_panel->refreshNow();
    QVERIFY(!warnings().join(u'\n').contains(u"SUPPORT_API_TOKEN"_s));
    QCOMPARE(headers->item(headers->rowCount() - 1, 1)->text(), u"Bearer ********"_s);
    QTest::mouseClick(find<QCheckBox>("previewShowSecrets"), Qt::LeftButton);
    QCOMPARE(headers->item(headers->rowCount() - 1, 1)->text(), u"Bearer t0ken-value"_s);
    qunsetenv("KANCA_SECRET_SUPPORT_API_TOKEN");
}

void TestPreview::traceFollowsTheInterfaceLanguage()
{
    selectRule(u"vip-to-slack"_s);
    QTRY_VERIFY(traceItem(u"Contact Tags"_s));
    LanguageManager::instance().setLanguage(Language::Turkish);
    QTRY_VERIFY(traceItem(u"Kişinin Etiketleri"_s));
    LanguageManager::instance().setLanguage(Language::English);
    QTRY_VERIFY(traceItem(u"Contact Tags"_s));
}

void TestPreview::sendTestShowsTheResponse()
{
    pointRuleAt(u"vip-to-slack"_s, m_server->url() + u"/hooks/vip"_s, 5);
    QTRY_VERIFY(find<QLineEdit>("previewRequestLine")->text().contains(m_server->url()));
    QTRY_VERIFY(body().contains(u"VIP müşteri"_s));
    const QString previewed = body();

    QSignalSpy historyChanged(m_service.get(), &DeliveryService::historyChanged);
    auto *button = find<QToolButton>("sendTestButton");
    QVERIFY(button->isEnabled());
    QCOMPARE(m_panel->sendTestAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Return));
    QTest::mouseClick(button, Qt::LeftButton);

    auto *response = find<QWidget>("previewResponse");
    auto *status = response->findChild<QLabel *>(u"previewResponseStatus"_s);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(u"HTTP 200"_s), 15000);
    QVERIFY2(status->text().startsWith(u"✓ Succeeded"_s), qPrintable(status->text()));
    QCOMPARE(m_received.size(), 1);
    QCOMPARE(m_received.first().path, u"/hooks/vip"_s);
    QCOMPARE(m_received.first().method, QByteArray("POST"));
    // Exactly the previewed body: the preview only indents, and this template is indented so.
    QCOMPARE(QString::fromUtf8(m_received.first().body), previewed);
    QCOMPARE(prettyJson(m_received.first().body).value_or(QString()), previewed);

    auto *responseBody = response->findChild<QPlainTextEdit *>(u"previewResponseBody"_s);
    QVERIFY(responseBody->toPlainText().contains(u"\"ok\": true"_s));
    auto *responseHeaders = response->findChild<QTableWidget *>(u"previewResponseHeaders"_s);
    bool seen = false;
    for (int r = 0; r < responseHeaders->rowCount(); ++r)
        seen = seen || responseHeaders->item(r, 0)->text() == u"X-Seen"_s;
    QVERIFY(seen);
    // The attempt is shown when it is recorded; the send ends once its delivery is committed.
    QTRY_COMPARE(m_panel->sendTestAction()->text(), u"Send test"_s);

    // The attempt is in the history.
    QVERIFY(historyChanged.count() > 0);
    HistoryFilter filter;
    filter.ruleId = u"vip-to-slack"_s;
    const QList<Delivery> sent = m_service->history().deliveries(filter);
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().status, DeliveryStatus::Succeeded);
    QCOMPARE(sent.first().eventType, u"chat.opened"_s);
    QCOMPARE(m_service->history().attempts(sent.first().id).size(), 1);
}

void TestPreview::sendTestShowsTheFailure()
{
    pointRuleAt(u"vip-to-slack"_s, m_server->url() + u"/fail"_s, 1);
    QTRY_VERIFY(find<QLineEdit>("previewRequestLine")->text().endsWith(u"/fail"_s));

    // Ctrl+Return from the event editor sends too.
    m_panel->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_panel.get()));
    auto *editor = find<QPlainTextEdit>("previewEventEditor");
    editor->setFocus();
    const QString before = editor->toPlainText();
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(editor->toPlainText(), before);

    auto *status = find<QLabel>("previewResponseStatus");
    auto *error = find<QLabel>("previewResponseError");
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(u"✗ Failed"_s), 15000);
    QVERIFY2(status->text().contains(u"HTTP 500"_s), qPrintable(status->text()));
    QVERIFY2(error->text().contains(u"500"_s), qPrintable(error->text()));
    QVERIFY(find<QPlainTextEdit>("previewResponseBody")
                ->toPlainText()
                .contains(u"the receiver broke"_s));
    QCOMPARE(m_received.size(), 1); // maxAttempts 1: no retry
}

void TestPreview::sendTestRefusesWhatCannotBeSent()
{
    selectRule(u"support-to-tickets"_s);
    QTRY_VERIFY(body().contains(u"support_request"_s));
    // The request cannot be built without its secret: Send test is disabled and says why.
    auto *button = find<QToolButton>("sendTestButton");
    QTRY_VERIFY(!button->isEnabled());
    QVERIFY(!m_panel->sendTestAction()->isEnabled());
    QVERIFY2(button->toolTip().startsWith(u"Send test cannot send this rule now:"_s),
             qPrintable(button->toolTip()));
    QVERIFY2(button->toolTip().contains(u"SUPPORT_API_TOKEN"_s), qPrintable(button->toolTip()));
    QTest::mouseClick(button, Qt::LeftButton); // nothing happens
    QTest::keyClick(m_panel.get(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(m_panel->resultBanner(), QString());

    // Asked all the same (as a menu would): not sent, and why.
    m_panel->sendTest();
    auto *error = find<QLabel>("previewResponseError");
    QVERIFY(error->text().contains(u"SUPPORT_API_TOKEN"_s));
    QCOMPARE(m_received.size(), 0);
    QCOMPARE(m_service->history().countDeliveries({}), 0);

    // The rule fixed (no auth needed): the reason goes, Send test is enabled again.
    const qsizetype index = m_document->currentRule();
    Rule rule = m_document->rule(index);
    std::get<WebhookAction>(rule.actions.first()).auth = Auth();
    m_document->changeRule(index, rule, u"No auth"_s);
    QTRY_VERIFY(button->isEnabled());
    QVERIFY(!error->isVisible() || !error->text().contains(u"SUPPORT_API_TOKEN"_s));
    QVERIFY2(button->toolTip().startsWith(u"Send the rule's requests"_s),
             qPrintable(button->toolTip()));
}

void TestPreview::sendTestAgainst503SaysSoOnce()
{
    // Three attempts allowed: fewer failures in a row than open the engine's circuit.
    pointRuleAt(u"vip-to-slack"_s, m_server->url() + u"/unavailable"_s, 3);
    QTRY_VERIFY(find<QLineEdit>("previewRequestLine")->text().endsWith(u"/unavailable"_s));
    auto *retry = find<QCheckBox>("sendTestRetry");
    QVERIFY(retry->isVisible());
    QVERIFY(!retry->isChecked());

    QTest::mouseClick(find<QToolButton>("sendTestButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->resultBanner(), u"✗ HTTP 503 after 1 attempt"_s, 15000);
    QCOMPARE(m_received.size(), 1); // the rule allows 3, a test makes one
    auto *banner = find<QLabel>("testResultBanner");
    QVERIFY(banner->isVisible());
    auto *tabs = find<QTabWidget>("previewResponseTabsWidget");
    QCOMPARE(tabs->currentWidget(), static_cast<QWidget *>(m_panel->responseView()));
    QTRY_COMPARE(m_panel->sendTestAction()->text(), u"Send test"_s);

    // Asked to retry: as the rule says.
    QTest::mouseClick(retry, Qt::LeftButton);
    QVERIFY(retry->isChecked());
    QTest::mouseClick(find<QToolButton>("sendTestButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->resultBanner(), u"✗ HTTP 503 after 3 attempts"_s, 15000);
    QCOMPARE(m_received.size(), 1 + 3);

    // A receiver answering 200: delivered.
    QTest::mouseClick(retry, Qt::LeftButton);
    pointRuleAt(u"vip-to-slack"_s, m_server->url() + u"/hooks/vip"_s, 3);
    QTRY_VERIFY(find<QLineEdit>("previewRequestLine")->text().endsWith(u"/hooks/vip"_s));
    QTest::mouseClick(find<QToolButton>("sendTestButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->resultBanner().startsWith(u"✓ Delivered: HTTP 200 in "_s),
                             15000);
}

void TestPreview::resultsBelongToTheirRule()
{
    pointRuleAt(u"vip-to-slack"_s, m_server->url() + u"/unavailable"_s, 1);
    QTRY_VERIFY(find<QLineEdit>("previewRequestLine")->text().endsWith(u"/unavailable"_s));
    QTest::mouseClick(find<QToolButton>("sendTestButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->resultBanner(), u"✗ HTTP 503 after 1 attempt"_s, 15000);
    auto *status = find<QLabel>("previewResponseStatus");
    QVERIFY(status->text().contains(u"HTTP 503"_s));

    // The rule changes: the result stays, said to be of the rule as it was.
    const qsizetype index = m_document->currentRule();
    Rule rule = m_document->rule(index);
    rule.name += u" (yeni)"_s;
    m_document->changeRule(index, rule, u"Rename"_s);
    QTRY_VERIFY2(m_panel->resultBanner().contains(u"The rule has changed since this test"_s),
                 qPrintable(m_panel->resultBanner()));
    QVERIFY(m_panel->resultBanner().startsWith(u"✗ HTTP 503 after 1 attempt"_s));

    // Another rule selected: the results are not its own.
    selectRule(u"support-to-tickets"_s);
    QTRY_COMPARE(m_panel->resultBanner(), QString());
    QVERIFY(!status->isVisible() || status->text().isEmpty());

    // The reasons a test was not sent go with the rule's deletion.
    m_panel->sendTest();
    auto *error = find<QLabel>("previewResponseError");
    QVERIFY(error->text().contains(u"SUPPORT_API_TOKEN"_s));
    m_document->removeRule(m_document->currentRule());
    QTRY_VERIFY(!error->isVisible() || error->text().isEmpty());
    QCOMPARE(m_panel->resultBanner(), QString());
}

// A rule with two webhooks: a tab each for its request and for its result, the result's tab
// marked by how the test went; picking a tab shows that webhook.
void TestPreview::twoWebhooksHaveATabEach()
{
    pointRuleAt(u"vip-to-slack"_s, m_server->url() + u"/hooks/vip"_s, 1);
    auto *requestTabs = find<QTabBar>("previewActionTabs");
    auto *responseTabs = find<QTabBar>("previewResponseTabs");
    auto *requestLine = find<QLineEdit>("previewRequestLine");
    QTRY_VERIFY(requestLine->text().endsWith(u"/hooks/vip"_s));
    QVERIFY(!requestTabs->isVisible()); // one webhook: no tabs

    const qsizetype index = m_document->currentRule();
    Rule rule = m_document->rule(index);
    WebhookAction second = std::get<WebhookAction>(rule.actions.first());
    second.url = m_server->url() + u"/fail"_s;
    rule.actions.append(second);
    m_document->changeRule(index, rule, u"A second webhook"_s);
    QTRY_VERIFY(requestTabs->isVisible());
    QCOMPARE(requestTabs->count(), 2);
    QCOMPARE(requestTabs->tabText(0), u"Webhook 1"_s);
    QCOMPARE(requestTabs->tabText(1), u"Webhook 2"_s);
    QCOMPARE(requestTabs->currentIndex(), 0);
    QVERIFY(requestLine->text().endsWith(u"/hooks/vip"_s));
    QTest::mouseClick(requestTabs, Qt::LeftButton, {}, requestTabs->tabRect(1).center());
    QCOMPARE(requestTabs->currentIndex(), 1);
    QTRY_VERIFY(requestLine->text().endsWith(u"/fail"_s));

    QTest::mouseClick(find<QToolButton>("sendTestButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(responseTabs->count(), 2, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(responseTabs->tabText(0), u"✓ Webhook 1"_s, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(responseTabs->tabText(1), u"✗ Webhook 2"_s, 15000);
    QVERIFY(responseTabs->isVisible());
    auto *status = find<QLabel>("previewResponseStatus");
    QTest::mouseClick(responseTabs, Qt::LeftButton, {}, responseTabs->tabRect(1).center());
    QTRY_VERIFY2(status->text().contains(u"HTTP 500"_s), qPrintable(status->text()));
    QTest::mouseClick(responseTabs, Qt::LeftButton, {}, responseTabs->tabRect(0).center());
    QTRY_VERIFY2(status->text().contains(u"HTTP 200"_s), qPrintable(status->text()));
    // The request side kept the tab picked there.
    QCOMPARE(requestTabs->currentIndex(), 1);

    // Back to one webhook: the tabs go, the one left is shown.
    rule.actions.removeLast();
    m_document->changeRule(index, rule, u"One webhook again"_s);
    QTRY_VERIFY(!requestTabs->isVisible());
    QCOMPARE(requestTabs->count(), 1);
    QTRY_VERIFY(requestLine->text().endsWith(u"/hooks/vip"_s));
}

void TestPreview::copyAsCurl()
{
    selectRule(u"vip-to-slack"_s);
    QTRY_VERIFY(body().contains(u"VIP müşteri"_s));
    QGuiApplication::clipboard()->clear();
    QTest::mouseClick(find<QToolButton>("copyCurlButton"), Qt::LeftButton);
    const QString command = QGuiApplication::clipboard()->text();
    QVERIFY2(command.startsWith(u"curl "_s), qPrintable(command));
    QVERIFY(command.contains(u"'https://hooks.slack.com/services/T000/B000/XXXX'"_s));
    QVERIFY(command.contains(u"--data-binary"_s));
}

void TestPreview::hugeEventDoesNotHang()
{
    selectRule(u"vip-to-slack"_s);
    QTRY_COMPARE(verdict(), u"✓ Matches"_s);

    // About 10 MB of event, pasted.
    QJsonObject event = Catalog::builtIn().sampleEvent(u"chat.opened", Language::Turkish);
    QJsonArray messages;
    const QString line = QString(200, u'ş');
    for (int i = 0; i < 25000; ++i)
        messages.append(QJsonObject{{u"n"_s, i}, {u"text"_s, line}});
    event.insert(u"history"_s, messages);
    const QByteArray json = QJsonDocument(event).toJson(QJsonDocument::Indented);
    QVERIFY(json.size() > 10'000'000);
    QGuiApplication::clipboard()->setText(QString::fromUtf8(json));
    auto *editor = find<QPlainTextEdit>("previewEventEditor");
    editor->setFocus();
    editor->selectAll();
    QTest::keyClick(editor, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(find<QComboBox>("previewSample")->currentText(), u"Custom event"_s);

    QElapsedTimer timer;
    timer.start();
    m_panel->refreshNow(); // reads the 10 MB once
    const qint64 firstMs = timer.elapsed();
    timer.restart();
    m_panel->refreshNow(); // nothing typed since: not read again
    const qint64 secondMs = timer.elapsed();
    qInfo("10 MB event: first preview %lld ms, again %lld ms", firstMs, secondMs);
    QVERIFY2(firstMs < 5000, qPrintable(QString::number(firstMs)));
    QVERIFY2(secondMs < 500, qPrintable(QString::number(secondMs)));
    QCOMPARE(verdict(), u"✓ Matches"_s);
}

void TestPreview::testDeliveriesAreBuiltAsKancaSend()
{
    const CompiledRuleSet &compiled = m_document->compiled();
    const QJsonObject event = Catalog::builtIn().sampleEvent(u"chat.opened", Language::Turkish);
    const auto planRule = [&](qsizetype rule, const QStringList &ids = {}) {
        DispatchOptions options;
        options.onlyRule = rule;
        options.deliveryIds = ids;
        return Dispatcher(compiled, m_service->secrets()).plan(event, options);
    };
    const qsizetype vip = m_document->indexOfRule(u"vip-to-slack"_s);
    const DispatchPlan plan = planRule(vip, {u"msg_given"_s});
    QVERIFY(plan.blockingProblems().isEmpty());
    QCOMPARE(plan.deliveries().size(), 1);
    const Delivery &delivery = plan.deliveries().first();
    QCOMPARE(delivery.id, u"msg_given"_s);
    QCOMPARE(delivery.ruleSetName, m_document->ruleSet().name);
    QCOMPARE(delivery.ruleId, u"vip-to-slack"_s);
    QCOMPARE(delivery.eventId, event.value("id"_L1).toString());
    QCOMPARE(delivery.eventType, u"chat.opened"_s);
    QCOMPARE(delivery.retry, std::get<WebhookAction>(m_document->rule(vip).actions.first()).retry);
    QCOMPARE(delivery.status, DeliveryStatus::Pending);
    QVERIFY(delivery.request.body.contains("VIP müşteri"));

    // A missing secret forbids sending, naming it; the id is made when none is given.
    const qsizetype support = m_document->indexOfRule(u"support-to-tickets"_s);
    const DispatchPlan refused = planRule(support);
    QVERIFY(refused.deliveries().isEmpty());
    QVERIFY(hasErrors(refused.blockingProblems()));
    QVERIFY(refused.blockingProblems().first().message.contains(u"SUPPORT_API_TOKEN"_s));
    qputenv("KANCA_SECRET_SUPPORT_API_TOKEN", "x");
    const DispatchPlan accepted = planRule(support);
    qunsetenv("KANCA_SECRET_SUPPORT_API_TOKEN");
    QCOMPARE(accepted.deliveries().size(), 1);
    QVERIFY(accepted.deliveries().first().id.startsWith(u"msg_"_s));
    // Stored without the secret header: every attempt adds it.
    QVERIFY(accepted.deliveries().first().request.headerValue(u"Authorization").isEmpty());
    QCOMPARE(accepted.deliveries().first().auth.secret.name, u"SUPPORT_API_TOKEN"_s);
}

void TestPreview::prettyJsonChangesOnlyWhitespace()
{
    QCOMPARE(
        prettyJson("{\"a\":1.0,\"b\":[ ],\"c\":{\"d\":\"x\\\"}, [y\"},\"e\":12345678901234567890}"),
        std::optional<QString>(u"{\n  \"a\": 1.0,\n  \"b\": [],\n  \"c\": {\n    \"d\": "
                               "\"x\\\"}, [y\"\n  },\n  \"e\": 12345678901234567890\n}"_s));
    QCOMPARE(prettyJson("[1,\"ü\"]"), std::optional<QString>(u"[\n  1,\n  \"ü\"\n]"_s));
    QCOMPARE(prettyJson("{\"a\": }"), std::nullopt);
}

QTEST_MAIN(TestPreview)
#include "tst_preview.moc"
