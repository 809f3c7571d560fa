// Compiling a webhook action checks it and parses its templates once; rendering gives the exact
// request: the URL, the action's headers in their order, Content-Type (unless the action sets
// one), the auth header, the signing headers, and the body.
//
// A form body is application/x-www-form-urlencoded as HTML forms send it: name=value pairs
// joined by "&", names and values UTF-8 percent-encoded keeping only A-Z a-z 0-9 - . _ ~, and a
// space written as "+" (so a "+" in a value is "%2B").
#include "engine/CompiledAction.h"

#include "catalog/Catalog.h"
#include "engine/Credentials.h"
#include "engine/HttpSyntax.h"
#include "engine/SecretProvider.h"
#include "event/EventContext.h"
#include "format/QuickJsonCheck.h"
#include "format/StrictJson.h"
#include "templates/Template.h"
#include "text/Suggest.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

#include <vector>

namespace Kanca {

namespace {

const QStringList &methods()
{
    static const QStringList list{QStringLiteral("GET"), QStringLiteral("POST"),
                                  QStringLiteral("PUT"), QStringLiteral("PATCH"),
                                  QStringLiteral("DELETE")};
    return list;
}

bool isSecretName(QStringView name)
{
    if (name.isEmpty() || name.size() > 64)
        return false;
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        if (!((u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'_'))
            return false;
    }
    return true;
}

void appendFormEncoded(QByteArray &out, const QString &text)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    const QByteArray utf8 = text.toUtf8();
    out.reserve(out.size() + utf8.size());
    for (const char c : utf8) {
        const auto b = uchar(c);
        if ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-'
            || b == '.' || b == '_' || b == '~') {
            out.append(c);
        } else if (b == ' ') {
            out.append('+');
        } else {
            out.append('%');
            out.append(hex[b >> 4]);
            out.append(hex[b & 0xF]);
        }
    }
}

Problem error(const QString &pointer, const QString &message)
{
    Problem p;
    p.severity = Problem::Severity::Error;
    p.pointer = pointer;
    p.message = message;
    return p;
}

void addTemplateProblems(Problems *problems, const QString &pointer,
                         const QList<TemplateProblem> &templateProblems)
{
    for (const TemplateProblem &tp : templateProblems) {
        problems->append(error(
            pointer,
            QCoreApplication::translate("Kanca::CompiledAction", "%1 at %2:%3 of the template")
                .arg(tp.message, QString::number(tp.line), QString::number(tp.column))));
    }
}

void checkSecretRef(const SecretRef &ref, const QString &pointer, Problems *problems)
{
    if (!ref.isSet()) {
        problems->append(error(pointer, QCoreApplication::translate(
                                            "Kanca::CompiledAction",
                                            "a secret is required here: {\"secret\": \"NAME\"}")));
    } else if (!isSecretName(ref.name)) {
        problems->append(
            error(jsonPointerAppend(pointer, u"secret"),
                  QCoreApplication::translate("Kanca::CompiledAction",
                                              "the secret name \"%1\" is not valid: use capital "
                                              "letters, digits and \"_\", at most 64 of them")
                      .arg(ref.name)));
    }
}

struct GeneratedHeader
{
    QString name;
    bool fromAuth = false; // otherwise from the signing
};

} // namespace

struct CompiledAction::Data
{
    WebhookAction action;
    QString pointer;
    Problems compileProblems; // errors found by compile(): render() refuses to run
    Template url;
    std::vector<Template> headerValues;
    Template body;
    std::vector<Template> formValues;
};

CompiledAction::CompiledAction()
    : d(std::make_unique<Data>())
{}

CompiledAction::~CompiledAction() = default;
CompiledAction::CompiledAction(CompiledAction &&) noexcept = default;
CompiledAction &CompiledAction::operator=(CompiledAction &&) noexcept = default;

const QString &CompiledAction::pointer() const
{
    return d->pointer;
}

const WebhookAction &CompiledAction::action() const
{
    return d->action;
}

