#pragma once

#include "delivery/DeliveryEngine.h"
#include "history/HistoryDatabase.h"
#include "services/SecretStore.h"
#include "services/StorageFailure.h"

#include <QObject>

#include <memory>
#include <optional>

namespace Kanca {

// What the designer sends with: the history database, the delivery engine working in the
// background (finishing any delivery left unfinished by a crash or by `kanca send`), and the
// secrets. One per window.
//
// When the history cannot be opened, or cannot be written and the engine stops, storageFailure()
// says why until resume() succeeds: resume() opens the history again and sends with a new engine,
// which takes over at once what the stopped one held (an attempt it had started is recorded as
// interrupted, and sent again if the delivery has attempts left).
//
// The History panel shows the local history, or a server's (File ▸ Open Server History…): the
// PostgreSQL database `kanca serve` processes share, opened without changing its schema. The
// engine keeps sending from the local history either way; a delivery sent again from a server's
// history is queued in the server's outbox, for the servers to send with their secrets.
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

    // Why nothing is sent now; empty while the history is open and written.
    const std::optional<StorageFailure> &storageFailure() const { return m_failure; }
    // After a storage failure: opens the history given last again, with a new engine. False
    // (storageFailure() says why) if it still cannot be opened or written.
    bool resume(QString *error);

    HistoryDatabase &history() { return *m_history; }

    // Opens a server's history (a postgresql:// URL; `password` if given, else the keychain's
    // for this URL, else libpq's: PGPASSWORD, ~/.pgpass) and shows it from now on. A password
    // given is kept in the keychain (SecretStore), never in the settings. False with why (the
    // history shown stays as it was) if it cannot be opened.
    bool openServerHistory(const QString &url, const QString &password, QString *error);
    // Shows the local history again.
    void showLocalHistory();
    bool showsServerHistory() const { return m_server != nullptr; }
    // The history the History panel shows, and where it is: the local file's path, or the
    // server's URL without its password, which shownPassword() gives.
    HistoryStore &shownHistory();
    QString shownLocation() const;
    QString shownPassword() const;
    // Sends a delivery again from the history shown: through the engine for the local history;
    // queued in the server's outbox (the servers send it) for a server's.
    bool resend(const Delivery &again, QString *error);

    // The keychain entry of a server's password.
    static QString serverPasswordName(const QString &url);
    // The password to open a server's history `url` with: `typed` if given, else the one written
    // in the URL, else the one the History panel shows that server with, else the keychain's for
    // this URL; empty leaves it to libpq (PGPASSWORD, ~/.pgpass).
    QString serverPassword(const QString &url, const QString &typed) const;
    // Keeps a password that opened `url` in the keychain (never in the settings).
    void keepServerPassword(const QString &url, const QString &password);

    // The engine sending now; resume() replaces a stopped one, so follow the service's signals
    // rather than the engine's.
    DeliveryEngine &engine() { return *m_engine; }
    SecretStore &secrets() { return *m_secrets; }

Q_SIGNALS:
    // A delivery or attempt was committed, or open() was called: history views refresh.
    void historyChanged();
    // The engine's, whichever engine sends now.
    void attemptRecorded(const Kanca::Attempt &attempt);
    void deliveryFinished(const Kanca::Delivery &delivery);
    // storageFailure() changed: sending stopped (or could not start), or it resumed.
    void storageFailureChanged();

private:
    void makeEngine();
    void onStorageFailed(const QString &error, const QStringList &unrecorded);
    void setFailure(std::optional<StorageFailure> failure);

    std::unique_ptr<HistoryDatabase> m_history;
    std::unique_ptr<OutboxStorage> m_server; // the server history shown, if any
    QString m_serverUrl;                     // without the password
    QString m_serverPassword;
    SecretStore *m_secrets;
    std::unique_ptr<DeliveryEngine> m_engine;
    QString m_openError;
    QString m_path; // the file open() was given last
    std::optional<StorageFailure> m_failure;
    QList<Outbox::Claim> m_stoppedClaims; // of engines that stopped, until their leases end
};

} // namespace Kanca
