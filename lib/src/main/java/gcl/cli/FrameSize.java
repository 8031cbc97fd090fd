package gcl.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A frame size given on the command line as {@code WxH} in pixels ({@code --size 320x240}): both
 * numbers whole and positive. Anything else is refused with one line that names the option, what it
 * got and an example, never a number-format error.
 *
 * @param width  pixels across
 * @param height pixels down
 */
record FrameSize(int width, int height) {
    private static final Pattern WXH = Pattern.compile("\\s*(\\d{1,5})\\s*[xX×]\\s*(\\d{1,5})\\s*");

    /**
     * Reads {@code WxH}.
     *
     * @param option  the option's name, for the message (e.g. {@code --size})
     * @param text    what the user gave
     * @param example a valid value to show
     * @throws IllegalArgumentException naming the option, the value and the example
     */
    static FrameSize parse(String option, String text, String example) {
        Matcher m = WXH.matcher(text == null ? "" : text);
        int w = m.matches() ? Integer.parseInt(m.group(1)) : 0;
        int h = m.matches() ? Integer.parseInt(m.group(2)) : 0;
        if (w <= 0 || h <= 0) {
            throw new IllegalArgumentException(option + " takes WIDTHxHEIGHT in pixels, two whole numbers above 0, e.g. "
                    + example + "; got '" + text + "'");
        }
        return new FrameSize(w, h);
    }

    /** Whether both sides are even (what MPEG-4 needs for 4:2:0 colour). */
    boolean even() {
        return width % 2 == 0 && height % 2 == 0;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%dx%d", width, height);
    }
}
