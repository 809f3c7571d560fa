#include "text/Utf8.h"

#include <QStringEncoder>

namespace Kanca {

char *writeUtf8(char *out, QStringView text)
{
    QStringEncoder encoder(QStringEncoder::Utf8, QStringEncoder::Flag::Stateless);
    return encoder.appendToBuffer(out, text);
}

void appendUtf8(QByteArray &out, QStringView text)
{
    if (text.isEmpty())
        return;
    const qsizetype at = out.size();
    out.resize(at + MaxUtf8BytesPerUnit * text.size());
    out.truncate(writeUtf8(out.data() + at, text) - out.constData());
}

} // namespace Kanca
