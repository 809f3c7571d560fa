#include "event/CompactEvent.h"

#include "event/EventKeys.h"
#include "event/FieldPath.h"
#include "format/JsonWriter.h"
#include "text/Utf8.h"

#include <QJsonArray>
#include <QVariant>

#include <cstring>
#include <limits>

namespace Kanca {

// The block: quint32 node count, the nodes (8 bytes each), one type byte per node, the texts.
// A text is its length (7 bits a byte, low bits first) and its bytes; an Integer or a Double is
// 8 bytes among the texts.

namespace {

constexpr qsizetype HeaderBytes = sizeof(quint32);

quint32 readCount(const QByteArray &data)
{
    quint32 count = 0;
    std::memcpy(&count, data.constData(), sizeof count);
    return count;
}

bool sameBytes(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), std::size_t(a.size())) == 0;
}

} // namespace

CompactEvent::CompactEvent()
{
    // One node: the root object, with nothing in it.
    static const QByteArray empty = [] {
        QByteArray data(HeaderBytes + qsizetype(sizeof(Node) + 1), Qt::Uninitialized);
        const quint32 count = 1;
        const Node root{NoKey, 0};
        const Type object = Type::Object;
        std::memcpy(data.data(), &count, sizeof count);
        std::memcpy(data.data() + HeaderBytes, &root, sizeof root);
        std::memcpy(data.data() + HeaderBytes + sizeof root, &object, 1);
        return data;
    }();
    m_data = empty;
}

CompactEvent::CompactEvent(QByteArray data)
    : m_data(std::move(data))
{}

quint32 CompactEvent::nodeCount() const
{
    return readCount(m_data);
}

CompactEvent::Node CompactEvent::node(quint32 index) const
{
    Node n;
    std::memcpy(&n, m_data.constData() + HeaderBytes + qsizetype(index) * qsizetype(sizeof(Node)),
                sizeof n);
    return n;
}

CompactEvent::Type CompactEvent::type(quint32 index) const
{
    return Type(
        m_data.constData()[HeaderBytes + qsizetype(nodeCount()) * qsizetype(sizeof(Node)) + index]);
}

const char *CompactEvent::texts() const
{
    return m_data.constData() + HeaderBytes + qsizetype(nodeCount()) * qsizetype(sizeof(Node) + 1);
}

quint32 CompactEvent::subtreeSize(quint32 index) const
{
    const Type t = type(index);
    return t == Type::Object || t == Type::Array ? node(index).payload : 0;
}

QByteArrayView CompactEvent::text(quint32 offset) const
{
    const auto *at = reinterpret_cast<const uchar *>(texts()) + offset;
    qsizetype length = 0;
    int shift = 0;
    for (;;) {
        const uchar byte = *at++;
        length |= qsizetype(byte & 0x7F) << shift;
        if (!(byte & 0x80))
            break;
        shift += 7;
    }
    return QByteArrayView(reinterpret_cast<const char *>(at), length);
}

QByteArrayView CompactEvent::keyText(quint32 key) const
{
    if (key == NoKey)
        return {};
    if (key & InlineKey)
        return text(key & ~InlineKey);
    return EventKeys::name(key);
}

quint32 CompactEvent::member(quint32 object, quint32 id, QByteArrayView utf8) const
{
    // The block read in place (this is the innermost loop of every lookup).
    const char *const nodes = m_data.constData() + HeaderBytes;
    const auto *const types =
        reinterpret_cast<const Type *>(nodes + qsizetype(nodeCount()) * qsizetype(sizeof(Node)));
    const auto nodeAt = [nodes](quint32 index) {
        Node n;
        std::memcpy(&n, nodes + qsizetype(index) * qsizetype(sizeof(Node)), sizeof n);
        return n;
    };
    if (types[object] != Type::Object)
        return NoKey;
    const quint32 end = object + 1 + nodeAt(object).payload;
    for (quint32 i = object + 1; i < end;) {
        const Node n = nodeAt(i);
        // A name has a number in every event or in none (EventKeys).
        if (id != EventKeys::NoId ? n.key == id
                                  : n.key != NoKey && (n.key & InlineKey)
                                        && sameBytes(text(n.key & ~InlineKey), utf8))
            return i;
        const Type t = types[i];
        i += 1 + (t == Type::Object || t == Type::Array ? n.payload : 0);
    }
    return NoKey;
}

