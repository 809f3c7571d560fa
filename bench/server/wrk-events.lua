-- wrk: POST one event per request to kanca serve, each with an id of its own (the thread's
-- number, a counter and KANCA_BENCH_RUN, so that runs on one database never repeat an id), and
-- count the answers that are not 202.
local threads = {}
local count = 0

function setup(thread)
    count = count + 1
    thread:set("index", count)
    table.insert(threads, thread)
end

function init(args)
    run = os.getenv("KANCA_BENCH_RUN") or "0"
    n = 0
    refused = 0
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
end

function request()
    n = n + 1
    local body = string.format(
        '{"type":"chat.opened","id":"bench-%s-%d-%d","contact":{"fullname":"Ayşe Yılmaz",' ..
        '"tags":["vip"]},"conversation":{"firstMessage":"Merhaba, fiyat alabilir miyim?"}}',
        run, index, n)
    return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
    if status ~= 202 then
        refused = refused + 1
    end
end

function done(summary, latency, requests)
    local refusedAll = 0
    for _, thread in ipairs(threads) do
        refusedAll = refusedAll + thread:get("refused")
    end
    io.write(string.format("kanca-bench requests=%d refused=%d seconds=%.3f p50_ms=%.2f p99_ms=%.2f\n",
        summary.requests, refusedAll, summary.duration / 1e6,
        latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
