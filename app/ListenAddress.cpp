#include "ListenAddress.h"

namespace Kanca {

std::optional<ListenAddress> ListenAddress::parse(const QString &text)
{
    QString host = QStringLiteral("127.0.0.1");
    QString port = text;
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(u"]:");
        if (close < 0)
            return std::nullopt;
        host = text.mid(1, close - 1);
        port = text.mid(close + 2);
    } else if (const qsizetype colon = text.lastIndexOf(u':'); colon >= 0) {
        host = text.left(colon);
        port = text.mid(colon + 1);
        if (host.contains(u':'))
            return std::nullopt; // an IPv6 address needs brackets
    }
    bool isNumber = false;
    const uint portNumber = port.toUInt(&isNumber);
    if (!isNumber || portNumber > 65535)
        return std::nullopt;
    ListenAddress result;
    result.port = quint16(portNumber);
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        result.address = QHostAddress(QHostAddress::LocalHost);
    else if (!result.address.setAddress(host))
        return std::nullopt;
    return result;
}

} // namespace Kanca
