package gcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gcl.experiment.PaperNumbers;
import gcl.train.GclConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The prose-number rule: a number in a lesson's markdown that looks like a result (a decimal, a
 * percentage, a thousands-separated count, a mean ± std) is printed by a code cell from this run or
 * from {@code notebooks/results/}, never typed. Allowed in markdown: the paper's published numbers,
 * hyperparameters and definitions, each listed with its source in {@code notebooks/prose-numbers.csv};
 * this test checks each listed source (the paper's numbers against {@link PaperNumbers}, settings
 * against {@link GclConfig}) and that every listed number is still used.
 *
 * <p>Equations ({@code $...$}), code spans and references ("section 3.3", "Eq. 4", "Fig. 10", "lesson
 * 03") are not prose numbers.
 */
class ProseNumbersTest {
    /** The lessons the rule is enforced on: every lesson. */
    static final List<String> COVERED = List.of("00", "01", "02", "03-", "03b", "04", "05", "06", "06b", "07", "08", "09");

    static final Pattern MATH = Pattern.compile("\\$\\$.*?\\$\\$|\\$[^$\\n]*\\$", Pattern.DOTALL);
    static final Pattern CODE = Pattern.compile("`[^`\\n]*`");
    /** Addresses and versions: 127.0.0.1, https://..., 1.0.0-M2. */
    static final Pattern NOT_NUMBERS = Pattern.compile("https?://\\S+|\\d+(\\.\\d+){2,}\\S*");
    static final Pattern REFERENCE = Pattern.compile(
            "(?i)\\b(sections?|§|eqs?\\.|figs?\\.|tables?|lessons?)\\s+\\d+[a-z]?(\\.\\d+)*([–-]\\d+(\\.\\d+)*)?");
    static final Pattern NUMBER = Pattern.compile("(?<![\\w.])(\\d+(?:\\.\\d+)?\\s*±\\s*\\d+(?:\\.\\d+)?"
            + "|\\d+(?:\\.\\d+)?\\s?%|\\d{1,3}(?:,\\d{3})+|\\d+\\.\\d+)");

    /** One allowed number: where, the number as written (spaces removed), its source, why it is not a result. */
    record Allowed(String notebook, String number, String source, String note) {
        boolean appliesTo(String notebookName) {
            return notebook.equals("*") || notebookName.startsWith(notebook);
        }
    }

    static List<String> proseNumbers(String markdown) {
        String text = MATH.matcher(markdown).replaceAll(" ");
        text = CODE.matcher(text).replaceAll(" ");
        text = NOT_NUMBERS.matcher(text).replaceAll(" ");
        text = REFERENCE.matcher(text).replaceAll(" ");
        List<String> found = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            found.add(m.group(1).replaceAll("\\s+", ""));
        }
        return found;
    }

    static List<Allowed> allowed() throws IOException {
        Path file = Folders.projectHome().orElseThrow().resolve("notebooks/prose-numbers.csv");
        List<Allowed> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("notebook,")) {
                continue;
            }
            String[] f = line.split(",", 4);
            assertEquals(4, f.length, "notebook,number,source,note: " + line);
            out.add(new Allowed(f[0].trim(), f[1].trim().replaceAll("\\s+", ""), f[2].trim(), f[3].trim()));
        }
        return out;
    }

    static List<Path> lessons() throws IOException {
        try (Stream<Path> s = Files.list(Folders.projectHome().orElseThrow().resolve("notebooks"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    static String markdownOf(JsonNode cell) {
        StringBuilder source = new StringBuilder();
        cell.path("source").forEach(line -> source.append(line.asText()));
        return source.toString();
    }

    @Test
    void theRuleFindsResultsAndSkipsEquationsCodeAndReferences() {
        assertEquals(List.of("78.1±0.6", "12.7%", "1,440", "2.54"),
                proseNumbers("AE_AllData 78.1 ± 0.6, 12.7 % of frames, keeps 82 of 1,440 (median 2.54)."));
        assertEquals(List.of(), proseNumbers("section 3.3, Eq. 1–6, Fig. 10, lesson 03b, $\\mu + 0.1\\sigma$, `p70`, "
                + "$$D_{th} = 0.70$$, d = 2048, FC[d, 1024, 512], 16 frames, rtsp://127.0.0.1:8554/cam, ND4J 1.0.0-M2"));
    }

    @Test
    void noTypedResultInTheCoveredLessons() throws IOException {
        List<Allowed> allowed = allowed();
        List<String> problems = new ArrayList<>();
        for (Path nb : lessons()) {
            String name = nb.getFileName().toString();
            if (COVERED.stream().noneMatch(name::startsWith)) {
                continue;
            }
            JsonNode root = new ObjectMapper().readTree(nb.toFile());
            int index = 0;
            for (JsonNode cell : root.path("cells")) {
                if (cell.path("cell_type").asText().equals("markdown")) {
                    for (String n : proseNumbers(markdownOf(cell))) {
                        if (allowed.stream().noneMatch(a -> a.appliesTo(name) && a.number().equals(n))) {
                            problems.add(name + " cell " + index + ": " + n);
                        }
                    }
                }
                index++;
            }
        }
        assertEquals(List.of(), problems, "print these from a code cell (computed, or read from notebooks/results/), "
                + "or list a paper's number or a setting with its source in notebooks/prose-numbers.csv");
    }

    @Test
    void everyAllowedNumberHasItsSourceAndIsUsed() throws IOException {
        Set<String> used = new LinkedHashSet<>();
        for (Path nb : lessons()) {
            String name = nb.getFileName().toString();
            JsonNode root = new ObjectMapper().readTree(nb.toFile());
            for (JsonNode cell : root.path("cells")) {
                if (cell.path("cell_type").asText().equals("markdown")) {
                    proseNumbers(markdownOf(cell)).forEach(n -> used.add(name + "|" + n));
                }
            }
        }
        List<String> problems = new ArrayList<>();
        for (Allowed a : allowed()) {
            if (used.stream().noneMatch(u -> a.appliesTo(u.substring(0, u.indexOf('|'))) && u.endsWith("|" + a.number()))) {
                problems.add(a.notebook() + " " + a.number() + ": not in any lesson's prose any more (remove it)");
            }
            String problem = sourceProblem(a);
            if (problem != null) {
                problems.add(a.notebook() + " " + a.number() + ": " + problem);
            }
        }
        assertEquals(List.of(), problems);
    }

    /** Null when the source confirms the number. */
    static String sourceProblem(Allowed a) {
        String[] s = a.source().split(":");
        if (a.number().contains("±")) {
            String[] ms = a.number().split("±");
            double[] paper = s.length == 3 && s[0].equals("paper") && s[1].equals("tenSeeds") ? PaperNumbers.tenSeeds(s[2]) : null;
            return paper != null && Math.abs(paper[0] - Double.parseDouble(ms[0])) < 1e-9
                    && Math.abs(paper[1] - Double.parseDouble(ms[1])) < 1e-9 ? null
                    : "a ± figure is a result (print it), unless it is the paper's (source paper:tenSeeds:METHOD)";
        }
        double value;
        try {
            value = Double.parseDouble(a.number().replace("%", "").replace(",", ""));
        } catch (NumberFormatException e) {
            return "not a number";
        }
        double expected;
        switch (s[0]) {
            case "paper" -> {
                expected = switch (s[1]) {
                    case "ucfCrime" -> PaperNumbers.ucfCrime(s[2]);
                    case "shanghaiTech" -> PaperNumbers.shanghaiTech(s[2]);
                    case "tenSeeds" -> PaperNumbers.tenSeeds(s[2])[s[3].equals("mean") ? 0 : 1];
                    default -> Double.NaN;
                };
            }
            case "config" -> {
                GclConfig c = s[1].equals("paper") ? GclConfig.paper() : GclConfig.forProfile(Profile.valueOf(s[1].toUpperCase()));
                JsonNode field = new ObjectMapper().valueToTree(c).get(s[2]);
                if (field == null) {
                    return "no config field " + s[2];
                }
                expected = field.isNumber() ? field.asDouble() : parseLeadingNumber(field.asText());
            }
            case "definition" -> {
                return a.note().isBlank() ? "a definition needs a note saying what it defines" : null;
            }
            default -> {
                return "unknown source " + a.source() + " (paper:..., config:..., definition)";
            }
        }
        return Math.abs(expected - value) < 1e-9 ? null : "the source " + a.source() + " says " + expected;
    }

    private static double parseLeadingNumber(String text) {
        Matcher m = Pattern.compile("\\d+(\\.\\d+)?").matcher(text);
        return m.find() ? Double.parseDouble(m.group()) : Double.NaN;
    }

    @Test
    void theCoveredLessonsExist() throws IOException {
        List<String> names = lessons().stream().map(p -> p.getFileName().toString()).toList();
        for (String prefix : COVERED) {
            assertTrue(names.stream().anyMatch(n -> n.startsWith(prefix)), "no lesson " + prefix);
        }
        assertFalse(allowed().isEmpty());
    }
}
