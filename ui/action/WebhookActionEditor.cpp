#include "action/WebhookActionEditor.h"

#include "action/AuthEditor.h"
#include "action/BodyEditor.h"
#include "action/DeliveryPolicyEditor.h"
#include "action/LineEditText.h"
#include "action/LinePlaceholderCompletion.h"
#include "action/NameValueTable.h"
#include "action/ProblemLabel.h"
#include "action/SigningEditor.h"
#include "action/TemplateEditor.h"
#include "editing/PresetLibrary.h"
#include "endpoints/WebhookSiteReply.h"
#include "services/TestEndpoints.h"
#include "settings/LanguageManager.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace Kanca {

namespace {

bool hasBody(const QString &method)
{
    return method != u"GET" && method != u"DELETE";
}

// A tab page: the editor with the problems about it (if any) under it.
QWidget *page(QWidget *editor, ProblemLabel *problems, QWidget *parent)
{
    auto *widget = new QWidget(parent);
    auto *layout = new QVBoxLayout(widget);
    layout->addWidget(editor, 1);
    if (problems)
        layout->addWidget(problems);
    widget->setFocusProxy(editor);
    return widget;
}

// The messages of the problems whose pointers start with one of the prefixes.
QStringList messagesUnder(const Problems &problems, std::initializer_list<QStringView> prefixes,
                          QStringView except = {})
{
    QStringList messages;
    for (const Problem &problem : problems) {
        if (!except.isEmpty() && problem.pointer.startsWith(except))
            continue;
        for (const QStringView prefix : prefixes) {
            if (problem.pointer == prefix
                || (problem.pointer.startsWith(prefix)
                    && problem.pointer.at(prefix.size()) == u'/')) {
                messages.append(problem.message);
                break;
            }
        }
    }
    return messages;
}

} // namespace

