#include "endpoints/RequestComparison.h"

#include <QUrl>

#include <algorithm>

namespace Kanca {

namespace {

bool sameName(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

bool inList(QByteArrayView name, std::initializer_list<const char *> names)
{
    return std::any_of(names.begin(), names.end(),
                       [name](const char *known) { return sameName(name, known); });
}

bool startsWithIgnoringCase(QByteArrayView name, QByteArrayView prefix)
{
    return name.size() >= prefix.size() && sameName(name.first(prefix.size()), prefix);
}

// The request-target a client sends for a URL: the encoded path ("/" when empty) and query.
QByteArray targetOf(const QString &url)
{
    const QUrl parsed = QUrl::fromEncoded(url.toUtf8(), QUrl::TolerantMode);
    QByteArray target = parsed.path(QUrl::FullyEncoded).toUtf8();
    if (target.isEmpty())
        target = "/";
    if (parsed.hasQuery() && !parsed.query(QUrl::FullyEncoded).isEmpty())
        target += '?' + parsed.query(QUrl::FullyEncoded).toUtf8();
    return target;
}

// Path and query decoded, the query's parameters sorted: equal for two targets that say the same.
QStringList normalisedTarget(const QByteArray &target)
{
    const qsizetype question = target.indexOf('?');
    const QByteArray path = question < 0 ? target : target.left(question);
    QStringList parts;
    if (question >= 0) {
        for (QByteArray item : target.mid(question + 1).split('&')) {
            if (item.isEmpty())
                continue;
            item.replace('+', ' ');
            parts.append(QUrl::fromPercentEncoding(item));
        }
        std::sort(parts.begin(), parts.end());
    }
    parts.prepend(QUrl::fromPercentEncoding(path));
    return parts;
}

struct NamedValues
{
    QByteArray name; // as first seen
    QList<QByteArray> values;
};

QList<NamedValues> groupByName(const HttpHeaders &headers)
{
    QList<NamedValues> groups;
    for (const HttpHeader &field : headers) {
        auto it = std::find_if(groups.begin(), groups.end(), [&field](const NamedValues &group) {
            return sameName(group.name, field.name);
        });
        if (it == groups.end())
            groups.append({field.name, {field.value}});
        else
            it->values.append(field.value);
    }
    return groups;
}

QList<QByteArray> trimmedAll(const QList<QByteArray> &values)
{
    QList<QByteArray> trimmed;
    for (const QByteArray &value : values)
        trimmed.append(value.trimmed());
    return trimmed;
}

QString shown(const QByteArray &bytes)
{
    const QByteArray text = bytes.size() > 120 ? bytes.left(117) + "..." : bytes;
    return text.isValidUtf8() ? QString::fromUtf8(text) : QString::fromLatin1(text);
}

} // namespace

bool RequestComparison::isHopByHopHeader(QByteArrayView name)
{
    return inList(name,
                  {"Connection", "Keep-Alive", "Proxy-Connection", "TE", "Trailer",
                   "Transfer-Encoding", "Upgrade", "Proxy-Authenticate", "Proxy-Authorization"});
}

bool RequestComparison::isProxyHeader(QByteArrayView name)
{
    return inList(name, {"Via", "Forwarded", "X-Real-IP", "X-Client-IP", "True-Client-IP",
                         "X-Request-Start", "X-Amzn-Trace-Id", "CDN-Loop", "X-Cloud-Trace-Context"})
           || startsWithIgnoringCase(name, "X-Forwarded-") || startsWithIgnoringCase(name, "CF-")
           || startsWithIgnoringCase(name, "X-Envoy-");
}

bool RequestComparison::isClientHeader(QByteArrayView name)
{
    return inList(name, {"Host", "Content-Length", "User-Agent", "Accept", "Accept-Encoding",
                         "Accept-Language", "Expect"});
}

RequestComparison RequestComparison::compare(const RenderedRequest &sent,
                                             const HttpRequest &received,
                                             const SignatureVerifier *verifier)
{
    RequestComparison result;

    result.method.name = tr("Method");
    result.method.sent = sent.method.toUtf8();
    result.method.received = received.method;
    result.method.verdict =
        result.method.sent == result.method.received ? Verdict::Same : Verdict::Different;

    result.target.name = tr("Path and query");
    result.target.sent = targetOf(sent.url);
    result.target.received = received.target;
    if (result.target.sent == result.target.received) {
        result.target.verdict = Verdict::Same;
    } else if (normalisedTarget(result.target.sent) == normalisedTarget(result.target.received)) {
        result.target.verdict = Verdict::Equivalent;
        result.target.note = tr("the same path and parameters, encoded or ordered differently");
    } else {
        result.target.verdict = Verdict::Different;
    }

    // Headers: the sent ones in order, then those only received.
    HttpHeaders sentFields;
    for (const RenderedRequest::Header &header : sent.headers)
        sentFields.append({header.name.toUtf8(), header.value.toUtf8()});
    const QList<NamedValues> sentGroups = groupByName(sentFields);
    const QList<NamedValues> receivedGroups = groupByName(received.headers);
    for (const NamedValues &group : sentGroups) {
        Item item;
        item.name = QString::fromUtf8(group.name);
        item.sent = QByteArrayList(group.values).join('\n');
        const auto match = std::find_if(
            receivedGroups.cbegin(), receivedGroups.cend(),
            [&group](const NamedValues &other) { return sameName(other.name, group.name); });
        if (match == receivedGroups.cend()) {
            item.verdict = Verdict::Missing;
        } else {
            item.received = QByteArrayList(match->values).join('\n');
            if (match->values == group.values) {
                item.verdict = Verdict::Same;
                if (match->name != group.name) {
                    item.verdict = Verdict::Equivalent;
                    item.note = tr("the name arrived as \"%1\"; header names ignore case")
                                    .arg(QString::fromUtf8(match->name));
                }
            } else if (trimmedAll(match->values) == trimmedAll(group.values)) {
                item.verdict = Verdict::Equivalent;
                item.note = tr("only the spaces around the value differ, which are not part of "
                               "it in HTTP");
            } else if (QByteArrayList(match->values).join(", ")
                       == QByteArrayList(group.values).join(", ")) {
                item.verdict = Verdict::Equivalent;
                item.note = tr("the same values, combined or split differently");
            } else if (isHopByHopHeader(group.name)) {
                item.verdict = Verdict::Ignored;
                item.note = tr("hop-by-hop: it belongs to one connection and is not carried end "
                               "to end");
            } else {
                item.verdict = Verdict::Different;
            }
        }
        if (item.verdict == Verdict::Missing && isHopByHopHeader(group.name)) {
            item.verdict = Verdict::Ignored;
            item.note =
                tr("hop-by-hop: it belongs to one connection and is not carried end to end");
        }
        result.headers.append(item);
    }
    for (const NamedValues &group : receivedGroups) {
        const bool wasSent =
            std::any_of(sentGroups.cbegin(), sentGroups.cend(), [&group](const NamedValues &other) {
                return sameName(other.name, group.name);
            });
        if (wasSent)
            continue;
        Item item;
        item.name = QString::fromUtf8(group.name);
        item.received = QByteArrayList(group.values).join('\n');
        if (isHopByHopHeader(group.name)) {
            item.verdict = Verdict::Ignored;
            item.note =
                tr("hop-by-hop: it belongs to one connection and is not carried end to end");
        } else if (isProxyHeader(group.name)) {
            item.verdict = Verdict::Ignored;
            item.note = tr("added on the way by a proxy or a load balancer");
        } else if (isClientHeader(group.name)) {
            item.verdict = Verdict::Ignored;
            item.note = tr("added by the HTTP client that sent the request");
        } else {
            item.verdict = Verdict::Added;
        }
        result.headers.append(item);
    }

    // The body, byte for byte.
    Body &body = result.body;
    body.sent = sent.body;
    body.received = received.body;
    body.receivedSize = qMax<qint64>(received.bodySize, received.body.size());
    const qsizetype common = qMin(body.sent.size(), body.received.size());
    qsizetype offset = 0;
    while (offset < common && body.sent.at(offset) == body.received.at(offset))
        ++offset;
    const bool truncated = body.receivedSize > body.received.size();
    if (!truncated && body.sent == body.received) {
        body.verdict = Verdict::Same;
    } else if (truncated && offset == body.received.size()
               && body.receivedSize == body.sent.size()) {
        body.verdict = Verdict::Unknown;
        body.note = tr("only the first %1 of %2 bytes were kept, and they match")
                        .arg(body.received.size())
                        .arg(body.receivedSize);
    } else {
        body.verdict = Verdict::Different;
        body.firstDifference = offset;
        body.note = tr("%1 bytes sent, %2 received; they differ from byte %3 on")
                        .arg(body.sent.size())
                        .arg(body.receivedSize)
                        .arg(offset);
    }

    if (verifier)
        result.signature = verifier->verify(received);
    return result;
}

bool RequestComparison::matches() const
{
    if (method.verdict != Verdict::Same || body.verdict != Verdict::Same)
        return false;
    if (target.verdict != Verdict::Same && target.verdict != Verdict::Equivalent)
        return false;
    return std::none_of(headers.cbegin(), headers.cend(), [](const Item &item) {
        return item.verdict == Verdict::Different || item.verdict == Verdict::Missing;
    });
}

QStringList RequestComparison::ignoredHeaders() const
{
    QStringList names;
    for (const Item &item : headers) {
        if (item.verdict == Verdict::Ignored)
            names.append(item.name);
    }
    return names;
}

QStringList RequestComparison::addedHeaders() const
{
    QStringList names;
    for (const Item &item : headers) {
        if (item.verdict == Verdict::Added)
            names.append(item.name);
    }
    return names;
}

QStringList RequestComparison::differences() const
{
    QStringList lines;
    if (method.verdict == Verdict::Different)
        lines.append(tr("The method was %1 when sent and %2 when received")
                         .arg(shown(method.sent), shown(method.received)));
    if (target.verdict == Verdict::Different)
        lines.append(tr("The path and query were \"%1\" when sent and \"%2\" when received")
                         .arg(shown(target.sent), shown(target.received)));
    for (const Item &item : headers) {
        if (item.verdict == Verdict::Different)
            lines.append(tr("Header %1 was \"%2\" when sent and \"%3\" when received")
                             .arg(item.name, shown(item.sent), shown(item.received)));
        else if (item.verdict == Verdict::Missing)
            lines.append(tr("Header %1 was sent but did not arrive").arg(item.name));
    }
    if (body.verdict == Verdict::Different || body.verdict == Verdict::Unknown)
        lines.append(tr("Body: %1").arg(body.note));
    return lines;
}

} // namespace Kanca
