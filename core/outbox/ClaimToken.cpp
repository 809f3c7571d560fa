#include "outbox/ClaimToken.h"

#include <QCoreApplication>
#include <QSysInfo>
#include <QUuid>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <sys/types.h>
#endif

namespace Kanca::ClaimToken {

namespace {

QString thisHost()
{
    static const QString host = QSysInfo::machineHostName().replace(u'/', u'_');
    return host;
}

} // namespace

QString create()
{
    return thisHost() + u'/' + QString::number(QCoreApplication::applicationPid()) + u'/'
           + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

std::optional<bool> holderAlive(const QString &token)
{
    const QList<QStringView> parts = QStringView(token).split(u'/');
    if (parts.size() != 3 || parts.at(0) != thisHost())
        return std::nullopt;
    bool ok = false;
    const qint64 pid = parts.at(1).toLongLong(&ok);
    if (!ok || pid <= 0)
        return std::nullopt;
#ifdef Q_OS_UNIX
    // Signal 0 checks only: a process that exists answers 0 or EPERM (it belongs to another
    // user). A reused pid keeps the claim until its lease ends: the safe side.
    if (::kill(pid_t(pid), 0) == 0 || errno == EPERM)
        return true;
    return errno == ESRCH ? std::optional<bool>(false) : std::nullopt;
#else
    return std::nullopt;
#endif
}

} // namespace Kanca::ClaimToken
