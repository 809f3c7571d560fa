#pragma once

#include "format/Problem.h"
#include "model/WebhookAction.h"

#include <QStringList>
#include <QWidget>

#include <optional>

class QComboBox;
class QLineEdit;
class QTabWidget;

namespace Kanca {

class AuthEditor;
class BodyEditor;
class DeliveryPolicyEditor;
class NameValueTable;
class ProblemLabel;
class SecretStore;
class SigningEditor;

// One "Call webhook" action: method and URL on top (as in Postman), and below them the body,
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
    // The rule set's problems about this action, with pointers relative to it ("/url").
    void setProblems(const Problems &problems);
    // Whether the action has problems (the rule set's, or its payload's as typed).
    bool hasProblems() const;

    QTabWidget *sections() const { return m_sections; }
    BodyEditor *bodyEditor() const { return m_body; }

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

    WebhookAction m_action;
    std::optional<Body> m_bodyWithoutMethod; // the body a GET or DELETE set aside
    Problems m_problems;
    QComboBox *m_method;
    QLineEdit *m_url;
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
