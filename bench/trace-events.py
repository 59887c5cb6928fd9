# `python3 bench/trace-events.py TRACE.json [TOP]`: the same trace per thread, trace events by thread CPU (tdur) and wall
# (dur): e.g. "CompressionStream Deflate" (chunk bodies) or "Receive mojo message", which the sampling profiler shows
# only as a native `resolve` at the root.
import json, sys, collections
ev = json.load(open(sys.argv[1]))['traceEvents']
top = int(sys.argv[2]) if len(sys.argv) > 2 else 15
names = {}
pnames = {}
for e in ev:
    if e.get('name') == 'thread_name': names[(e['pid'], e['tid'])] = e['args']['name']
    if e.get('name') == 'process_name': pnames[e['pid']] = e['args']['name']
agg = collections.defaultdict(lambda: collections.defaultdict(lambda: [0.0, 0.0, 0]))
toplevel = collections.defaultdict(float)
for e in ev:
    if e.get('ph') != 'X': continue
    k = (e['pid'], e['tid'])
    a = agg[k][e.get('name')]
    a[0] += e.get('dur', 0) / 1e6; a[1] += e.get('tdur', 0) / 1e6; a[2] += 1
    if e.get('cat', '').find('toplevel') >= 0 and e.get('name') in ('ThreadControllerImpl::RunTask', 'RunTask'): toplevel[k] += e.get('tdur', 0) / 1e6
for k, d in sorted(agg.items(), key=lambda kv: -toplevel.get(kv[0], 0)):
    if toplevel.get(k, 0) < 0.3: continue
    print(f"\n## {pnames.get(k[0], k[0])} / {names.get(k, k[1])} {k}: top-level task CPU {toplevel[k]:.1f} s")
    for n, (w, c, cnt) in sorted(d.items(), key=lambda kv: -kv[1][1])[:top]:
        print(f"  {c:7.2f} s CPU {w:7.2f} s wall {cnt:7d}x  {n}")