WebhookActionEditor::WebhookActionEditor(QWidget *parent)
    : QWidget(parent)
    , m_method(new QComboBox(this))
    , m_url(new QLineEdit(this))
    , m_webhookSiteButton(new QToolButton(this))
    , m_catcherButton(new QToolButton(this))
    , m_endpointStatus(new QLabel(this))
    , m_endpointProblem(new ProblemLabel(this))
    , m_urlProblems(new ProblemLabel(this))
    , m_sections(new QTabWidget(this))
    , m_body(new BodyEditor(this))
    , m_headers(new NameValueTable(NameValueTable::Kind::Headers, this))
    , m_headerProblems(new ProblemLabel(this))
    , m_auth(new AuthEditor(this))
    , m_authProblems(new ProblemLabel(this))
    , m_signing(new SigningEditor(this))
    , m_signingProblems(new ProblemLabel(this))
    , m_delivery(new DeliveryPolicyEditor(this))
    , m_deliveryProblems(new ProblemLabel(this))
{
    m_method->setObjectName(QStringLiteral("actionMethod"));
    m_url->setObjectName(QStringLiteral("actionUrl"));
    m_webhookSiteButton->setObjectName(QStringLiteral("webhookSiteButton"));
    m_catcherButton->setObjectName(QStringLiteral("catcherButton"));
    m_endpointStatus->setObjectName(QStringLiteral("endpointStatus"));
    m_endpointStatus->setWordWrap(true);
    m_endpointStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_endpointStatus->hide();
    m_endpointProblem->setObjectName(QStringLiteral("endpointProblem"));
    m_webhookSiteButton->hide();
    m_catcherButton->hide();
    m_urlProblems->setObjectName(QStringLiteral("urlProblems"));
    m_sections->setObjectName(QStringLiteral("actionSections"));
    m_method->addItems({QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"),
                        QStringLiteral("PATCH"), QStringLiteral("DELETE")});
    m_method->setCurrentText(m_action.method);
    m_url->setClearButtonEnabled(true);
    LinePlaceholderCompletion::attach(m_url);
    m_sections->setDocumentMode(true);
    m_sections->insertTab(BodySection, page(m_body, nullptr, m_sections), QString());
    m_sections->insertTab(HeadersSection, page(m_headers, m_headerProblems, m_sections), {});
    m_sections->insertTab(AuthSection, page(m_auth, m_authProblems, m_sections), {});
    m_sections->insertTab(SigningSection, page(m_signing, m_signingProblems, m_sections), {});
    m_sections->insertTab(DeliverySection, page(m_delivery, m_deliveryProblems, m_sections), {});

    auto *requestLine = new QHBoxLayout;
    requestLine->setContentsMargins(0, 0, 0, 0);
    requestLine->addWidget(m_method);
    requestLine->addWidget(m_url, 1);
    requestLine->addWidget(m_webhookSiteButton);
    requestLine->addWidget(m_catcherButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(requestLine);
    layout->addWidget(m_urlProblems);
    layout->addWidget(m_endpointStatus);
    layout->addWidget(m_endpointProblem);
    layout->addWidget(m_sections, 1);

    connect(m_method, &QComboBox::activated, this,
            [this](int index) { changeMethod(m_method->itemText(index)); });
    connect(m_url, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_action.url = text;
        hideEndpointStatusIfStale();
        edit(tr("Change URL"), QStringLiteral("url"));
    });
    connect(m_webhookSiteButton, &QToolButton::clicked, this,
            &WebhookActionEditor::createWebhookSiteUrl);
    connect(m_catcherButton, &QToolButton::clicked, this, &WebhookActionEditor::useCatcherUrl);
    connect(m_body, &BodyEditor::bodyEdited, this,
            [this](const Body &body, const QString &undoText, const QString &mergeKey) {
                m_action.body = body;
                edit(undoText, mergeKey);
            });
    connect(m_body, &BodyEditor::presetChosen, this, &WebhookActionEditor::applyPreset);
    connect(m_body->templateEditor(), &TemplateEditor::problemsChanged, this, [this] {
        updateSections();
        Q_EMIT problemsChanged();
    });
    connect(
        m_headers, &NameValueTable::valuesEdited, this,
        [this](const QList<NameValue> &values, const QString &undoText, const QString &mergeKey) {
            m_action.headers = values;
            updateSections();
            edit(undoText,
                 mergeKey.isEmpty() ? QString() : QLatin1StringView("headers/") + mergeKey);
        });
    connect(m_auth, &AuthEditor::authEdited, this,
            [this](const Auth &auth, const QString &undoText, const QString &mergeKey) {
                m_action.auth = auth;
                edit(undoText, QLatin1StringView("auth/") + mergeKey);
            });
    connect(m_signing, &SigningEditor::signingEdited, this,
            [this](const Signing &signing, const QString &undoText, const QString &mergeKey) {
                m_action.signing = signing;
                edit(undoText, QLatin1StringView("signing/") + mergeKey);
            });
    connect(m_delivery, &DeliveryPolicyEditor::policyEdited, this,
            [this](int timeoutMs, const RetryPolicy &retry, const QString &undoText,
                   const QString &mergeKey) {
                m_action.timeoutMs = timeoutMs;
                m_action.retry = retry;
                edit(undoText, mergeKey);
            });

    setFocusProxy(m_url);
    setTabOrder(m_method, m_url);
    setTabOrder(m_url, m_webhookSiteButton);
    setTabOrder(m_webhookSiteButton, m_catcherButton);
    setTabOrder(m_catcherButton, m_sections->tabBar());
    setTabOrder(m_sections->tabBar(), m_body);
    retranslateUi();
    m_body->setBody(m_action.body);
    m_auth->setAuth(m_action.auth);
    m_signing->setSigning(m_action.signing);
    m_delivery->setPolicy(m_action.timeoutMs, m_action.retry);
    updateSections();
}

void WebhookActionEditor::setAction(const WebhookAction &action)
{
    if (action == m_action)
        return;
    // The action changed from outside (another rule shown, Undo): a URL still being made must
    // not land in it.
    if (m_tokenReply) {
        m_tokenReply->abort();
        m_endpointStatus->hide();
        m_endpointProblem->setMessages({});
    }
    if (hasBody(action.method) || action.method != m_action.method)
        m_bodyWithoutMethod.reset();
    m_action = action;
    hideEndpointStatusIfStale();
    if (m_method->currentText() != action.method)
        m_method->setCurrentText(action.method);
    setTextKeepingCursor(m_url, action.url);
    m_body->setBody(action.body);
    m_headers->setValues(action.headers);
    m_auth->setAuth(action.auth);
    m_signing->setSigning(action.signing);
    m_delivery->setPolicy(action.timeoutMs, action.retry);
    updateSections();
}

void WebhookActionEditor::setSecretStore(SecretStore *store)
{
    m_auth->setSecretStore(store);
    m_signing->setSecretStore(store);
}

void WebhookActionEditor::setSecretSuggestions(const QStringList &names)
{
    m_auth->setSecretSuggestions(names);
    m_signing->setSecretSuggestions(names);
}

void WebhookActionEditor::setTestEndpoints(TestEndpoints *endpoints)
{
    m_testEndpoints = endpoints;
    m_webhookSiteButton->setVisible(endpoints != nullptr);
    m_catcherButton->setVisible(endpoints != nullptr);
}

