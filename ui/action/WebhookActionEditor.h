#pragma once

#include "format/Problem.h"
#include "model/WebhookAction.h"

#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;
class QTabWidget;

namespace Kanca {

class AuthEditor;
class BodyEditor;
class DeliveryPolicyEditor;
class NameValueTable;
class ProblemLabel;
class SecretStore;
class SigningEditor;
class TestEndpoints;
class WebhookSiteReply;

// One "Call webhook" action: method and URL on top, as in an HTTP client, and below them the body,
// headers, authentication, signing and delivery policy in tabs. Edits are reported with an
// undo text and a merge key relative to the action ("url", "body", "headers/0/value").
class WebhookActionEditor final : public QWidget
{
    Q_OBJECT

public:
    explicit WebhookActionEditor(QWidget *parent = nullptr);

    const WebhookAction &action() const { return m_action; }
    // Shows this action without emitting actionEdited(); keeps focus and cursors.
    void setAction(const WebhookAction &action);
    void setSecretStore(SecretStore *store);
    void setSecretSuggestions(const QStringList &names);
    // Shows the "webhook.site" and "Catcher" buttons beside the URL: one click puts a fresh
    // webhook.site URL, or the local catcher's URL, into the action.
    void setTestEndpoints(TestEndpoints *endpoints);
    // The rule set's problems about this action, with pointers relative to it ("/url").
    void setProblems(const Problems &problems);
    // Shows and focuses the field a pointer below the action is about ("/url", "/body/template",
    // "/auth/token"): its section first, if it is on one.
    void focusPlace(const QString &actionPointerTail);
    // Whether the action has problems (the rule set's, or its payload's as typed).
    bool hasProblems() const;

    QTabWidget *sections() const { return m_sections; }
    QToolButton *webhookSiteButton() const { return m_webhookSiteButton; }
    QToolButton *catcherButton() const { return m_catcherButton; }
    // What the last webhook.site or catcher click did, or why it failed; empty before.
    QString endpointStatus() const;

    // Asks webhook.site for a fresh URL; the action gets it when the answer comes.
    void createWebhookSiteUrl();
    // Starts the local catcher if needed and puts its URL into the action.
    void useCatcherUrl();

Q_SIGNALS:
    void actionEdited(const Kanca::WebhookAction &action, const QString &undoText,
                      const QString &mergeKey);
    void problemsChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    enum Section { BodySection, HeadersSection, AuthSection, SigningSection, DeliverySection };

    void retranslateUi();
    void updateSections();
    void changeMethod(const QString &method);
    void applyPreset(const QString &presetId);
    void edit(const QString &undoText, const QString &mergeKey);
    void setUrl(const QString &url, const QString &undoText);
    void showEndpointStatus(const QString &text, bool problem);
    void hideEndpointStatusIfStale();
    void tokenCreated(WebhookSiteReply *reply);

    WebhookAction m_action;
    std::optional<Body> m_bodyWithoutMethod; // the body a GET or DELETE set aside
    Problems m_problems;
    QComboBox *m_method;
    QLineEdit *m_url;
    QToolButton *m_webhookSiteButton;
    QToolButton *m_catcherButton;
    QLabel *m_endpointStatus;
    ProblemLabel *m_endpointProblem;
    QString m_endpointStatusUrl; // the URL the status line speaks of; hidden once it changes
    QPointer<TestEndpoints> m_testEndpoints;
    QPointer<WebhookSiteReply> m_tokenReply; // a webhook.site URL being made
    ProblemLabel *m_urlProblems;
    QTabWidget *m_sections;
    BodyEditor *m_body;
    NameValueTable *m_headers;
    ProblemLabel *m_headerProblems;
    AuthEditor *m_auth;
    ProblemLabel *m_authProblems;
    SigningEditor *m_signing;
    ProblemLabel *m_signingProblems;
    DeliveryPolicyEditor *m_delivery;
    ProblemLabel *m_deliveryProblems;
};

} // namespace Kanca
