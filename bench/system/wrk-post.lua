-- wrk: POST the benchmark's body (the file in KANCA_BENCH_BODY) with the header Kanca sends.
local file = assert(io.open(os.getenv("KANCA_BENCH_BODY"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"
