-- A generated history in a PostgreSQL database, as tests/tools/HistoryGenerator writes one into
-- a SQLite file (the same eight rules, statuses, bodies and one attempt per delivery), for the
-- history view benchmark on a server's database. The database must have Kanca's schema (any
-- `kanca history --db URL` creates it) and no deliveries yet.
--
--   psql -v count=1000000 -v newest=$(date +%s000) -f history_postgres.sql URL
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE rules(k int, rule_id text, rule_name text, event_type text, url text, host text,
                        auth text);
INSERT INTO rules VALUES
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
      '{"type":"none","username":"","headerName":"","secret":""}');

INSERT INTO deliveries (id, created_at, rule_set_name, rule_id, rule_name, action_index,
  event_id, event_type, method, url, request_headers, request_body, auth, signing, timeout_ms,
  max_attempts, initial_delay_ms, max_delay_ms, status, attempt_count, next_attempt_at,
  last_http_status, last_error, finished_at, resend_of, destination)
SELECT 'msg_' || lpad(i::text, 26, '0'), created, 'Supsis', r.rule_id, r.rule_name, 0,
  'evt_' || lpad(i::text, 10, '0'), r.event_type, 'POST', r.url,
  '[{"name":"Content-Type","value":"application/json"},{"name":"User-Agent","value":"Kanca/0.1"}]',
  convert_to('{"type":"' || r.event_type || '","id":"evt_' || lpad(i::text, 10, '0')
    || '","occurredAt":"' || to_char(to_timestamp(created / 1000) AT TIME ZONE 'UTC',
                                     'YYYY-MM-DD"T"HH24:MI:SS"Z"')
    || '","data":{"contact":{"id":"c_' || lpad((i % 50000)::text, 5, '0') || '","name":"'
    || CASE i % 4 WHEN 0 THEN 'Ayşe Yılmaz' WHEN 1 THEN 'İsmail Çelik'
                  WHEN 2 THEN 'Jane Doe' ELSE 'Gülşen Öztürk' END
    || '","email":"user' || (i % 50000) || '@example.com'
    || '","tags":["vip","istanbul"]},"message":{"text":"Merhaba, faturam hakkında bir sorum var."}}}',
    'UTF8'),
  r.auth, '{"type":"none","secret":"","header":"","prefix":"","encoding":"hex"}',
  10000, 1, 1000, 60000, st, 1, NULL,
  CASE WHEN st = 'succeeded' THEN 200 WHEN kind = 3 THEN 500 END,
  CASE WHEN st = 'failed' AND kind = 3 THEN 'HTTP 500 Internal Server Error'
       WHEN st = 'failed' THEN 'Connection refused by ' || r.host ELSE '' END,
  created + 150, NULL, r.host
FROM (SELECT i, :newest::bigint - (:count - 1 - i) * 10 AS created,
             CASE WHEN i % 10 = 3 THEN 'failed' ELSE 'succeeded' END AS st, i % 20 AS kind
      FROM generate_series(0, :count - 1) AS i) gen
JOIN rules r ON r.k = gen.i % 8;

INSERT INTO attempts (delivery_id, number, started_at, duration_ms, request_method, request_url,
  request_headers, request_body, request_body_size, http_status, response_headers, response_body,
  response_body_size, body_cap, error, outcome, retry_delay_ms)
SELECT d.id, 1, d.created_at + 5, 20 + (d.created_at % 180), d.method, d.url,
  d.request_headers, d.request_body, length(d.request_body), d.last_http_status,
  CASE WHEN d.last_http_status IS NOT NULL
       THEN '[{"name":"Content-Type","value":"application/json"},{"name":"Server","value":"nginx"}]'
       ELSE '[]' END,
  convert_to(CASE WHEN d.last_http_status = 200 THEN '{"ok":true}'
                  WHEN d.last_http_status = 500 THEN '{"error":"internal"}' ELSE '' END, 'UTF8'),
  0, 262144, d.last_error, CASE WHEN d.status = 'succeeded' THEN 'succeeded' ELSE 'failed' END,
  NULL
FROM deliveries d;
COMMIT;
VACUUM ANALYZE deliveries;
VACUUM ANALYZE attempts;
