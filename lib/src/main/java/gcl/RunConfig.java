package gcl;

import tech.tablesaw.api.Table;

/**
 * The settings of one training run, of any method the experiments run ({@code gcl.train.GclConfig},
 * {@code gcl.c2fpl.C2fplConfig}): what the run cache keys, the run directory records and the runs tables
 * show. Each method's config is an immutable record with its own fields; this is what they share.
 */
public interface RunConfig {
    /** Returns the method's name: {@code gcl} or {@code c2fpl}. */
    String method();

    /** Returns the master seed every random draw of the run derives from. */
    long seed();

    /** Returns the same settings with another seed. */
    RunConfig withSeed(long seed);

    /** Returns the recipe these settings started from, as the runs tables' {@code preset} column shows it. */
    String presetId();

    /** Returns the settings as indented JSON: every field, the method's name first for methods other than GCL. */
    String toJson();

    /** Returns the settings as a table: field, value, description. */
    Table toTable();
}
