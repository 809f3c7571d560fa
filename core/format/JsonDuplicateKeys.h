#pragma once

#include <QByteArrayView>

namespace Kanca {

// Whether an object of a JSON text has a key twice ("a" and "\u0061" are the same key). Made
// for text that already parsed (it does not check the grammar), and fast: no pointers and
// positions are built, so that the common case (no duplicate) costs one pass over the bytes.
// When it says yes, JsonLocator says where.
bool jsonHasDuplicateKeys(QByteArrayView utf8);

} // namespace Kanca
