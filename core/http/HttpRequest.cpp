#include "http/HttpRequest.h"

namespace Kanca {

bool httpListHasToken(QByteArrayView value, QByteArrayView token)
{
    qsizetype start = 0;
    while (start <= value.size()) {
        qsizetype end = value.indexOf(',', start);
        if (end < 0)
            end = value.size();
        if (value.sliced(start, end - start).trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
        start = end + 1;
    }
    return false;
}

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const HttpHeader &field : headers) {
        if (name.compare(field.name, Qt::CaseInsensitive) == 0)
            return field.value;
    }
    return {};
}

bool HttpRequest::hasHeader(QByteArrayView name) const
{
    for (const HttpHeader &field : headers) {
        if (name.compare(field.name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool HttpRequest::hasHeaderToken(QByteArrayView name, QByteArrayView token) const
{
    for (const HttpHeader &field : headers) {
        if (name.compare(field.name, Qt::CaseInsensitive) != 0)
            continue;
        if (httpListHasToken(field.value, token))
            return true;
    }
    return false;
}

} // namespace Kanca
