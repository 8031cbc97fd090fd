package gcl.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gcl.JsonSyntax;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The fields of a config record by name, shared by every method's config ({@link GclConfig},
 * {@code gcl.c2fpl.C2fplConfig}): one field changed with its type checked, the JSON form (fields a JSON
 * lacks take the defaults' values, an unknown field is refused), each field's {@link Doc} and the
 * field table a notebook prints.
 *
 * <p>A method other than GCL writes its name first in its JSON ({@code "method" : "c2fpl"}), so that a
 * config read back from a run or a task says which method it belongs to; GCL's JSON has no such field.
 *
 * @param <C> the config record
 */
public final class ConfigFields<C extends Record> {
    /** The JSON field naming the method, in configs of methods other than GCL. */
    public static final String METHOD = "method";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // epochs=2.7 is refused, not truncated to 2
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    private final Class<C> type;
    private final String what;
    private final String method;
    private final Supplier<C> defaults;

    /**
     * @param type     the record
     * @param what     what messages call it: {@code config}, {@code C2FPL config}
     * @param method   the method's name written first in its JSON, or null (GCL: none)
     * @param defaults the values of fields a JSON lacks
     */
    public ConfigFields(Class<C> type, String what, String method, Supplier<C> defaults) {
        this.type = type;
        this.what = what;
        this.method = method;
        this.defaults = defaults;
    }

    /** Returns the field names, in order. */
    public List<String> names() {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    /** Returns each field's one-line description ({@link Doc}), in order. */
    public Map<String, String> docs() {
        Map<String, String> docs = new LinkedHashMap<>();
        for (RecordComponent c : type.getRecordComponents()) {
            Doc doc = c.getAnnotation(Doc.class);
            docs.put(c.getName(), doc == null ? "" : doc.value());
        }
        return docs;
    }

    /** Returns the config's fields as a JSON tree (without the method's name). */
    public ObjectNode tree(C config) {
        return JSON.valueToTree(config);
    }

    /** Returns a value as the JSON tree {@link #with} takes, e.g. a list as an array. */
    public static JsonNode jsonOf(Object value) {
        return JSON.valueToTree(value);
    }

    /**
     * Returns a copy with one field changed, by name; the value is given in its JSON form (numbers,
     * strings, lists) and must have the field's type: a whole number for int and long, a number for
     * double, true or false for boolean, a list of whole numbers for a list.
     */
    public C with(C config, String field, Object value) {
        ObjectNode tree = tree(config);
        if (!tree.has(field)) {
            throw new IllegalArgumentException("no " + what + " field '" + field + "'; fields: " + names());
        }
        JsonNode v = JSON.valueToTree(value);
        Class<?> t = component(field).getType();
        if ((t == int.class || t == long.class) && !v.isIntegralNumber()) {
            throw new IllegalArgumentException("field " + field + " takes a whole number, got " + v);
        }
        if (t == double.class && !v.isNumber()) {
            throw new IllegalArgumentException("field " + field + " takes a number, got " + v);
        }
        if (t == boolean.class && !v.isBoolean()) {
            throw new IllegalArgumentException("field " + field + " takes true or false, got " + v);
        }
        if (t == List.class && !(v.isArray() && allWholeNumbers(v))) {
            throw new IllegalArgumentException("field " + field + " takes a list of whole numbers such as [64,32,64], got " + v);
        }
        tree.set(field, v);
        return fromTree(tree, "field " + field);
    }

    private static boolean allWholeNumbers(JsonNode array) {
        for (JsonNode n : array) {
            if (!n.isIntegralNumber()) {
                return false;
            }
        }
        return true;
    }

    private RecordComponent component(String field) {
        return Arrays.stream(type.getRecordComponents()).filter(c -> c.getName().equals(field)).findFirst().orElseThrow();
    }

    /** Returns a field's value as text, as tables and messages show it: {@code median}, {@code 0.001}, {@code [64, 32]}. */
    public String valueText(C config, String field) {
        JsonNode v = tree(config).get(field);
        if (v == null) {
            throw new IllegalArgumentException("no " + what + " field '" + field + "'; fields: " + names());
        }
        return v.isTextual() ? v.asText() : v.toString();
    }

    /** Returns the config as a table: field, value, description. */
    public Table table(C config, String title) {
        StringColumn field = StringColumn.create("field");
        StringColumn value = StringColumn.create("value");
        StringColumn description = StringColumn.create("description");
        docs().forEach((name, doc) -> {
            field.append(name);
            value.append(valueText(config, name));
            description.append(doc);
        });
        return Table.create(title, field, value, description);
    }

    /** Returns the config as indented JSON, the method's name first where it has one. */
    public String toJson(C config) {
        try {
            if (method == null) {
                return JSON.writeValueAsString(config);
            }
            ObjectNode tree = JSON.createObjectNode();
            tree.put(METHOD, method);
            tree.setAll(tree(config));
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a config from JSON text ({@link #fromJsonTree}); {@code where} names the source in messages. */
    public C fromJson(String json, String where) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + " is not valid JSON: " + JsonSyntax.problem(e));
        }
        return fromJsonTree(node, where);
    }

    /**
     * Reads a config from a JSON tree: fields it lacks take the defaults' values (configs saved before
     * a field existed ran without it); an unknown field, or another method's name, is refused.
     */
    public C fromJsonTree(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(where + ": a " + what + " must be a JSON object");
        }
        ObjectNode merged = tree(defaults.get());
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (name.equals(METHOD) && !merged.has(METHOD)) {
                String named = node.get(METHOD).asText();
                if (!named.equals(method)) {
                    throw new IllegalArgumentException(where + ": a config of the method '" + named + "', not a " + what);
                }
                continue;
            }
            if (!merged.has(name)) {
                throw new IllegalArgumentException(where + ": unknown " + what + " field '" + name + "'; fields: " + names());
            }
            merged.set(name, node.get(name));
        }
        return fromTree(merged, where);
    }

    private C fromTree(ObjectNode tree, String where) {
        try {
            return JSON.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String message = cause instanceof JsonProcessingException j ? j.getOriginalMessage() : cause.getMessage();
            throw new IllegalArgumentException(where + ": " + message);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }
}