std::optional<quint32> CompactEvent::locate(const FieldPath &path) const
{
    if (path.root() != FieldPath::Root::Event && path.root() != FieldPath::Root::Part)
        return std::nullopt;
    quint32 at = 0;
    for (const FieldPath::EventKey &key : path.eventKeys()) {
        at = member(at, key.id, key.utf8);
        if (at == NoKey)
            break;
    }
    return at;
}

QJsonValue CompactEvent::value(const FieldPath &path) const
{
    const std::optional<quint32> at = locate(path);
    return !at || *at == NoKey ? QJsonValue(QJsonValue::Undefined) : toValue(*at);
}

std::optional<CompactEvent::Type> CompactEvent::typeAt(const FieldPath &path) const
{
    const std::optional<quint32> at = locate(path);
    if (!at || *at == NoKey)
        return std::nullopt;
    return type(*at);
}

CompactEvent::Scalar CompactEvent::scalarAt(quint32 index) const
{
    Scalar found;
    switch (type(index)) {
    case Type::String:
        found.kind = Scalar::Kind::Text;
        found.utf8 = text(node(index).payload);
        break;
    case Type::SmallInteger:
        found.kind = Scalar::Kind::Integer;
        found.integer = qint32(node(index).payload);
        break;
    default:
        found.kind = Scalar::Kind::Other;
        break;
    }
    return found;
}

CompactEvent::Scalar CompactEvent::scalar(const FieldPath &path) const
{
    const std::optional<quint32> at = locate(path);
    if (!at)
        return Scalar{Scalar::Kind::Other, {}, 0};
    return *at == NoKey ? Scalar() : scalarAt(*at);
}

CompactEvent::ListKind CompactEvent::scalarList(const FieldPath &path,
                                                QVarLengthArray<Scalar, 16> *elements) const
{
    const std::optional<quint32> at = locate(path);
    if (!at || (*at != NoKey && type(*at) != Type::Array))
        return ListKind::Other;
    if (*at == NoKey)
        return ListKind::Absent;
    elements->clear();
    const quint32 end = *at + 1 + node(*at).payload;
    for (quint32 i = *at + 1; i < end; i += 1 + subtreeSize(i)) {
        const Scalar element = scalarAt(i);
        if (element.kind == Scalar::Kind::Other)
            return ListKind::Other;
        elements->append(element);
    }
    return ListKind::List;
}

bool CompactEvent::hasUtf16Texts() const
{
    const char *const types =
        m_data.constData() + HeaderBytes + qsizetype(nodeCount()) * qsizetype(sizeof(Node));
    return std::memchr(types, int(Type::Utf16String), nodeCount()) != nullptr;
}

QJsonValue CompactEvent::topLevel(QByteArrayView utf8) const
{
    const quint32 at = member(0, EventKeys::idOf(utf8), utf8);
    return at == NoKey ? QJsonValue(QJsonValue::Undefined) : toValue(at);
}

QString CompactEvent::topLevelText(quint32 id, QByteArrayView utf8) const
{
    const quint32 at = member(0, id, utf8);
    if (at == NoKey)
        return QString();
    switch (type(at)) {
    case Type::String:
        return QString::fromUtf8(text(node(at).payload));
    case Type::Utf16String:
        return toValue(at).toString();
    default:
        return QString();
    }
}

QString CompactEvent::type() const
{
    static const quint32 key = EventKeys::idOf("type");
    return topLevelText(key, "type");
}

std::optional<QByteArrayView> CompactEvent::typeUtf8() const
{
    static const quint32 key = EventKeys::idOf("type");
    const quint32 at = member(0, key, "type");
    if (at == NoKey || type(at) != Type::String)
        return std::nullopt;
    return text(node(at).payload);
}

QString CompactEvent::id() const
{
    static const quint32 key = EventKeys::idOf("id");
    return topLevelText(key, "id");
}

QJsonObject CompactEvent::toJson() const
{
    return toValue(0).toObject();
}

QByteArray CompactEvent::toJsonText() const
{
    JsonWriter writer(JsonWriter::Layout::Compact);
    writer.reserve(m_data.size()); // the block is about the size of the text: one allocation
    write(0, writer);
    QByteArray text = writer.finish();
    text.chop(1); // the writer's final newline
    return text;
}

