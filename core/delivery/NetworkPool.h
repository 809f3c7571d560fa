#pragma once

#include <QHash>
#include <QObject>

class QNetworkAccessManager;

namespace Kanca {

// The QNetworkAccessManager attempts are sent through, and a fresh one when its connections can
// no longer be trusted. Qt 6.4's HTTP client takes an interim answer other than 100 Continue
// (102 Processing, 103 Early Hints) for the final one and leaves the real answer unread on the
// connection, where the next request sent on it would read it as its own. After such an
// answer, later attempts go through a new manager (new connections), and the old one, with its
// connections, is deleted as soon as its last attempt has ended.
class NetworkPool final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NetworkPool)

public:
    explicit NetworkPool(QObject *parent = nullptr);
    ~NetworkPool() override;

    // The manager to send the next attempt with; give it back with release().
    QNetworkAccessManager *acquire();
    // The attempt sent with `network` has ended; `spoiled`: its connection may hold the rest of
    // an answer, so no request may be sent on it again.
    void release(QNetworkAccessManager *network, bool spoiled);

    int managersCreated() const { return m_created; }

private:
    QNetworkAccessManager *create();

    QNetworkAccessManager *m_current = nullptr;
    QHash<QNetworkAccessManager *, int> m_inUse; // attempts in flight, per manager
    int m_created = 0;
};

} // namespace Kanca
