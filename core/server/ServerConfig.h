#pragma once

#include "delivery/CircuitBreaker.h"

#include <QHostAddress>
#include <QString>

namespace Kanca {

// How `kanca serve` runs (its options and environment variables, see ServeCommand).
struct ServerConfig
{
    QString ruleSetFile;
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 8410;
    QString database;     // a SQLite file
    QString tokenSecret;  // the secret's name: KANCA_SECRET_<NAME> holds the bearer token
    QString verifySecret; // the secret's name: a Standard Webhooks secret (whsec_…)
    qint64 maxBodyBytes = 1024 * 1024;
    int graceMs = 10'000;   // SIGTERM: how long attempts in flight may take to finish
    QString tlsCertificate; // PEM files; both or neither
    QString tlsKey;
    int maxPerHost = 6;
    int deliveryThreads = 0; // the engine's HTTP threads (0: one per core)
    int maxConnections = 1024;
    int keepEventsDays = 30; // events older than this are forgotten (0: kept for ever)
    CircuitBreaker::Settings breaker{5, 30'000, 600'000};
    bool watchFile = true; // reload when the rule set's file changes
};

} // namespace Kanca
