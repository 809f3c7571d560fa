#pragma once

#include <QHostAddress>
#include <QString>

#include <optional>

namespace Kanca {

// Where a command listens, as written on its command line: "PORT", "HOST:PORT" or
// "[IPv6]:PORT", HOST an IP address or "localhost" (PORT alone means 127.0.0.1:PORT).
struct ListenAddress
{
    QHostAddress address;
    quint16 port = 0;

    static std::optional<ListenAddress> parse(const QString &text);
    bool isLoopback() const { return address.isLoopback(); }
};

} // namespace Kanca
