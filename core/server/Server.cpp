#include "server/Server.h"

#include "catalog/Catalog.h"
#include "delivery/DeliveryEngine.h"
#include "engine/SecretProvider.h"
#include "outbox/OpenStorage.h"
#include "outbox/StorageThread.h"
#include "server/EventIngest.h"
#include "server/EventServer.h"
#include "server/ServedRuleSet.h"
#include "server/ServerLog.h"
#include "server/ServerMetrics.h"
#include "server/WorkerHeartbeat.h"

#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QJsonArray>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>

using namespace Qt::StringLiterals;

namespace Kanca {

namespace {

constexpr int PruneBatch = 10'000;
constexpr int PruneEveryMs = 60 * 60 * 1000;

QJsonArray problemLines(const QString &file, const Problems &problems)
{
    QJsonArray lines;
    for (const Problem &problem : problems)
        lines.append(problemLine(file, problem));
    return lines;
}

} // namespace

Server::Server(const ServerConfig &config, const SecretProvider &secrets, const ServerLog &log,
               QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_secrets(secrets)
    , m_log(log)
{
    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(200);
    connect(&m_reloadTimer, &QTimer::timeout, this, [this] {
        reload();
        watch(); // an editor that replaced the file made a new one to watch
    });
    connect(&m_pruneTimer, &QTimer::timeout, this, &Server::pruneEvents);
    m_graceTimer.setSingleShot(true);
    connect(&m_graceTimer, &QTimer::timeout, this, [this] {
        m_log.warning(u"server.grace_over"_s,
                      {{u"inFlight"_s, qint64(m_engine ? m_engine->inFlightCount() : 0)}});
        finish();
    });
}

Server::~Server()
{
    // The HTTP side first (nobody is answered any more), then the ingest's last group, then the
    // engine (it records what was in flight as interrupted and gives back its claims). The
    // worker's row goes first: a server stopping is no longer one of the fleet.
    m_heartbeat.reset();
    m_http.reset();
    m_ingest.reset();
    m_engine.reset();
    m_commitThread.reset();
    m_historyThread.reset();
}

bool Server::start(StartProblem *problem)
{
    ServedRuleSet::Load loaded =
        ServedRuleSet::load(m_config.ruleSetFile, Catalog::builtIn(), m_secrets);
    if (!loaded.ruleSet) {
        problem->ruleSetBytes = loaded.bytes;
        problem->problems = loaded.problems;
        problem->message = loaded.error;
        return false;
    }

    QString error;
    OpenStorage::Options storageOptions;
    storageOptions.durableEvents = true;
    m_storage = OpenStorage::open(m_config.database, storageOptions, &error);
    if (!m_storage) {
        problem->message = error;
        return false;
    }
    m_metrics = std::make_unique<ServerMetrics>();
    m_engine = std::make_unique<DeliveryEngine>(*m_storage, m_secrets);
    DeliveryEngine::Settings settings;
    settings.maxPerHost = m_config.maxPerHost;
    settings.deliveryThreads = m_config.deliveryThreads;
    settings.breaker = m_config.breaker;
    m_engine->setSettings(settings);
    m_metrics->watch(*m_engine, *m_storage);
    m_ingest = std::make_unique<EventIngest>(*m_storage, *m_engine, m_secrets);
    m_ingest->setRuleSet(loaded.ruleSet);
    if (OpenStorage::isDatabaseUrl(m_config.database)) {
        // Accepted events are committed, and attempts recorded, each on a connection and thread
        // of its own (see StorageThread). A file (SQLite) has one writer at a time: both stay
        // on this thread.
        const QString where = m_config.database;
        const StorageThread::Opener opener = [where, storageOptions](QString *why) {
            return OpenStorage::open(where, storageOptions, why);
        };
        m_commitThread = std::make_unique<StorageThread>(u"Kanca ingest"_s);
        m_historyThread = std::make_unique<StorageThread>(u"Kanca history"_s);
        if (!m_commitThread->start(opener, &error) || !m_historyThread->start(opener, &error)) {
            problem->message = error;
            return false;
        }
        m_ingest->setCommitThread(m_commitThread.get());
        m_engine->setHistoryThread(m_historyThread.get());
    }
    m_metrics->ruleSetLoaded(loaded.ruleSet->hash());
    m_http = std::make_unique<EventServer>(*m_ingest, *m_storage, *m_metrics, m_log);

    EventServer::Settings httpSettings;
    httpSettings.maxBodyBytes = m_config.maxBodyBytes;
    httpSettings.maxConnections = m_config.maxConnections;
    m_http->setSettings(httpSettings);
    IngestAuth auth;
    if (!m_config.tokenSecret.isEmpty())
        auth.setToken(m_secrets.secret(m_config.tokenSecret).value_or(QByteArray()));
    if (!m_config.verifySecret.isEmpty())
        auth.setSignatureSecret(m_secrets.secret(m_config.verifySecret).value_or(QByteArray()));
    if (const QString why = auth.secretProblem(); !why.isEmpty()) {
        problem->message = tr("Cannot authenticate events: %1").arg(why);
        return false;
    }
    m_http->setAuth(auth);

    if (!m_config.tlsCertificate.isEmpty()) {
        QFile certificateFile(m_config.tlsCertificate);
        QFile keyFile(m_config.tlsKey);
        if (!certificateFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
            problem->message = tr("Cannot read the TLS certificate %1 or its key %2.")
                                   .arg(m_config.tlsCertificate, m_config.tlsKey);
            return false;
        }
        const QList<QSslCertificate> chain = QSslCertificate::fromData(certificateFile.readAll());
        const QByteArray keyBytes = keyFile.readAll();
        QSslKey key(keyBytes, QSsl::Rsa);
        if (key.isNull())
            key = QSslKey(keyBytes, QSsl::Ec);
        if (chain.isEmpty() || key.isNull()) {
            problem->message = tr("The TLS certificate %1 or its key %2 is not PEM that Kanca can "
                                  "read (an RSA or EC key without a passphrase).")
                                   .arg(m_config.tlsCertificate, m_config.tlsKey);
            return false;
        }
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificateChain(chain);
        tls.setPrivateKey(key);
        tls.setPeerVerifyMode(QSslSocket::VerifyNone); // clients authenticate with the token
        m_http->http().setTlsConfiguration(tls);
    }

    connect(m_engine.get(), &DeliveryEngine::attemptRecorded, this,
            [this](const Attempt &attempt) { m_metrics->attemptRecorded(attempt); });
    connect(m_engine.get(), &DeliveryEngine::deliveryFinished, this,
            [this](const Delivery &delivery) {
                m_metrics->deliveryFinished(delivery);
                m_log.info(u"delivery.finished"_s,
                           {{u"delivery"_s, delivery.id},
                            {u"event"_s, delivery.eventId},
                            {u"rule"_s, delivery.ruleId},
                            {u"status"_s, deliveryStatusId(delivery.status)},
                            {u"attempts"_s, delivery.attemptCount},
                            {u"httpStatus"_s, delivery.lastHttpStatus
                                                  ? QJsonValue(*delivery.lastHttpStatus)
                                                  : QJsonValue()},
                            {u"error"_s, delivery.status == DeliveryStatus::Succeeded
                                             ? QJsonValue()
                                             : QJsonValue(delivery.lastError)}});
            });
    connect(m_engine.get(), &DeliveryEngine::circuitChanged, this,
            [this](const QString &destination, CircuitBreaker::State state) {
                m_log.warning(u"circuit."_s + CircuitBreaker::stateName(state),
                              {{u"destination"_s, destination}});
            });
    connect(m_engine.get(), &DeliveryEngine::claimsLost, this, [this](const QStringList &ids) {
        m_log.warning(u"claims.lost"_s, {{u"deliveries"_s, QJsonArray::fromStringList(ids)}});
    });
    connect(m_engine.get(), &DeliveryEngine::storageFailed, this,
            [this](const QString &message, const QStringList &unrecorded) {
                m_log.error(u"storage.failed"_s,
                            {{u"error"_s, message},
                             {u"mayBeSentAgain"_s, QJsonArray::fromStringList(unrecorded)}});
                if (!m_storageFailed) {
                    m_storageFailed = true;
                    stop(); // nothing more can be recorded: stop, and let a supervisor restart
                }
            });
    connect(m_engine.get(), &DeliveryEngine::storageUnavailable, this,
            [this, lastMs = qint64(0)](const QString &message) mutable {
                // At most one line every 5 s while it lasts.
                const qint64 now = QDateTime::currentMSecsSinceEpoch();
                if (now - lastMs < 5000)
                    return;
                lastMs = now;
                m_log.warning(u"storage.unavailable"_s, {{u"error"_s, message}});
            });
    connect(m_engine.get(), &DeliveryEngine::drained, this, &Server::finish);

    if (!m_engine->sendFromOutbox(&error)) {
        problem->message = error;
        return false;
    }
    if (!m_http->http().listen(m_config.address, m_config.port, &error)) {
        problem->message = error;
        return false;
    }
    if (m_config.watchFile)
        watch();
    if (m_config.keepEventsDays > 0) {
        pruneEvents();
        m_pruneTimer.start(PruneEveryMs);
    }
    if (WorkerRegistry *registry = m_storage->workerRegistry()) {
        m_heartbeat = std::make_unique<WorkerHeartbeat>(*registry, *m_engine, m_log);
        m_heartbeat->start(url(), loaded.ruleSet->hash());
    }
    m_log.info(u"server.started"_s,
               {{u"url"_s, url()},
                {u"ruleSet"_s, loaded.ruleSet->hash()},
                {u"database"_s, OpenStorage::shown(m_config.database)},
                {u"warnings"_s, problemLines(m_config.ruleSetFile, loaded.problems)}});
    return true;
}

QString Server::url() const
{
    return m_http ? m_http->http().url() : QString();
}

quint16 Server::port() const
{
    return m_http ? m_http->http().serverPort() : 0;
}

void Server::watch()
{
    if (!m_watcher) {
        m_watcher = new QFileSystemWatcher(this);
        connect(m_watcher, &QFileSystemWatcher::fileChanged, this,
                [this] { m_reloadTimer.start(); });
        connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, [this](const QString &) {
            // A file saved by replacing it: watch it again, and reload if it changed.
            if (!m_watcher->files().contains(m_config.ruleSetFile))
                m_reloadTimer.start();
        });
        m_watcher->addPath(QFileInfo(m_config.ruleSetFile).absolutePath());
    }
    if (QFileInfo::exists(m_config.ruleSetFile)
        && !m_watcher->files().contains(m_config.ruleSetFile))
        m_watcher->addPath(m_config.ruleSetFile);
}

bool Server::reload()
{
    if (!m_ingest || isStopping())
        return false;
    const ServedRuleSet::Load loaded =
        ServedRuleSet::load(m_config.ruleSetFile, Catalog::builtIn(), m_secrets);
    const QString previous = m_ingest->ruleSet() ? m_ingest->ruleSet()->hash() : QString();
    if (!loaded.ruleSet) {
        m_metrics->reloaded(false);
        QJsonArray problems = problemLines(m_config.ruleSetFile, loaded.problems);
        if (!loaded.error.isEmpty())
            problems.append(QString(m_config.ruleSetFile + u": "_s + loaded.error));
        m_log.error(u"ruleset.reload_failed"_s, {{u"file"_s, m_config.ruleSetFile},
                                                 {u"running"_s, previous},
                                                 {u"problems"_s, problems}});
        return false;
    }
    if (loaded.ruleSet->hash() == previous)
        return true; // the same file again: nothing changes
    m_ingest->setRuleSet(loaded.ruleSet);
    m_metrics->reloaded(true);
    m_metrics->ruleSetLoaded(loaded.ruleSet->hash());
    if (m_heartbeat)
        m_heartbeat->setRuleSet(loaded.ruleSet->hash());
    m_log.info(u"ruleset.reloaded"_s,
               {{u"file"_s, m_config.ruleSetFile},
                {u"ruleSet"_s, loaded.ruleSet->hash()},
                {u"previous"_s, previous},
                {u"warnings"_s, problemLines(m_config.ruleSetFile, loaded.problems)}});
    return true;
}

bool Server::isStopping() const
{
    return m_http && m_http->isDraining();
}

void Server::stop()
{
    if (!m_http || !m_engine) {
        finish();
        return;
    }
    if (isStopping()) {
        finish(); // a second request to stop: at once
        return;
    }
    m_log.info(u"server.draining"_s, {{u"inFlight"_s, qint64(m_engine->inFlightCount())},
                                      {u"graceMs"_s, m_config.graceMs}});
    m_http->setDraining(true);
    if (m_heartbeat)
        m_heartbeat->setDraining();
    m_ingest->finish(); // everything read is answered before the engine drains
    m_reloadTimer.stop();
    m_pruneTimer.stop();
    m_graceTimer.start(m_config.graceMs);
    m_engine->drain();
}

void Server::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_graceTimer.stop();
    if (m_http)
        m_http->http().close();
    if (m_heartbeat)
        m_heartbeat->stop();
    m_log.info(u"server.stopped"_s,
               {{u"inFlight"_s, qint64(m_engine ? m_engine->inFlightCount() : 0)}});
    Q_EMIT finished(m_storageFailed ? 4 : 0);
}

void Server::pruneEvents()
{
    const QDateTime before =
        QDateTime::currentDateTimeUtc().addDays(-qint64(m_config.keepEventsDays));
    qint64 forgotten = 0;
    QString error;
    for (;;) {
        const std::optional<qint64> n = m_storage->pruneEvents(before, PruneBatch, &error);
        if (!n) {
            m_log.error(u"events.prune_failed"_s, {{u"error"_s, error}});
            return;
        }
        forgotten += *n;
        if (*n < PruneBatch)
            break;
    }
    if (forgotten > 0) {
        m_log.info(u"events.pruned"_s,
                   {{u"forgotten"_s, forgotten}, {u"before"_s, before.toString(Qt::ISODate)}});
    }
}

} // namespace Kanca