CompiledAction CompiledAction::compile(const WebhookAction &action, const Catalog &catalog,
                                       const QString &pointer, Problems *problems)
{
    CompiledAction result;
    Data &data = *result.d;
    data.action = action;
    data.pointer = pointer;
    Problems found;
    const auto at = [&pointer](QStringView key) { return jsonPointerAppend(pointer, key); };

    // Method.
    if (!methods().contains(action.method)) {
        found.append(error(
            at(u"method"),
            QCoreApplication::translate("Kanca::CompiledAction",
                                        "unknown method \"%1\"%2: use GET, POST, PUT, PATCH or "
                                        "DELETE")
                .arg(action.method, didYouMean(action.method, methods()))));
    }

    // URL.
    {
        QList<TemplateProblem> tps;
        data.url = Template::parse(action.url, TemplateContext::Url, catalog, &tps);
        addTemplateProblems(&found, at(u"url"), tps);
        const bool http = action.url.startsWith(QLatin1StringView("http://"), Qt::CaseInsensitive)
                          && action.url.size() > 7;
        const bool https = action.url.startsWith(QLatin1StringView("https://"), Qt::CaseInsensitive)
                           && action.url.size() > 8;
        // A new action starts with "https://" alone: not wrong, just not written yet.
        const QString trimmed = action.url.trimmed();
        const bool notWritten = trimmed.isEmpty()
                                || trimmed.compare(u"https://", Qt::CaseInsensitive) == 0
                                || trimmed.compare(u"http://", Qt::CaseInsensitive) == 0;
        if (notWritten) {
            found.append(error(
                at(u"url"), QCoreApplication::translate("Kanca::CompiledAction",
                                                        "no URL yet: write the address to call")));
        } else if (!http && !https) {
            found.append(error(at(u"url"), QCoreApplication::translate(
                                               "Kanca::CompiledAction",
                                               "the URL must start with http:// or https://")));
        }
    }

    // The headers the auth and the signing add.
    QList<GeneratedHeader> generated;
    switch (action.auth.type) {
    case Auth::Type::Basic:
    case Auth::Type::Bearer:
        generated.append({QStringLiteral("Authorization"), true});
        break;
    case Auth::Type::Header:
        generated.append({action.auth.headerName, true});
        break;
    case Auth::Type::None:
        break;
    }
    switch (action.signing.type) {
    case Signing::Type::StandardWebhooks:
        generated.append({QStringLiteral("webhook-id"), false});
        generated.append({QStringLiteral("webhook-timestamp"), false});
        generated.append({QStringLiteral("webhook-signature"), false});
        break;
    case Signing::Type::HmacSha256:
        generated.append({action.signing.header, false});
        break;
    case Signing::Type::None:
        break;
    }

    // Headers.
    const QString headersPointer = at(u"headers");
    for (qsizetype i = 0; i < action.headers.size(); ++i) {
        const NameValue &header = action.headers.at(i);
        const QString itemPointer = jsonPointerAppend(headersPointer, i);
        const QString namePointer = jsonPointerAppend(itemPointer, u"name");
        if (header.name.isEmpty()) {
            found.append(
                error(namePointer, QCoreApplication::translate("Kanca::CompiledAction",
                                                               "the header name is empty")));
        } else if (!HttpSyntax::isToken(header.name)) {
            found.append(error(namePointer,
                               QCoreApplication::translate(
                                   "Kanca::CompiledAction",
                                   "the header name \"%1\" is not valid: use letters, digits and "
                                   "! # $ % & ' * + - . ^ _ ` | ~")
                                   .arg(header.name)));
        } else if (header.name.compare(QLatin1StringView("Content-Length"), Qt::CaseInsensitive)
                       == 0
                   || header.name.compare(QLatin1StringView("Transfer-Encoding"),
                                          Qt::CaseInsensitive)
                          == 0) {
            found.append(error(namePointer,
                               QCoreApplication::translate(
                                   "Kanca::CompiledAction",
                                   "the header \"%1\" is set when the request is sent; remove it")
                                   .arg(header.name)));
        } else {
            for (const GeneratedHeader &g : std::as_const(generated)) {
                if (header.name.compare(g.name, Qt::CaseInsensitive) != 0)
                    continue;
                found.append(error(
                    namePointer,
                    g.fromAuth
                        ? QCoreApplication::translate("Kanca::CompiledAction",
                                                      "the header \"%1\" is set by the action's "
                                                      "authentication; remove it from the headers")
                              .arg(header.name)
                        : QCoreApplication::translate("Kanca::CompiledAction",
                                                      "the header \"%1\" is set by the action's "
                                                      "signing; remove it from the headers")
                              .arg(header.name)));
                break;
            }
        }
        QList<TemplateProblem> tps;
        data.headerValues.push_back(
            Template::parse(header.value, TemplateContext::Header, catalog, &tps));
        addTemplateProblems(&found, jsonPointerAppend(itemPointer, u"value"), tps);
    }

    // Auth.
    const QString authPointer = at(u"auth");
    if (action.auth.type != Auth::Type::None) {
        checkSecretRef(action.auth.secret,
                       jsonPointerAppend(authPointer, Credentials::secretKey(action.auth.type)),
                       &found);
    }
    if (action.auth.type == Auth::Type::Basic) {
        if (action.auth.username.contains(u':')
            || HttpSyntax::hasControlCharacter(action.auth.username)) {
            found.append(error(jsonPointerAppend(authPointer, u"username"),
                               QCoreApplication::translate(
                                   "Kanca::CompiledAction",
                                   "the user name cannot hold \":\" or a control character")));
        }
    } else if (action.auth.type == Auth::Type::Header) {
        const QString namePointer = jsonPointerAppend(authPointer, u"name");
        if (!HttpSyntax::isToken(action.auth.headerName)) {
            found.append(error(namePointer,
                               QCoreApplication::translate(
                                   "Kanca::CompiledAction",
                                   "the header name \"%1\" is not valid: use letters, digits and "
                                   "! # $ % & ' * + - . ^ _ ` | ~")
                                   .arg(action.auth.headerName)));
        } else {
            for (const GeneratedHeader &g : std::as_const(generated)) {
                if (!g.fromAuth
                    && g.name.compare(action.auth.headerName, Qt::CaseInsensitive) == 0) {
                    found.append(
                        error(namePointer, QCoreApplication::translate(
                                               "Kanca::CompiledAction",
                                               "the header \"%1\" is set by the action's signing; "
                                               "choose another name")
                                               .arg(action.auth.headerName)));
                    break;
                }
            }
        }
    }

    // Signing.
    const QString signingPointer = at(u"signing");
    if (action.signing.type != Signing::Type::None)
        checkSecretRef(action.signing.secret, jsonPointerAppend(signingPointer, u"secret"), &found);
    if (action.signing.type == Signing::Type::HmacSha256) {
        if (!HttpSyntax::isToken(action.signing.header)) {
            found.append(error(jsonPointerAppend(signingPointer, u"header"),
                               QCoreApplication::translate(
                                   "Kanca::CompiledAction",
                                   "the header name \"%1\" is not valid: use letters, digits and "
                                   "! # $ % & ' * + - . ^ _ ` | ~")
                                   .arg(action.signing.header)));
        }
        if (HttpSyntax::hasControlCharacter(action.signing.prefix)) {
            found.append(error(jsonPointerAppend(signingPointer, u"prefix"),
                               QCoreApplication::translate(
                                   "Kanca::CompiledAction",
                                   "the signature prefix cannot hold a line break or another "
                                   "control character")));
        }
    }

    // Body.
    const QString bodyPointer = at(u"body");
    if (action.body.format != Body::Format::None
        && (action.method == u"GET" || action.method == u"DELETE")) {
        found.append(error(bodyPointer,
                           QCoreApplication::translate("Kanca::CompiledAction",
                                                       "a %1 request has no body: remove the body "
                                                       "or use POST, PUT or PATCH")
                               .arg(action.method)));
    }
    switch (action.body.format) {
    case Body::Format::Json:
    case Body::Format::Text: {
        QList<TemplateProblem> tps;
        data.body =
            Template::parse(action.body.templateText,
                            action.body.format == Body::Format::Json ? TemplateContext::Json
                                                                     : TemplateContext::PlainText,
                            catalog, &tps);
        addTemplateProblems(&found, jsonPointerAppend(bodyPointer, u"template"), tps);
        if (action.body.format == Body::Format::Text
            && HttpSyntax::hasControlCharacter(action.body.contentType)) {
            found.append(error(
                jsonPointerAppend(bodyPointer, u"contentType"),
                QCoreApplication::translate("Kanca::CompiledAction",
                                            "the content type cannot hold a line break or another "
                                            "control character")));
        }
        break;
    }
    case Body::Format::Form: {
        const QString fieldsPointer = jsonPointerAppend(bodyPointer, u"fields");
        for (qsizetype i = 0; i < action.body.fields.size(); ++i) {
            const NameValue &field = action.body.fields.at(i);
            const QString itemPointer = jsonPointerAppend(fieldsPointer, i);
            if (field.name.isEmpty()) {
                found.append(error(jsonPointerAppend(itemPointer, u"name"),
                                   QCoreApplication::translate("Kanca::CompiledAction",
                                                               "the form field name is empty")));
            }
            QList<TemplateProblem> tps;
            data.formValues.push_back(
                Template::parse(field.value, TemplateContext::FormField, catalog, &tps));
            addTemplateProblems(&found, jsonPointerAppend(itemPointer, u"value"), tps);
        }
        break;
    }
    case Body::Format::None:
        break;
    }

    // Timeout and retries.
    if (action.timeoutMs < 1 || action.timeoutMs > 600000) {
        found.append(error(at(u"timeoutMs"),
                           QCoreApplication::translate("Kanca::CompiledAction",
                                                       "the timeout must be between 1 and 600000 "
                                                       "ms (10 minutes), not %1")
                               .arg(action.timeoutMs)));
    }
    const QString retryPointer = at(u"retry");
    if (action.retry.maxAttempts < 1 || action.retry.maxAttempts > 100) {
        found.append(error(jsonPointerAppend(retryPointer, u"maxAttempts"),
                           QCoreApplication::translate("Kanca::CompiledAction",
                                                       "the number of attempts must be between 1 "
                                                       "and 100, not %1")
                               .arg(action.retry.maxAttempts)));
    }
    if (action.retry.initialDelayMs < 0) {
        found.append(error(jsonPointerAppend(retryPointer, u"initialDelayMs"),
                           QCoreApplication::translate("Kanca::CompiledAction",
                                                       "the first retry delay cannot be negative "
                                                       "(%1 ms)")
                               .arg(action.retry.initialDelayMs)));
    } else if (action.retry.maxDelayMs < action.retry.initialDelayMs) {
        found.append(error(jsonPointerAppend(retryPointer, u"maxDelayMs"),
                           QCoreApplication::translate("Kanca::CompiledAction",
                                                       "the longest retry delay (%1 ms) cannot "
                                                       "be shorter than the first (%2 ms)")
                               .arg(action.retry.maxDelayMs)
                               .arg(action.retry.initialDelayMs)));
    }

    data.compileProblems = found;
    if (problems)
        problems->append(found);
    return result;
}

