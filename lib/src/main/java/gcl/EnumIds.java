package gcl;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The written form of a plain enum constant, shared by the command line, JSON and tables: its name
 * in lower case with {@code _} as {@code -} ({@code GCL_PT} is {@code gcl-pt}, {@code MEDIAN} is
 * {@code median}). Each enum's {@code id()} and {@code parse(String)} delegate here.
 */
public final class EnumIds {
    private EnumIds() {
    }

    /** Returns the written form of a constant, e.g. {@code vehicle-on-path}. */
    public static String id(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Returns the constant written as {@code text}: its id or its name, ignoring case and the
     * blanks around it.
     *
     * @param what what the value is, for the message ("preset", "video centring")
     * @throws IllegalArgumentException naming the value and the choices, e.g. "unknown preset 'x': use paper or robust"
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String text, String what) {
        String key = text == null ? "" : text.trim();
        for (E constant : type.getEnumConstants()) {
            if (id(constant).equalsIgnoreCase(key) || constant.name().equalsIgnoreCase(key)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + text + "': use " + choices(type));
    }

    /** Returns the ids of an enum's constants as a list in words, e.g. {@code none, median or auto}. */
    public static <E extends Enum<E>> String choices(Class<E> type) {
        String[] ids = Arrays.stream(type.getEnumConstants()).map(EnumIds::id).toArray(String[]::new);
        if (ids.length == 1) {
            return ids[0];
        }
        return Arrays.stream(ids, 0, ids.length - 1).collect(Collectors.joining(", ")) + " or " + ids[ids.length - 1];
    }
}
