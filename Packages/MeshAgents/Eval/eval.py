#!/usr/bin/env python3
"""Scores the MeshAgents specialists on an evaluation folder, beside proselint on the same data in the same run.

Usage: eval.py --bin PATH/mesh-agents [--eval-dir DIR] [--json OUT] [--no-proselint]
       eval.py --bin PATH/mesh-agents --docs DIR [--sample N] [--seed S]   (any folder of documents only)

The folder is laid out like ../shared/eval (README there): any subset of grammar/languagetool_examples.jsonl,
grammar/jfleg.jsonl, linters/{proselint,write_good,alex}_examples.jsonl, tone/{sentiment,politeness}.jsonl,
clarity/readability_levels.jsonl. The data is read at run time and never copied.

What is scored (the same way for every tool):
- Detection (LanguageTool examples, JFLEG): our grammar, clarity and tone specialists at severity warning or
  above (`min-alert-level: warning`) -- mistakes, not style suggestions. LanguageTool: an incorrect example is
  found when a suggestion overlaps `error_span`; a correct example with any suggestion is a false alarm.
  JFLEG: a learner sentence with `has_error` is found when anything fires; every distinct correction is a
  clean sentence, and anything firing on it is a false alarm.
- Linters' examples (write-good, proselint): all four specialists at every severity; agreement of "fired"
  with `should_fire`. write-good's options map to our config (passive, illusion, so, eprime, whitelist).
- Tone: Pearson and Spearman of our tone score against `sentiment`; politeness AUC (polite vs impolite).
- Readability: how often the harder version of an article scores harder, per formula.
- Documents (docs/, one set per folder holding .md or .txt files): all four specialists on each whole file, as
  the CLI reviews it; findings per 1,000 words by severity (words: letters-only runs outside fenced code and
  inline code), proselint's findings per 1,000 words on the same files, and a seeded random sample of 30
  errors and 30 warnings with file, line and the source line, for a person to judge.
"""
import argparse
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict

DETECT_TYPES = "grammar,clarity,tone"


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


class Mesh:
    def __init__(self, binary):
        self.binary = binary
        self.seconds = 0.0

    def run(self, texts, types="all", config=None):
        """Returns one result dict per text, in order."""
        lines = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts))
        cmd = [self.binary, "--type", types, "--jsonl"]
        cfg_path = None
        if config is not None:
            fd, cfg_path = tempfile.mkstemp(suffix=".yaml")
            with os.fdopen(fd, "w") as f:
                f.write(config)
            cmd += ["--config", cfg_path]
        start = time.time()
        try:
            out = subprocess.run(cmd, input=lines, capture_output=True, text=True, check=True, cwd="/")
        except subprocess.CalledProcessError as e:
            sys.exit(f"mesh-agents failed: {e.stderr}")
        finally:
            if cfg_path:
                os.unlink(cfg_path)
        self.seconds += time.time() - start
        results = [json.loads(l) for l in out.stdout.splitlines() if l.strip()]
        assert len(results) == len(texts), (len(results), len(texts))
        return results


class Proselint:
    def __init__(self):
        from proselint.checks import __register__
        from proselint.config import DEFAULT
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile

        CheckRegistry().register_many(__register__)
        self.config = DEFAULT
        self.LintFile = LintFile
        self.seconds = 0.0

    def run(self, texts):
        """Returns one list of {start, end, rule} per text (spans in code points of text)."""
        out = []
        start = time.time()
        for t in texts:
            if not t:
                out.append([])
                continue
            res = self.LintFile("<eval>", t).lint(self.config)
            out.append([{"start": r.check_result.span[0] - 1, "end": r.check_result.span[1] - 1,
                         "rule": r.check_result.check_path} for r in res])
        self.seconds += time.time() - start
        return out


def suggestions(result):
    return result["suggestions"] if isinstance(result, dict) else result


def overlaps(s, span):
    return s["start"] < span[1] and span[0] < s["end"]


