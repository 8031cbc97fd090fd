package gcl.nb;

import gcl.experiment.Claims;
import gcl.experiment.PaperNumbers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * What the charts of ours beside the paper's show ({@link Figures#oursVsPaper}, {@link LessonCharts#oursAndPaper}):
 * per method of a runs table, in order of first appearance, our mean and std of {@code AUC %} over seeds
 * ({@link Claims#estimate}; std 0 for one seed) and the paper's UCF-Crime number (NaN where it reports none;
 * every {@code GCL_WS …} row reads the paper's GCL_WS).
 */
record OursAndPaper(List<String> methods, double[] mean, double[] std, double[] paper, int seeds) {

    static OursAndPaper of(Table runs) {
        List<String> methods = new ArrayList<>(new LinkedHashSet<>(runs.stringColumn("method").asList()));
        double[] mean = new double[methods.size()];
        double[] std = new double[methods.size()];
        double[] paper = new double[methods.size()];
        int seeds = 0;
        for (int m = 0; m < methods.size(); m++) {
            Claims.Estimate e = Claims.estimate(runs, Claims.Term.of(methods.get(m)));
            mean[m] = e.mean();
            std[m] = Double.isNaN(e.std()) ? 0 : e.std();
            seeds = Math.max(seeds, e.seeds());
            paper[m] = PaperNumbers.ucfCrime(methods.get(m).startsWith("GCL_WS") ? "GCL_WS" : methods.get(m));
        }
        return new OursAndPaper(methods, mean, std, paper, seeds);
    }
}
