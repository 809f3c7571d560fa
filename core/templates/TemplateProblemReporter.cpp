#include "templates/TemplateProblemReporter.h"

#include <algorithm>

namespace Kanca {

namespace {

// 1-based line and column (in code points) of a UTF-16 offset; "\r\n", "\n" and "\r" end lines.
void lineAndColumn(QStringView text, qsizetype offset, int *line, int *column)
{
    int l = 1;
    int c = 1;
    offset = std::min(offset, text.size());
    for (qsizetype i = 0; i < offset; ++i) {
        const QChar ch = text[i];
        if (ch == u'\n' || (ch == u'\r' && !(i + 1 < text.size() && text[i + 1] == u'\n'))) {
            ++l;
            c = 1;
        } else if (ch == u'\r') {
            continue; // the \r of \r\n
        } else if (ch.isLowSurrogate() && i > 0 && text[i - 1].isHighSurrogate()) {
            continue; // the second half of a pair: the same character
        } else {
            ++c;
        }
    }
    *line = l;
    *column = c;
}

} // namespace

void TemplateProblemReporter::report(qsizetype offset, const QString &message)
{
    m_failed = true;
    if (!m_problems)
        return;
    TemplateProblem p;
    p.offset = offset;
    lineAndColumn(m_text, offset, &p.line, &p.column);
    p.message = message;
    m_problems->append(p);
}

} // namespace Kanca
