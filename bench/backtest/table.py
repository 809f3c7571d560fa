#!/usr/bin/env python3
"""Prints the table rows comparing kanca backtest with its Node.js peers (bench/backtest/run.sh).

    table.py ROUNDS DIR RULES

reads DIR/kanca-1.json ... DIR/kanca-ROUNDS.json (`kanca backtest RULESET --events FILE --json`,
one version, on one core) and DIR/peers-1.json ... (peers.js on the same files, on the same core),
taken in turn. Kanca's figures are the medians of its rounds; a peer's evaluation figure is the
median of every timed pass of every round, its first run the median of the rounds' first runs.
RULES is the number of rules in the rule set (for events x rules).

Every engine must count the same matches per rule as Kanca in every round; a row whose engine
does not says "no: results differ" in its Met column and on stderr, and the script exits 1.
"""
import json
import pathlib
import statistics
import sys


def grouped(value):
    return f"{value:,.0f}"


def rate(value, unit):
    if value >= 1e6:
        return f"{value / 1e6:.2f} M {unit}"
    if value >= 1e4:
        return f"{value / 1e3:.0f} k {unit}"
    return f"{grouped(value)} {unit}"


def ratio(value):
    return f"{value:.1f}×" if value < 10 else f"{value:.0f}×"


def main():
    rounds, folder, rule_count = int(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3])
    read = lambda name: json.loads((folder / name).read_text(encoding="utf-8"))
    kanca = [read(f"kanca-{r}.json") for r in range(1, rounds + 1)]
    peers = [read(f"peers-{r}.json") for r in range(1, rounds + 1)]

    events = kanca[0]["events"]
    matched = {rule["id"]: rule["matched"] for rule in kanca[0]["rules"]}
    kanca_consistent = all(
        k["events"] == events and {r["id"]: r["matched"] for r in k["rules"]} == matched
        for k in kanca)
    kanca_evaluate = statistics.median(k["evaluateMs"] for k in kanca) / 1000
    kanca_first = statistics.median(k["readMs"] + k["evaluateMs"] for k in kanca) / 1000
    print(f"bench/backtest: Kanca matched per rule {matched} in {events} events "
          f"(evaluation {kanca_evaluate:.3f} s, first run {kanca_first:.3f} s)", file=sys.stderr)

    input_text = f"{grouped(events)} events × {rule_count} rules, one version, one core each"
    disagreements = 0
    node = peers[0]["node"]
    print(f"bench/backtest: {peers[0]['checks']} (event, rule) checks per pass in {events} events",
          file=sys.stderr)
    for index, first in enumerate(peers[0]["peers"]):
        runs = [p["peers"][index] for p in peers]
        agrees = kanca_consistent and all(
            p["events"] == events and run["matched"] == matched and run["consistent"]
            for p, run in zip(peers, runs))
        name = f"{first['peer']} (Node.js {node})"
        if not agrees:
            disagreements += 1
            print(f"bench/backtest: {first['peer']} does not agree with Kanca: "
                  f"{[run['matched'] for run in runs]} against {matched}", file=sys.stderr)
        evaluate = statistics.median(ms for run in runs for ms in run["passesMs"]) / 1000
        first_run = statistics.median(p["parseMs"] + run["firstEvaluateMs"]
                                      for p, run in zip(peers, runs)) / 1000
        print(f"bench/backtest: {first['peer']}: evaluation {evaluate:.3f} s, first run "
              f"{first_run:.3f} s (JSON.parse {statistics.median(p['parseMs'] for p in peers):.0f} ms, "
              f"first pass {statistics.median(run['firstEvaluateMs'] for run in runs):.0f} ms)",
              file=sys.stderr)
        met = "—" if agrees else "no: results differ"
        ours = events / kanca_evaluate
        theirs = events / evaluate
        print(f"| backtest: evaluation rate (re-run; parsing excluded) | {input_text} | "
              f"{rate(ours, 'events/s')} ({rate(ours * rule_count, 'events × rules/s')}) | {name} | "
              f"{rate(theirs, 'events/s')} ({rate(theirs * rule_count, 'events × rules/s')}) | "
              f"{ratio(ours / theirs)} | — | {met} |")
        print(f"| backtest: first run (read, JSON parse, evaluate) | {input_text} | "
              f"{kanca_first:.2f} s ({rate(events / kanca_first, 'events/s')}) | {name} | "
              f"{first_run:.2f} s ({rate(events / first_run, 'events/s')}) | "
              f"{ratio(first_run / kanca_first)} | — | {met} |")
    return 1 if disagreements else 0


if __name__ == "__main__":
    sys.exit(main())
