"""One row of bench/register's status and scan table: status_row.py OUT BACKEND SCAN_SECONDS SCAN_PEAK_KB."""
import json
import sys

out, backend, scan, peak = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
plain = json.load(open(f"{out}/latency-{backend}.json"))
audited = json.load(open(f"{out}/latency-{backend}-audited.json"))
s = json.load(open(f"{out}/scan-{backend}.json"))
print(f"| {backend} | {plain['p50_ms']:.2f} | {plain['p95_ms']:.2f} | {plain['p99_ms']:.2f} | "
      f"{audited['p50_ms']:.2f} | {audited['p99_ms']:.2f} | {scan:.2f} ({s['seconds']:.2f} in the scan) | "
      f"{s['present']} | {s['overstayers_total']} | {peak // 1024} |")