def languagetool(records, runs):
    """runs: name -> list of suggestion lists."""
    out = {}
    for name, res in runs.items():
        found = fa = inc = cor = 0
        per_cat = defaultdict(lambda: [0, 0, 0, 0])  # found, incorrect, false alarms, correct
        for r, s in zip(records, res):
            s = suggestions(s)
            cat = r.get("category", "?")
            if r["incorrect"]:
                inc += 1
                per_cat[cat][1] += 1
                span = r.get("error_span") or [0, 0]
                if any(overlaps(x, span) for x in s):
                    found += 1
                    per_cat[cat][0] += 1
            else:
                cor += 1
                per_cat[cat][3] += 1
                if s:
                    fa += 1
                    per_cat[cat][2] += 1
        out[name] = {
            "recall": round(found / inc, 4) if inc else None,
            "false_alarm_rate": round(fa / cor, 4) if cor else None,
            "incorrect": inc, "correct": cor,
            "by_category": {c: {"recall": round(v[0] / v[1], 3) if v[1] else None,
                                "false_alarm_rate": round(v[2] / v[3], 3) if v[3] else None,
                                "incorrect": v[1], "correct": v[3]} for c, v in sorted(per_cat.items())},
        }
    return out


def jfleg_texts(records):
    learners = [r["text_detok"] for r in records if r.get("has_error")]
    clean = sorted({c for r in records for c in r["corrections_detok"]})
    return learners, clean


def jfleg(learner_res, clean_res):
    flagged = sum(1 for s in learner_res if suggestions(s))
    fa = sum(1 for s in clean_res if suggestions(s))
    return {"flagged": round(flagged / len(learner_res), 4) if learner_res else None,
            "false_alarm_rate": round(fa / len(clean_res), 4) if clean_res else None,
            "learner_sentences": len(learner_res), "corrections": len(clean_res)}


WRITE_GOOD_OPTIONS = {
    "passive": "clarity.passive-voice", "illusion": "grammar.repeated-word", "so": "clarity.empty-opener",
    "thereIs": "clarity.empty-opener", "weasel": "clarity.weasel", "adverb": "clarity.adverb",
    "tooWordy": "clarity.wordy", "cliches": "clarity.cliche",
}


def write_good_config(options):
    """Maps write-good's options ('{ passive: false }') to a .mesh.yaml."""
    if not options:
        return None
    text = options.strip().strip("{}").strip()
    disable, enable, accept = [], [], []
    for part in text.split(","):
        if ":" not in part:
            continue
        key, value = (p.strip() for p in part.split(":", 1))
        if key == "whitelist":
            accept += [w.strip().strip("'\"") for w in value.strip("[] ").split(",") if w.strip()]
        elif key == "eprime":
            if value == "true":
                enable.append("clarity.e-prime")
        elif key in WRITE_GOOD_OPTIONS and value == "false":
            disable.append(WRITE_GOOD_OPTIONS[key])
    lines = []
    if disable:
        lines.append("disable: [" + ", ".join(sorted(set(disable))) + "]")
    if enable:
        lines.append("enable: [" + ", ".join(enable) + "]")
    if accept:
        lines.append("vocabulary: { accept: [" + ", ".join(json.dumps(a) for a in accept) + "] }")
    return "\n".join(lines) + "\n" if lines else None


def agreement(records, res):
    ok = sum(1 for r, s in zip(records, res) if bool(suggestions(s)) == bool(r["should_fire"]))
    per = defaultdict(lambda: [0, 0])
    for r, s in zip(records, res):
        key = r.get("check") or r.get("test", "?")
        per[key][1] += 1
        if bool(suggestions(s)) == bool(r["should_fire"]):
            per[key][0] += 1
    return ok, len(records), {k: round(v[0] / v[1], 3) for k, v in sorted(per.items())}


FENCE = re.compile(r"^ {0,3}(```|~~~).*?^ {0,3}\1[^\n]*$", re.S | re.M)
INLINE_CODE = re.compile(r"`[^`\n]*`")
WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
FINDING = re.compile(r"^(.*?):(\d+):(\d+): (error|warning|suggestion) ([\w.-]+): (.*)$")


def prose_words(text, markdown):
    if markdown:
        text = INLINE_CODE.sub(" ", FENCE.sub(" ", text))
    return len(WORD.findall(text))


def document_sets(docs_dir):
    """{set name: [files]}: every folder under docs_dir holding .md/.markdown or .txt files, sorted."""
    sets = {}
    for root, _, files in sorted(os.walk(docs_dir)):
        picked = sorted(os.path.join(root, f) for f in files if f.endswith((".md", ".markdown", ".txt")))
        if picked:
            sets[os.path.relpath(root, docs_dir)] = picked
    return sets


def review_files(binary, files):
    """Our findings on whole files through the CLI: list of (file, line, col, severity, rule, message)."""
    out = subprocess.run([binary, "--type", "all"] + files, capture_output=True, text=True, cwd="/")
    if out.returncode not in (0, 1):
        sys.exit(f"mesh-agents failed on documents: {out.stderr}")
    found = []
    for line in out.stdout.splitlines():
        m = FINDING.match(line)
        if m:
            found.append((m[1], int(m[2]), int(m[3]), m[4], m[5], m[6]))
    return found


