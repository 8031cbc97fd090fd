"""Tests of either_halves: the rank AUC on hand-computed inputs and one small `gcl score` CSV.
Run by environment/test:  .venv/bin/python -m unittest discover -s environment -p 'test_*.py'
"""
import os
import tempfile
import unittest

from either_halves import auc, halves


class AucTest(unittest.TestCase):

    def test_perfect_reversed_and_tied(self):
        self.assertEqual(auc([0.1, 0.2, 0.8, 0.9], [False, False, True, True]), 1.0)
        self.assertEqual(auc([0.9, 0.8, 0.2, 0.1], [False, False, True, True]), 0.0)
        self.assertEqual(auc([0.5, 0.5, 0.5, 0.5], [False, True, False, True]), 0.5)

    def test_one_pair_out_of_order(self):
        # positives 0.3 and 0.9, negatives 0.1 and 0.5: 3 of the 4 pairs in order
        self.assertEqual(auc([0.1, 0.5, 0.3, 0.9], [False, False, True, True]), 0.75)


class HalvesTest(unittest.TestCase):

    def test_d_without_information_is_counted_and_either_is_the_larger_rank(self):
        rows = ["video,segment,first_frame,score,score_g,score_d,rank_g,rank_d,label",
                "a,0,0,0.9,1,1,0.2,0.9,0",    # D's rank wins on a normal segment
                "a,1,16,0.3,1,1,0.3,0.1,0",
                "a,2,32,0.8,1,1,0.8,0.5,1",   # G's rank wins on an anomalous one
                "a,3,48,1.2,1,1,1.2,0.5,1",   # G beyond its reference: rank above 1
                "a,4,64,0.4,1,1,0.4,0.4,-1"]  # no ground truth: left out
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "s.csv")
            with open(path, "w") as f:
                f.write("\n".join(rows) + "\n")
            h = halves(path)
        self.assertEqual(h["segments"], 4)
        self.assertEqual(h["anomalous"], 2)
        self.assertEqual(h["AUC G"], 100.0)
        # either = max: normals 0.9 (D's rank) and 0.3, anomalies 0.8 and 1.2: 3 of the 4 pairs in order,
        # so D's high rank on one normal segment costs the score a quarter of G's perfect ranking
        self.assertEqual(h["AUC either"], 75.0)
        self.assertEqual(h["share where D's rank is the larger"], 0.25)
        self.assertEqual(h["rank_g anomalous"], 0.9)  # 0.8 and 1.2 capped at 1
        self.assertEqual(h["rank_d normal"], 0.5)
        # G's labels at a quarter of 4 segments: the one largest error (score_g 1.0 everywhere: all tie, all labelled)
        self.assertEqual(h["events among G's labels"], 0.5)

    def test_top_share_labels_the_largest_scores(self):
        from either_halves import top
        self.assertEqual(top([0.1, 0.9, 0.5, 0.7], 0.5), [False, True, False, True])
        self.assertEqual(top([0.1, 0.2], 0.01), [False, True], "at least one segment")


if __name__ == "__main__":
    unittest.main()
