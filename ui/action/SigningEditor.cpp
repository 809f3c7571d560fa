#include "action/SigningEditor.h"

#include "action/LineEditText.h"
#include "action/SecretField.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace Kanca {

SigningEditor::SigningEditor(QWidget *parent)
    : QWidget(parent)
    , m_form(new QFormLayout(this))
    , m_type(new QComboBox(this))
    , m_header(new QLineEdit(this))
    , m_prefix(new QLineEdit(this))
    , m_encoding(new QComboBox(this))
    , m_secret(new SecretField(QStringLiteral("signingSecret"), this))
    , m_typeLabel(new QLabel(this))
    , m_headerLabel(new QLabel(this))
    , m_prefixLabel(new QLabel(this))
    , m_encodingLabel(new QLabel(this))
    , m_secretLabel(new QLabel(this))
    , m_hint(new QLabel(this))
{
    m_type->setObjectName(QStringLiteral("signingType"));
    m_header->setObjectName(QStringLiteral("signingHeader"));
    m_prefix->setObjectName(QStringLiteral("signingPrefix"));
    m_encoding->setObjectName(QStringLiteral("signingEncoding"));
    for (const Signing::Type type :
         {Signing::Type::None, Signing::Type::StandardWebhooks, Signing::Type::HmacSha256}) {
        m_type->addItem(QString(), int(type));
    }
    m_encoding->addItem(QString(), int(Signing::Encoding::Hex));
    m_encoding->addItem(QString(), int(Signing::Encoding::Base64));
    m_hint->setWordWrap(true);
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_typeLabel->setBuddy(m_type);
    m_headerLabel->setBuddy(m_header);
    m_prefixLabel->setBuddy(m_prefix);
    m_encodingLabel->setBuddy(m_encoding);
    m_secretLabel->setBuddy(m_secret->nameBox());

    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_form->addRow(m_typeLabel, m_type);
    m_form->addRow(m_headerLabel, m_header);
    m_form->addRow(m_prefixLabel, m_prefix);
    m_form->addRow(m_encodingLabel, m_encoding);
    m_form->addRow(m_secretLabel, m_secret);
    m_form->addRow(m_hint);

    connect(m_type, &QComboBox::activated, this, [this](int index) {
        const auto type = Signing::Type(m_type->itemData(index).toInt());
        if (type == m_signing.type)
            return;
        m_signing.type = type;
        updateRows();
        edit(QStringLiteral("type"));
    });
    connect(m_header, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_signing.header = text;
        edit(QStringLiteral("header"));
    });
    connect(m_prefix, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_signing.prefix = text;
        edit(QStringLiteral("prefix"));
    });
    connect(m_encoding, &QComboBox::activated, this, [this](int index) {
        const auto encoding = Signing::Encoding(m_encoding->itemData(index).toInt());
        if (encoding == m_signing.encoding)
            return;
        m_signing.encoding = encoding;
        edit(QStringLiteral("encoding"));
    });
    connect(m_secret, &SecretField::secretNameEdited, this, [this](const QString &name) {
        m_signing.secret.name = name;
        edit(QStringLiteral("secret"));
    });
    m_header->setText(m_signing.header);
    m_prefix->setText(m_signing.prefix);
    retranslateUi();
    updateRows();
}

void SigningEditor::setSigning(const Signing &signing)
{
    if (signing == m_signing)
        return;
    m_signing = signing;
    m_type->setCurrentIndex(m_type->findData(int(signing.type)));
    setTextKeepingCursor(m_header, signing.header);
    setTextKeepingCursor(m_prefix, signing.prefix);
    m_encoding->setCurrentIndex(m_encoding->findData(int(signing.encoding)));
    m_secret->setSecretName(signing.secret.name);
    updateRows();
}

void SigningEditor::setSecretStore(SecretStore *store)
{
    m_secret->setSecretStore(store);
}

void SigningEditor::setSecretSuggestions(const QStringList &names)
{
    m_secret->setSuggestions(names);
}

void SigningEditor::edit(const QString &mergeKey)
{
    Q_EMIT signingEdited(m_signing, tr("Change Signing"), mergeKey);
}

void SigningEditor::updateRows()
{
    const bool hmac = m_signing.type == Signing::Type::HmacSha256;
    m_form->setRowVisible(m_header, hmac);
    m_form->setRowVisible(m_prefix, hmac);
    m_form->setRowVisible(m_encoding, hmac);
    m_form->setRowVisible(m_secret, m_signing.type != Signing::Type::None);
    switch (m_signing.type) {
    case Signing::Type::None:
        m_hint->setText(tr("The request is not signed."));
        break;
    case Signing::Type::StandardWebhooks:
        m_hint->setText(tr("Adds the headers webhook-id, webhook-timestamp and "
                           "webhook-signature (an HMAC-SHA256 of id, time and body). The secret "
                           "is the whsec_ key the receiver gave you. The webhook-id stays the "
                           "same across retries, so the receiver can drop repeats."));
        break;
    case Signing::Type::HmacSha256:
        m_hint->setText(tr("Adds one header with the HMAC-SHA256 of the body, as GitHub's "
                           "X-Hub-Signature-256: sha256=<hex>."));
        break;
    }
}

void SigningEditor::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

void SigningEditor::retranslateUi()
{
    m_type->setItemText(0, tr("None"));
    m_type->setItemText(1, tr("Standard Webhooks"));
    m_type->setItemText(2, tr("HMAC-SHA256 of the body"));
    m_encoding->setItemText(0, tr("Hexadecimal"));
    m_encoding->setItemText(1, tr("Base64"));
    m_typeLabel->setText(tr("&Type:"));
    m_headerLabel->setText(tr("&Header:"));
    m_prefixLabel->setText(tr("&Prefix:"));
    m_encodingLabel->setText(tr("&Encoding:"));
    m_secretLabel->setText(tr("Secre&t:"));
    m_type->setAccessibleName(tr("Signing"));
    m_header->setAccessibleName(tr("Signature header"));
    m_prefix->setAccessibleName(tr("Signature prefix"));
    m_encoding->setAccessibleName(tr("Signature encoding"));
    updateRows();
}

} // namespace Kanca
