#pragma once

#include "catalog/Catalog.h"
#include "model/WebhookAction.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace Kanca {

// A ready payload of the action editor's presets: the body of a well-known receiver, with the
// method, headers and authentication or signing it expects.
struct Preset
{
    QString id;
    QString group; // "examples", "platforms", "chat", "standards"
    LocalizedText label;
    LocalizedText description;
    QString method;
    QList<NameValue> headers;
    Body::Format format = Body::Format::Json;
    QString contentType;
    LocalizedText templateText; // the same text in both when the payload has no words to translate
    std::optional<Auth> auth;
    std::optional<Signing> signing;
};

// The presets shipped in the resources (resources/presets/presets.json).
class PresetLibrary final
{
    Q_DECLARE_TR_FUNCTIONS(PresetLibrary)

public:
    static const PresetLibrary &builtIn();
    static std::optional<PresetLibrary> load(const QByteArray &json, QString *error);

    const QList<Preset> &presets() const { return m_presets; }
    const Preset *preset(QStringView id) const;

    // The action with the preset's body (in `language`). A method without a body becomes the
    // preset's method; the preset's headers are added where the action lacks them; its
    // authentication and signing are taken only where the action has none.
    static WebhookAction apply(const Preset &preset, WebhookAction action, Language language);

private:
    QList<Preset> m_presets;
};

} // namespace Kanca
