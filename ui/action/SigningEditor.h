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

// How the receiver can check that a request is genuine and unchanged: Standard Webhooks
// (webhook-id, webhook-timestamp, webhook-signature) or an HMAC-SHA256 of the body in a header
// of its own (GitHub's X-Hub-Signature-256), each with a named secret.
class SigningEditor final : public QWidget
{
    Q_OBJECT

public:
    explicit SigningEditor(QWidget *parent = nullptr);

    const Signing &signing() const { return m_signing; }
    // Shows this signing without emitting signingEdited(); keeps focus and cursors.
    void setSigning(const Signing &signing);
    void setSecretStore(SecretStore *store);
    void setSecretSuggestions(const QStringList &names);

Q_SIGNALS:
    void signingEdited(const Kanca::Signing &signing, const QString &undoText,
                       const QString &mergeKey);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateRows();
    void edit(const QString &mergeKey);

    Signing m_signing;
    QFormLayout *m_form;
    QComboBox *m_type;
    QLineEdit *m_header;
    QLineEdit *m_prefix;
    QComboBox *m_encoding;
    SecretField *m_secret;
    QLabel *m_typeLabel;
    QLabel *m_headerLabel;
    QLabel *m_prefixLabel;
    QLabel *m_encodingLabel;
    QLabel *m_secretLabel;
    QLabel *m_hint;
};

} // namespace Kanca
