#include "engine/DeliveryId.h"

#include <QRandomGenerator>

namespace Kanca {

QString newDeliveryId(const QDateTime &now)
{
    static constexpr char16_t alphabet[] = u"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    QString id = QStringLiteral("msg_");
    id.reserve(4 + 26);

    // 48-bit timestamp: 10 characters of 5 bits (the first carries 3).
    const quint64 ms = quint64(now.toMSecsSinceEpoch()) & ((quint64(1) << 48) - 1);
    for (int i = 9; i >= 0; --i)
        id += QChar(alphabet[(ms >> (i * 5)) & 31]);

    // 80 random bits: 16 characters.
    quint64 high = QRandomGenerator::system()->generate64();
    quint64 low = QRandomGenerator::system()->generate();
    for (int i = 0; i < 16; ++i) {
        const unsigned bits = i < 12 ? unsigned(high & 31) : unsigned(low & 31);
        if (i < 12)
            high >>= 5;
        else
            low >>= 5;
        id += QChar(alphabet[bits]);
    }
    return id;
}

} // namespace Kanca
