#pragma once

#include <QPointer>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace Kanca {

class SecretStore;

// A secret's name (capital letters, digits and "_", at most 64; typed letters become capitals),
// chosen from the names the rule already uses or typed anew; a "Set value…" button that puts
// the value into the system keychain through SecretStore; and a line saying where the value
// comes from. The value itself never passes through the action.
class SecretField final : public QWidget
{
    Q_OBJECT

public:
    // objectName: the name combo's ("authSecret"); the button and the status line get the same
    // with "SetValue" and "Status" appended.
    explicit SecretField(const QString &objectName, QWidget *parent = nullptr);

    void setSecretStore(SecretStore *store);
    QString secretName() const;
    // Shows this name without emitting secretNameEdited(); keeps the cursor.
    void setSecretName(const QString &name);
    void setSuggestions(const QStringList &names);

    QComboBox *nameBox() const { return m_name; }

Q_SIGNALS:
    void secretNameEdited(const QString &name);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateStatus();
    void askForValue();

    QPointer<SecretStore> m_store;
    QComboBox *m_name;
    QPushButton *m_setValue;
    QLabel *m_status;
    QString m_keychainError;
    QStringList m_suggestions;
    bool m_storing = false;
};

} // namespace Kanca
