#include "action/LineEditText.h"

#include <QLineEdit>

#include <algorithm>

namespace Kanca {

void setTextKeepingCursor(QLineEdit *edit, const QString &text)
{
    if (edit->text() == text)
        return;
    const int position = edit->cursorPosition();
    edit->setText(text);
    edit->setCursorPosition(std::min(position, int(text.size())));
}

} // namespace Kanca
