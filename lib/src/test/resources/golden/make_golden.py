"""Makes the golden fixtures of the library's cross-checks against the field's reference
implementations. Run once, in a throwaway venv, and commit what it writes beside it:

    python3 -m venv /tmp/golden && /tmp/golden/bin/pip install numpy scikit-learn opencv-python-headless
    /tmp/golden/bin/python lib/src/test/resources/golden/make_golden.py

The inputs are drawn here from fixed seeds and stored with the expected outputs, so the Java
tests need no Python and no random generator of Python's:

  roc_auc.json   frame scores and labels (with ties), sklearn.metrics roc_auc_score and
                 average_precision_score                         -> gcl.eval.RocAuc
  otsu.json      8-bit values, cv2.threshold(..., THRESH_OTSU)'s threshold
                                                                 -> gcl.train.Threshold (otsu)
  npy/*.npy      arrays written by numpy.save, and the values they hold (npy.json)
                                                                 -> gcl.data.Npy
"""
import json
import os
import platform

import cv2
import numpy as np
import sklearn
from sklearn.metrics import average_precision_score, roc_auc_score

HERE = os.path.dirname(os.path.abspath(__file__))


def versions():
    return {"python": platform.python_version(), "numpy": np.__version__, "scikit-learn": sklearn.__version__,
            "opencv": cv2.__version__}


def roc_cases():
    rng = np.random.RandomState(2022)
    cases = []
    # continuous scores, anomalies shifted up
    labels = rng.rand(300) < 0.2
    scores = rng.randn(300) + 1.2 * labels
    cases.append(("continuous", scores, labels))
    # frame scores: each segment score repeated over 16 frames (many ties), as the evaluation does
    seg = rng.rand(40)
    seg_labels = rng.rand(40) < 0.3
    cases.append(("segments repeated over frames", np.repeat(seg, 16), np.repeat(seg_labels, 16)))
    # scores rounded to one decimal: ties across classes
    labels = rng.rand(200) < 0.5
    scores = np.round(rng.rand(200) + 0.3 * labels, 1)
    cases.append(("rounded scores, ties across classes", scores, labels))
    # few positives, probabilities as D gives them
    labels = np.zeros(120, dtype=bool)
    labels[rng.choice(120, 7, replace=False)] = True
    scores = 1 / (1 + np.exp(-(rng.randn(120) + 2.0 * labels)))
    cases.append(("few positives, probabilities", scores, labels))
    # a perfect and an inverted ranking
    cases.append(("perfect", np.array([0.1, 0.2, 0.3, 0.8, 0.9]), np.array([False, False, False, True, True])))
    cases.append(("inverted", np.array([0.9, 0.8, 0.3, 0.2, 0.1]), np.array([False, False, False, True, True])))
    out = []
    for name, s, y in cases:
        s = np.asarray(s, dtype=np.float64)
        y = np.asarray(y, dtype=bool)
        out.append({"name": name, "scores": s.tolist(), "labels": y.astype(int).tolist(),
                    "auc": float(roc_auc_score(y, s)), "average_precision": float(average_precision_score(y, s))})
    return out


def otsu_cases():
    rng = np.random.RandomState(1979)
    cases = []

    def bimodal(n0, m0, s0, n1, m1, s1):
        v = np.concatenate([rng.normal(m0, s0, n0), rng.normal(m1, s1, n1)])
        return np.clip(np.round(v), 0, 255)

    cases.append(("bimodal, balanced", bimodal(500, 60, 15, 500, 180, 20)))
    cases.append(("bimodal, few high (as G's errors)", bimodal(900, 70, 20, 100, 200, 15)))
    cases.append(("skewed", np.clip(np.round(rng.exponential(40, 800)), 0, 255)))
    cases.append(("uniform", np.round(rng.uniform(0, 255, 600))))
    out = []
    for name, v in cases:
        v = v.astype(np.uint8)
        # every case spans the whole 8-bit range, so a 256-bin histogram over [min, max] has one bin per value
        v[0], v[1] = 0, 255
        t, _ = cv2.threshold(v.reshape(1, -1), 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
        out.append({"name": name, "values": v.astype(int).tolist(), "opencv_threshold": float(t)})
    return out


def npy_cases():
    rng = np.random.RandomState(7)
    folder = os.path.join(HERE, "npy")
    os.makedirs(folder, exist_ok=True)
    arrays = {
        "features_f4_3x4": rng.rand(3, 4).astype(np.float32),
        "features_f4_17x64": rng.randn(17, 64).astype(np.float32),
        "crops_f4_2x10x3": rng.rand(2, 10, 3).astype(np.float32),
        "features_f8_5x2": rng.randn(5, 2).astype(np.float64),
        "mask_b1_37": rng.rand(37) < 0.3,
    }
    out = []
    for name, a in arrays.items():
        np.save(os.path.join(folder, name + ".npy"), a)
        out.append({"file": "npy/" + name + ".npy", "dtype": a.dtype.str, "shape": list(a.shape),
                    "values": a.astype(np.float64).ravel().tolist()})
    return out


def write(name, content):
    with open(os.path.join(HERE, name), "w") as f:
        json.dump({"made_by": "make_golden.py", "versions": versions(), "cases": content}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    write("roc_auc.json", roc_cases())
    write("otsu.json", otsu_cases())
    write("npy.json", npy_cases())
