#include "event/EventParser.h"

#include "event/EventReader.h"
#include "format/PaddedJsonParser.h"
#include "format/StrictJson.h"

#include <algorithm>
#include <array>
#include <cfloat>
#include <cmath>
#include <simdjson.h>
#include <unordered_set>

namespace Kanca {

namespace {

// Deeper text goes to EventReader (QJsonDocument refuses nesting deeper than it allows).
constexpr int MaxDepth = 256;

QByteArrayView viewOf(std::string_view text)
{
    return QByteArrayView(text.data(), qsizetype(text.size()));
}

// Puts `element` into `builder`; false when EventReader must decide instead.
bool build(simdjson::dom::element element, CompactEvent::Builder &builder, int depth)
{
    using simdjson::dom::element_type;
    if (depth > MaxDepth)
        return false;
    switch (element.type()) {
    case element_type::OBJECT: {
        // A key twice (after unescaping: "a" and "\u0061" are one key) is for EventReader to
        // report. Few keys are compared one by one; many go into a hash set.
        constexpr std::size_t Linear = 24;
        std::array<std::string_view, Linear> keys;
        std::size_t count = 0;
        std::unordered_set<std::string_view> many;
        const simdjson::dom::object object = element.get_object().value_unsafe();
        builder.beginObject();
        for (const simdjson::dom::key_value_pair field : object) {
            if (count < Linear) {
                if (std::find(keys.begin(), keys.begin() + count, field.key)
                    != keys.begin() + count)
                    return false;
                keys[count++] = field.key;
                if (count == Linear)
                    many.insert(keys.begin(), keys.end());
            } else if (!many.insert(field.key).second) {
                return false;
            }
            builder.key(viewOf(field.key));
            if (!build(field.value, builder, depth + 1))
                return false;
        }
        builder.end();
        return true;
    }
    case element_type::ARRAY: {
        const simdjson::dom::array array = element.get_array().value_unsafe();
        builder.beginArray();
        for (const simdjson::dom::element value : array) {
            if (!build(value, builder, depth + 1))
                return false;
        }
        builder.end();
        return true;
    }
    case element_type::INT64:
        builder.integer(element.get_int64().value_unsafe());
        return true;
    case element_type::UINT64:
        // Above qint64: QJsonDocument reads it as a double (the nearest one, as here).
        builder.number(double(element.get_uint64().value_unsafe()));
        return true;
    case element_type::DOUBLE: {
        const double value = element.get_double().value_unsafe();
        // Zero, "-0" and numbers below the normal doubles: whether QJsonDocument takes them
        // (as an integer, or at all) depends on how they are written.
        if (std::fabs(value) < DBL_MIN)
            return false;
        // A whole number in qint64's range is an integer to QJsonDocument however it is written
        // (4.0, 1.5e16), and so here: its text and its type are the slow road's.
        if (value >= -0x1p63 && value < 0x1p63 && std::trunc(value) == value) {
            builder.integer(qint64(value));
            return true;
        }
        builder.number(value);
        return true;
    }
    case element_type::STRING:
        builder.string(viewOf(element.get_string().value_unsafe()));
        return true;
    case element_type::BOOL:
        builder.boolean(element.get_bool().value_unsafe());
        return true;
    case element_type::NULL_VALUE:
        builder.null();
        return true;
    }
    return false;
}

} // namespace

struct EventParser::Simdjson
{
    PaddedJsonParser parser;

    // `json` parsed into `root` (valid until the next parse); false when simdjson refuses it or
    // it has a flaw that simdjson lets through (StrictJson::firstFlaw).
    bool parse(QByteArrayView json, simdjson::dom::element &root)
    {
        return parser.parse(json, root) && !StrictJson::firstFlaw(json);
    }
};

namespace {

// The event of `element` when the quick road takes it as one: an object with a text "type",
// built whole.
std::optional<CompactEvent> quickEvent(simdjson::dom::element element,
                                       CompactEvent::Builder &builder)
{
    if (element.type() != simdjson::dom::element_type::OBJECT)
        return std::nullopt;
    std::string_view type;
    if (element["type"].get(type) != simdjson::SUCCESS)
        return std::nullopt;
    if (!build(element, builder, 0) || !builder.ok()) {
        builder.take();
        return std::nullopt;
    }
    return builder.take();
}

} // namespace

EventParser::EventParser()
    : m_simdjson(std::make_unique<Simdjson>())
{}

EventParser::~EventParser() = default;

qsizetype EventParser::bufferBytes() const
{
    return m_simdjson->parser.bufferBytes();
}

void EventParser::releaseAfter(qsizetype size)
{
    if (size <= KeepBytes)
        return;
    m_simdjson = std::make_unique<Simdjson>();
    m_builder = CompactEvent::Builder();
}

std::optional<CompactEvent> EventParser::quickRead(QByteArrayView json)
{
    std::optional<CompactEvent> event;
    simdjson::dom::element root;
    if (m_simdjson->parse(json, root))
        event = quickEvent(root, m_builder);
    releaseAfter(json.size());
    return event;
}

std::optional<EventParser::Batch> EventParser::quickReadBatch(QByteArrayView json,
                                                              qsizetype maxEvents)
{
    std::optional<Batch> batch = readBatch(json, maxEvents);
    releaseAfter(json.size());
    return batch;
}

std::optional<EventParser::Batch> EventParser::readBatch(QByteArrayView json, qsizetype maxEvents)
{
    simdjson::dom::element root;
    if (!m_simdjson->parse(json, root))
        return std::nullopt;
    Batch batch;
    if (root.type() != simdjson::dom::element_type::ARRAY) {
        std::optional<CompactEvent> event = quickEvent(root, m_builder);
        if (!event)
            return std::nullopt;
        batch.events.push_back(std::move(*event));
        return batch;
    }
    batch.isArray = true;
    const simdjson::dom::array array = root.get_array().value_unsafe();
    const std::size_t size = array.size();
    if (size == 0 || size > std::size_t(maxEvents))
        return std::nullopt;
    batch.events.reserve(size);
    for (const simdjson::dom::element element : array) {
        std::optional<CompactEvent> event = quickEvent(element, m_builder);
        if (!event)
            return std::nullopt;
        batch.events.push_back(std::move(*event));
    }
    return batch;
}

EventParser::Result EventParser::read(const QByteArray &json, const Catalog &catalog)
{
    Result result;
    result.event = quickRead(json);
    if (result.event)
        return result;
    EventReader::Result read = EventReader::read(json, catalog);
    result.problems = std::move(read.problems);
    if (read.event)
        result.event = CompactEvent::fromJson(*read.event);
    return result;
}

} // namespace Kanca