QString WebhookActionEditor::endpointStatus() const
{
    return m_endpointProblem->isHidden()
               ? (m_endpointStatus->isHidden() ? QString() : m_endpointStatus->text())
               : m_endpointProblem->text();
}

void WebhookActionEditor::createWebhookSiteUrl()
{
    if (!m_testEndpoints || m_tokenReply)
        return;
    WebhookSiteClient *client = m_testEndpoints->webhookSite();
    m_tokenReply = client->createToken();
    m_webhookSiteButton->setEnabled(false);
    showEndpointStatus(tr("Asking %1 for a new URL…").arg(client->baseUrl().host()), false);
    WebhookSiteReply *reply = m_tokenReply;
    connect(reply, &WebhookSiteReply::finished, this, [this, reply] { tokenCreated(reply); });
}

void WebhookActionEditor::tokenCreated(WebhookSiteReply *reply)
{
    reply->deleteLater();
    m_webhookSiteButton->setEnabled(true);
    if (reply->error() == WebhookSiteReply::Error::Aborted)
        return;
    if (reply->error() != WebhookSiteReply::Error::None) {
        showEndpointStatus(tr("No webhook.site URL was made: %1").arg(reply->errorString()), true);
        return;
    }
    setUrl(reply->token().url.toString(QUrl::FullyEncoded), tr("Use webhook.site URL"));
    m_endpointStatusUrl = m_action.url;
    showEndpointStatus(tr("A new webhook.site URL. After Send test, the preview shows what "
                          "webhook.site received beside what was sent."),
                       false);
}

void WebhookActionEditor::useCatcherUrl()
{
    if (!m_testEndpoints)
        return;
    QString error;
    if (!m_testEndpoints->startCatcher(0, &error)) {
        showEndpointStatus(tr("The local catcher cannot start: %1").arg(error), true);
        return;
    }
    setUrl(m_testEndpoints->catcherUrl(), tr("Use Catcher URL"));
    m_endpointStatusUrl = m_testEndpoints->catcherUrl();
    showEndpointStatus(tr("The local catcher listens at %1. What it receives is listed in the "
                          "Local Catcher panel and beside the response after Send test.")
                           .arg(m_testEndpoints->catcherUrl()),
                       false);
}

void WebhookActionEditor::setUrl(const QString &url, const QString &undoText)
{
    if (url == m_action.url)
        return;
    m_action.url = url;
    m_url->setText(url);
    edit(undoText, QString());
}

void WebhookActionEditor::hideEndpointStatusIfStale()
{
    // What the status line says of the catcher or webhook.site is about the URL it set; once
    // the URL points elsewhere (typed over, Undo, another rule) it would mislead.
    if (m_endpointStatus->isHidden() || m_endpointStatusUrl.isEmpty()
        || m_action.url.trimmed() == m_endpointStatusUrl)
        return;
    m_endpointStatus->hide();
    m_endpointStatusUrl.clear();
}

void WebhookActionEditor::showEndpointStatus(const QString &text, bool problem)
{
    m_endpointProblem->setMessages(problem ? QStringList{text} : QStringList{});
    m_endpointStatus->setText(text);
    m_endpointStatus->setVisible(!problem);
}

void WebhookActionEditor::setProblems(const Problems &problems)
{
    if (problems == m_problems)
        return;
    m_problems = problems;
    m_urlProblems->setMessages(messagesUnder(problems, {u"/url", u"/method"}));
    // The payload editor reports its template's problems itself, as they are typed.
    m_body->setProblems(messagesUnder(problems, {u"/body"}, u"/body/template"));
    m_headerProblems->setMessages(messagesUnder(problems, {u"/headers"}));
    m_authProblems->setMessages(messagesUnder(problems, {u"/auth"}));
    m_signingProblems->setMessages(messagesUnder(problems, {u"/signing"}));
    m_deliveryProblems->setMessages(messagesUnder(problems, {u"/timeoutMs", u"/retry"}));
    updateSections();
    Q_EMIT problemsChanged();
}