CompiledAction::Result CompiledAction::render(const EventContext &context, Language language,
                                              const SecretProvider &secrets,
                                              const QString &deliveryId, const QDateTime &now) const
{
    return render(context, language, secrets, deliveryId, now, Credentials::Apply);
}

CompiledAction::Result CompiledAction::renderWithoutCredentials(const EventContext &context,
                                                                Language language,
                                                                const QString &deliveryId) const
{
    static const EnvironmentSecrets unused;
    return render(context, language, unused, deliveryId, {}, Credentials::Leave);
}

CompiledAction::Result CompiledAction::render(const EventContext &context, Language language,
                                              const SecretProvider &secrets,
                                              const QString &deliveryId, const QDateTime &now,
                                              Credentials::Mode withCredentials) const
{
    Result result;
    if (hasErrors(d->compileProblems)) {
        result.problems = d->compileProblems;
        return result;
    }
    const WebhookAction &action = d->action;
    const QString &pointer = d->pointer;
    const auto at = [&pointer](QStringView key) { return jsonPointerAppend(pointer, key); };
    Problems &problems = result.problems;
    RenderedRequest &request = result.request;

    // {{delivery.id}} is the delivery's id.
    EventContext withDelivery;
    const EventContext *values = &context;
    if (!deliveryId.isEmpty() && context.deliveryId() != deliveryId) {
        withDelivery = context;
        withDelivery.setDeliveryId(deliveryId);
        values = &withDelivery;
    }

    // Into a QString, or a QByteArray for a body: its UTF-8, the bytes that are sent. The
    // template's pointer is made only when it has a problem to report.
    const auto renderTemplate = [&](const Template &t, const auto &pointerOf, auto *out) {
        QList<TemplateProblem> tps;
        if (!t.render(*values, language, out, &tps))
            addTemplateProblems(&problems, pointerOf(), tps);
    };
    // The value of item `index` of the list at `list` (a header, a form field).
    const auto itemValue = [](const QString &list, qsizetype index) {
        return jsonPointerAppend(jsonPointerAppend(list, index), u"value");
    };

    request.method = action.method;
    renderTemplate(
        d->url, [&] { return at(u"url"); }, &request.url);

    // The action's headers, in order.
    bool hasContentType = false;
    for (qsizetype i = 0; i < action.headers.size(); ++i) {
        RenderedRequest::Header header;
        header.name = action.headers.at(i).name;
        renderTemplate(
            d->headerValues.at(std::size_t(i)), [&] { return itemValue(at(u"headers"), i); },
            &header.value);
        if (header.name.compare(QLatin1StringView("Content-Type"), Qt::CaseInsensitive) == 0)
            hasContentType = true;
        request.headers.append(std::move(header));
    }

    // The body.
    const auto templatePointer = [&at] { return jsonPointerAppend(at(u"body"), u"template"); };
    QString contentType;
    switch (action.body.format) {
    case Body::Format::Json: {
        renderTemplate(d->body, templatePointer, &request.body);
        // QJsonDocument decides, and words the problem, only when the quick check cannot.
        QJsonParseError parseError{0, QJsonParseError::NoError};
        if (!QuickJsonCheck::accepts(request.body))
            QJsonDocument::fromJson(request.body, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            problems.append(
                error(templatePointer(),
                      QCoreApplication::translate("Kanca::CompiledAction",
                                                  "the body is not valid JSON: %1")
                          .arg(StrictJson::describe(parseError, request.body).message)));
        }
        contentType = QStringLiteral("application/json");
        break;
    }
    case Body::Format::Text: {
        renderTemplate(d->body, templatePointer, &request.body);
        contentType = action.body.contentType.isEmpty()
                          ? QStringLiteral("text/plain; charset=utf-8")
                          : action.body.contentType;
        break;
    }
    case Body::Format::Form: {
        QString value;
        for (qsizetype i = 0; i < action.body.fields.size(); ++i) {
            if (i > 0)
                request.body.append('&');
            appendFormEncoded(request.body, action.body.fields.at(i).name);
            request.body.append('=');
            renderTemplate(
                d->formValues.at(std::size_t(i)),
                [&] { return itemValue(jsonPointerAppend(at(u"body"), u"fields"), i); }, &value);
            appendFormEncoded(request.body, value);
        }
        contentType = QStringLiteral("application/x-www-form-urlencoded");
        break;
    }
    case Body::Format::None:
        break;
    }
    if (!contentType.isEmpty() && !hasContentType)
        request.headers.append({QStringLiteral("Content-Type"), contentType, false});

    if (withCredentials == Credentials::Apply) {
        Credentials::apply(&request, action.auth, action.signing, secrets, deliveryId, now, pointer,
                           &problems);
    }

    result.ok = !hasErrors(problems);
    return result;
}

} // namespace Kanca