quint32 CompactEvent::write(quint32 index, JsonWriter &writer) const
{
    const Node n = node(index);
    switch (type(index)) {
    case Type::Null:
        writer.null();
        break;
    case Type::False:
        writer.value(false);
        break;
    case Type::True:
        writer.value(true);
        break;
    case Type::SmallInteger:
        writer.value(qint64(qint32(n.payload)));
        break;
    case Type::Integer: {
        qint64 value = 0;
        std::memcpy(&value, texts() + n.payload, sizeof value);
        writer.value(value);
        break;
    }
    case Type::Double: {
        // As QJsonDocument writes a number (3.0 as "3", 1e15 as "1e+15"), so that the text
        // reads back as the slow road's stored text does. An event's numbers are finite.
        double value = 0;
        std::memcpy(&value, texts() + n.payload, sizeof value);
        writer.literal(QByteArray::number(value, 'g', QLocale::FloatingPointShortest));
        break;
    }
    case Type::Utf16String:
        writer.value(toValue(index).toString());
        break;
    case Type::String:
        writer.valueUtf8(text(n.payload));
        break;
    case Type::Object: {
        writer.beginObject();
        const quint32 end = index + 1 + n.payload;
        for (quint32 i = index + 1; i < end;) {
            writer.keyUtf8(keyText(node(i).key));
            i = write(i, writer);
        }
        writer.endObject();
        return end;
    }
    case Type::Array: {
        writer.beginArray();
        const quint32 end = index + 1 + n.payload;
        for (quint32 i = index + 1; i < end;)
            i = write(i, writer);
        writer.endArray();
        return end;
    }
    }
    return index + 1;
}

QJsonValue CompactEvent::toValue(quint32 index) const
{
    const Node n = node(index);
    switch (type(index)) {
    case Type::Null:
        return QJsonValue(QJsonValue::Null);
    case Type::False:
        return false;
    case Type::True:
        return true;
    case Type::SmallInteger:
        return qint64(qint32(n.payload));
    case Type::Integer: {
        qint64 value = 0;
        std::memcpy(&value, texts() + n.payload, sizeof value);
        return value;
    }
    case Type::Double: {
        double value = 0;
        std::memcpy(&value, texts() + n.payload, sizeof value);
        return value;
    }
    case Type::String:
        return QString::fromUtf8(text(n.payload));
    case Type::Utf16String: {
        const QByteArrayView bytes = text(n.payload);
        QString out(bytes.size() / qsizetype(sizeof(char16_t)), Qt::Uninitialized);
        std::memcpy(out.data(), bytes.data(), std::size_t(out.size()) * sizeof(char16_t));
        return out;
    }
    case Type::Object: {
        QJsonObject object;
        const quint32 end = index + 1 + n.payload;
        for (quint32 i = index + 1; i < end; i += 1 + subtreeSize(i))
            object.insert(QString::fromUtf8(keyText(node(i).key)), toValue(i));
        return object;
    }
    case Type::Array: {
        QJsonArray array;
        const quint32 end = index + 1 + n.payload;
        for (quint32 i = index + 1; i < end; i += 1 + subtreeSize(i))
            array.append(toValue(i));
        return array;
    }
    }
    return QJsonValue(QJsonValue::Undefined);
}

namespace {

// The UTF-8 of the event's texts and keys, one at a time, in a buffer reused for every one
// (QString::toUtf8 allocated an array for each). Only for texts that are valid UTF-16: the
// conversion would replace a lone surrogate, which the event keeps.
class Utf8Scratch
{
public:
    QByteArrayView convert(QStringView text)
    {
        m_buffer.resize(MaxUtf8BytesPerUnit * text.size());
        const char *const end = writeUtf8(m_buffer.data(), text);
        return QByteArrayView(m_buffer.constData(), end - m_buffer.constData());
    }

private:
    QByteArray m_buffer;
};

void build(CompactEvent::Builder &builder, const QJsonValue &value, Utf8Scratch &utf8)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        builder.null();
        break;
    case QJsonValue::Bool:
        builder.boolean(value.toBool());
        break;
    case QJsonValue::Double:
        // An integer stays one, as QJsonDocument keeps it.
        if (value.toVariant().userType() == QMetaType::LongLong)
            builder.integer(value.toInteger());
        else
            builder.number(value.toDouble());
        break;
    case QJsonValue::String: {
        const QString text = value.toString();
        if (QStringView(text).isValidUtf16())
            builder.string(utf8.convert(text));
        else
            builder.utf16String(text);
        break;
    }
    case QJsonValue::Array:
        builder.beginArray();
        for (const QJsonValue &element : value.toArray())
            build(builder, element, utf8);
        builder.end();
        break;
    case QJsonValue::Object: {
        builder.beginObject();
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            builder.key(utf8.convert(it.key()));
            build(builder, it.value(), utf8);
        }
        builder.end();
        break;
    }
    }
}

} // namespace

CompactEvent CompactEvent::fromJson(const QJsonObject &object)
{
    Builder builder;
    Utf8Scratch utf8;
    build(builder, object, utf8);
    return builder.take();
}

