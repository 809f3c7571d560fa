#pragma once

#include <QString>

class QLineEdit;

namespace Kanca {

// Puts text into a line edit the document changed under it, keeping the cursor where it was
// (clamped to the new text), and doing nothing when the text is already the same: so typing is
// never disturbed by its own echo from the document.
void setTextKeepingCursor(QLineEdit *edit, const QString &text);

} // namespace Kanca
