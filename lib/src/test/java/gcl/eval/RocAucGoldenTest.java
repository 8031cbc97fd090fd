package gcl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import gcl.Golden;
import org.junit.jupiter.api.Test;

/** Frame-level AUC and average precision against scikit-learn's on fixed inputs (golden/roc_auc.json). */
class RocAucGoldenTest {
    @Test
    void aucAndAveragePrecisionMatchScikitLearn() {
        for (JsonNode c : Golden.cases("roc_auc.json")) {
            double[] scores = Golden.doubles(c.get("scores"));
            boolean[] labels = Golden.booleans(c.get("labels"));
            String name = c.get("name").asText();
            assertEquals(c.get("auc").asDouble(), RocAuc.auc(scores, labels), 1e-12, name + ": roc_auc_score");
            assertEquals(c.get("average_precision").asDouble(), RocAuc.averagePrecision(scores, labels), 1e-12,
                    name + ": average_precision_score");
        }
    }
}
