# How far the ledger's signed checkpoint trails the event store while 16 clients assign codes (docs/ledger.md).
# Usage, with the registry running on its embedded defaults: python3 bench/scripts/ledger-lag.py <postgres-port> <seconds>
# (the embedded PostgreSQL's port is in the registry's log: "Embedded PostgreSQL listening on localhost:<port>").
import json, os, subprocess, sys, threading, time, urllib.request, uuid, bisect
BASE = os.environ.get("REGISTRY", "http://localhost:8080")
token = open(os.environ.get("AGENCY_TOKEN_FILE", "var/agency-token")).read().strip()
H = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
def req(method, path, body=None, headers=H):
    r = urllib.request.Request(BASE + path, data=None if body is None else json.dumps(body).encode(), method=method, headers=headers)
    with urllib.request.urlopen(r, timeout=30) as resp:
        return resp.status, resp.read().decode()
pg_port = sys.argv[1]
def events():
    out = subprocess.run(["psql", "-h", "localhost", "-p", pg_port, "-U", "postgres", "-d", "postgres", "-tAc",
                          "SELECT count(*) FROM domainevententry"], capture_output=True, text=True)
    return int(out.stdout.strip())
def size():
    s, body = req("GET", "/v1/ledger/checkpoint", headers={})
    return int(body.split("\n")[1])
# a registrant and prefixes under the agency's letters
st, body = req("POST", "/v1/registrants", {"legalName": "Lag Bench Records", "country": "CA", "kind": "PRODUCER",
               "contacts": [{"name": "Desk", "email": "desk@example.org"}]})
rid = json.loads(body)["registrant"]["id"]
prefixes = []
for i in range(4):
    st, body = req("POST", "/v1/prefixes", {"registrantId": rid, "countryCode": "CA"})
    prefixes.append(json.loads(body)["display"])
stop = time.time() + float(sys.argv[2]); acked = [0]
def client(n):
    while time.time() < stop:
        p = prefixes[n % len(prefixes)]
        try:
            req("POST", f"/v1/prefixes/{p}/recordings", {"title": "Lag " + uuid.uuid4().hex, "mainArtist": "Bench",
                "duration": "PT3M", "kind": "AUDIO", "firstPublished": "2025-01-01", "owner": "Bench"})
            acked[0] += 1
        except Exception as e:
            pass
threads = [threading.Thread(target=client, args=(i,)) for i in range(16)]
for t in threads: t.start()
times, counts, lags = [], [], []
t0 = time.time()
while any(t.is_alive() for t in threads) or time.time() < stop + 5:
    now = time.time(); e = events(); times.append(now); counts.append(e)
    s = size()
    # when did the store first hold s events? lag = now - that time
    if s >= e:
        lags.append(0.0)
    else:
        i = bisect.bisect_left(counts, s)
        lags.append(now - times[i])
    time.sleep(0.2)
for t in threads: t.join()
final = events(); end = time.time()
while size() < final and time.time() - end < 30: time.sleep(0.05)
caught = time.time() - end
print("series (s):", " ".join(f"{x:.2f}" for x in lags)); lags.sort()
print(f"acknowledged {acked[0]} assignments in {sys.argv[2]} s ({acked[0]/float(sys.argv[2]):.0f}/s); samples {len(lags)}")
print(f"checkpoint behind the store: p50 {lags[len(lags)//2]:.2f} s, p99 {lags[int(len(lags)*0.99)]:.2f} s, max {lags[-1]:.2f} s")
print(f"after the last commit ({final} events) the checkpoint covered them all within {caught:.2f} s")
