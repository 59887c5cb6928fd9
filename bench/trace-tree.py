# `python3 bench/trace-tree.py TRACE.json [TOP]`: a Chromium trace taken with V8's sampling profiler (bench/profile-ingest.ts
# BENCH_TRACE=FILE) per thread: self and inclusive sampled time per function, and the callers of the top ones.
# Sampled time is wall time while the thread runs: on a loaded machine scale it to the thread's CPU (trace-events.py).
import json, sys, collections
ev = json.load(open(sys.argv[1]))['traceEvents']
top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
names = {}
for e in ev:
    if e.get('name') == 'thread_name': names[(e['pid'], e['tid'])] = e['args']['name']
profs = {}
for e in ev:
    if e.get('name') != 'ProfileChunk': continue
    d = e.get('args', {}).get('data', {})
    key = (e['pid'], e.get('id'))
    p = profs.setdefault(key, {'thread': names.get((e['pid'], e['tid']), str(e['tid'])), 'nodes': {}, 'samples': [], 'deltas': []})
    for n in d.get('cpuProfile', {}).get('nodes', []) or []: p['nodes'][n['id']] = n
    p['samples'] += d.get('cpuProfile', {}).get('samples', []) or []
    p['deltas'] += d.get('timeDeltas', []) or []
for key, p in profs.items():
    nodes = p['nodes']
    parent = {}
    for n in nodes.values():
        for c in n.get('children', []) or []: parent[c] = n['id']
        if 'parent' in n: parent[n['id']] = n['parent']
    def nm(i):
        f = nodes[i]['callFrame']; return f"{f.get('functionName') or '(anon)'} {f.get('url','').split('/')[-1]}:{f.get('lineNumber')}"
    self_t = collections.Counter(); incl = collections.Counter(); callers = collections.defaultdict(collections.Counter)
    total = 0
    for s, dt in zip(p['samples'], p['deltas']):
        if s not in nodes: continue
        ms = dt / 1000; total += ms
        n0 = nm(s)
        self_t[n0] += ms
        seen = set(); i = s; chain = []
        while i is not None and i in nodes:
            x = nm(i)
            if x not in seen: incl[x] += ms; seen.add(x)
            chain.append(x); i = parent.get(i)
        callers[n0][' < '.join(chain[1:5])] += ms
    idle = sum(v for k, v in self_t.items() if k.startswith('(idle)'))
    busy = total - idle
    if busy < 500: continue
    print(f"\n## {p['thread']} {key}: busy {busy/1000:.1f} s of {total/1000:.1f} s")
    print('self:'); [print(f"  {v/1000:6.2f} s  {k}") for k, v in self_t.most_common(top) if not k.startswith('(idle)')]
    print('inclusive:'); [print(f"  {v/1000:6.2f} s  {k}") for k, v in incl.most_common(top * 2) if not k.startswith('(idle)') and not k.startswith('(root)')]
    for k, _ in self_t.most_common(4):
        if k.startswith('(idle)'): continue
        print(f'callers of {k}:'); [print(f"    {v/1000:6.2f} s  {c}") for c, v in callers[k].most_common(5)]
