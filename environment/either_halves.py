"""Which network makes the 'either' score, read from `gcl score` CSVs (standard library only).

The robust preset scores a segment by max(rank_g, rank_d), each network's calibrated rank among the
run's reference segments (gcl.train.ScoreCalibration). `gcl score` writes both halves per segment.
For each CSV this prints one CSV row, at the segment level (a segment counts as anomalous when its
first frame is; the test labels are used to explain a result, never to choose a setting):

- the segment AUC of G's rank, D's rank and the either score;
- the either score's AUC when D's rank is replaced by independent uniform draws (seeded): what the
  score would be if D carried no information at all;
- the share of segments whose either score is D's rank (no label needed);
- the mean rank of D and of G (G's capped at 1) on anomalous and on normal segments;
- G's labels on these segments as the run makes them (its top --top share of errors; give the run's
  last `anomalous_by_g`): how many of them are events (precision), and how well D's probability
  reproduces them (AUC; D's training target, so this says whether D learned G's labels or something else).

    environment/gcl score --run .cache/runs/KEY --data DATA --out s.csv
    python3 environment/either_halves.py [--top 0.06] s.csv [more.csv ...]
"""
import csv
import random
import sys


def auc(scores, labels):
    """ROC AUC by ranks, ties counting one half."""
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    pos = sum(labels)
    neg = len(labels) - pos
    if pos == 0 or neg == 0:
        return float("nan")
    rank_sum = sum(r for r, y in zip(ranks, labels) if y)
    return (rank_sum - pos * (pos + 1) / 2) / (pos * neg)


def mean(values):
    return sum(values) / len(values) if values else float("nan")


def top(scores, share):
    """The segments a share-threshold labels: the `share` largest scores (at least one)."""
    k = max(1, int(share * len(scores)))
    cut = sorted(scores, reverse=True)[k - 1]
    return [v >= cut for v in scores]


def halves(path, share=0.06, seed=7):
    with open(path, newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["label"] != "-1"]
    if not rows or rows[0].get("rank_d", "") == "":
        raise SystemExit(f"{path}: no rank_d column with values (a GCL run scored by a gcl with calibrated ranks is needed)")
    y = [r["label"] == "1" for r in rows]
    g = [float(r["rank_g"]) for r in rows]
    d = [float(r["rank_d"]) for r in rows]
    g_labels = top([float(r["score_g"]) for r in rows], share)
    rng = random.Random(seed)
    noise = [max(a, rng.random()) for a in g]
    return {
        "file": path,
        "segments": len(rows),
        "anomalous": sum(y),
        "AUC G": round(100 * auc(g, y), 2),
        "AUC D": round(100 * auc(d, y), 2),
        "AUC either": round(100 * auc([max(a, b) for a, b in zip(g, d)], y), 2),
        "AUC either, D as uniform noise": round(100 * auc(noise, y), 2),
        "share where D's rank is the larger": round(mean([b > a for a, b in zip(g, d)]), 3),
        "rank_d anomalous": round(mean([b for b, l in zip(d, y) if l]), 3),
        "rank_d normal": round(mean([b for b, l in zip(d, y) if not l]), 3),
        "rank_g anomalous": round(mean([min(a, 1) for a, l in zip(g, y) if l]), 3),
        "rank_g normal": round(mean([min(a, 1) for a, l in zip(g, y) if not l]), 3),
        "top share": share,
        "events among G's labels": round(mean([l for l, t in zip(y, g_labels) if t]), 3),
        "events among all": round(mean(y), 3),
        "D reproduces G's labels (AUC)": round(auc(d, g_labels), 3),
    }


def main(args):
    share = 0.06
    if args[:1] == ["--top"]:
        share, args = float(args[1]), args[2:]
    if not args:
        raise SystemExit(__doc__)
    out = csv.writer(sys.stdout, lineterminator="\n")
    for i, path in enumerate(args):
        row = halves(path, share)
        if i == 0:
            out.writerow(row.keys())
        out.writerow(row.values())


if __name__ == "__main__":
    main(sys.argv[1:])
