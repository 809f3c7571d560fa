#pragma once

#include "model/WebhookAction.h"

#include <QStringList>
#include <QStringView>

#include <optional>
#include <span>

namespace Kanca {

// The names the rule-set format gives the kinds of auth, signing, signature encoding and body
// (FORMAT.md): one place for everything that reads or writes them (the format, the history's
// rows, the presets), each list in the order the format gives it.
//
//     formatName(Auth::Type::Bearer)                   "bearer"
//     fromFormatName<Signing::Type>(u"hmac-sha256")    Signing::Type::HmacSha256
//     formatNameList<Body::Format>()                   {"json", "text", "form"}
template<typename Kind>
struct FormatName
{
    Kind kind;
    QStringView name;
};

inline constexpr FormatName<Auth::Type> AuthTypeNames[] = {
    {Auth::Type::None, u"none"},
    {Auth::Type::Basic, u"basic"},
    {Auth::Type::Bearer, u"bearer"},
    {Auth::Type::Header, u"header"},
};
inline constexpr FormatName<Signing::Type> SigningTypeNames[] = {
    {Signing::Type::None, u"none"},
    {Signing::Type::StandardWebhooks, u"standard-webhooks"},
    {Signing::Type::HmacSha256, u"hmac-sha256"},
};
inline constexpr FormatName<Signing::Encoding> SigningEncodingNames[] = {
    {Signing::Encoding::Hex, u"hex"},
    {Signing::Encoding::Base64, u"base64"},
};
// Body::Format::None has no name: a webhook without a body has no "body" at all.
inline constexpr FormatName<Body::Format> BodyFormatNames[] = {
    {Body::Format::Json, u"json"},
    {Body::Format::Text, u"text"},
    {Body::Format::Form, u"form"},
};

constexpr std::span<const FormatName<Auth::Type>> formatNames(Auth::Type)
{
    return AuthTypeNames;
}
constexpr std::span<const FormatName<Signing::Type>> formatNames(Signing::Type)
{
    return SigningTypeNames;
}
constexpr std::span<const FormatName<Signing::Encoding>> formatNames(Signing::Encoding)
{
    return SigningEncodingNames;
}
constexpr std::span<const FormatName<Body::Format>> formatNames(Body::Format)
{
    return BodyFormatNames;
}

// The name of `kind`; empty for one without a name.
template<typename Kind>
constexpr QStringView formatName(Kind kind)
{
    for (const FormatName<Kind> &named : formatNames(kind)) {
        if (named.kind == kind)
            return named.name;
    }
    return {};
}

// The kind `name` names, or nullopt for a name the format does not have.
template<typename Kind>
constexpr std::optional<Kind> fromFormatName(QStringView name)
{
    for (const FormatName<Kind> &named : formatNames(Kind{})) {
        if (named.name == name)
            return named.kind;
    }
    return std::nullopt;
}

// Every name of the kind, for a message that lists them or suggests one.
template<typename Kind>
QStringList formatNameList()
{
    QStringList names;
    for (const FormatName<Kind> &named : formatNames(Kind{}))
        names.append(named.name.toString());
    return names;
}

} // namespace Kanca
