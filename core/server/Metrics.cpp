#include "server/Metrics.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace Kanca {

namespace {

// A label value escaped as the text format wants it: backslash, double quote and line feed.
QByteArray escapedLabel(const QString &value)
{
    QByteArray out;
    const QByteArray utf8 = value.toUtf8();
    out.reserve(utf8.size());
    for (const char c : utf8) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray escapedHelp(const QString &help)
{
    return help.toUtf8().replace("\\", "\\\\").replace("\n", "\\n");
}

QByteArray number(double value)
{
    if (std::isinf(value))
        return value > 0 ? "+Inf" : "-Inf";
    if (std::isnan(value))
        return "NaN";
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        return QByteArray::number(qint64(value));
    return QString::number(value, 'g', QLocale::FloatingPointShortest).toLatin1();
}

QByteArray labelSet(const QStringList &names, const QStringList &values,
                    const QByteArray &extraName = {}, const QByteArray &extraValue = {})
{
    QByteArray out;
    for (qsizetype i = 0; i < names.size(); ++i) {
        out += out.isEmpty() ? "{" : ",";
        out += names.at(i).toUtf8() + "=\"" + escapedLabel(values.value(i)) + '"';
    }
    if (!extraName.isEmpty()) {
        out += out.isEmpty() ? "{" : ",";
        out += extraName + "=\"" + extraValue + '"';
    }
    if (!out.isEmpty())
        out += '}';
    return out;
}

} // namespace

Metrics::Histogram::Histogram(const std::vector<double> *bounds)
    : m_bounds(bounds)
    , m_buckets(bounds->size(), 0)
{}

void Metrics::Histogram::observe(double value)
{
    const auto it = std::lower_bound(m_bounds->cbegin(), m_bounds->cend(), value);
    if (it != m_bounds->cend())
        ++m_buckets[std::size_t(it - m_bounds->cbegin())];
    ++m_count;
    m_sum += value;
}

Metrics::Metrics() = default;
Metrics::~Metrics() = default;

Metrics::Family &Metrics::declare(const QString &name, const QString &help, Type type,
                                  const QStringList &labels)
{
    for (const std::unique_ptr<Family> &family : m_families) {
        if (family->m_name == name)
            return *family;
    }
    auto family = std::make_unique<Family>();
    family->m_name = name;
    family->m_help = help;
    family->m_type = type;
    family->m_labels = labels;
    m_families.push_back(std::move(family));
    return *m_families.back();
}

Metrics::Family &Metrics::counter(const QString &name, const QString &help,
                                  const QStringList &labels)
{
    return declare(name, help, Type::Counter, labels);
}

Metrics::Family &Metrics::gauge(const QString &name, const QString &help, const QStringList &labels)
{
    return declare(name, help, Type::Gauge, labels);
}

Metrics::Family &Metrics::histogram(const QString &name, const QString &help,
                                    std::vector<double> bounds, const QStringList &labels)
{
    Family &family = declare(name, help, Type::Histogram, labels);
    if (family.m_bounds.empty()) {
        std::sort(bounds.begin(), bounds.end());
        family.m_bounds = std::move(bounds);
    }
    return family;
}

void Metrics::gaugeFromCallback(const QString &name, const QString &help, const QStringList &labels,
                                Sampler sampler)
{
    declare(name, help, Type::Gauge, labels).m_sampler = std::move(sampler);
}

Metrics::Value &Metrics::Family::at(const QStringList &labelValues)
{
    Q_ASSERT(labelValues.size() == m_labels.size());
    return m_values[labelValues];
}

Metrics::Histogram &Metrics::Family::histogramAt(const QStringList &labelValues)
{
    Q_ASSERT(m_type == Type::Histogram && labelValues.size() == m_labels.size());
    std::shared_ptr<Histogram> &slot = m_histograms[labelValues];
    if (!slot)
        slot = std::make_shared<Histogram>(&m_bounds);
    return *slot;
}

void Metrics::Family::remove(const QStringList &labelValues)
{
    m_values.remove(labelValues);
    m_histograms.remove(labelValues);
}

double Metrics::Family::total() const
{
    double sum = 0;
    for (const Value &value : m_values)
        sum += value.value();
    for (const std::shared_ptr<Histogram> &histogram : m_histograms)
        sum += double(histogram->count());
    return sum;
}

QByteArray Metrics::exposition() const
{
    QByteArray out;
    for (const std::unique_ptr<Family> &family : m_families) {
        const QByteArray name = family->m_name.toUtf8();
        out += "# HELP " + name + ' ' + escapedHelp(family->m_help) + '\n';
        out += "# TYPE " + name + ' ';
        out += family->m_type == Type::Counter ? "counter"
               : family->m_type == Type::Gauge ? "gauge"
                                               : "histogram";
        out += '\n';
        if (family->m_type == Type::Histogram) {
            for (auto it = family->m_histograms.cbegin(); it != family->m_histograms.cend(); ++it) {
                const Histogram &h = **it;
                quint64 cumulative = 0;
                for (std::size_t b = 0; b < family->m_bounds.size(); ++b) {
                    cumulative += h.buckets()[b];
                    out += name + "_bucket"
                           + labelSet(family->m_labels, it.key(), "le", number(family->m_bounds[b]))
                           + ' ' + QByteArray::number(cumulative) + '\n';
                }
                out += name + "_bucket" + labelSet(family->m_labels, it.key(), "le", "+Inf") + ' '
                       + QByteArray::number(h.count()) + '\n';
                out += name + "_sum" + labelSet(family->m_labels, it.key()) + ' ' + number(h.sum())
                       + '\n';
                out += name + "_count" + labelSet(family->m_labels, it.key()) + ' '
                       + QByteArray::number(h.count()) + '\n';
            }
            continue;
        }
        if (family->m_sampler) {
            QList<QPair<QStringList, double>> samples = family->m_sampler();
            std::sort(samples.begin(), samples.end());
            for (const auto &sample : std::as_const(samples))
                out += name + labelSet(family->m_labels, sample.first) + ' ' + number(sample.second)
                       + '\n';
            continue;
        }
        for (auto it = family->m_values.cbegin(); it != family->m_values.cend(); ++it)
            out += name + labelSet(family->m_labels, it.key()) + ' ' + number(it->value()) + '\n';
    }
    return out;
}

} // namespace Kanca
