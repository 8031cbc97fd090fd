package gcl.nb;

import gcl.data.Dataset;
import gcl.experiment.DatasetProperties;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A dataset at a glance ({@link Course#describe}): what it is, its splits, and the properties GCL's
 * premise is about ({@link DatasetProperties}), each marked with the labels it needs ("no labels"
 * for those a user can measure on their own unlabelled footage).
 */
public final class DatasetDescription {
    private DatasetDescription() {
    }

    /** Name, kind, splits, segment size, the premise properties with what they need, fingerprint. */
    public static Table of(Dataset data) {
        StringColumn what = StringColumn.create("what");
        StringColumn value = StringColumn.create("value");
        StringColumn needs = StringColumn.create("needs");
        String kind = data.info().synthetic() ? "synthetic teaching proxy (results are not the paper's)" : "real features";
        row(what, value, needs, "dataset", data.info().name() + " — " + kind, "");
        row(what, value, needs, "features", data.info().featureKind() + ", d = " + data.train().dim(), "");
        row(what, value, needs, "train", data.train().videos().size() + " videos, " + data.train().size() + " segments (labels unused by GCL)", "");
        row(what, value, needs, "test", data.test().videos().size() + " videos, " + data.test().size() + " segments", "");
        row(what, value, needs, "segment size p", data.info().segmentSize() + " frames", "");
        Table premise = DatasetProperties.of(data).table();
        for (int r = 0; r < premise.rowCount(); r++) {
            String property = premise.stringColumn("property").get(r);
            if (property.startsWith("training videos")) {
                continue; // the train row says it
            }
            row(what, value, needs, property, premise.stringColumn("value").get(r) + " — " + premise.stringColumn("what it says").get(r),
                    premise.stringColumn("needs").get(r));
        }
        row(what, value, needs, "fingerprint", data.fingerprint(), "");
        return Table.create("Dataset", what, value, needs);
    }

    private static void row(StringColumn what, StringColumn value, StringColumn needs, String w, String v, String n) {
        what.append(w);
        value.append(v);
        needs.append(n);
    }
}
