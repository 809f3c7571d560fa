#include "CatchCommand.h"

#include "CommandArguments.h"
#include "ExitCode.h"
#include "ListenAddress.h"
#include "ProcessSignals.h"
#include "endpoints/Catcher.h"
#include "engine/SecretProvider.h"
#include "http/HttpRequestParser.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>

#include <climits>
#include <optional>

namespace Kanca {

namespace {

bool isSafeFieldValue(const QByteArray &value)
{
    for (const char c : value) {
        if ((c >= 0 && c < 0x20 && c != '\t') || c == 0x7f)
            return false;
    }
    return true;
}

} // namespace

QString CatchCommand::usage()
{
    return tr(
        "Usage: kanca catch [--listen HOST:PORT] [--status N] [--delay MS] [--body TEXT]\n"
        "                   [--header \"NAME: VALUE\"]... [--secret NAME [--signing "
        "SCHEME]]\n"
        "\n"
        "Runs the local catcher: an HTTP listener that answers every request it receives "
        "and\n"
        "prints each one as a JSON line on standard output, until it is stopped with "
        "Ctrl+C\n"
        "(SIGINT) or SIGTERM. The first line says where it listens:\n"
        "  {\"listening\": \"http://127.0.0.1:PORT\", \"port\": PORT}\n"
        "then one line per request, as it arrives:\n"
        "  {\"sequence\": N, \"receivedAt\": ..., \"method\": \"POST\", \"target\": "
        "\"/hook?x=1\",\n"
        "   \"path\": \"/hook\", \"query\": \"x=1\", \"headers\": [{\"name\": ..., \"value\": "
        "...}],\n"
        "   \"body\": \"...\", \"bodySize\": N, \"bodyTruncated\": false, \"status\": 200,\n"
        "   \"signatureValid\": true|false|null, \"signatureError\": \"...\"}\n"
        "\"path\" is percent-decoded; \"target\" and \"query\" are as sent. A body that is "
        "not\n"
        "UTF-8 is given in base64, with \"bodyEncoding\": \"base64\". The signature fields "
        "are\n"
        "there only with --secret; null means the request carried no signature.\n"
        "\n"
        "Options:\n"
        "  --listen HOST:PORT  where to listen (default 127.0.0.1:0, a free port); PORT "
        "alone\n"
        "                      means 127.0.0.1:PORT; [::1]:PORT for IPv6\n"
        "  --allow-remote      allow an address other machines can reach (such as "
        "0.0.0.0);\n"
        "                      without it only loopback addresses are accepted\n"
        "  --status N          answer with this HTTP status, 200 to 599 (default 200)\n"
        "  --delay MS          wait this long before answering, 0 to 600000 (default 0)\n"
        "  --body TEXT         the answer's body (default: none); text/plain unless a\n"
        "                      --header gives a Content-Type\n"
        "  --header LINE       add \"NAME: VALUE\" to every answer, e.g. \"Retry-After: "
        "30\";\n"
        "                      may be repeated\n"
        "  --secret NAME       check signatures with the secret in KANCA_SECRET_<NAME>\n"
        "  --signing SCHEME    auto (default), standard-webhooks or hmac-sha256; auto "
        "checks\n"
        "                      Standard Webhooks when webhook-signature is present, else\n"
        "                      HMAC-SHA256\n"
        "  --signature-header NAME  the HMAC-SHA256 header (default "
        "X-Hub-Signature-256)\n"
        "  --signature-prefix TEXT  before the HMAC in it (default sha256=)\n"
        "  --max-body BYTES    keep bodies up to this size (default 1048576); the rest is\n"
        "                      counted in bodySize, and bodyTruncated is true\n"
        "\n"
        "Exit status: 0 when stopped by SIGINT or SIGTERM, 1 if it cannot listen (the port\n"
        "is in use) or the secret is not set, 2 on a usage error.\n");
}

int CatchCommand::run(CommandContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption listen(QStringLiteral("listen"), QString(), QStringLiteral("ADDR"));
    const QCommandLineOption allowRemote(QStringLiteral("allow-remote"));
    const QCommandLineOption status(QStringLiteral("status"), QString(), QStringLiteral("N"));
    const QCommandLineOption delay(QStringLiteral("delay"), QString(), QStringLiteral("MS"));
    const QCommandLineOption body(QStringLiteral("body"), QString(), QStringLiteral("TEXT"));
    const QCommandLineOption header(QStringLiteral("header"), QString(), QStringLiteral("LINE"));
    const QCommandLineOption secret(QStringLiteral("secret"), QString(), QStringLiteral("NAME"));
    const QCommandLineOption signing(QStringLiteral("signing"), QString(),
                                     QStringLiteral("SCHEME"));
    const QCommandLineOption signatureHeader(QStringLiteral("signature-header"), QString(),
                                             QStringLiteral("NAME"));
    const QCommandLineOption signaturePrefix(QStringLiteral("signature-prefix"), QString(),
                                             QStringLiteral("TEXT"));
    const QCommandLineOption maxBody(QStringLiteral("max-body"), QString(),
                                     QStringLiteral("BYTES"));
    parser.addOptions({listen, allowRemote, status, delay, body, header, secret, signing,
                       signatureHeader, signaturePrefix, maxBody});

    const CommandArguments commandLine(context, QStringLiteral("catch"), usage());
    if (const std::optional<int> exit = commandLine.parse(parser))
        return *exit;
    if (!parser.positionalArguments().isEmpty())
        return commandLine.usageError(
            tr("unexpected argument \"%1\"").arg(parser.positionalArguments().first()));

    ListenAddress where{QHostAddress(QHostAddress::LocalHost), 0};
    if (parser.isSet(listen)) {
        const std::optional<ListenAddress> parsed = ListenAddress::parse(parser.value(listen));
        if (!parsed)
            return commandLine.usageError(
                tr("--listen takes HOST:PORT, PORT or [IPv6]:PORT, not \"%1\"")
                    .arg(parser.value(listen)));
        where = *parsed;
    }
    if (!where.address.isLoopback() && !parser.isSet(allowRemote))
        return commandLine.usageError(
            tr("%1 is not a loopback address: other machines could send to the "
               "catcher. Add --allow-remote if that is what you want")
                .arg(where.address.toString()));

    Catcher::Response response;
    const auto number = [&](const QCommandLineOption &option, int min, int max,
                            int *value) -> bool {
        if (!parser.isSet(option))
            return true;
        bool isNumber = false;
        const int parsed = parser.value(option).toInt(&isNumber);
        if (!isNumber || parsed < min || parsed > max)
            return false;
        *value = parsed;
        return true;
    };
    if (!number(status, 200, 599, &response.status))
        return commandLine.usageError(
            tr("--status takes a number from 200 to 599, not \"%1\"").arg(parser.value(status)));
    if (!number(delay, 0, Catcher::MaxDelayMs, &response.delayMs))
        return commandLine.usageError(tr("--delay takes milliseconds from 0 to %1, not \"%2\"")
                                          .arg(Catcher::MaxDelayMs)
                                          .arg(parser.value(delay)));
    bool hasContentType = false;
    for (const QString &line : parser.values(header)) {
        const qsizetype colon = line.indexOf(u':');
        const QByteArray name = line.left(colon).trimmed().toUtf8();
        const QByteArray value = line.mid(colon + 1).trimmed().toUtf8();
        if (colon <= 0 || !HttpRequestParser::isToken(name) || !isSafeFieldValue(value))
            return commandLine.usageError(
                tr("--header takes \"NAME: VALUE\", not \"%1\"").arg(line));
        hasContentType = hasContentType || name.compare("Content-Type", Qt::CaseInsensitive) == 0;
        response.headers.append(HttpHeader{name, value});
    }
    if (parser.isSet(body)) {
        response.body = parser.value(body).toUtf8();
        if (!hasContentType)
            response.headers.append(HttpHeader{"Content-Type", "text/plain; charset=utf-8"});
    }
    qint64 maxBodySize = Catcher::DefaultMaxBodySize;
    if (parser.isSet(maxBody)) {
        bool isNumber = false;
        maxBodySize = parser.value(maxBody).toLongLong(&isNumber);
        if (!isNumber || maxBodySize < 0)
            return commandLine.usageError(
                tr("--max-body takes a number of bytes, not \"%1\"").arg(parser.value(maxBody)));
    }

    std::optional<SignatureVerifier> verifier;
    if (!parser.isSet(secret)) {
        for (const QCommandLineOption *option : {&signing, &signatureHeader, &signaturePrefix}) {
            if (parser.isSet(*option))
                return commandLine.usageError(
                    tr("--%1 needs --secret").arg(option->names().constFirst()));
        }
    } else {
        const std::optional<SignatureVerifier::Scheme> scheme = SignatureVerifier::schemeFromName(
            parser.value(signing).isEmpty() ? QStringLiteral("auto") : parser.value(signing));
        if (!scheme)
            return commandLine.usageError(
                tr("--signing takes auto, standard-webhooks or hmac-sha256, not "
                   "\"%1\"")
                    .arg(parser.value(signing)));
        const QString name = parser.value(secret);
        const std::optional<QByteArray> value = EnvironmentSecrets().secret(name);
        if (!value) {
            context.err << tr("kanca catch: secret \"%1\" is not set (set %2)")
                               .arg(name, EnvironmentSecrets::variableName(name))
                        << Qt::endl;
            return ExitInvalidInput;
        }
        verifier.emplace(*scheme, *value);
        if (parser.isSet(signatureHeader)) {
            const QByteArray headerName = parser.value(signatureHeader).toUtf8();
            if (!HttpRequestParser::isToken(headerName))
                return commandLine.usageError(
                    tr("--signature-header takes a header name, not \"%1\"")
                        .arg(parser.value(signatureHeader)));
            verifier->setHmacHeader(headerName);
        }
        if (parser.isSet(signaturePrefix))
            verifier->setHmacPrefix(parser.value(signaturePrefix).toUtf8());
        if (*scheme == SignatureVerifier::Scheme::StandardWebhooks
            && !verifier->secretProblem().isEmpty()) {
            context.err << tr("kanca catch: secret \"%1\": %2").arg(name, verifier->secretProblem())
                        << Qt::endl;
            return ExitInvalidInput;
        }
    }

    Catcher catcher;
    catcher.setCapacity(0); // every request is printed; none needs keeping
    catcher.setMaxBodySize(maxBodySize);
    catcher.setResponse(response);
    catcher.setVerifier(verifier);

    QEventLoop loop;
    ProcessSignals stopSignals; // before the first line: a script may stop us once it reads it
    QObject::connect(&stopSignals, &ProcessSignals::stopRequested, &loop, &QEventLoop::quit);
    QObject::connect(&catcher, &Catcher::requestCaught, &loop,
                     [&context](const CaughtRequest &request) {
                         context.out << QString::fromUtf8(
                             QJsonDocument(request.toJson()).toJson(QJsonDocument::Compact))
                                     << Qt::endl;
                     });
    QObject::connect(&catcher, &Catcher::malformedRequestReceived, &loop,
                     [&context](const QString &reason) {
                         context.err << tr("kanca catch: malformed or too slow request "
                                           "answered with an error: %1")
                                            .arg(reason)
                                     << Qt::endl;
                     });

    QString error;
    if (!catcher.listen(where.address, where.port, &error)) {
        context.err << QStringLiteral("kanca catch: ") << error << Qt::endl;
        return ExitInvalidInput;
    }
    const QJsonObject listening{{QStringLiteral("listening"), catcher.url()},
                                {QStringLiteral("port"), int(catcher.port())}};
    context.out << QString::fromUtf8(QJsonDocument(listening).toJson(QJsonDocument::Compact))
                << Qt::endl;

    loop.exec();
    catcher.close();
    context.err << tr("kanca catch: stopped after %n request(s)", nullptr,
                      int(qMin<quint64>(catcher.caughtCount(), INT_MAX)))
                << Qt::endl;
    return ExitOk;
}

} // namespace Kanca
