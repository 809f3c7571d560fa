#pragma once

#include "CommandContext.h"
#include "delivery/Delivery.h"
#include "delivery/DeliveryEngine.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>

#include <functional>
#include <memory>
#include <optional>

namespace Kanca {

class OutboxStorage;

// What send, resend and deliver share: the options --db, --per-host, --delivery-threads and
// --http1, opening the history, running the delivery engine until nothing is left, and printing
// one JSON line per finished delivery.
class DeliveryRun final
{
    Q_DECLARE_TR_FUNCTIONS(DeliveryRun)

public:
    DeliveryRun();

    void addOptions(QCommandLineParser &parser) const;
    static QString optionsHelp();

    // Reads the options; on a usage problem returns false and says why.
    bool readOptions(const QCommandLineParser &parser, QString *usageError);

    // The command line of deliver or resend: -h/--help, these options and the command's own
    // (added to `parser` before), with `positionalProblem` saying what is wrong with the rest.
    // Returns the exit code on help or a usage problem (printed with `usage`), nullopt to go on.
    std::optional<int> parseCommandLine(QCommandLineParser &parser, CommandContext &context,
                                        const QString &command, const QString &usage,
                                        const std::function<QString()> &positionalProblem);

    // Opens the outbox and history (--db, KANCA_DB, or the default): a SQLite file or a
    // postgresql:// URL (see OpenStorage). Prints a message on failure.
    std::unique_ptr<OutboxStorage> openStorage(CommandContext &context) const;

    // Runs `engine` until it is idle, printing a JSON line per finished delivery. Returns
    // ExitOk when every delivery that finished succeeded, ExitDeliveryFailed when one failed,
    // and ExitStorageFailed (after saying which deliveries may be sent again) when the history
    // could not be written.
    static int runUntilIdle(DeliveryEngine &engine, CommandContext &context);

    static QByteArray jsonLine(const Delivery &delivery);

    const DeliveryEngine::Settings &settings() const { return m_settings; }

private:
    QCommandLineOption m_db;
    QCommandLineOption m_perHost;
    QCommandLineOption m_threads;
    QCommandLineOption m_http1;
    QString m_dbPath;
    DeliveryEngine::Settings m_settings;
};

} // namespace Kanca
