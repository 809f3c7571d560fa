// The Node.js peer: COUNT POSTs of the body in BODY_FILE to URL with Node's built-in fetch
// (undici), CONNECTIONS requests in flight at a time (undici keeps one connection per request
// in flight and reuses it). Prints "rate=R" (requests per second).
//   node node-fetch.mjs URL COUNT CONNECTIONS BODY_FILE
import { readFileSync } from 'node:fs';

const [url, countText, connectionsText, bodyFile] = process.argv.slice(2);
const count = Number(countText);
const connections = Number(connectionsText);
const body = readFileSync(bodyFile);

let started = 0;
let failed = 0;
async function worker() {
    while (started < count) {
        ++started;
        const response = await fetch(url, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body,
        });
        await response.arrayBuffer();
        if (response.status !== 200)
            ++failed;
    }
}

const begin = process.hrtime.bigint();
await Promise.all(Array.from({ length: connections }, worker));
const seconds = Number(process.hrtime.bigint() - begin) / 1e9;
console.log(`rate=${Math.round(count / seconds)} failed=${failed} seconds=${seconds.toFixed(3)}`);
process.exit(failed === 0 ? 0 : 3);
