#include "HistoryGenerator.h"

#include "history/HistoryDatabase.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

using namespace Qt::StringLiterals;

namespace Kanca::HistoryGenerator {

namespace {

std::atomic<int> connectionCounter{0};

// The eight rules: id, name, event type, URL, host (for errors), auth as the history keeps it.
constexpr char Rules[] = R"(rules(k, rule_id, rule_name, event_type, url, host, auth) AS (VALUES
  (0, 'vip-to-slack', 'VIP to Slack', 'contact.tagged',
      'https://hooks.slack.example/services/T0KANCA/B0VIP/x7Yq', 'hooks.slack.example',
      '{"type":"bearer","username":"","headerName":"","secret":"SLACK_TOKEN"}'),
  (1, 'new-chat-crm', 'New chat to CRM', 'chat.opened',
      'https://crm.example.com/api/v2/webhooks/chats', 'crm.example.com',
      '{"type":"none","username":"","headerName":"","secret":""}'),
  (2, 'message-archive', 'Archive every message', 'message.received',
      'https://archive.example.org/ingest', 'archive.example.org',
      '{"type":"header","username":"","headerName":"X-Api-Key","secret":"ARCHIVE_KEY"}'),
  (3, 'salesmanago-contact', 'Contact to SALESmanago', 'contact.created',
      'https://app3.salesmanago.example/api/contact/upsert', 'app3.salesmanago.example',
      '{"type":"basic","username":"kanca","headerName":"","secret":"SM_PASSWORD"}'),
  (4, 'chat-closed-survey', 'Survey after a closed chat', 'chat.closed',
      'https://survey.example.net/hooks/kanca', 'survey.example.net',
      '{"type":"none","username":"","headerName":"","secret":""}'),
  (5, 'suppabot-handoff', 'Suppabot hand-off', 'chat.assigned',
      'https://bot.suppabot.example/handoff', 'bot.suppabot.example',
      '{"type":"bearer","username":"","headerName":"","secret":"BOT_TOKEN"}'),
  (6, 'tag-istanbul', 'Istanbul customers', 'contact.tagged',
      'http://127.0.0.1:8088/istanbul', '127.0.0.1:8088',
      '{"type":"none","username":"","headerName":"","secret":""}'),
  (7, 'message-keyword-fatura', 'Messages about invoices', 'message.received',
      'https://billing.example.com.tr/webhooks/fatura', 'billing.example.com.tr',
      '{"type":"none","username":"","headerName":"","secret":""}')
))";

// The deliveries, oldest first; the @NAME@ tokens are replaced by numbers and by Rules.
constexpr char InsertDeliveries[] = R"(WITH RECURSIVE
seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < @COUNT@),
gen(i, created, st, kind) AS (SELECT i, @NEWEST@ - (@COUNT@ - 1 - i) * @SPACING@,
  CASE WHEN @PENDING@ > 0 AND i % @PENDING@ = @PENDING@ - 1 THEN 'pending'
       WHEN i % 10 = 3 THEN 'failed' ELSE 'succeeded' END,
  i % 20 FROM seq),
@RULES@
INSERT INTO deliveries (id, created_at, rule_set_name, rule_id, rule_name, action_index,
  event_id, event_type, method, url, request_headers, request_body, auth, signing, timeout_ms,
  max_attempts, initial_delay_ms, max_delay_ms, status, attempt_count, next_attempt_at,
  last_http_status, last_error, finished_at, resend_of)
SELECT printf('msg_%026d', i), created, 'Supsis', r.rule_id, r.rule_name, 0,
  printf('evt_%010d', i), r.event_type, 'POST', r.url,
  '[{"name":"Content-Type","value":"application/json"},{"name":"User-Agent","value":"Kanca/0.1"}]',
  CAST('{"type":"' || r.event_type || '","id":"' || printf('evt_%010d', i)
    || '","occurredAt":"' || strftime('%Y-%m-%dT%H:%M:%SZ', created / 1000, 'unixepoch')
    || '","data":{"contact":{"id":"' || printf('c_%05d', i % 50000) || '","name":"'
    || CASE i % 4 WHEN 0 THEN 'Ayşe Yılmaz' WHEN 1 THEN 'İsmail Çelik'
                  WHEN 2 THEN 'Jane Doe' ELSE 'Gülşen Öztürk' END
    || '","email":"' || printf('user%d@example.com', i % 50000)
    || '","tags":["vip","istanbul"]},"message":{"text":"Merhaba, faturam hakkında bir sorum var."}}}'
    AS BLOB),
  r.auth, '{"type":"none","secret":"","header":"","prefix":"","encoding":"hex"}',
  10000, @ATTEMPTS@, 1000, 60000, st,
  CASE WHEN st = 'pending' THEN 0 ELSE @ATTEMPTS@ END,
  CASE WHEN st = 'pending' THEN @NEWEST@ + 86400000 END,
  CASE WHEN st = 'succeeded' THEN 200 WHEN st = 'failed' AND kind = 3 THEN 500 END,
  CASE WHEN st = 'failed' AND kind = 3 THEN 'HTTP 500 Internal Server Error'
       WHEN st = 'failed' THEN 'Connection refused by ' || r.host ELSE '' END,
  CASE WHEN st = 'pending' THEN NULL ELSE created + (@ATTEMPTS@ - 1) * 1000 + 150 END,
  NULL
