#pragma once

#include "delivery/DeliveryEngine.h"
#include "history/HistoryDatabase.h"
#include "services/SecretStore.h"

#include <QObject>

#include <memory>

namespace Kanca {

// What the designer sends with: the history database, the delivery engine working in the
// background (finishing any delivery left unfinished by a crash or by `kanca send`), and the
// secrets. One per window.
class DeliveryService final : public QObject
{
    Q_OBJECT

public:
    explicit DeliveryService(QObject *parent = nullptr);
    ~DeliveryService() override;

    // Opens the history (and resumes its unfinished deliveries); false with a message if not.
    bool open(const QString &databasePath, QString *error);
    bool isOpen() const;
    QString databasePath() const;
    // Why the last open() failed; empty after one that succeeded.
    QString openError() const { return m_openError; }

    HistoryDatabase &history() { return *m_history; }
    DeliveryEngine &engine() { return *m_engine; }
    SecretStore &secrets() { return *m_secrets; }

Q_SIGNALS:
    // A delivery or attempt was committed, or open() was called: history views refresh.
    void historyChanged();

private:
    std::unique_ptr<HistoryDatabase> m_history;
    SecretStore *m_secrets;
    std::unique_ptr<DeliveryEngine> m_engine;
    QString m_openError;
};

} // namespace Kanca