CompactEvent::Builder::Builder()
{
    m_nodes.reserve(64);
    m_types.reserve(64);
}

quint32 CompactEvent::Builder::push(Type type, quint32 payload)
{
    const auto index = quint32(m_nodes.size());
    m_nodes.push_back({m_pendingKey, payload});
    m_types.push_back(type);
    m_pendingKey = NoKey;
    return index;
}

quint32 CompactEvent::Builder::appendText(QByteArrayView utf8)
{
    const auto offset = quint32(m_texts.size());
    // The length (7 bits a byte, at most 10 bytes), then the text, written in place after one
    // growth.
    m_texts.resize(m_texts.size() + 10 + utf8.size());
    char *out = m_texts.data() + offset;
    auto length = quint64(utf8.size());
    do {
        *out++ = char((length & 0x7F) | (length > 0x7F ? 0x80 : 0));
        length >>= 7;
    } while (length);
    if (!utf8.isEmpty())
        std::memcpy(out, utf8.data(), std::size_t(utf8.size()));
    m_texts.truncate(out + utf8.size() - m_texts.constData());
    if (m_texts.size() > MaxTextBytes)
        m_failed = true;
    return offset;
}

void CompactEvent::Builder::key(QByteArrayView utf8)
{
    const quint32 id = EventKeys::idOf(utf8);
    m_pendingKey = id != EventKeys::NoId ? id : InlineKey | appendText(utf8);
}

void CompactEvent::Builder::null()
{
    push(Type::Null, 0);
}

void CompactEvent::Builder::boolean(bool value)
{
    push(value ? Type::True : Type::False, 0);
}

void CompactEvent::Builder::integer(qint64 value)
{
    if (value >= std::numeric_limits<qint32>::min()
        && value <= std::numeric_limits<qint32>::max()) {
        push(Type::SmallInteger, quint32(qint32(value)));
        return;
    }
    const auto offset = quint32(m_texts.size());
    m_texts.append(reinterpret_cast<const char *>(&value), sizeof value);
    push(Type::Integer, offset);
}

void CompactEvent::Builder::number(double value)
{
    const auto offset = quint32(m_texts.size());
    m_texts.append(reinterpret_cast<const char *>(&value), sizeof value);
    push(Type::Double, offset);
}

void CompactEvent::Builder::string(QByteArrayView utf8)
{
    push(Type::String, appendText(utf8));
}

void CompactEvent::Builder::utf16String(QStringView text)
{
    push(Type::Utf16String, appendText(QByteArrayView(reinterpret_cast<const char *>(text.utf16()),
                                                      text.size() * qsizetype(sizeof(char16_t)))));
}

void CompactEvent::Builder::beginObject()
{
    m_open.push_back(push(Type::Object, 0));
}

void CompactEvent::Builder::beginArray()
{
    m_open.push_back(push(Type::Array, 0));
}

void CompactEvent::Builder::end()
{
    if (m_open.empty()) {
        m_failed = true;
        return;
    }
    const quint32 index = m_open.back();
    m_open.pop_back();
    m_nodes[index].payload = quint32(m_nodes.size()) - index - 1;
}

bool CompactEvent::Builder::ok() const
{
    return !m_failed && m_open.empty() && !m_nodes.empty() && m_types.front() == Type::Object
           && m_nodes.front().payload + 1 == m_nodes.size();
}

CompactEvent CompactEvent::Builder::take()
{
    QByteArray data;
    if (ok()) {
        const auto count = quint32(m_nodes.size());
        // Exactly the bytes needed: QByteArray::resize() of an empty array would reserve room
        // to grow (to the next power of two), a quarter more on average for an event kept.
        data = QByteArray(HeaderBytes + qsizetype(count) * qsizetype(sizeof(Node) + 1)
                              + m_texts.size(),
                          Qt::Uninitialized);
        char *out = data.data();
        std::memcpy(out, &count, sizeof count);
        out += HeaderBytes;
        std::memcpy(out, m_nodes.data(), count * sizeof(Node));
        out += count * sizeof(Node);
        std::memcpy(out, m_types.data(), count);
        out += count;
        std::memcpy(out, m_texts.constData(), std::size_t(m_texts.size()));
    }
    m_nodes.clear();
    m_types.clear();
    m_open.clear();
    m_texts.resize(0); // keeps its room for the next event
    m_pendingKey = NoKey;
    m_failed = false;
    if (data.isEmpty())
        return CompactEvent();
    return CompactEvent(std::move(data));
}

} // namespace Kanca