FROM gen JOIN rules r ON r.k = gen.i % 8)";

// Every delivery's attempts, in delivery order; @ATTEMPTS@ is the number per delivery.
constexpr char InsertAttempts[] = R"(WITH RECURSIVE
nums(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM nums WHERE k < @ATTEMPTS@)
INSERT INTO attempts (delivery_id, number, started_at, duration_ms, request_method, request_url,
  request_headers, request_body, request_body_size, http_status, response_headers, response_body,
  response_body_size, body_cap, error, outcome, retry_delay_ms)
SELECT d.id, k, d.created_at + (k - 1) * 1000 + 5, 20 + (d.rowid * 7 + k * 13) % 180,
  d.method, d.url,
  substr(d.request_headers, 1, length(d.request_headers) - 1)
    || CASE WHEN d.auth LIKE '%"bearer"%'
            THEN ',{"name":"Authorization","value":"Bearer ********","secret":true}'
            WHEN d.auth LIKE '%"basic"%'
            THEN ',{"name":"Authorization","value":"Basic ********","secret":true}'
            WHEN d.auth LIKE '%"header"%'
            THEN ',{"name":"X-Api-Key","value":"********","secret":true}' ELSE '' END
    || ',{"name":"webhook-id","value":"' || d.id || '"}]',
  d.request_body, length(d.request_body),
  CASE WHEN k < d.attempt_count THEN 503 ELSE d.last_http_status END,
  CASE WHEN k < d.attempt_count OR d.last_http_status IS NOT NULL
       THEN '[{"name":"Content-Type","value":"application/json"},{"name":"Server","value":"nginx"}]'
       ELSE '[]' END,
  CAST(CASE WHEN k < d.attempt_count THEN '{"error":"busy, try again"}'
            WHEN d.last_http_status = 200 THEN '{"ok":true}'
            WHEN d.last_http_status = 500 THEN '{"error":"internal"}' ELSE '' END AS BLOB),
  length(CASE WHEN k < d.attempt_count THEN '{"error":"busy, try again"}'
              WHEN d.last_http_status = 200 THEN '{"ok":true}'
              WHEN d.last_http_status = 500 THEN '{"error":"internal"}' ELSE '' END),
  262144,
  CASE WHEN k < d.attempt_count THEN 'HTTP 503 Service Unavailable' ELSE d.last_error END,
  CASE WHEN k < d.attempt_count THEN 'will-retry'
       WHEN d.status = 'succeeded' THEN 'succeeded' ELSE 'failed' END,
  CASE WHEN k < d.attempt_count THEN min(60000, 1000 << (k - 1)) END
FROM deliveries d CROSS JOIN nums WHERE k <= d.attempt_count)";

} // namespace

QStringList ruleIds()
{
    return {u"vip-to-slack"_s,        u"new-chat-crm"_s,          u"message-archive"_s,
            u"salesmanago-contact"_s, u"chat-closed-survey"_s,    u"suppabot-handoff"_s,
            u"tag-istanbul"_s,        u"message-keyword-fatura"_s};
}

bool generate(const QString &path, const Options &options, QString *error)
{
    const auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (QFileInfo::exists(path))
        return fail(u"%1 exists already; give a new file"_s.arg(path));
    if (options.deliveries < 1 || options.attemptsPerDelivery < 1)
        return fail(u"at least one delivery and one attempt per delivery are needed"_s);

    {
        // The schema, exactly as Kanca creates it.
        HistoryDatabase history;
        if (!history.open(path, error))
            return false;
    }

    const QString connection = u"kanca-history-generator-%1"_s.arg(++connectionCounter);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(path);
        QString message;
        if (!db.open()) {
            message = db.lastError().text();
        } else {
            QSqlQuery query(db);
            const qint64 spacing =
                qMax<qint64>(1, qint64(options.days) * 86'400'000 / options.deliveries);
            QString deliveries = QString::fromUtf8(InsertDeliveries);
            deliveries.replace(u"@COUNT@"_s, QString::number(options.deliveries))
                .replace(u"@NEWEST@"_s, QString::number(options.newest.toMSecsSinceEpoch()))
                .replace(u"@SPACING@"_s, QString::number(spacing))
                .replace(u"@PENDING@"_s, QString::number(options.pendingEvery))
                .replace(u"@ATTEMPTS@"_s, QString::number(options.attemptsPerDelivery))
                .replace(u"@RULES@"_s, QString::fromUtf8(Rules));
            const QString attempts =
                QString::fromUtf8(InsertAttempts)
                    .replace(u"@ATTEMPTS@"_s, QString::number(options.attemptsPerDelivery));
            // No journal while generating (a failed run leaves a file to delete), WAL after.
            for (const QString &statement :
                 {u"PRAGMA journal_mode = OFF"_s, u"PRAGMA synchronous = OFF"_s,
                  u"PRAGMA cache_size = -262144"_s, u"BEGIN"_s, deliveries, attempts, u"COMMIT"_s,
                  u"PRAGMA journal_mode = WAL"_s}) {
                if (!query.exec(statement)) {
                    message = query.lastError().text();
                    break;
                }
            }
            ok = message.isEmpty();
        }
        db.close();
        if (!ok)
            fail(u"cannot generate %1: %2"_s.arg(path, message));
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

} // namespace Kanca::HistoryGenerator