void WebhookActionEditor::focusPlace(const QString &tail)
{
    const auto under = [&tail](QStringView key) {
        return tail == key || tail.startsWith(key.toString() + u'/');
    };
    int section = -1;
    if (under(u"/method")) {
        m_method->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (tail.isEmpty() || under(u"/url") || under(u"/type")) {
        m_url->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (under(u"/body"))
        section = BodySection;
    else if (under(u"/headers"))
        section = HeadersSection;
    else if (under(u"/auth"))
        section = AuthSection;
    else if (under(u"/signing"))
        section = SigningSection;
    else if (under(u"/timeoutMs") || under(u"/retry"))
        section = DeliverySection;
    if (section < 0 || !m_sections->isTabVisible(section)) {
        m_url->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_sections->setCurrentIndex(section);
    QWidget *page = m_sections->widget(section);
    if (section == BodySection)
        m_body->templateEditor()->setFocus(Qt::OtherFocusReason);
    else if (QWidget *first = page->nextInFocusChain(); first && page->isAncestorOf(first))
        first->setFocus(Qt::OtherFocusReason);
    else
        page->setFocus(Qt::OtherFocusReason);
}

bool WebhookActionEditor::hasProblems() const
{
    return !m_problems.isEmpty()
           || (hasBody(m_action.method) && !m_body->templateEditor()->problems().isEmpty()
               && (m_action.body.format == Body::Format::Json
                   || m_action.body.format == Body::Format::Text));
}

void WebhookActionEditor::changeMethod(const QString &method)
{
    if (method == m_action.method)
        return;
    const bool hadBody = hasBody(m_action.method);
    m_action.method = method;
    if (hadBody && !hasBody(method)) {
        // The body is set aside, so that going back to POST brings it back.
        if (m_action.body.format != Body::Format::None)
            m_bodyWithoutMethod = m_action.body;
        m_action.body = Body{};
    } else if (!hadBody && hasBody(method) && m_action.body.format == Body::Format::None) {
        if (m_bodyWithoutMethod) {
            m_action.body = *m_bodyWithoutMethod;
        } else {
            m_action.body.format = Body::Format::Json;
        }
        m_bodyWithoutMethod.reset();
    }
    m_body->setBody(m_action.body);
    updateSections();
    edit(tr("Change Method"), QStringLiteral("method"));
}

void WebhookActionEditor::applyPreset(const QString &presetId)
{
    const Preset *preset = PresetLibrary::builtIn().preset(presetId);
    if (!preset)
        return;
    const WebhookAction action =
        PresetLibrary::apply(*preset, m_action, LanguageManager::instance().language());
    if (action == m_action)
        return;
    setAction(action);
    edit(tr("Apply Preset"), QString());
}

void WebhookActionEditor::edit(const QString &undoText, const QString &mergeKey)
{
    Q_EMIT actionEdited(m_action, undoText, mergeKey);
}

void WebhookActionEditor::updateSections()
{
    const bool body = hasBody(m_action.method);
    m_sections->setTabVisible(BodySection, body);
    if (!body && m_sections->currentIndex() == BodySection)
        m_sections->setCurrentIndex(HeadersSection);

    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    const auto mark = [&](int section, bool problems) {
        m_sections->setTabIcon(section, problems ? warning : QIcon());
    };
    const bool templateProblems = !m_body->templateEditor()->problems().isEmpty()
                                  && (m_action.body.format == Body::Format::Json
                                      || m_action.body.format == Body::Format::Text);
    mark(BodySection, templateProblems || !messagesUnder(m_problems, {u"/body"}).isEmpty());
    mark(HeadersSection, !messagesUnder(m_problems, {u"/headers"}).isEmpty());
    mark(AuthSection, !messagesUnder(m_problems, {u"/auth"}).isEmpty());
    mark(SigningSection, !messagesUnder(m_problems, {u"/signing"}).isEmpty());
    mark(DeliverySection, !messagesUnder(m_problems, {u"/timeoutMs", u"/retry"}).isEmpty());

    const int headers = int(m_action.headers.size());
    m_sections->setTabText(HeadersSection,
                           headers == 0 ? tr("&Headers") : tr("&Headers (%1)").arg(headers));
}

void WebhookActionEditor::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::StyleChange)
        updateSections();
}

void WebhookActionEditor::retranslateUi()
{
    m_method->setAccessibleName(tr("Method"));
    m_method->setToolTip(tr("HTTP method"));
    m_url->setAccessibleName(tr("URL"));
    m_webhookSiteButton->setText(tr("webhook.site"));
    m_webhookSiteButton->setToolTip(tr("Create a fresh webhook.site URL and send this action "
                                       "there"));
    m_catcherButton->setText(tr("Catcher"));
    m_catcherButton->setToolTip(tr("Send this action to the local catcher on 127.0.0.1"));
    m_url->setPlaceholderText(tr("https://example.com/webhook (placeholders such as "
                                 "{{contact.id}} are allowed)"));
    m_sections->setTabText(BodySection, tr("&Body"));
    m_sections->setTabText(AuthSection, tr("&Authentication"));
    m_sections->setTabText(SigningSection, tr("&Signing"));
    m_sections->setTabText(DeliverySection, tr("&Delivery"));
    m_sections->setAccessibleName(tr("Request parts"));
    updateSections();
}

} // namespace Kanca
