#pragma once

#include <QJsonValue>

namespace Kanca {

// A placeholder's value on its way through the filters (private to core/templates).
struct TemplateValue
{
    enum class Form {
        Plain,      // json is the value
        JsonText,   // json is a string: the JSON text of the value (the json filter)
        UrlEncoded, // json is a string: already percent-encoded (the urlencode filter)
    };
    QJsonValue json;
    Form form = Form::Plain;
};

} // namespace Kanca