def documents(docs_dir, binary, prose, sample_size=30, seed=13):
    """Per document set: findings per 1,000 words by severity, proselint's beside them, and random samples."""
    out = {}
    for name, files in document_sets(docs_dir).items():
        texts = {f: open(f, encoding="utf-8").read() for f in files}
        words = sum(prose_words(t, not f.endswith(".txt")) for f, t in texts.items())
        start = time.time()
        found = review_files(binary, files)
        seconds = time.time() - start
        per = lambda n: round(1000 * n / words, 3) if words else None
        by_sev = defaultdict(int)
        by_rule = defaultdict(lambda: defaultdict(int))
        for f in found:
            by_sev[f[3]] += 1
            by_rule[f[3]][f[4]] += 1
        entry = {"files": len(files), "words": words, "seconds": round(seconds, 2),
                 "per_1000_words": {sev: per(by_sev[sev]) for sev in ("error", "warning", "suggestion")},
                 "counts": dict(by_sev), "rules": {k: dict(sorted(v.items(), key=lambda x: -x[1])) for k, v in by_rule.items()}}
        if prose:
            n = sum(len(r) for r in prose.run(list(texts.values())))
            entry["proselint_per_1000_words"] = per(n)
        samples = {}
        for sev in ("error", "warning"):
            pool = [f for f in found if f[3] == sev]
            rng = random.Random(seed)
            pick = sorted(rng.sample(pool, min(sample_size, len(pool))))
            lines = []
            for f, ln, col, _, rule, msg in pick:
                src = texts[f].split("\n")[ln - 1] if 0 < ln <= texts[f].count("\n") + 1 else ""
                lines.append({"where": f"{os.path.relpath(f, docs_dir)}:{ln}:{col}", "rule": rule, "message": msg, "line": src.strip()[:200]})
            samples[sev] = lines
        entry["samples"] = samples
        out[name] = entry
    return out


def pearson(x, y):
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / math.sqrt(sxx * syy) if sxx and syy else 0.0


def ranks(v):
    order = sorted(range(len(v)), key=lambda i: v[i])
    r = [0.0] * len(v)
    i = 0
    while i < len(v):
        j = i
        while j + 1 < len(v) and v[order[j + 1]] == v[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return r


def auc(pos, neg):
    """Probability that a random positive scores above a random negative (ties half)."""
    if not pos or not neg:
        return None
    allv = [(v, 1) for v in pos] + [(v, 0) for v in neg]
    r = ranks([v for v, _ in allv])
    rp = sum(rk for rk, (_, lab) in zip(r, allv) if lab == 1)
    return (rp - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg))


HARDER_IS_LOWER = {"flesch-reading-ease"}


