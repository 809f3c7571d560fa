#include "editing/JsonFormatter.h"

namespace Kanca::JsonFormatter {

namespace {

bool isStructural(QChar c)
{
    return c == u'{' || c == u'}' || c == u'[' || c == u']' || c == u',' || c == u':';
}

class Formatter
{
public:
    explicit Formatter(QStringView text)
        : m_text(text)
    {
        m_out.reserve(text.size() + text.size() / 4);
    }

    QString run()
    {
        qsizetype i = 0;
        const qsizetype n = m_text.size();
        while (i < n) {
            const QChar c = m_text[i];
            if (m_text.mid(i).startsWith(u"{{")) {
                i = copyPlaceholder(i);
            } else if (c == u'"') {
                i = copyString(i);
            } else if (c.isSpace()) {
                i = skipSpace(i);
            } else if (c == u'{' || c == u'[') {
                i = open(i);
            } else if (c == u'}' || c == u']') {
                m_indent = std::max(0, m_indent - 1);
                newLine();
                put(QString(c));
                ++i;
            } else if (c == u',') {
                put(QStringLiteral(","));
                newLine();
                ++i;
            } else if (c == u':') {
                put(QStringLiteral(": "));
                ++i;
            } else {
                put(QString(c));
                ++i;
            }
        }
        while (m_out.endsWith(u' ') || m_out.endsWith(u'\n'))
            m_out.chop(1);
        return m_out;
    }

private:
    void put(const QString &s)
    {
        m_out.append(s);
        m_lastWasSpace = false;
    }

    void newLine()
    {
        while (m_out.endsWith(u' '))
            m_out.chop(1);
        if (!m_out.isEmpty())
            m_out.append(u'\n');
        m_out.append(QString(m_indent * 2, u' '));
    }

    // A placeholder, verbatim up to its "}}" (or the end of the text).
    qsizetype copyPlaceholder(qsizetype i)
    {
        const qsizetype close = m_text.indexOf(u"}}", i + 2);
        const qsizetype end = close < 0 ? m_text.size() : close + 2;
        put(m_text.mid(i, end - i).toString());
        return end;
    }

    // A JSON string, verbatim, placeholders inside it included.
    qsizetype copyString(qsizetype i)
    {
        const qsizetype start = i++;
        const qsizetype n = m_text.size();
        while (i < n) {
            if (m_text.mid(i).startsWith(u"{{")) {
                const qsizetype close = m_text.indexOf(u"}}", i + 2);
                i = close < 0 ? n : close + 2;
                continue;
            }
            const QChar c = m_text[i];
            if (c == u'\\') {
                i += 2;
                continue;
            }
            ++i;
            if (c == u'"' || c == u'\n')
                break;
        }
        i = std::min(i, n);
        put(m_text.mid(start, i - start).toString());
        return i;
    }

    // White space between two words that are not JSON punctuation stays one space, so text that
    // is not JSON keeps its words apart.
    qsizetype skipSpace(qsizetype i)
    {
        const qsizetype n = m_text.size();
        while (i < n && m_text[i].isSpace())
            ++i;
        const bool afterWord =
            !m_out.isEmpty() && !isStructural(m_out.back()) && !m_out.back().isSpace();
        const bool beforeWord = i < n && !isStructural(m_text[i]);
        if (afterWord && beforeWord && !m_lastWasSpace) {
            m_out.append(u' ');
            m_lastWasSpace = true;
        }
        return i;
    }

    qsizetype open(qsizetype i)
    {
        const QChar c = m_text[i];
        const QChar close = c == u'{' ? u'}' : u']';
        qsizetype j = i + 1;
        while (j < m_text.size() && m_text[j].isSpace())
            ++j;
        if (j < m_text.size() && m_text[j] == close) {
            put(QString(c) + close);
            return j + 1;
        }
        put(QString(c));
        ++m_indent;
        newLine();
        return i + 1;
    }

    QStringView m_text;
    QString m_out;
    int m_indent = 0;
    bool m_lastWasSpace = false;
};

} // namespace

QString format(QStringView text)
{
    return Formatter(text).run();
}

} // namespace Kanca::JsonFormatter
