#include "format/JsonLocator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace Kanca {

// A recursive-descent walk over JSON text that records the position of every value and key.
// It assumes nothing: on text that is not JSON it stops where it cannot go on, and what it
// recorded up to there stays usable.
class JsonLocator::Scanner
{
public:
    Scanner(const QByteArray &text, JsonLocator &locator)
        : m_text(text)
        , m_locator(locator)
    {}

    void run()
    {
        skipSpace();
        value(QString(), 0);
    }

private:
    static constexpr int MaxDepth = 2000;

    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text.at(m_pos); }

    void advance()
    {
        const auto byte = static_cast<unsigned char>(m_text.at(m_pos));
        ++m_pos;
        if (byte == '\n') {
            ++m_line;
            m_column = 1;
        } else if ((byte & 0xC0) != 0x80) {
            ++m_column; // count a character at its first byte only
        }
    }

    Position here() const { return {m_line, m_column}; }

    void skipSpace()
    {
        while (!atEnd()) {
            const char c = peek();
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                break;
            advance();
        }
    }

    bool value(const QString &pointer, int depth)
    {
        if (depth > MaxDepth || atEnd())
            return false;
        m_locator.m_values.insert(pointer, here());
        switch (peek()) {
        case '{':
            return object(pointer, depth);
        case '[':
            return array(pointer, depth);
        case '"':
            return string(nullptr);
        default:
            // number, true, false, null: up to the next delimiter
            while (!atEnd()) {
                const char c = peek();
                if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n'
                    || c == '\r')
                    break;
                advance();
            }
            return true;
        }
    }

    bool string(QByteArray *content)
    {
        const qsizetype start = m_pos + 1;
        advance(); // opening quote
        while (!atEnd()) {
            const char c = peek();
            if (c == '\\') {
                advance();
                if (atEnd())
                    return false;
                advance();
                continue;
            }
            if (c == '"') {
                if (content)
                    *content = m_text.mid(start, m_pos - start);
                advance();
                return true;
            }
            advance();
        }
        return false;
    }

    bool object(const QString &pointer, int depth)
    {
        advance(); // {
        skipSpace();
        if (peek() == '}') {
            advance();
            return true;
        }
        QSet<QString> seen;
        while (!atEnd()) {
            skipSpace();
            if (peek() != '"')
                return false;
            const Position keyPos = here();
            QByteArray rawKey;
            if (!string(&rawKey))
                return false;
            const QString key = decodeKey(rawKey);
            const QString member = jsonPointerAppend(pointer, key);
            if (seen.contains(key)) {
                m_locator.m_duplicates.append(
                    {Problem::Severity::Error, member, keyPos.line, keyPos.column,
                     JsonLocator::tr("duplicate key \"%1\": a key may appear once in an object")
                         .arg(key),
                     true});
            } else {
                seen.insert(key);
                m_locator.m_keys.insert(member, keyPos);
            }
            skipSpace();
            if (peek() != ':')
                return false;
            advance();
            skipSpace();
            if (!value(member, depth + 1))
                return false;
            skipSpace();
            if (peek() == ',') {
                advance();
                continue;
            }
            if (peek() == '}') {
                advance();
                return true;
            }
            return false;
        }
        return false;
    }

    bool array(const QString &pointer, int depth)
    {
        advance(); // [
        skipSpace();
        if (peek() == ']') {
            advance();
            return true;
        }
        for (qsizetype index = 0; !atEnd(); ++index) {
            skipSpace();
            if (!value(jsonPointerAppend(pointer, index), depth + 1))
                return false;
            skipSpace();
            if (peek() == ',') {
                advance();
                continue;
            }
            if (peek() == ']') {
                advance();
                return true;
            }
            return false;
        }
        return false;
    }

    // A key's text with its escapes resolved, as the parsed document has it.
    static QString decodeKey(const QByteArray &raw)
    {
        if (!raw.contains('\\'))
            return QString::fromUtf8(raw);
        const QJsonDocument doc = QJsonDocument::fromJson("[\"" + raw + "\"]");
        return doc.array().at(0).toString();
    }

    const QByteArray &m_text;
    JsonLocator &m_locator;
    qsizetype m_pos = 0;
    int m_line = 1;
    int m_column = 1;
};

JsonLocator::JsonLocator(const QByteArray &utf8)
{
    Scanner(utf8, *this).run();
}

JsonLocator::Position JsonLocator::valuePosition(const QString &pointer) const
{
    QString current = pointer;
    for (;;) {
        const auto it = m_values.constFind(current);
        if (it != m_values.constEnd())
            return *it;
        if (current.isEmpty())
            return {};
        current.truncate(current.lastIndexOf(u'/'));
    }
}

JsonLocator::Position JsonLocator::keyPosition(const QString &pointer) const
{
    const auto it = m_keys.constFind(pointer);
    if (it != m_keys.constEnd())
        return *it;
    return valuePosition(pointer);
}

void JsonLocator::locate(Problems *problems) const
{
    for (Problem &problem : *problems) {
        if (problem.line > 0)
            continue;
        const Position position =
            problem.aboutKey ? keyPosition(problem.pointer) : valuePosition(problem.pointer);
        problem.line = position.line;
        problem.column = position.column;
    }
}

JsonLocator::Position JsonLocator::positionOfOffset(const QByteArray &utf8, qsizetype offset)
{
    Position position{1, 1};
    const qsizetype end = std::min(offset, utf8.size());
    for (qsizetype i = 0; i < end; ++i) {
        const auto byte = static_cast<unsigned char>(utf8.at(i));
        if (byte == '\n') {
            ++position.line;
            position.column = 1;
        } else if ((byte & 0xC0) != 0x80) {
            ++position.column;
        }
    }
    return position;
}

} // namespace Kanca
