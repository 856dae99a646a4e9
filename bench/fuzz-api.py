#!/usr/bin/env python3
# Mutation fuzzing of the POST endpoints against a running service: takes each endpoint's request example from
# /openapi.json, mutates it (wrong types, huge and tiny numbers, NaN/1e309 literals, deleted and unknown keys,
# nested and repeated structures, long and odd Unicode strings, a PHI-like marker) and checks every answer: no 5xx,
# every 4xx application/problem+json, and the marker never inside an error. Prints status counts per endpoint and
# the first failures; exits 1 if there are any. Usage (service on :8000 with API_KEYS=k1, as in docs/platform.md):
#   python3 bench/fuzz-api.py [SEED] [REQUESTS]       environment: FUZZ_BASE (default http://127.0.0.1:8000), FUZZ_KEY (k1)
# Also check the service's log afterwards: grep -c ZZPHI42 <log> must be 0.
import os, json, random, urllib.request, sys, copy, collections
random.seed(int(sys.argv[1]) if len(sys.argv)>1 else 1)
BASE=os.environ.get("FUZZ_BASE", "http://127.0.0.1:8000")
doc=json.load(urllib.request.urlopen(BASE+'/openapi.json'))
ops=[]
for path,item in doc['paths'].items():
    for m,op in item.items():
        if m!='post': continue
        rb=op.get('requestBody',{}).get('content',{})
        for ct,c in rb.items():
            for ex in (c.get('examples') or {}).values():
                v=ex.get('value')
                if isinstance(v,str):
                    try: v=json.loads(v)
                    except Exception: continue
                if v is not None: ops.append((path,v))
print('operations with examples:', sorted(set(p for p,_ in ops)))
MARK='ZZPHI42'
POOL=[None, True, False, 0, -1, -1e308, 1e308, 2**63, -2**63-5, 0.5, 1e-320, "", "abc", MARK+" Smith MRN 123456", "NaN", "Infinity",
      "１２３", "\u0000", "\ud7ff"*3, "x"*5000, [], [1,2], {}, {"a":{"b":{"c":[]}}}, [None], {"val": 90, "ts": "2024-01-01T00:00:00Z"},
      {"val": "bad"}, [{"val": 1}], "2024-13-45T99:99:99Z", 37.5, 120, 999999, -0.0]
def leaves(o, path=()):
    if isinstance(o, dict):
        yield path, o
        for k,v in o.items(): yield from leaves(v, path+(k,))
    elif isinstance(o, list):
        yield path, o
        for i,v in enumerate(o): yield from leaves(v, path+(i,))
    else:
        yield path, o
def setp(o, path, val):
    if not path: return val
    cur=o
    for p in path[:-1]: cur=cur[p]
    cur[path[-1]]=val
    return o
def mutate(o):
    o=copy.deepcopy(o)
    for _ in range(random.randint(1,4)):
        ls=list(leaves(o))
        path,node=random.choice(ls)
        r=random.random()
        if r<0.55: o=setp(o,path,copy.deepcopy(random.choice(POOL)))
        elif r<0.7 and path:
            parent=o
            for p in path[:-1]: parent=parent[p]
            try: del parent[path[-1]]
            except Exception: pass
        elif r<0.8 and isinstance(node,dict): node[random.choice(["HR","Temp","unknown_"+MARK,"history","notes","labs","vitals","patient_id","observations","patients"])]=copy.deepcopy(random.choice(POOL))
        elif r<0.9 and isinstance(node,list) and node: node.extend(copy.deepcopy(node)*random.randint(1,3))
        else: o=setp(o,path,[copy.deepcopy(node)])
    return o
stats=collections.Counter(); bad=[]
N=int(sys.argv[2]) if len(sys.argv)>2 else 1500
for i in range(N):
    path,ex=random.choice(ops)
    body=mutate(ex)
    data=json.dumps(body, allow_nan=True).encode()
    if random.random()<0.05: data=data.replace(b'37.5', b'1e309').replace(b'38.5', b'NaN')
    req=urllib.request.Request(BASE+path, data=data, method='POST', headers={'X-API-Key':os.environ.get('FUZZ_KEY','k1'),'Content-Type':'application/json'})
    try:
        r=urllib.request.urlopen(req, timeout=30); code=r.status; ct=r.headers.get('Content-Type',''); txt=r.read().decode('utf-8','replace')
    except urllib.error.HTTPError as e:
        code=e.code; ct=e.headers.get('Content-Type',''); txt=e.read().decode('utf-8','replace')
    stats[(path,code)]+=1
    if code>=500 or (400<=code<500 and 'problem+json' not in ct) or (code>=400 and MARK in txt):
        bad.append((path,code,ct,data[:400],txt[:400]))
for k,v in sorted(stats.items()): print(k,v)
print('BAD', len(bad))
for b in bad[:10]: print(b)
sys.exit(1 if bad else 0)
