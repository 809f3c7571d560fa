#pragma once

#include <QString>

namespace Kanca {

// A reference to a secret by name ({"secret": "CRM_TOKEN"}). A rule set never holds a secret's
// value; the designer resolves the name from the system keychain, the command line from the
// environment variable KANCA_SECRET_<NAME>.
struct SecretRef
{
    QString name;

    bool isSet() const { return !name.isEmpty(); }
    friend bool operator==(const SecretRef &, const SecretRef &) = default;
};

} // namespace Kanca
