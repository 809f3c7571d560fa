#include "editing/PresetLibrary.h"

#include "model/FormatNames.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Kanca {

namespace {

std::optional<LocalizedText> localized(const QJsonValue &value)
{
    if (value.isString())
        return LocalizedText{value.toString(), value.toString()};
    const QJsonObject object = value.toObject();
    if (!object.value(u"en").isString() || !object.value(u"tr").isString())
        return std::nullopt;
    return LocalizedText{object.value(u"en").toString(), object.value(u"tr").toString()};
}

std::optional<Auth> auth(const QJsonObject &object)
{
    Auth result;
    const std::optional<Auth::Type> type =
        fromFormatName<Auth::Type>(object.value(u"type").toString());
    if (!type || *type == Auth::Type::None)
        return std::nullopt;
    result.type = *type;
    result.username = object.value(u"username").toString();
    result.headerName = object.value(u"name").toString();
    result.secret.name = object.value(u"secret").toString();
    return result;
}

std::optional<Signing> signing(const QJsonObject &object)
{
    Signing result;
    const std::optional<Signing::Type> type =
        fromFormatName<Signing::Type>(object.value(u"type").toString());
    if (!type || *type == Signing::Type::None)
        return std::nullopt;
    result.type = *type;
    if (*type == Signing::Type::HmacSha256) {
        if (object.contains(u"header"))
            result.header = object.value(u"header").toString();
        if (object.contains(u"prefix"))
            result.prefix = object.value(u"prefix").toString();
        result.encoding = fromFormatName<Signing::Encoding>(object.value(u"encoding").toString())
                              .value_or(result.encoding);
    }
    result.secret.name = object.value(u"secret").toString();
    return result;
}

} // namespace

const PresetLibrary &PresetLibrary::builtIn()
{
    static const PresetLibrary library = [] {
        QFile file(QStringLiteral(":/presets/presets.json"));
        QString error;
        std::optional<PresetLibrary> loaded;
        if (file.open(QIODevice::ReadOnly))
            loaded = load(file.readAll(), &error);
        else
            error = file.errorString();
        if (!loaded) {
            qWarning("The built-in presets cannot be read: %s", qUtf8Printable(error));
            return PresetLibrary();
        }
        return *std::move(loaded);
    }();
    return library;
}

std::optional<PresetLibrary> PresetLibrary::load(const QByteArray &json, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(tr("the presets are not valid JSON: %1").arg(parseError.errorString()));
    const QJsonObject root = document.object();
    if (root.value(u"format").toString() != u"kanca.presets" || root.value(u"version").toInt() != 1)
        return fail(tr("the presets file is not format \"kanca.presets\" version 1"));

    PresetLibrary library;
    const QJsonArray presets = root.value(u"presets").toArray();
    for (qsizetype i = 0; i < presets.size(); ++i) {
        const QJsonObject object = presets.at(i).toObject();
        Preset preset;
        preset.id = object.value(u"id").toString();
        preset.group = object.value(u"group").toString();
        preset.method = object.value(u"method").toString();
        const auto label = localized(object.value(u"label"));
        const auto description = localized(object.value(u"description"));
        const QJsonObject body = object.value(u"body").toObject();
        // A template, so JSON or text: a preset has no form fields.
        const auto format = fromFormatName<Body::Format>(body.value(u"format").toString());
        const auto templateText = localized(body.value(u"template"));
        if (preset.id.isEmpty() || preset.method.isEmpty() || !label || !description || !format
            || *format == Body::Format::Form || !templateText) {
            return fail(tr("preset %1 lacks an id, a method, a label, a description or a JSON "
                           "or text body")
                            .arg(i));
        }
        preset.label = *label;
        preset.description = *description;
        preset.format = *format;
        preset.templateText = *templateText;
        preset.contentType = body.value(u"contentType").toString();
        const QJsonArray headers = object.value(u"headers").toArray();
        for (const QJsonValue &header : headers) {
            preset.headers.append(NameValue{header.toObject().value(u"name").toString(),
                                            header.toObject().value(u"value").toString()});
        }
        if (object.contains(u"auth")) {
            preset.auth = auth(object.value(u"auth").toObject());
            if (!preset.auth)
                return fail(tr("preset \"%1\" has an unknown authentication").arg(preset.id));
        }
        if (object.contains(u"signing")) {
            preset.signing = signing(object.value(u"signing").toObject());
            if (!preset.signing)
                return fail(tr("preset \"%1\" has an unknown signing").arg(preset.id));
        }
        library.m_presets.append(preset);
    }
    return library;
}

const Preset *PresetLibrary::preset(QStringView id) const
{
    for (const Preset &preset : m_presets) {
        if (preset.id == id)
            return &preset;
    }
    return nullptr;
}

WebhookAction PresetLibrary::apply(const Preset &preset, WebhookAction action, Language language)
{
    if (action.method == u"GET" || action.method == u"DELETE")
        action.method = preset.method;
    action.body.format = preset.format;
    action.body.templateText = preset.templateText.in(language);
    action.body.contentType = preset.contentType;
    for (const NameValue &header : preset.headers) {
        const bool present = std::any_of(
            action.headers.cbegin(), action.headers.cend(), [&header](const NameValue &h) {
                return h.name.compare(header.name, Qt::CaseInsensitive) == 0;
            });
        if (!present)
            action.headers.append(header);
    }
    if (preset.auth && action.auth.type == Auth::Type::None)
        action.auth = *preset.auth;
    if (preset.signing && action.signing.type == Signing::Type::None)
        action.signing = *preset.signing;
    return action;
}

} // namespace Kanca
