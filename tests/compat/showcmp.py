#!/usr/bin/env python3
"""Compare nsh's show output with iproute2's on the lab in place.

    showcmp.py OUTDIR [FORM…]

For each FORM (all of FORMS by default) and each namespace (the one this
runs in, "host", and every namespace in /run/netns), run the iproute2
command and the same line through `$NSH -c`, on the same kernel state, and
compare: JSON forms as parsed JSON (the same keys, the same types) after
dropping what changes from one dump to the next (statistics, timers);
text forms byte for byte.  A difference in a value that settles
asynchronously (operstate, carrier, flags; a text line) is retried twice
0.2 s later.  Writes OUTDIR/FORM.res
("ok" or "fail: REASON") and, on a difference, OUTDIR/FORM.diff.
"""
import difflib
import json
import os
import subprocess
import sys
import time

NSH = os.environ.get("NSH", "nsh")

# form -> (ip arguments after the optional "-n NS", JSON?)
FORMS = {
    "j-link": (["-j", "link", "show"], True),
    "jd-link": (["-j", "-d", "link", "show"], True),
    "j-address": (["-j", "address", "show"], True),
    "j-route": (["-j", "route", "show"], True),
    "j-route6": (["-6", "-j", "route", "show"], True),
    "j-rule": (["-j", "rule", "show"], True),
    "j-neigh": (["-j", "neigh", "show"], True),
    "j-nexthop": (["-j", "nexthop", "show"], True),
    "br-link": (["-br", "link", "show"], False),
    "br-address": (["-br", "address", "show"], False),
    "address": (["address", "show"], False),
    "route": (["route", "show"], False),
}

# JSON paths where iproute2 and nsh can differ for a moment only: the
# kernel sets operstate and carrier (and flags derived from them) after
# the command that changed a link has returned
RACY = ("operstate", "flags", "linkdown", "carrier")
VOLATILE = {"stats", "stats64", "used", "updated", "probes"}


def namespaces():
    try:
        return ["host"] + sorted(os.listdir("/run/netns"))
    except FileNotFoundError:
        return ["host"]


def argv_of(ns, args):
    return (["-n", ns] if ns != "host" else []) + args


def run(argv):
    p = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    return p.returncode, p.stdout, p.stderr


def strip(v):
    if isinstance(v, dict):
        return {k: strip(x) for k, x in v.items()
                if k not in VOLATILE and not k.endswith("_timer")}
    if isinstance(v, list):
        return [strip(x) for x in v]
    return v


def first_diff(a, b, path="$"):
    """the first JSON path where A and B differ, as text"""
    if type(a) is not type(b):
        return f"{path}: {json.dumps(a)[:60]} vs {json.dumps(b)[:60]}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a:
                return f"{path}.{k}: only nsh has it"
            if k not in b:
                return f"{path}.{k}: missing in nsh"
            d = first_diff(a[k], b[k], f"{path}.{k}")
            if d:
                return d
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} elements vs {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_diff(x, y, f"{path}[{i}]")
            if d:
                return d
        return None
    return None if a == b else \
        f"{path}: {json.dumps(a)[:60]} vs {json.dumps(b)[:60]}"


def compare(ns, args, is_json):
    """None if iproute2 and nsh agree, else (reason, diff text)"""
    line = " ".join(["ip"] + argv_of(ns, args))
    for attempt in range(3):
        if attempt:
            time.sleep(0.2)
        rc_ip, out_ip, err_ip = run(["ip"] + argv_of(ns, args))
        rc_n, out_n, err_n = run([NSH, "-c", line])
        if rc_n != rc_ip:
            why = f"exit {rc_n}, iproute2 exit {rc_ip}"
            if err_n.strip():
                why += ": " + err_n.strip().splitlines()[0]
            return why, f"$ {line}\nnsh stderr: {err_n}"
        if is_json:
            try:
                a = strip(json.loads(out_ip)) if out_ip.strip() else None
            except ValueError:
                a = out_ip
            try:
                b = strip(json.loads(out_n)) if out_n.strip() else None
            except ValueError:
                return "nsh printed no JSON", f"$ {line}\n" + out_n[:2000]
            if a == b:
                return None
            where = first_diff(a, b) or "?"
            reason = "JSON differs: " + where
            diff = "".join(difflib.unified_diff(
                json.dumps(a, indent=1, sort_keys=True).splitlines(True),
                json.dumps(b, indent=1, sort_keys=True).splitlines(True),
                f"iproute2: {line}", f"nsh: {line}"))
            # only a value that settles asynchronously is worth a retry
            if not any(w in where for w in RACY):
                break
        else:
            if out_ip == out_n:
                return None
            la, lb = out_ip.splitlines(), out_n.splitlines()
            k = next((i for i, (x, y) in enumerate(zip(la, lb)) if x != y),
                     min(len(la), len(lb)))
            reason = f"text differs at line {k + 1}"
            diff = "".join(difflib.unified_diff(
                out_ip.splitlines(True), out_n.splitlines(True),
                f"iproute2: {line}", f"nsh: {line}"))
            if len(la) != len(lb):
                break
    return reason, diff


def main():
    out = sys.argv[1]
    forms = sys.argv[2:] or list(FORMS)
    nss = namespaces()
    for form in forms:
        args, is_json = FORMS[form]
        problems = []
        for ns in nss:
            r = compare(ns, args, is_json)
            if r:
                problems.append((ns, r))
        with open(os.path.join(out, form + ".res"), "w") as f:
            if not problems:
                f.write("ok\n")
            else:
                ns, (reason, _) = problems[0]
                where = "" if ns == "host" else f" (-n {ns})"
                f.write(f"fail: {reason}{where}\n")
        if problems:
            with open(os.path.join(out, form + ".diff"), "w") as f:
                for ns, (_, diff) in problems:
                    f.write(diff if diff.endswith("\n") else diff + "\n")


if __name__ == "__main__":
    main()
