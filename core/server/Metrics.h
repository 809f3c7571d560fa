#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace Kanca {

// The server's metrics, kept as counters in memory (never computed by scanning tables) and
// written in the Prometheus text exposition format (version 0.0.4) for GET /metrics.
//
// A family has a name, a help text, a type and its label names; each combination of label values
// is one series. Series are created on first use. Gauges may instead be read from a callback when
// the metrics are written (the outbox's depth, say). Used on one thread.
class Metrics final
{
public:
    enum class Type { Counter, Gauge, Histogram };

    class Family;

    // A series of a counter or gauge family.
    class Value
    {
    public:
        void add(double amount = 1) { m_value += amount; }
        void set(double value) { m_value = value; }
        double value() const { return m_value; }

    private:
        double m_value = 0;
    };

    // A series of a histogram family: cumulative buckets (upper bounds), their sum and count.
    class Histogram
    {
    public:
        explicit Histogram(const std::vector<double> *bounds);
        void observe(double value);
        quint64 count() const { return m_count; }
        double sum() const { return m_sum; }
        const std::vector<quint64> &buckets() const { return m_buckets; }

    private:
        const std::vector<double> *m_bounds;
        std::vector<quint64> m_buckets; // not cumulative; summed when written
        quint64 m_count = 0;
        double m_sum = 0;
    };

    Metrics();
    ~Metrics();
    Metrics(const Metrics &) = delete;
    Metrics &operator=(const Metrics &) = delete;

    // Declares a family (once; declaring it again returns the same). Names follow Prometheus:
    // [a-zA-Z_:][a-zA-Z0-9_:]*.
    Family &counter(const QString &name, const QString &help, const QStringList &labels = {});
    Family &gauge(const QString &name, const QString &help, const QStringList &labels = {});
    Family &histogram(const QString &name, const QString &help, std::vector<double> bounds,
                      const QStringList &labels = {});
    // A gauge whose series are read when the metrics are written: the callback returns each
    // series' label values and value.
    using Sampler = std::function<QList<QPair<QStringList, double>>()>;
    void gaugeFromCallback(const QString &name, const QString &help, const QStringList &labels,
                           Sampler sampler);

    // The exposition text: "# HELP", "# TYPE" and one line per series, families in the order
    // declared, series in the order of their label values.
    QByteArray exposition() const;

    class Family
    {
    public:
        // The series with these label values (as many as the family's label names).
        Value &at(const QStringList &labelValues = {});
        Histogram &histogramAt(const QStringList &labelValues = {});
        // Drops a series (an info gauge whose label changed): it is no longer exposed.
        void remove(const QStringList &labelValues);
        // Every series' value, for tests and summaries.
        double total() const;

    private:
        friend class Metrics;
        QString m_name;
        QString m_help;
        Type m_type = Type::Counter;
        QStringList m_labels;
        std::vector<double> m_bounds;
        QMap<QStringList, Value> m_values;
        QMap<QStringList, std::shared_ptr<Histogram>> m_histograms;
        Sampler m_sampler;
    };

private:
    Family &declare(const QString &name, const QString &help, Type type, const QStringList &labels);

    std::vector<std::unique_ptr<Family>> m_families;
};

} // namespace Kanca