def readability(records, res):
    by_article = defaultdict(dict)
    for r, s in zip(records, res):
        by_article[r["article"]][r["level_num"]] = s["readability"]
    formulas = sorted({k for s in res for k in s["readability"]})
    out = {}
    for f in formulas:
        ok = total = 0
        for levels in by_article.values():
            ks = sorted(levels)
            for i in range(len(ks)):
                for j in range(i + 1, len(ks)):
                    a, b = levels[ks[i]].get(f), levels[ks[j]].get(f)  # b is the harder version
                    if a is None or b is None:
                        continue
                    total += 1
                    if (b < a) if f in HARDER_IS_LOWER else (b > a):
                        ok += 1
        out[f] = round(ok / total, 4) if total else None
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--eval-dir", default=os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "shared", "eval"))
    ap.add_argument("--json")
    ap.add_argument("--no-proselint", action="store_true")
    ap.add_argument("--no-documents", action="store_true", help="skip the docs/ sets (their findings and samples)")
    ap.add_argument("--only-documents", action="store_true", help="score the docs/ sets only")
    ap.add_argument("--docs", help="score this folder of Markdown/text documents only (its subfolders are the sets), "
                    "e.g. published documentation kept outside the repository")
    ap.add_argument("--sample", type=int, default=30, help="errors and warnings sampled per document set")
    ap.add_argument("--seed", type=int, default=13, help="seed of the document samples")
    args = ap.parse_args()
    if args.docs:
        args.only_documents = True
    d = os.path.abspath(args.eval_dir)
    mesh = Mesh(os.path.abspath(args.bin))
    prose = None
    if not args.no_proselint:
        try:
            prose = Proselint()
        except ImportError:
            print("proselint is not installed (pip install proselint): its column is left out", file=sys.stderr)
    detect_cfg = "min-alert-level: warning\n"
    figures = {"eval_dir": d}
    rows = []  # (set, metric, ours, proselint, target)

    p = os.path.join(d, "grammar", "languagetool_examples.jsonl")
    if os.path.exists(p) and not args.only_documents:
        recs = load(p)
        texts = [r["text"] for r in recs]
        runs = {"mesh": mesh.run(texts, DETECT_TYPES, detect_cfg)}
        if prose:
            runs["proselint"] = prose.run(texts)
        lt = languagetool(recs, runs)
        figures["languagetool"] = lt
        rows.append(("LanguageTool examples", "recall (span overlap)", lt["mesh"]["recall"], lt.get("proselint", {}).get("recall"), ">= 0.40"))
        rows.append(("LanguageTool examples", "false alarms on correct", lt["mesh"]["false_alarm_rate"], lt.get("proselint", {}).get("false_alarm_rate"), "<= 0.05"))

    p = os.path.join(d, "grammar", "jfleg.jsonl")
    if os.path.exists(p) and not args.only_documents:
        learners, clean = jfleg_texts(load(p))
        jf = {"mesh": jfleg(mesh.run(learners, DETECT_TYPES, detect_cfg), mesh.run(clean, DETECT_TYPES, detect_cfg))}
        if prose:
            jf["proselint"] = jfleg(prose.run(learners), prose.run(clean))
        figures["jfleg"] = jf
        rows.append(("JFLEG", "learner sentences flagged", jf["mesh"]["flagged"], jf.get("proselint", {}).get("flagged"), ">= 0.60"))
        rows.append(("JFLEG", "false alarms on corrections", jf["mesh"]["false_alarm_rate"], jf.get("proselint", {}).get("false_alarm_rate"), "<= 0.10"))

    lint_ok = lint_total = 0
    prose_ok = prose_total = 0
    lint = {}
    p = os.path.join(d, "linters", "write_good_examples.jsonl")
    if os.path.exists(p) and not args.only_documents:
        recs = load(p)
        res = [None] * len(recs)
        groups = defaultdict(list)
        for i, r in enumerate(recs):
            groups[write_good_config(r.get("options"))].append(i)
        for cfg, idx in groups.items():
            out = mesh.run([recs[i]["text"] for i in idx], "all", cfg)
            for i, o in zip(idx, out):
                res[i] = o
        ok, n, per = agreement(recs, res)
        lint["write_good"] = {"mesh": round(ok / n, 4), "per_test": per}
        lint_ok += ok
        lint_total += n
        if prose:
            pok, pn, _ = agreement(recs, prose.run([r["text"] for r in recs]))
            lint["write_good"]["proselint"] = round(pok / pn, 4)
            prose_ok += pok
            prose_total += pn
    p = os.path.join(d, "linters", "proselint_examples.jsonl")
    if os.path.exists(p) and not args.only_documents:
        recs = load(p)
        ok, n, per = agreement(recs, mesh.run([r["text"] for r in recs], "all"))
        lint["proselint_examples"] = {"mesh": round(ok / n, 4), "per_check": per}
        lint_ok += ok
        lint_total += n
        if prose:
            pok, pn, _ = agreement(recs, prose.run([r["text"] for r in recs]))
            lint["proselint_examples"]["proselint"] = round(pok / pn, 4)
            prose_ok += pok
            prose_total += pn
    p = os.path.join(d, "linters", "alex_examples.jsonl")
    if os.path.exists(p) and not args.only_documents:
        recs = load(p)
        res = mesh.run([r["text"] for r in recs], "all")
        hit = total = 0
        for r, s in zip(recs, res):
            # alex positions are line:column (1-based); map ours the same way.
            text = r["text"]
            starts = [0]
            for k, ch in enumerate(text):
                if ch == "\n":
                    starts.append(k + 1)
            def off(lc):
                return starts[lc[0] - 1] + lc[1] - 1
            for e in r.get("expected", []):
                total += 1
                span = (off(e["start"]), off(e["end"]))
                if any(x["rule"].startswith("tone.") and overlaps(x, span) for x in s["suggestions"]):
                    hit += 1
        lint["alex"] = {"mesh_expected_found": round(hit / total, 4) if total else None, "expected": total}
    if lint_total:
        lint["agreement"] = {"mesh": round(lint_ok / lint_total, 4),
                             "proselint": round(prose_ok / prose_total, 4) if prose_total else None}
        figures["linters"] = lint
        rows.append(("write-good + proselint examples", "agreement with should_fire", lint["agreement"]["mesh"], lint["agreement"]["proselint"], ">= 0.80"))
    if "alex" in lint:
        rows.append(("alex examples", "expected findings found", lint["alex"]["mesh_expected_found"], None, "-"))

    p = os.path.join(d, "tone", "sentiment.jsonl")
    if os.path.exists(p) and not args.only_documents:
        recs = load(p)
        res = mesh.run([r["text"] for r in recs], "tone")
        x = [s["tone"] for s in res]
        y = [r["sentiment"] for r in recs]
        figures["sentiment"] = {"pearson": round(pearson(x, y), 4), "spearman": round(pearson(ranks(x), ranks(y)), 4), "n": len(recs)}
        rows.append(("tone vs human sentiment", "Pearson", figures["sentiment"]["pearson"], None, ">= 0.60"))
        rows.append(("tone vs human sentiment", "Spearman", figures["sentiment"]["spearman"], None, "-"))
    p = os.path.join(d, "tone", "politeness.jsonl")
    if os.path.exists(p) and not args.only_documents:
        recs = load(p)
        res = mesh.run([r["text"] for r in recs], "tone")
        pol = {"politeness_auc": None, "tone_auc": None}
        for key, field in (("politeness_auc", "politeness"), ("tone_auc", "tone")):
            pos = [s[field] for r, s in zip(recs, res) if r["label"] == "polite"]
            neg = [s[field] for r, s in zip(recs, res) if r["label"] == "impolite"]
            a = auc(pos, neg)
            pol[key] = round(a, 4) if a is not None else None
        figures["politeness"] = pol
        rows.append(("politeness (polite vs impolite)", "AUC of politeness score", pol["politeness_auc"], None, "-"))

    p = os.path.join(d, "clarity", "readability_levels.jsonl")
    if os.path.exists(p) and not args.only_documents:
        recs = load(p)
        res = mesh.run([r["text"] for r in recs], "clarity")
        rd = readability(recs, res)
        figures["readability"] = rd
        for f, v in rd.items():
            rows.append(("readability pairs ordered", f, v, None, ">= 0.95" if f == "flesch-kincaid-grade" else "-"))

    p = os.path.abspath(args.docs) if args.docs else os.path.join(d, "docs")
    if os.path.isdir(p) and not args.no_documents:
        docs = documents(p, mesh.binary, prose, args.sample, args.seed)
        figures["documents"] = docs
        for name, e in docs.items():
            rows.append((f"docs {name}", "errors per 1,000 words", e["per_1000_words"]["error"], None, "<= 0.30"))
            rows.append((f"docs {name}", "warnings per 1,000 words", e["per_1000_words"]["warning"], None, "-"))
            rows.append((f"docs {name}", "suggestions per 1,000 words", e["per_1000_words"]["suggestion"], None, "-"))
            rows.append((f"docs {name}", "all findings per 1,000 words", round(sum(v for v in e["per_1000_words"].values() if v), 3), e.get("proselint_per_1000_words"), "-"))

    figures["seconds"] = {"mesh": round(mesh.seconds, 2), "proselint": round(prose.seconds, 2) if prose else None}

    def fmt(v):
        return "-" if v is None else (f"{v:.3f}" if isinstance(v, float) else str(v))

    w = max(len(r[0]) + len(r[1]) for r in rows) + 3 if rows else 40
    print(f"{'set / metric':<{w}} {'mesh':>8} {'proselint':>10}  target")
    for s, m, ours, theirs, target in rows:
        print(f"{s + ': ' + m:<{w}} {fmt(ours):>8} {fmt(theirs):>10}  {target}")
    print(f"time: mesh {figures['seconds']['mesh']} s, proselint {figures['seconds']['proselint']} s")
    for name, e in figures.get("documents", {}).items():
        print(f"\ndocs {name}: {e['files']} files, {e['words']} words; findings by rule: "
              + "; ".join(f"{sev} " + ", ".join(f"{r} {n}" for r, n in list(rules.items())[:8]) for sev, rules in sorted(e["rules"].items())))
        for sev, picked in e["samples"].items():
            print(f"  random sample of {len(picked)} {sev}s (seed {args.seed}):")
            for k, x in enumerate(picked, 1):
                print(f"  {k:2}. {x['where']} {x['rule']}: {x['message']}\n        | {x['line']}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(figures, f, indent=2, sort_keys=True)
        print(f"figures written to {args.json}")


if __name__ == "__main__":
    main()
