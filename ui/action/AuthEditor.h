#pragma once

#include "model/WebhookAction.h"

#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace Kanca {

class SecretField;
class SecretStore;

// How the request proves who sends it: none, HTTP Basic (seed 002), a Bearer token, or a secret
// header such as X-Webhook-Secret (seed 004). Passwords, tokens and header values are secrets:
// the action names them, the keychain holds them.
class AuthEditor final : public QWidget
{
    Q_OBJECT

public:
    explicit AuthEditor(QWidget *parent = nullptr);

    const Auth &auth() const { return m_auth; }
    // Shows this authentication without emitting authEdited(); keeps focus and cursors.
    void setAuth(const Auth &auth);
    void setSecretStore(SecretStore *store);
    void setSecretSuggestions(const QStringList &names);

Q_SIGNALS:
    void authEdited(const Kanca::Auth &auth, const QString &undoText, const QString &mergeKey);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateRows();
    void edit(const QString &mergeKey);

    Auth m_auth;
    QFormLayout *m_form;
    QComboBox *m_type;
    QLineEdit *m_username;
    QLineEdit *m_headerName;
    SecretField *m_secret;
    QLabel *m_typeLabel;
    QLabel *m_usernameLabel;
    QLabel *m_headerNameLabel;
    QLabel *m_secretLabel;
    QLabel *m_hint;
};

} // namespace Kanca
