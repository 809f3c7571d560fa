#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QVarLengthArray>

#include <optional>
#include <vector>

namespace Kanca {

class FieldPath;

// An event in Kanca's own compact form: what the engine reads values from (EventContext), held
// for as long as needed (the backtest keeps every event it read). Immutable, and implicitly
// shared: copying one copies a pointer.
//
// It is one block of bytes: a table of nodes in document order (each a member's name, a type
// and 4 bytes: a small integer, the size of an object's or array's subtree, or where a text or
// a wider number is) and after it the event's texts, unescaped UTF-8. Names of members are
// numbers (EventKeys), so a path is found by comparing numbers along it, and an event costs
// about what its JSON text does.
//
// Values come out as the QJsonValue that QJsonDocument gives for the same text (an integer
// stays an integer, a fraction a double): conditions and templates see exactly the same values
// as before there was a form of Kanca's own.
class CompactEvent final
{
public:
    enum class Type : quint8 {
        Null,
        False,
        True,
        SmallInteger, // an integer in 32 bits, held in the node
        Integer,      // a wider integer (64 bits)
        Double,
        String,
        Utf16String, // a text that is not valid UTF-16 (a lone surrogate), kept as it is
        Object,
        Array,
    };

    // An empty object.
    CompactEvent();

    // The event of a JSON object (the object is walked once; nothing is kept of it).
    static CompactEvent fromJson(const QJsonObject &object);

    // Builds an event node by node, in document order: the root object first. Used by the
    // readers of JSON text (EventParser) and by fromJson().
    class Builder;

    bool isEmpty() const { return nodeCount() <= 1; }
    // The bytes the event holds (for memory accounting).
    qsizetype byteSize() const { return m_data.size(); }

    // The value at `path` (event.* and the parts; Undefined for rule.*, delivery.* and paths
    // that are absent).
    QJsonValue value(const FieldPath &path) const;
    // The type of the value at `path` without reading it; nullopt when there is none.
    std::optional<Type> typeAt(const FieldPath &path) const;
    // The value at `path` read in place, for a reader that writes it out without making a
    // QJsonValue (templates): a text in UTF-8, a small integer, or absent. Anything else
    // (another type, a text kept in UTF-16) is Other: read value() instead.
    struct Scalar
    {
        enum class Kind { Absent, Text, Integer, Other };
        Kind kind = Kind::Absent;
        QByteArrayView utf8; // Text: valid while the event lives
        qint32 integer = 0;  // Integer
    };
    Scalar scalar(const FieldPath &path) const;
    // The list at `path` read in place, for a reader that looks at each element (a condition
    // on a list of tags): List with every element given to `elements` when each is a text or a
    // small integer; Absent when there is no value; Other otherwise (another type, null, or an
    // element of another kind): read value() instead.
    enum class ListKind { Absent, List, Other };
    ListKind scalarList(const FieldPath &path, QVarLengthArray<Scalar, 16> *elements) const;
    // Whether a text of the event is kept in UTF-16 because UTF-8 cannot hold it (a lone
    // surrogate). Every other text is well-formed UTF-8 (both readers check it).
    bool hasUtf16Texts() const;
    // The value of the top-level member `utf8` ("type", "id").
    QJsonValue topLevel(QByteArrayView utf8) const;
    // The event's "type" and "id" when they are texts; "" otherwise.
    QString type() const;
    QString id() const;
    // The event's "type" as the UTF-8 it is kept in (no copy); nothing when it is absent, not a
    // text, or kept in UTF-16.
    std::optional<QByteArrayView> typeUtf8() const;

    QJsonObject toJson() const;
    // The event as compact JSON text, members in the order they came: what a server stores of
    // an event it read from text. It reads back as the same event, except that a text kept in
    // UTF-16 (a lone surrogate) is written with U+FFFD in its place.
    QByteArray toJsonText() const;

    friend bool operator==(const CompactEvent &a, const CompactEvent &b)
    {
        return a.m_data == b.m_data;
    }

private:
    explicit CompactEvent(QByteArray data);

    struct Node
    {
        quint32 key;     // EventKeys id; NoKey; or InlineKey | offset of the name's text
        quint32 payload; // see Type
    };
    static constexpr quint32 NoKey = 0xFFFFFFFF;
    static constexpr quint32 InlineKey = 0x80000000;

    quint32 nodeCount() const;
    Node node(quint32 index) const;
    Type type(quint32 index) const;
    const char *texts() const;
    quint32 subtreeSize(quint32 index) const;
    QByteArrayView text(quint32 offset) const;
    QByteArrayView keyText(quint32 key) const;
    // The child of object node `object` named `id` (or `utf8` when the name has no number);
    // NoKey when absent.
    quint32 member(quint32 object, quint32 id, QByteArrayView utf8) const;
    // The node at `path` (NoKey when absent); nothing for a path that is not into the event.
    std::optional<quint32> locate(const FieldPath &path) const;
    // Node `index` as a Scalar: Text, Integer or Other.
    Scalar scalarAt(quint32 index) const;
    QJsonValue toValue(quint32 index) const;
    // Node `index` and its subtree onto `writer`; returns the node after the subtree.
    quint32 write(quint32 index, class JsonWriter &writer) const;
    // The top-level member `utf8` (numbered `id`) when it is a text; "" otherwise.
    QString topLevelText(quint32 id, QByteArrayView utf8) const;

    QByteArray m_data;
};

class CompactEvent::Builder final
{
public:
    Builder();

    // Each value; a member of an object is preceded by key() (the name's UTF-8).
    void key(QByteArrayView utf8);
    void null();
    void boolean(bool value);
    void integer(qint64 value);
    void number(double value);
    void string(QByteArrayView utf8);
    // A text that UTF-8 cannot hold as it is (a lone surrogate): kept in UTF-16.
    void utf16String(QStringView text);
    void beginObject();
    void beginArray();
    void end();

    // Whether the values given so far make one event: one object, every object and array
    // ended, and less than MaxTextBytes of text.
    bool ok() const;
    // The event (an empty one unless ok()); the builder starts again.
    CompactEvent take();

    static constexpr qsizetype MaxTextBytes = qsizetype(1) << 30;

private:
    quint32 push(Type type, quint32 payload);
    quint32 appendText(QByteArrayView utf8);

    std::vector<Node> m_nodes;
    std::vector<Type> m_types;
    std::vector<quint32> m_open; // the nodes of the objects and arrays not ended yet
    QByteArray m_texts;
    quint32 m_pendingKey = NoKey;
    bool m_failed = false;
};

} // namespace Kanca
