#include "action/AuthEditor.h"

#include "action/LineEditText.h"
#include "action/SecretField.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace Kanca {

AuthEditor::AuthEditor(QWidget *parent)
    : QWidget(parent)
    , m_form(new QFormLayout(this))
    , m_type(new QComboBox(this))
    , m_username(new QLineEdit(this))
    , m_headerName(new QLineEdit(this))
    , m_secret(new SecretField(QStringLiteral("authSecret"), this))
    , m_typeLabel(new QLabel(this))
    , m_usernameLabel(new QLabel(this))
    , m_headerNameLabel(new QLabel(this))
    , m_secretLabel(new QLabel(this))
    , m_hint(new QLabel(this))
{
    m_type->setObjectName(QStringLiteral("authType"));
    m_username->setObjectName(QStringLiteral("authUsername"));
    m_headerName->setObjectName(QStringLiteral("authHeaderName"));
    for (const Auth::Type type :
         {Auth::Type::None, Auth::Type::Basic, Auth::Type::Bearer, Auth::Type::Header}) {
        m_type->addItem(QString(), int(type));
    }
    m_hint->setWordWrap(true);
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_typeLabel->setBuddy(m_type);
    m_usernameLabel->setBuddy(m_username);
    m_headerNameLabel->setBuddy(m_headerName);
    m_secretLabel->setBuddy(m_secret->nameBox());

    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_form->addRow(m_typeLabel, m_type);
    m_form->addRow(m_usernameLabel, m_username);
    m_form->addRow(m_headerNameLabel, m_headerName);
    m_form->addRow(m_secretLabel, m_secret);
    m_form->addRow(m_hint);

    connect(m_type, &QComboBox::activated, this, [this](int index) {
        const auto type = Auth::Type(m_type->itemData(index).toInt());
        if (type == m_auth.type)
            return;
        m_auth.type = type;
        if (type == Auth::Type::Header && m_auth.headerName.isEmpty()) {
            m_auth.headerName = QStringLiteral("X-Webhook-Secret");
            m_headerName->setText(m_auth.headerName);
        }
        updateRows();
        edit(QStringLiteral("type"));
    });
    connect(m_username, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_auth.username = text;
        edit(QStringLiteral("username"));
    });
    connect(m_headerName, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_auth.headerName = text;
        edit(QStringLiteral("name"));
    });
    connect(m_secret, &SecretField::secretNameEdited, this, [this](const QString &name) {
        m_auth.secret.name = name;
        edit(QStringLiteral("secret"));
    });
    retranslateUi();
    updateRows();
}

void AuthEditor::setAuth(const Auth &auth)
{
    if (auth == m_auth)
        return;
    m_auth = auth;
    m_type->setCurrentIndex(m_type->findData(int(auth.type)));
    setTextKeepingCursor(m_username, auth.username);
    setTextKeepingCursor(m_headerName, auth.headerName);
    m_secret->setSecretName(auth.secret.name);
    updateRows();
}

void AuthEditor::setSecretStore(SecretStore *store)
{
    m_secret->setSecretStore(store);
}

void AuthEditor::setSecretSuggestions(const QStringList &names)
{
    m_secret->setSuggestions(names);
}

void AuthEditor::edit(const QString &mergeKey)
{
    Q_EMIT authEdited(m_auth, tr("Change Authentication"), mergeKey);
}

void AuthEditor::updateRows()
{
    const Auth::Type type = m_auth.type;
    m_form->setRowVisible(m_username, type == Auth::Type::Basic);
    m_form->setRowVisible(m_headerName, type == Auth::Type::Header);
    m_form->setRowVisible(m_secret, type != Auth::Type::None);
    switch (type) {
    case Auth::Type::None:
        m_hint->setText(tr("The request carries no credentials. Anyone who knows the URL can "
                           "call the receiver: prefer a secret where the receiver supports one."));
        break;
    case Auth::Type::Basic:
        m_secretLabel->setText(tr("&Password:"));
        m_hint->setText(tr("Sent as an \"Authorization: Basic\" header, as SALESmanago does."));
        break;
    case Auth::Type::Bearer:
        m_secretLabel->setText(tr("T&oken:"));
        m_hint->setText(tr("Sent as an \"Authorization: Bearer\" header."));
        break;
    case Auth::Type::Header:
        m_secretLabel->setText(tr("&Value:"));
        m_hint->setText(tr("The secret goes in a header of its own, as Suppabot's "
                           "X-Webhook-Secret; the receiver compares it with its copy."));
        break;
    }
}

void AuthEditor::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

void AuthEditor::retranslateUi()
{
    m_type->setItemText(0, tr("None"));
    m_type->setItemText(1, tr("HTTP Basic"));
    m_type->setItemText(2, tr("Bearer token"));
    m_type->setItemText(3, tr("Secret header"));
    m_typeLabel->setText(tr("&Type:"));
    m_usernameLabel->setText(tr("&User name:"));
    m_headerNameLabel->setText(tr("&Header name:"));
    m_type->setAccessibleName(tr("Authentication"));
    m_username->setAccessibleName(tr("User name"));
    m_headerName->setAccessibleName(tr("Header name"));
    m_headerName->setPlaceholderText(QStringLiteral("X-Webhook-Secret"));
    updateRows();
}

} // namespace Kanca
