#include "action/SecretField.h"

#include "services/SecretStore.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>
#include <QValidator>

namespace Kanca {

namespace {

bool isSecretName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Z0-9_]{1,64}$"));
    return pattern.match(name).hasMatch();
}

// Turns typed letters into capitals and refuses anything else than [A-Z0-9_].
class SecretNameValidator final : public QValidator
{
public:
    using QValidator::QValidator;

    State validate(QString &input, int &) const override
    {
        input = input.toUpper();
        if (input.size() > 64)
            return Invalid;
        for (const QChar c : std::as_const(input)) {
            const bool ok = (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_';
            if (!ok)
                return Invalid;
        }
        return input.isEmpty() ? Intermediate : Acceptable;
    }
};

} // namespace

SecretField::SecretField(const QString &objectName, QWidget *parent)
    : QWidget(parent)
    , m_name(new QComboBox(this))
    , m_setValue(new QPushButton(this))
    , m_status(new QLabel(this))
{
    m_name->setObjectName(objectName);
    m_setValue->setObjectName(objectName + QLatin1StringView("SetValue"));
    m_status->setObjectName(objectName + QLatin1StringView("Status"));
    m_name->setEditable(true);
    m_name->setInsertPolicy(QComboBox::NoInsert);
    m_name->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_name->setMinimumContentsLength(20);
    m_name->setValidator(new SecretNameValidator(m_name));
    m_name->setCompleter(nullptr); // the list is short; typing must not jump to a name
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_name, 1);
    row->addWidget(m_setValue);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(m_status);
    setFocusProxy(m_name);

    connect(m_name->lineEdit(), &QLineEdit::textEdited, this, [this](const QString &text) {
        updateStatus();
        Q_EMIT secretNameEdited(text);
    });
    connect(m_name, &QComboBox::activated, this, [this](int) {
        updateStatus();
        Q_EMIT secretNameEdited(m_name->currentText());
    });
    connect(m_name->lineEdit(), &QLineEdit::editingFinished, this, [this] {
        if (m_store && isSecretName(m_name->currentText()))
            m_store->load({m_name->currentText()});
    });
    connect(m_setValue, &QPushButton::clicked, this, &SecretField::askForValue);
    retranslateUi();
}

void SecretField::setSecretStore(SecretStore *store)
{
    if (store == m_store)
        return;
    if (m_store)
        m_store->disconnect(this);
    m_store = store;
    if (m_store) {
        connect(m_store, &SecretStore::changed, this, &SecretField::updateStatus);
        connect(m_store, &SecretStore::keychainError, this,
                [this](const QString &name, const QString &message) {
                    if (!m_storing || name != secretName())
                        return;
                    m_storing = false;
                    m_keychainError = message;
                    updateStatus();
                });
        if (isSecretName(secretName()))
            m_store->load({secretName()});
    }
    updateStatus();
}

QString SecretField::secretName() const
{
    return m_name->currentText();
}

void SecretField::setSecretName(const QString &name)
{
    if (name != m_name->currentText()) {
        QLineEdit *edit = m_name->lineEdit();
        const int position = edit->cursorPosition();
        m_name->setEditText(name);
        edit->setCursorPosition(std::min(position, int(name.size())));
        m_keychainError.clear();
    }
    if (m_store && isSecretName(name))
        m_store->load({name});
    updateStatus();
}

void SecretField::setSuggestions(const QStringList &names)
{
    if (names == m_suggestions)
        return;
    m_suggestions = names;
    const QString text = m_name->currentText();
    const int position = m_name->lineEdit()->cursorPosition();
    m_name->clear();
    m_name->addItems(names);
    m_name->setEditText(text);
    m_name->lineEdit()->setCursorPosition(position);
}

void SecretField::updateStatus()
{
    const QString name = m_name->currentText();
    const bool valid = isSecretName(name);
    m_setValue->setEnabled(valid && m_store);
    if (name.isEmpty()) {
        m_status->setText(tr("Name the secret, for example CRM_TOKEN."));
    } else if (!valid) {
        m_status->setText(tr("Use capital letters, digits and \"_\", at most 64 of them."));
    } else if (!m_keychainError.isEmpty()) {
        m_status->setText(m_keychainError);
    } else if (!m_store) {
        m_status->setText(tr("The rule set keeps only the name; the value is set on each "
                             "computer."));
    } else {
        switch (m_store->source(name)) {
        case SecretStore::Source::Keychain:
            m_status->setText(tr("The value is stored in the keychain."));
            break;
        case SecretStore::Source::Environment:
            m_status->setText(tr("The value comes from the environment variable "
                                 "KANCA_SECRET_%1.")
                                  .arg(name));
            break;
        case SecretStore::Source::Missing:
            m_status->setText(tr("No value is set. Use \"Set Value…\" or the environment "
                                 "variable KANCA_SECRET_%1.")
                                  .arg(name));
            break;
        }
    }
    m_name->setAccessibleDescription(m_status->text());
}

void SecretField::askForValue()
{
    const QString name = m_name->currentText();
    if (!m_store || !isSecretName(name))
        return;
    QInputDialog dialog(this);
    dialog.setObjectName(QStringLiteral("secretValueDialog"));
    dialog.setWindowTitle(tr("Secret Value"));
    dialog.setLabelText(tr("Value of %1. It is kept in the system keychain of this computer, "
                           "never in the rule set.")
                            .arg(name));
    dialog.setInputMode(QInputDialog::TextInput);
    dialog.setTextEchoMode(QLineEdit::Password);
    dialog.setOkButtonText(tr("Store"));
    if (dialog.exec() != QDialog::Accepted || dialog.textValue().isEmpty())
        return;
    m_keychainError.clear();
    m_storing = true;
    m_store->store(name, dialog.textValue().toUtf8());
    dialog.setTextValue(QString());
}

void SecretField::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

void SecretField::retranslateUi()
{
    m_setValue->setText(tr("Set Value…"));
    m_setValue->setToolTip(tr("Store the secret's value in the system keychain"));
    m_setValue->setAccessibleName(tr("Set the secret's value"));
    m_name->setAccessibleName(tr("Secret name"));
    m_name->lineEdit()->setPlaceholderText(tr("SECRET_NAME"));
    updateStatus();
}

} // namespace Kanca
